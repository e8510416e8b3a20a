package web

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/didar-news/didar"
	gold "github.com/didar-news/didar/eval"
)

// TestBrowserCorrections signs in with Chromium, fixes an event's
// direction, relinks a mention, creates an actor from it and adds a
// missed event from a selected span, then checks the record, the audit
// page, a recode that keeps the fixes, and the article's gold line.
func TestBrowserCorrections(t *testing.T) {
	ctx := browser(t)
	st := newTestStore(t)
	token := addUser(t, st, "maryam", didar.RoleEditor)
	h, err := New(st, Options{Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	base := newHTTPTest(t, h)
	b := newTab(t, ctx)
	const article = "/articles/lavrov-2022"

	b.do(chromedp.Navigate(base+"/signin?next="+article), b.visible("#signin"),
		chromedp.SetValue(chromedp.CSS(`#signin input[name="token"]`), token),
		chromedp.Click(chromedp.CSS(`#signin button[type="submit"]`)),
		b.visible("#signed-in"), b.visible("#article-mentions"))
	if loc := b.location(); !strings.HasSuffix(loc, article) {
		t.Fatalf("signing in led to %s", loc)
	}

	// Lavrov came to Tehran: Iran is not the visitor. The coder has it
	// right; swap twice to test both the fix and its mark.
	side := func(which string) string {
		return eval[string](b, `(document.querySelector("#event-e1 .who.directed").querySelectorAll("a")[`+which+`] || {getAttribute(){return ""}}).getAttribute("href")`)
	}
	if side("0") != "/actors/sergey-lavrov" {
		t.Fatalf("before the fix the source is %q", side("0"))
	}
	b.do(chromedp.Click(chromedp.CSS(`#event-e1 details.fix > summary`)),
		chromedp.SetValue(chromedp.CSS(`#event-e1 form[data-op="swap"] input[name="reason"]`), "آزمون جابه‌جایی"),
		chromedp.Click(chromedp.CSS(`#event-e1 form[data-op="swap"] button`)),
		b.visible("#event-e1 .mark.corrected"))
	if side("0") != "/actors/IRN" || side("1") != "/actors/sergey-lavrov" {
		t.Errorf("after the swap: %s → %s", side("0"), side("1"))
	}

	// Relink the mention «سرگئی لاوروف» to Wang Yi by a name search.
	row := `#article-mentions tr[data-start="0"] `
	b.do(chromedp.SetValue(chromedp.CSS(row+`form.relink input[name="actor"]`), "وانگ یی"),
		chromedp.Click(chromedp.CSS(row+`form.relink button`)),
		b.visible(`#article-text a[data-actor="wang-yi"]`))
	if side("1") != "/actors/wang-yi" {
		t.Errorf("after the relink the target is %s", side("1"))
	}

	// Create a new actor from the same mention.
	b.do(chromedp.Click(chromedp.CSS(row+`details.fix > summary`)),
		chromedp.SetValue(chromedp.CSS(row+`form.new-actor input[name="en"]`), "Sergei Lavrov"),
		chromedp.SetValue(chromedp.CSS(row+`form.new-actor select[name="kind"]`), "person"),
		chromedp.SetValue(chromedp.CSS(row+`form.new-actor input[name="country"]`), "RUS"),
		chromedp.SetValue(chromedp.CSS(row+`form.new-actor input[name="office"]`), "foreign-minister"),
		chromedp.SetValue(chromedp.CSS(row+`form.new-actor input[name="title"]`), "Foreign Minister of Russia"),
		chromedp.SetValue(chromedp.CSS(row+`form.new-actor input[name="from"]`), "2004-03-09"),
		chromedp.Click(chromedp.CSS(row+`form.new-actor button`)),
		b.visible(`#article-text a[data-actor="sergei-lavrov"]`))

	// Select the evidence span in the text: the new-event form takes it.
	evidence := "وارد تهران شد"
	eval[bool](b, `(() => {
		const ev = document.querySelector("#article-text .ev");
		const r = document.createRange(); r.selectNodeContents(ev);
		const s = getSelection(); s.removeAllRanges(); s.addRange(r);
		document.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
		return true; })()`)
	fa := fixtureArticles[2]
	start, _ := runeSpan(t, fa.text, evidence)
	if got, at := eval[string](b, `document.getElementById("fix-span").value`), eval[string](b, `document.getElementById("fix-start").value`); got != evidence || at != itoa(start) {
		t.Errorf("the selection filled the form with %q at %s, want %q at %d", got, at, evidence, start)
	}
	b.do(chromedp.SetValue(chromedp.CSS(`#add-event select[name="type"]`), "negotiate"),
		chromedp.SetValue(chromedp.CSS(`#add-event select[name="source"]`), "IRN"),
		chromedp.SetValue(chromedp.CSS(`#add-event select[name="target"]`), "sergei-lavrov"),
		chromedp.Click(chromedp.CSS(`#add-event form button[type="submit"]`)),
		b.visible(`#event-c4`))
	b.shot("article-corrected")

	// The record as users see it, through the API.
	var d ArticleDetail
	if _, err := get2(base+"/api/articles/lavrov-2022", &d); err != nil {
		t.Fatal(err)
	}
	checkRecord := func(when string, d ArticleDetail) {
		t.Helper()
		if len(d.Events) != 2 || d.Events[0].Source != "IRN" || d.Events[0].Target != "sergei-lavrov" || len(d.Events[0].Corrections) != 3 ||
			d.Events[1].Type != didar.Negotiate || d.Events[1].Evidence.Text != evidence || len(d.Unapplied) != 0 {
			b, _ := json.Marshal(d.Events)
			t.Errorf("%s: events %s, unapplied %v", when, b, d.Unapplied)
		}
	}
	checkRecord("after the corrections", d)
	if a, err := st.Actor(context.Background(), "sergei-lavrov"); err != nil || !a.InDictionary || a.Country != "RUS" || len(a.Roles) != 1 {
		t.Errorf("the new actor: %+v %v", a, err)
	}

	// The event tables mark it.
	b.do(chromedp.Navigate(base+"/events?type=visit"), b.visible("table.events"))
	if n := eval[int](b, `document.querySelectorAll("table.events .mark.corrected").length`); n != 1 {
		t.Errorf("%d corrected marks in the events table, want 1", n)
	}

	// The audit page, filtered by user.
	b.do(chromedp.Navigate(base+"/audit?user=maryam"), b.visible("#audit"))
	items := eval[[]string](b, `[...document.querySelectorAll("#audit li")].map(li => li.textContent)`)
	if len(items) != 4 || !strings.Contains(items[0], "آزمون جابه‌جایی") || !strings.Contains(items[2], "sergei-lavrov") {
		t.Errorf("audit: %q", items)
	}
	b.do(chromedp.Navigate(base+"/audit?user=reza"), b.visible("main"))
	if n := eval[int](b, `document.querySelectorAll("#audit li").length`); n != 0 {
		t.Errorf("audit of another user lists %d", n)
	}

	// A recode with the coder's output keeps the fixes.
	res, err := st.Recode(context.Background(), "lavrov-2022", fixtureRecord(t, fa))
	if err != nil || res.Unapplied != 0 {
		t.Fatalf("recode: %+v %v", res, err)
	}
	d = ArticleDetail{}
	if _, err := get2(base+"/api/articles/lavrov-2022", &d); err != nil {
		t.Fatal(err)
	}
	checkRecord("after a recode", d)
	b.do(chromedp.Navigate(base+article), b.visible("#event-e1 .mark.corrected"), b.visible(`#article-text a[data-actor="sergei-lavrov"]`))

	// The gold line of the article, as didar gold export writes it.
	rec, _, _, err := didar.CorrectedRecord(context.Background(), st, "lavrov-2022")
	if err != nil {
		t.Fatal(err)
	}
	line, _ := json.Marshal(gold.GoldOf(*rec, false))
	golds, err := gold.ReadGold(strings.NewReader(string(line)), "gold")
	if err != nil {
		t.Fatalf("gold line %s: %v", line, err)
	}
	g := golds[0]
	if len(g.Events) != 2 || strings.Join(g.Events[0].Source, "") != "IRN" || strings.Join(g.Events[0].Target, "") != "sergei-lavrov" {
		t.Errorf("gold line %s", line)
	}
	found := false
	for _, a := range g.Actors {
		found = found || a.Key == "sergei-lavrov" && a.EN != nil && *a.EN == "Sergei Lavrov"
	}
	if !found {
		t.Errorf("the gold line lacks the new actor: %s", line)
	}
}
