package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/extract"
	"github.com/didar-news/didar/normalize"
	"github.com/didar-news/didar/sqlite"
)

// meetCoder keeps the text as it is and adds one meeting between Iran
// and China, dated by the article, when the text has "دیدار": a real
// coder with a fixed rule, enough to check what the store gets.
type meetCoder struct {
	calls atomic.Int64
	after func(n int64) // called after each article, for interruption tests
}

func (c *meetCoder) Extract(in extract.Input) (didar.Record, error) {
	rec := didar.Record{
		Article: didar.Article{ID: in.ID, Source: didar.NullString(in.Source), Via: []string{}, URL: didar.NullString(in.URL),
			Published: in.Published, Title: didar.NullString(in.Title), Text: strings.TrimSpace(in.Text)},
		Actors: []didar.Actor{}, Events: []didar.Event{}, Quotes: []didar.Quote{}, Topics: []string{}, Coder: "meet/1",
	}
	if strings.Contains(in.Text, "دیدار") {
		rec.Actors = []didar.Actor{
			{ID: "IRN", Kind: didar.KindCountry, NameFA: "ایران", Country: "IRN", Roles: []string{}, Mentions: []didar.Mention{}},
			{ID: "CHN", Kind: didar.KindCountry, NameFA: "چین", Country: "CHN", Roles: []string{}, Mentions: []didar.Mention{}},
		}
		e := didar.Event{ID: "e1", Type: didar.Meet, Status: didar.StatusOccurred, Date: in.Published,
			Participants: []string{"IRN", "CHN"}, Topics: []string{}, Confidence: 0.5}
		e.Code("")
		rec.Events = []didar.Event{e}
	}
	n := c.calls.Add(1)
	if c.after != nil {
		c.after(n)
	}
	return rec, nil
}

func openStore(t *testing.T) didar.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "didar.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func write(t *testing.T, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const (
	persian1 = "وزیر امور خارجه ایران امروز در پکن با همتای چینی خود دیدار و درباره روابط دوجانبه گفت‌وگو کرد."
	persian2 = "سخنگوی وزارت امور خارجه در نشست هفتگی خود به پرسش‌های خبرنگاران درباره مذاکرات هسته‌ای پاسخ داد."
	persian3 = "رئیس مجلس در دیدار با سفیر روسیه بر گسترش همکاری‌های پارلمانی دو کشور تأکید کرد و از سفر هیئت روس استقبال کرد."
	persian4 = "بانک مرکزی گزارش تازه‌ای از وضعیت تورم و نقدینگی در شش ماه نخست سال منتشر کرد که نشان از کاهش نرخ رشد دارد."
)

const page = `<!doctype html><html><head><title>عنوان سایت | خبر</title>
<meta property="og:title" content="دیدار وزیران خارجه ایران و چین">
<meta property="og:site_name" content="خبرگزاری نمونه">
<meta property="article:published_time" content="2025-11-17T09:30:00+03:30">
</head><body><nav><a href="/">خانه</a> <a href="/politics">سیاسی</a> <a href="/economy">اقتصادی</a></nav>
<article><h1>دیدار وزیران خارجه ایران و چین</h1>
<p>` + persian1 + `</p><p>` + persian2 + `</p><p>` + persian3 + `</p></article>
<footer>کلیه حقوق این سایت محفوظ است.</footer></body></html>`

func jsonLine(m Meta) string {
	b, _ := json.Marshal(m)
	return string(b)
}

