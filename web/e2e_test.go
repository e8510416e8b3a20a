package web

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/sqlite"
	"github.com/didar-news/didar/storetest"
)

// startServer runs the real Server on a free loopback port over the
// fixture corpus, and stops it when the test ends.
func startServer(t *testing.T) string {
	t.Helper()
	return serve(t, newTestStore(t))
}

// serve starts a server over st on a loopback port.
func serve(t *testing.T, st didar.Store) string {
	t.Helper()
	h, err := New(st, Options{Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := Listen("127.0.0.1:0", h, quietLogger())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("server: %v", err)
		}
	})
	return srv.URL()
}

// browser starts Debian's Chromium, headless, from DIDAR_TEST_CHROMIUM.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("DIDAR_TEST_CHROMIUM")
	if path == "" {
		t.Skip("DIDAR_TEST_CHROMIUM is not set: browser tests skipped (set it to Chromium's path, e.g. /usr/bin/chromium)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	// The first run starts the browser and must not carry a timeout (it
	// would stop the browser); later calls share one.
	if err := chromedp.Do(ctx); err != nil {
		cancelC()
		cancelA()
		t.Fatalf("start chromium: %v", err)
	}
	t.Cleanup(func() { cancelC(); cancelA() })
	return ctx
}

// newTab bounds one subtest's work in the browser.
func newTab(t *testing.T, ctx context.Context) tab {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	t.Cleanup(cancel)
	return tab{t, ctx}
}

// tab drives the browser for one test, failing it on any error.
type tab struct {
	t   *testing.T
	ctx context.Context
}

func (b tab) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

func run[T any](b tab, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatal(err)
	}
	return v
}

func eval[T any](b tab, expr string) T { b.t.Helper(); return run(b, chromedp.Evaluate[T](expr)) }
func (b tab) text(sel string) string   { b.t.Helper(); return run(b, chromedp.Text(chromedp.CSS(sel))) }
func (b tab) attr(sel, name string) string {
	b.t.Helper()
	return run(b, chromedp.AttributeValue(chromedp.CSS(sel), name)).Value
}
func (b tab) location() string { b.t.Helper(); return run(b, chromedp.Location()) }
func (b tab) visible(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.WaitVisible(chromedp.CSS(sel))
}

// shot saves a full-page screenshot into the test's temporary directory
// (and into DIDAR_TEST_SCREENSHOTS when set, to look at them).
func (b tab) shot(name string) {
	b.t.Helper()
	png := run(b, chromedp.FullScreenshot(100))
	if !bytes.HasPrefix(png, []byte("\x89PNG")) || len(png) < 1000 {
		b.t.Errorf("screenshot %s is only %d bytes", name, len(png))
	}
	dirs := []string{b.t.TempDir()}
	if d := os.Getenv("DIDAR_TEST_SCREENSHOTS"); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		if err := os.WriteFile(filepath.Join(d, name+".png"), png, 0o644); err != nil {
			b.t.Fatal(err)
		}
	}
}

// rtlAndPersian checks that the page is laid out right to left and that
// its Persian heading takes up room on screen (it was shaped and drawn,
// not left empty).
func (b tab) rtlAndPersian(page string) {
	b.t.Helper()
	dir := eval[string](b, `getComputedStyle(document.body).direction`)
	lang := eval[string](b, `document.documentElement.lang`)
	h1 := b.text("h1")
	width := eval[float64](b, `document.querySelector("h1").getBoundingClientRect().width`)
	if dir != "rtl" || lang != "fa" {
		b.t.Errorf("%s: direction %q lang %q, want rtl and fa", page, dir, lang)
	}
	if !hasPersian(h1) || width < 20 {
		b.t.Errorf("%s: heading %q (%.0f px wide) is not rendered Persian", page, h1, width)
	}
}

func hasPersian(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF {
			return true
		}
	}
	return false
}

