package web

import (
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/didar-news/didar"
)

func TestPages(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	tests := []struct {
		path   string
		status int
		has    []string
		hasNot []string
	}{
		{"/", 200, []string{`lang="fa" dir="rtl"`, "نمای کلی", "تازه‌ترین رویدادها", `href="/dyads/`, `<svg class="bars"`}, nil},
		{"/?lang=en", 200, []string{`lang="en" dir="ltr"`, "Recent events", "Events by type"}, []string{"تازه‌ترین رویدادها"}},
		{"/events?type=meet", 200, []string{"دیدار", `href="/api/events.csv?type=meet"`, `<option value="meet" selected>`}, []string{"تهدید</a>"}},
		{"/events?dyad=IRN&dyad=CHN", 200, []string{`value="IRN"`, `value="CHN"`, "توافق"}, []string{"انتقاد</a>"}},
		// A directed event reads source, arrow, target in the reading
		// direction; a symmetric one lists its participants.
		{"/events?type=visit", 200, []string{`<span class="who directed"><a href="/actors/sergey-lavrov"><bdi>سرگئی لاوروف</bdi></a> <span class="arrow" role="img" aria-label="به">←</span> <a href="/actors/IRN"><bdi>ایران</bdi></a></span>`}, nil},
		{"/events?type=visit&lang=en", 200, []string{`<bdi>Sergey Lavrov</bdi></a> <span class="arrow" role="img" aria-label="to">→</span> <a href="/actors/IRN"><bdi>Iran</bdi>`}, nil},
		{"/events?type=meet", 200, []string{`<bdi>عباس عراقچی</bdi></a>، <a href="/actors/wang-yi">`}, []string{`class="arrow"`}},
		{"/events/" + "x", 404, nil, nil},
		{"/articles/lavrov-2022", 200, []string{`<bdi>سرگئی لاوروف</bdi></a> <span class="arrow"`}, nil},
		{"/events?type=dance", 400, []string{"dance", `dir="rtl"`}, nil},
		{"/articles?q=" + "%D9%BE%DA%A9%D9%86", 200, []string{`href="/articles/beijing-2024"`}, []string{`href="/articles/lavrov-2022"`}},
		{"/articles/beijing-2024", 200, []string{
			`<a class="m ev" href="/actors/wang-yi"`, `data-actor="abbas-araghchi"`, `class="ev`, `class="qt`,
			`title="وانگ یی (شخص، CHN) · دیدار: عباس عراقچی، وانگ یی"`,
		}, nil},
		{"/articles/markup", 200, []string{"&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "&lt;b&gt;رسانه&lt;/b&gt;"},
			[]string{"<script>alert", "<img src=x", "<b>رسانه"}},
		{"/articles/nowhere", 404, []string{"nowhere"}, nil},
		{"/actors?q=%D8%B9%D8%B1%D8%A7%D9%82%DA%86%DB%8C", 200, []string{`href="/actors/abbas-araghchi"`}, nil},
		{"/actors/abbas-araghchi", 200, []string{"Foreign Minister of Iran", "Deputy Foreign Minister of Iran", `href="/dyads/abbas-araghchi/wang-yi"`, "تاکنون", "<dd>۲ · ۱ رویداد</dd>"}, []string{"CONSULT", "{"}},
		// The Persian page's charts count in Persian digits.
		{"/dyads/IRN/CHN", 200, []string{`<svg class="timeline"`, `class="q1"`, `<polyline class="goldstein"`, "۲۰۲۱-۰۳", "۲۰۲۴-۱۲", `dy="8">+۱</text>`}, []string{">2021<", `<td>2021-03</td>`}},
		{"/dyads/IRN/CHN?lang=en", 200, []string{"2021-03", "2024-12"}, nil},
		// Date fields take and show Solar Hijri dates on the Persian page.
		{"/events?from=1403-10-01&to=%DB%B1%DB%B4%DB%B0%DB%B3-%DB%B1%DB%B0-%DB%B3%DB%B0", 200, []string{`name="from" value="۱۴۰۳-۱۰-۰۱"`, `name="to" value="۱۴۰۳-۱۰-۳۰"`, "/events/"}, []string{`type="date"`}},
		{"/events?from=2024-12-21&lang=en", 200, []string{`type="date" name="from" value="2024-12-21"`}, nil},
		{"/events?from=1404-12-30", 400, []string{"Solar Hijri"}, nil},
		{"/dyads/IRN/CHN?lang=en", 200, []string{"Cooperation and conflict by month", "Verbal cooperation"}, nil},
		{"/articles/beijing-2024?lang=en", 200, []string{`title="Wang Yi (Person, CHN) · Meet: Abbas Araghchi, Wang Yi"`}, []string{"Araghchi، "}},
		{"/dyads/IRN/IRN", 400, []string{"different"}, nil},
		{"/network", 200, []string{`<svg class="network"`, `<circle`, `href="/actors/wang-yi"`, `href="/dyads/`}, nil},
		{"/network?country=RUS", 200, []string{`href="/actors/sergey-lavrov"`}, []string{`href="/actors/wang-yi"`}},
		{"/events/nope", 404, []string{"nope"}, nil},
		{"/no/such/page", 404, []string{`dir="rtl"`}, nil},
		{"/static/style.css", 200, []string{"Vazirmatn", `"Noto Naskh Arabic"`}, nil},
		{"/static/app.js", 200, []string{"fa-IR-u-ca-persian"}, nil},
	}
	for _, tt := range tests {
		res, b := get(t, srv.URL, tt.path, nil)
		body := string(b)
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, res.StatusCode, tt.status)
		}
		for _, s := range tt.has {
			if !strings.Contains(body, s) {
				t.Errorf("%s: page lacks %q", tt.path, s)
			}
		}
		for _, s := range tt.hasNot {
			if strings.Contains(body, s) {
				t.Errorf("%s: page has %q", tt.path, s)
			}
		}
	}
}