// TestMixedDirectory ingests a directory of good files and junk: the good
// ones are stored, each bad one is reported with its file (and line) and
// reason, and a second run finds everything present.
func TestMixedDirectory(t *testing.T) {
	dir := t.TempDir()
	const limit = 4096
	write(t, dir, "a.txt", []byte(persian1))
	write(t, dir, "sub/deeper/b.txt", []byte(persian2))
	write(t, dir, "c.html", []byte(page))
	write(t, dir, "d.json", []byte(jsonLine(Meta{ID: "d", URL: "https://example.ir/d", Title: "عنوان", Published: "2025-11-18", Source: "ایرنا", Text: persian3})))
	write(t, dir, "e.jsonl", []byte(strings.Join([]string{
		jsonLine(Meta{ID: "e1", Published: "2025-11-19", Text: persian4}),
		"",
		`{"id": "broken", "text": "بدون پایان`,
		jsonLine(Meta{ID: "e3", Published: "yesterday-ish", Text: persian4 + " دوباره"}),
		jsonLine(Meta{ID: "e4", Text: "کوتاه"}),
		jsonLine(Meta{ID: "e5", Published: "2025-11-20T08:00:00Z", Text: persian4 + " سوم"}),
	}, "\n")))
	write(t, dir, "f.json", []byte(`[`+jsonLine(Meta{Text: persian1 + " نسخه دوم"})+`, {"text": 5}]`))
	write(t, dir, ".hidden/secret.txt", []byte(persian2+" پنهان"))
	write(t, dir, "junk.bin", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0xff, 0xfe})
	write(t, dir, "empty.txt", nil)
	write(t, dir, "broken.html", []byte("<html><body><div><p>ok</div></span>"))
	write(t, dir, "latin1.txt", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e \x80\x81\x82 plain bytes"))
	write(t, dir, "big.txt", []byte(strings.Repeat("ب", limit/2)+"x")) // limit+1 bytes
	write(t, dir, "cp1256.txt", cp1256(t, persian2+" ویندوز"))

	s := openStore(t)
	g := &Ingester{Store: s, Coder: &meetCoder{}, MaxBytes: limit, Workers: 2}
	sum, err := g.Run(context.Background(), []string{dir, filepath.Join(dir, "missing.txt")})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"e.jsonl:3":   "invalid JSON",
		"e.jsonl:4":   "field published: cannot read date",
		"e.jsonl:5":   "field text: too little text",
		"f.json[1]":   "invalid JSON",
		"junk.bin":    "binary",
		"empty.txt":   "empty",
		"broken.html": "main content",
		"latin1.txt":  "neither UTF-8 nor windows-1256",
		"big.txt":     "over the size limit of 4096 bytes",
		"missing.txt": "no such file",
	}
	got := map[string]string{}
	for _, f := range sum.Failures {
		got[strings.TrimPrefix(f.Where, dir+string(filepath.Separator))] = f.Reason
		got[filepath.Base(f.Where)] = f.Reason
	}
	for where, reason := range want {
		if !strings.Contains(got[where], reason) {
			t.Errorf("failure of %s = %q, want it to say %q", where, got[where], reason)
		}
	}
	if sum.Failed != len(want) {
		t.Errorf("%d failures, want %d: %+v", sum.Failed, len(want), sum.Failures)
	}
	// a, b, c, d, e1, e5, f[0], cp1256
	if sum.Ingested != 8 || sum.Present != 0 {
		t.Errorf("ingested %d, present %d; want 8 and 0", sum.Ingested, sum.Present)
	}
	if sum.Events != 4 { // a, c, d and f[0] report a meeting
		t.Errorf("%d events, want 4", sum.Events)
	}
	c, err := s.Article(context.Background(), "c")
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "دیدار وزیران خارجه ایران و چین" || c.Source != "خبرگزاری نمونه" || c.Published.String() != "2025-11-17" ||
		strings.Contains(c.Text, "حقوق") || !strings.Contains(c.Text, "سفیر روسیه") {
		t.Errorf("HTML article: title %q, source %q, published %s, text %q", c.Title, c.Source, c.Published, c.Text)
	}
	d, err := s.Article(context.Background(), "d")
	if err != nil {
		t.Fatal(err)
	}
	if d.URL != "https://example.ir/d" || d.Source != "ایرنا" || d.Published.String() != "2025-11-18" {
		t.Errorf("JSON article metadata: %+v", d.Article)
	}
	if cp, err := s.Article(context.Background(), "cp1256"); err != nil || !strings.Contains(normalize.Key(cp.Text), normalize.Key("ویندوز")) {
		t.Errorf("windows-1256 text: %v %+v", err, cp)
	}

	again, err := g.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if again.Ingested != 0 || again.Present != 8 {
		t.Errorf("second run: %d ingested, %d present; want 0 and 8", again.Ingested, again.Present)
	}
}

