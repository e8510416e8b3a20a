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
)

// startServer runs the real Server on a free loopback port over the
// fixture corpus, and stops it when the test ends.
func startServer(t *testing.T) string {
	t.Helper()
	st := newTestStore(t)
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