func TestBrowser(t *testing.T) {
	ctx := browser(t)
	base := startServer(t)

	t.Run("overview", func(t *testing.T) {
		b := newTab(t, ctx)
		b.do(chromedp.Navigate(base+"/"), b.visible("#recent table"))
		b.rtlAndPersian("overview")
		if rows := eval[int](b, `document.querySelectorAll("#recent tbody tr").length`); rows != 4 {
			t.Errorf("recent events: %d rows, want 4", rows)
		}
		// 2024-12-27 is 7 Dey 1403; the browser's Persian calendar writes it.
		if date := b.text("#recent tbody tr:first-child time"); !strings.Contains(date, "۱۴۰۳") || !strings.Contains(date, "دی") {
			t.Errorf("newest event date reads %q, want a Solar Hijri date in Dey 1403", date)
		}
		b.shot("overview")
	})

	t.Run("keyboard", func(t *testing.T) {
		b := newTab(t, ctx)
		b.do(chromedp.Navigate(base+"/"), b.visible("main"), chromedp.KeyEvent(kb.Tab))
		focused := eval[string](b, `document.activeElement.className`)
		b.do(chromedp.KeyEvent(kb.Enter))
		after := eval[string](b, `document.activeElement.id`)
		if focused != "skip" || after != "main" {
			t.Errorf("Tab focused %q and Enter moved to %q; want the skip link, then main", focused, after)
		}
	})

	t.Run("filter events", func(t *testing.T) {
		b := newTab(t, ctx)
		b.do(chromedp.Navigate(base+"/events"), b.visible("#event-filters"),
			chromedp.SetValue(chromedp.CSS(`#event-filters select[name="type"]`), "agree"),
			chromedp.Click(chromedp.CSS(`#event-filters button[type="submit"]`)),
			b.visible(`#csv[href*="type=agree"]`))
		if loc := b.location(); !strings.Contains(loc, "type=agree") {
			t.Errorf("filtered URL %q lacks type=agree", loc)
		}
		types := eval[[]string](b, `[...document.querySelectorAll("table.events tbody tr td:nth-child(2)")].map(td => td.textContent.trim())`)
		if len(types) != 1 || types[0] != "توافق" {
			t.Errorf("filtered rows %q, want one توافق", types)
		}
		b.rtlAndPersian("events")
		b.shot("events")
	})

	t.Run("article highlights", func(t *testing.T) {
		b := newTab(t, ctx)
		b.do(chromedp.Navigate(base+"/articles/beijing-2024"), b.visible("#article-text"))
		b.rtlAndPersian("article")
		mentions := eval[int](b, `document.querySelectorAll("#article-text a.m").length`)
		evidence := eval[int](b, `document.querySelectorAll("#article-text .ev").length`)
		quotes := eval[int](b, `document.querySelectorAll("#article-text .qt").length`)
		if mentions < 5 || evidence < 1 || quotes < 1 {
			t.Errorf("highlights: %d mentions, %d evidence runs, %d quote runs", mentions, evidence, quotes)
		}
		if title := b.attr(`#article-text a[data-actor="wang-yi"]`, "title"); !strings.Contains(title, "وانگ یی") || !strings.Contains(title, "دیدار") {
			t.Errorf("hover text of the mention %q does not name the actor and the event", title)
		}
		b.shot("article")
		b.do(chromedp.Click(chromedp.CSS(`#article-text a[data-actor="wang-yi"]`)), b.visible("#partners"))
		if loc, h1 := b.location(), b.text("h1"); !strings.HasSuffix(loc, "/actors/wang-yi") || h1 != "وانگ یی" {
			t.Errorf("clicking the mention opened %s titled %q", loc, h1)
		}
	})

	t.Run("markup stays text", func(t *testing.T) {
		b := newTab(t, ctx)
		b.do(chromedp.Navigate(base+"/articles/markup"), b.visible("#article-text"))
		scripts := eval[int](b, `document.querySelectorAll("main script").length`)
		images := eval[int](b, `document.querySelectorAll("main img").length`)
		if scripts != 0 || images != 0 {
			t.Errorf("the article's markup became %d scripts and %d images", scripts, images)
		}
		text, title := b.text("#article-text"), run(b, chromedp.Title())
		if !strings.Contains(text, "<script>alert('text')</script>") || !strings.Contains(title, "<script>") {
			t.Errorf("the markup is not shown as text: %q / %q", text, title)
		}
	})

	t.Run("actor", func(t *testing.T) {
		b := newTab(t, ctx)
		b.do(chromedp.Navigate(base+"/actors/abbas-araghchi"), b.visible("#roles"))
		b.rtlAndPersian("actor")
		roles := eval[int](b, `document.querySelectorAll("#roles li").length`)
		partners := eval[int](b, `document.querySelectorAll("#partners a[href^='/dyads/']").length`)
		if roles != 2 || partners < 1 {
			t.Errorf("actor page: %d roles, %d partners", roles, partners)
		}
		b.shot("actor")
	})

	t.Run("dyad timeline", func(t *testing.T) {
		b := newTab(t, ctx)
		b.do(chromedp.Navigate(base+"/dyads/IRN/CHN"), b.visible("svg.timeline"))
		b.rtlAndPersian("dyad")
		bars := eval[int](b, `document.querySelectorAll("svg.timeline rect.q1, svg.timeline rect.q2").length`)
		height := eval[float64](b, `document.querySelector("svg.timeline").getBoundingClientRect().height`)
		if bars != 2 || height < 100 {
			t.Errorf("timeline: %d cooperation bars (want 2), %.0f px high", bars, height)
		}
		// The Persian page's chart counts and dates in Persian digits.
		ticks := eval[[]string](b, `[...document.querySelectorAll("svg.timeline text")].map(t => t.textContent)`)
		for _, tick := range ticks {
			if strings.ContainsAny(tick, "0123456789") || !strings.ContainsAny(tick, "۰۱۲۳۴۵۶۷۸۹") {
				t.Errorf("timeline label %q is not in Persian digits", tick)
			}
		}
		b.shot("dyad")
	})

	t.Run("network", func(t *testing.T) {
		b := newTab(t, ctx)
		b.do(chromedp.Navigate(base+"/network"), b.visible("svg.network"))
		b.rtlAndPersian("network")
		nodes := eval[int](b, `document.querySelectorAll("svg.network circle").length`)
		edges := eval[int](b, `document.querySelectorAll("svg.network line").length`)
		if nodes < 6 || edges < 4 {
			t.Errorf("network: %d nodes, %d edges", nodes, edges)
		}
		b.shot("network")
	})

	t.Run("who did what to whom", func(t *testing.T) {
		b := newTab(t, ctx)
		b.do(chromedp.Navigate(base+"/events?type=visit"), b.visible("table.events .who"))
		// On the right-to-left page the source stands right of the
		// target, and the arrow between them points from it.
		order := eval[[]float64](b, `(() => { const w = document.querySelector("table.events .who");
			const r = s => w.querySelector(s).getBoundingClientRect().left;
			return [r("a:first-child"), r(".arrow"), r("a:last-child")]; })()`)
		if len(order) != 3 || !(order[0] > order[1] && order[1] > order[2]) {
			t.Errorf("source, arrow, target at x %v: want them right to left", order)
		}
		if who := b.text("table.events .who"); who != "سرگئی لاوروف ← ایران" {
			t.Errorf("the visit reads %q, want سرگئی لاوروف ← ایران", who)
		}
		b.shot("events-visit")
	})

	t.Run("solar hijri dates", func(t *testing.T) {
		b := newTab(t, ctx)
		// 1403-10-01 to 1403-10-30 is 21 December 2024 to 19 January
		// 2025: the Beijing meeting of 27 December only.
		b.do(chromedp.Navigate(base+"/events"), b.visible("#event-filters"),
			chromedp.SendKeys(chromedp.CSS(`#event-filters input[name="from"]`), "1403-10-01"),
			chromedp.SendKeys(chromedp.CSS(`#event-filters input[name="to"]`), "۱۴۰۳-۱۰-۳۰"),
			chromedp.Click(chromedp.CSS(`#event-filters button[type="submit"]`)),
			b.visible(`#csv[href*="from="]`))
		if rows := eval[int](b, `document.querySelectorAll("table.events tbody tr").length`); rows != 1 {
			t.Errorf("%d events between 1 and 30 Dey 1403, want 1", rows)
		}
		if v := eval[string](b, `document.querySelector('#event-filters input[name="from"]').value`); v != "۱۴۰۳-۱۰-۰۱" {
			t.Errorf("the from field reads %q after the search, want ۱۴۰۳-۱۰-۰۱", v)
		}
		if date := b.text("table.events tbody time"); !strings.Contains(date, "دی ۱۴۰۳") {
			t.Errorf("the event's date reads %q, want a day of Dey 1403", date)
		}
	})

	t.Run("english switch", func(t *testing.T) {
		b := newTab(t, ctx)
		b.do(chromedp.Navigate(base+"/events"), b.visible("#lang-switch"),
			chromedp.Click(chromedp.CSS("#lang-switch")), b.visible(`html[lang="en"] h1`))
		dir := eval[string](b, `getComputedStyle(document.body).direction`)
		if h1 := b.text("h1"); dir != "ltr" || h1 != "Events" {
			t.Errorf("English page: dir %q h1 %q", dir, h1)
		}
		// Back to Persian for the tests after this one.
		b.do(chromedp.Click(chromedp.CSS("#lang-switch")), b.visible(`html[lang="fa"] h1`))
	})

	t.Run("phone width", func(t *testing.T) {
		b := newTab(t, ctx)
		b.do(chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/events"), b.visible("table.events"))
		if eval[bool](b, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
			t.Error("the events page is wider than a phone screen")
		}
		b.shot("events-phone")
	})
}

// TestBrowserNetwork200 draws a network of 200 actors: labels do not
// collide, hovering an actor lights its ties alone, the wheel and the
// buttons zoom, a drag pans, and a minimum weight thins the ties.
func TestBrowserNetwork200(t *testing.T) {
	ctx := browser(t)
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "didar.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := &storetest.Corpus{Seed: 5, Actors: 400, Days: 365}
	if err := st.SaveEntries(context.Background(), c.Entries()); err != nil {
		t.Fatal(err)
	}
	var in []didar.NewArticle
	for i := range 900 {
		in = append(in, c.Article(i))
	}
	storetest.SaveInBatches(t, st, in, 100)
	base := serve(t, st)
	b := newTab(t, ctx)
	b.do(chromedp.Navigate(base+"/network?limit=300"), b.visible("svg.network"))
	nodes := eval[int](b, `document.querySelectorAll("svg.network a.node").length`)
	if nodes < 200 {
		t.Fatalf("%d actors drawn, want at least 200", nodes)
	}
	// Labels shown on screen do not overlap one another.
	overlaps := eval[int](b, `(() => {
		const rs = [...document.querySelectorAll("svg.network a.node:not(.unlabelled) text")].map(t => t.getBoundingClientRect());
		let n = 0;
		for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) {
			const a = rs[i], b = rs[j];
			if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) n++;
		}
		return n; })()`)
	labels := eval[int](b, `document.querySelectorAll("svg.network a.node:not(.unlabelled)").length`)
	if overlaps > 0 || labels < 40 {
		t.Errorf("%d labels shown, %d pairs overlapping", labels, overlaps)
	}
	b.shot("network-200")
	// Hover the busiest actor: its ties light up, the others fade.
	b.do(chromedp.ScrollIntoView(chromedp.CSS("svg.network a.node:last-child circle")))
	at := eval[[]float64](b, `(() => { const r = document.querySelector("svg.network a.node:last-child circle").getBoundingClientRect(); return [r.left + r.width/2, r.top + r.height/2]; })()`)
	b.do(chromedp.MouseEvent(chromedp.MouseMoved, at[0], at[1]))
	hot := eval[[]int](b, `(() => { const id = document.querySelector("svg.network a.node:last-child").dataset.id;
		const mine = [...document.querySelectorAll("svg.network line")].filter(l => l.dataset.a === id || l.dataset.b === id);
		return [document.querySelectorAll("svg.network line.hot").length, mine.length,
			document.querySelector("svg.network").classList.contains("focusing") ? 1 : 0]; })()`)
	if hot[0] == 0 || hot[0] != hot[1] || hot[2] != 1 {
		t.Errorf("hover: %d ties lit, the actor has %d, focusing %d", hot[0], hot[1], hot[2])
	}
	b.shot("network-200-hover")
	viewBox := func() string { return b.attr("svg.network", "viewBox") }
	full := viewBox()
	// Input sent through the DevTools protocol right after other input is
	// sometimes dropped by a busy headless Chromium, so the buttons, the
	// wheel and the drag are dispatched from the page as DOM events; that
	// nothing covers the buttons is checked on its own.
	press := func(button string) {
		eval[bool](b, `document.querySelector('.zoom button[data-zoom="`+button+`"]').click() || true`)
	}
	press("in")
	zoomed := viewBox()
	if zoomed == full {
		t.Fatalf("zoom in left the viewBox at %s", full)
	}
	eval[bool](b, `(() => { const s = document.querySelector("svg.network"), r = s.getBoundingClientRect();
		s.dispatchEvent(new WheelEvent("wheel", {deltaY: -240, clientX: r.left + r.width/2, clientY: r.top + r.height/2, bubbles: true, cancelable: true}));
		return true; })()`)
	if wheeled := viewBox(); wheeled == zoomed {
		t.Errorf("the wheel did not zoom: viewBox %s", wheeled)
	}
	zoomed = viewBox()
	b.shot("network-200-zoomed")
	eval[bool](b, `(() => { const s = document.querySelector("svg.network"), r = s.getBoundingClientRect();
		const x = r.left + r.width/2, y = r.top + r.height/2;
		s.dispatchEvent(new PointerEvent("pointerdown", {button: 0, buttons: 1, clientX: x, clientY: y, bubbles: true}));
		window.dispatchEvent(new PointerEvent("pointermove", {buttons: 1, clientX: x + 60, clientY: y + 40}));
		window.dispatchEvent(new PointerEvent("pointermove", {buttons: 1, clientX: x + 120, clientY: y + 80}));
		window.dispatchEvent(new PointerEvent("pointerup", {button: 0, buttons: 0, clientX: x + 120, clientY: y + 80}));
		return true; })()`)
	if panned := viewBox(); panned == zoomed {
		t.Errorf("a drag did not pan: viewBox %s", panned)
	}
	// The buttons stay on top of the picture, whatever it shows.
	b.do(chromedp.ScrollIntoView(chromedp.CSS(`.zoom button[data-zoom="reset"]`)))
	if top := eval[string](b, `(() => { const r = document.querySelector('.zoom button[data-zoom="reset"]').getBoundingClientRect();
		const e = document.elementFromPoint(r.left + r.width/2, r.top + r.height/2); return e ? e.getAttribute("data-zoom") || e.tagName : "nothing"; })()`); top != "reset" {
		t.Errorf("the reset button is covered by %q", top)
	}
	press("reset")
	if v := viewBox(); v != full {
		t.Errorf("reset: viewBox %s, want %s", v, full)
	}
	// A minimum weight keeps only the stronger ties.
	all := eval[int](b, `document.querySelectorAll("svg.network line").length`)
	b.do(chromedp.Navigate(base+"/network?limit=300&min=3"), b.visible("svg.network"))
	strong := eval[int](b, `document.querySelectorAll("svg.network line").length`)
	if strong == 0 || strong >= all {
		t.Errorf("min=3: %d ties of %d", strong, all)
	}
	b.shot("network-200-min3")
}