func cp1256(t *testing.T, s string) []byte {
	t.Helper()
	// windows-1256 has the Arabic forms of yeh and kaf only.
	b, err := encode1256(strings.NewReplacer("ی", "ي", "ک", "ك").Replace(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLargeFile checks the default limit with real files one byte over it
// and of 200 MB (sparse, so they cost no disk), next to a good article
// that is still stored.
func TestLargeFile(t *testing.T) {
	for _, size := range []int64{DefaultMaxBytes + 1, 200 << 20} {
		dir := t.TempDir()
		p := filepath.Join(dir, "huge.txt")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		f.Close()
		if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte(persian1), 0o644); err != nil {
			t.Fatal(err)
		}
		g := &Ingester{Store: openStore(t), Coder: &meetCoder{}}
		sum, err := g.Run(context.Background(), []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Failed != 1 || sum.Ingested != 1 || !strings.Contains(sum.Failures[0].Reason, fmt.Sprintf("%d bytes is over the size limit", size)) {
			t.Errorf("%d-byte file beside a good one: %+v", size, sum)
		}
	}
}

func TestStdin(t *testing.T) {
	s := openStore(t)
	lines := jsonLine(Meta{ID: "s1", Text: persian1}) + "\n" + jsonLine(Meta{ID: "s2", Text: persian2}) + "\n"
	g := &Ingester{Store: s, Coder: &meetCoder{}, Stdin: strings.NewReader(lines)}
	sum, err := g.Run(context.Background(), []string{"-"})
	if err != nil || sum.Ingested != 2 {
		t.Fatalf("JSON Lines on stdin: %v %+v", err, sum)
	}
	g.Stdin = strings.NewReader(persian3)
	sum, err = g.Run(context.Background(), []string{"-"})
	if err != nil || sum.Ingested != 1 {
		t.Fatalf("text on stdin: %v %+v", err, sum)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{persian1, FormatText},
		{"<!doctype html><html>", FormatHTML},
		{`<?xml version="1.0"?><rss version="2.0">`, FormatFeed},
		{`<feed xmlns="http://www.w3.org/2005/Atom">`, FormatFeed},
		{`[{"text": "x"}]`, FormatJSON},
		{`{"text": "x"}`, FormatJSON},
		{"{\"text\": \"x\"}\n{\"text\": \"y\"}", FormatJSONL},
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("sniff(%.30q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParsePublished(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-11-17", "2025-11-17"},
		{"2025-11-17T23:30:00Z", "2025-11-17"},
		{"Mon, 17 Nov 2025 10:00:00 +0330", "2025-11-17"},
		{"۲۶ آبان ۱۴۰۴", "2025-11-17"},
		{"1404-08-26", "2025-11-17"}, // Solar Hijri, told by its year
		{"1404/08/26", "2025-11-17"},
		{"1403-02-31", "2024-05-20"}, // Ordibehesht has 31 days
		{"2025/11/17", "2025-11-17"},
	}
	for _, tt := range tests {
		d, err := ParsePublished(tt.in)
		if err != nil || d.String() != tt.want {
			t.Errorf("ParsePublished(%q) = %s, %v; want %s", tt.in, d, err, tt.want)
		}
	}
	for in, want := range map[string]string{
		"soon":       "cannot read date",
		"2024-02-30": "2024-02-30: February has 29 days in 2024",
		"1404-07-31": "1404-07-31: no such day in the Solar Hijri calendar",
		"2025-13-01": "there is no month 13",
	} {
		if _, err := ParsePublished(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParsePublished(%q): %v, want %q", in, err, want)
		}
	}
}