func TestLanguageCookie(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	for _, step := range []struct{ path, want string }{
		{"/events", `lang="fa"`},
		{"/events?lang=en", `lang="en"`},
		{"/actors", `lang="en"`}, // remembered
		{"/actors?lang=fa", `lang="fa"`},
		{"/", `lang="fa"`},
	} {
		res, err := c.Get(srv.URL + step.path)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		buf := make([]byte, 4096)
		n, _ := res.Body.Read(buf)
		b.Write(buf[:n])
		res.Body.Close()
		if !strings.Contains(b.String(), step.want) {
			t.Errorf("%s: page is not %s", step.path, step.want)
		}
	}
}

// TestLabels checks that every label the templates ask for exists in
// both languages, and that every code the pages name has a label.
func TestLabels(t *testing.T) {
	l, err := loadLabels()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("templates/*.html")
	used := regexp.MustCompile(`\.T "([^"]+)"`)
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(b), -1) {
			n++
			if _, ok := l[m[1]]; !ok {
				t.Errorf("%s: label %q is not in labels.yaml", f, m[1])
			}
		}
	}
	if n < 50 {
		t.Errorf("found only %d label uses", n)
	}
	var keys []string
	for _, et := range didar.EventTypes() {
		keys = append(keys, "type."+string(et))
	}
	for _, s := range []string{"occurred", "planned", "past-reference"} {
		keys = append(keys, "status."+s)
	}
	for _, k := range []string{"person", "organization", "country", "place", "group"} {
		keys = append(keys, "kind."+k)
	}
	keys = append(keys, "quad.1", "quad.2", "quad.3", "quad.4", "sort.-date", "sort.date", "sort.-articles", "sort.goldstein")
	for _, k := range keys {
		if _, ok := l[k]; !ok {
			t.Errorf("label %q is missing", k)
		}
	}
}

func TestSegments(t *testing.T) {
	text := "عراقچی گفت: «با وانگ یی دیدار کردم.»"
	rec := &didar.Record{
		Actors: []didar.Actor{
			{ID: "abbas-araghchi", Mentions: []didar.Mention{{Start: 0, End: 6}}},
			{ID: "wang-yi", Mentions: []didar.Mention{{Start: 16, End: 23}, {Start: 16, End: 20}, {Start: 90, End: 95}}},
		},
		Events: []didar.Event{{Evidence: didar.Span{Start: 13, End: 34}}},
		Quotes: []didar.Quote{{Span: didar.Span{Start: 13, End: 35}}},
	}
	got := segments(text, rec, func(kind string, i int) string { return kind })
	var joined strings.Builder
	var desc []string
	for _, s := range got {
		joined.WriteString(s.Text)
		desc = append(desc, s.Text+"|"+s.Class+"|"+s.ActorID)
	}
	if joined.String() != text {
		t.Fatalf("segments lose text: %q", joined.String())
	}
	want := []string{
		"عراقچی|m|abbas-araghchi",
		" گفت: «||",
		"با |ev qt|",
		"وانگ یی|m ev qt|wang-yi", // the longer of two overlapping mentions
		" دیدار کردم|ev qt|",
		".|qt|",
		"»||",
	}
	if strings.Join(desc, "\n") != strings.Join(want, "\n") {
		t.Errorf("segments:\n%s\nwant:\n%s", strings.Join(desc, "\n"), strings.Join(want, "\n"))
	}
}

func TestFillMonths(t *testing.T) {
	got := fillMonths([]didar.DyadMonth{{Month: "2024-11", Events: 2}, {Month: "2025-02", Events: 1}})
	var months []string
	for _, m := range got {
		months = append(months, m.Month)
	}
	if strings.Join(months, ",") != "2024-11,2024-12,2025-01,2025-02" {
		t.Errorf("months %v", months)
	}
	if got[1].Events != 0 || got[3].Events != 1 {
		t.Errorf("counts %+v", got)
	}
}

func TestNum(t *testing.T) {
	p := &page{Lang: "fa"}
	if got := p.Num(-2.5); got != "−۲٫۵" {
		t.Errorf("Num(-2.5) = %q", got)
	}
	if got := p.Num(1404); got != "۱۴۰۴" {
		t.Errorf("Num(1404) = %q", got)
	}
	p.Lang = "en"
	if got := p.Num(12); got != "12" {
		t.Errorf("en Num(12) = %q", got)
	}
}
