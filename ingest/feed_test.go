package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/didar-news/didar"
)

// site is a real HTTP server on loopback with a feed, its pages, and
// feeds that fail in the ways real ones do.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	hits     map[string]int
	agents   map[string]bool
	notMod   int
	feedBody string
}

func newSite(t *testing.T) *site {
	s := &site{hits: map[string]int{}, agents: map[string]bool{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		const etag = `"v1"`
		const modified = "Mon, 17 Nov 2025 10:00:00 GMT"
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == modified {
			s.mu.Lock()
			s.notMod++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", modified)
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		s.mu.Lock()
		body := s.feedBody
		s.mu.Unlock()
		fmt.Fprint(w, body)
	})
	mux.HandleFunc("/news/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/down.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/html.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><h1>Site under maintenance</h1></body></html>")
	})
	mux.HandleFunc("/garbage.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, "\x00\x01garbage<<<")
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.agents[r.Header.Get("User-Agent")] = true
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	s.feedBody = s.rss(item{"دیدار در پکن", s.URL + "/news/1", "Mon, 17 Nov 2025 09:00:00 +0330", "خلاصه کوتاه"},
		item{"نشست خبری", s.URL + "/news/2", "۲۷ آبان ۱۴۰۴", strings.Repeat(persian2+" ", 10)})
	return s
}

type item struct{ title, link, date, desc string }

func (s *site) rss(items ...item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>خبرگزاری آزمایشی</title><link>` + s.URL + `</link>`)
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate><description><![CDATA[<p>%s</p>]]></description></item>",
			it.title, it.link, it.link, it.date, it.desc)
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func fetcher() *Fetcher {
	f := NewFetcher()
	f.Delay = 0
	f.Client.Timeout = 2 * time.Second
	return f
}

func TestIngestFeedURL(t *testing.T) {
	srv := newSite(t)
	s := openStore(t)
	g := &Ingester{Store: s, Coder: &meetCoder{}, Fetch: fetcher()}
	sum, err := g.Run(context.Background(), []string{srv.URL + "/feed.xml", srv.URL + "/down.xml", srv.URL + "/html.xml", srv.URL + "/garbage.xml", srv.URL + "/slow"})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 2 {
		t.Errorf("ingested %d, want the 2 feed items: %+v", sum.Ingested, sum)
	}
	reasons := map[string]string{}
	for _, f := range sum.Failures {
		reasons[strings.TrimPrefix(f.Where, srv.URL)] = f.Reason
	}
	for where, want := range map[string]string{
		"/down.xml":    "HTTP 500",
		"/html.xml":    "not a feed: got an HTML page",
		"/garbage.xml": "not a feed",
		"/slow":        "Timeout",
	} {
		if !strings.Contains(reasons[where], want) {
			t.Errorf("%s failed with %q, want %q", where, reasons[where], want)
		}
	}
	// The first item was a summary: its page was fetched and read.
	if srv.count("/news/1") != 1 || srv.count("/news/2") != 0 {
		t.Errorf("page fetches: /news/1 %d, /news/2 %d; want 1 and 0", srv.count("/news/1"), srv.count("/news/2"))
	}
	page, err := s.Articles(context.Background(), didar.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range page.Articles {
		if a.Published.IsZero() || a.Source != "خبرگزاری آزمایشی" || a.URL == "" {
			t.Errorf("feed article %s: published %s, source %q, url %q", a.ID, a.Published, a.Source, a.URL)
		}
		if strings.HasSuffix(string(a.URL), "/news/2") && a.Published.String() != "2025-11-18" {
			t.Errorf("Solar Hijri pubDate read as %s, want 2025-11-18", a.Published)
		}
	}
	if !srv.agents[UserAgent] || len(srv.agents) != 1 {
		t.Errorf("user agents seen: %v", srv.agents)
	}
}

func TestWatch(t *testing.T) {
	srv := newSite(t)
	s := openStore(t)
	w := &Watcher{Ingester: &Ingester{Store: s, Coder: &meetCoder{}, Fetch: fetcher()}}
	feeds := []string{srv.URL + "/down.xml", srv.URL + "/feed.xml", srv.URL + "/html.xml", srv.URL + "/garbage.xml"}
	res := w.Poll(context.Background(), feeds)
	if len(res) != 4 || res[0].Err == nil || res[2].Err == nil || res[3].Err == nil {
		t.Fatalf("first poll: %+v", res)
	}
	if !strings.Contains(res[2].Err.Error(), "not a feed: got an HTML page") {
		t.Errorf("HTML instead of XML: %v", res[2].Err)
	}
	if r := res[1]; r.Err != nil || r.New != 2 || r.Summary.Ingested != 2 {
		t.Fatalf("feed: %+v", r)
	}
	// Unchanged: one conditional request answered 304, no page fetched.
	res = w.Poll(context.Background(), feeds)
	if !res[1].NotModified || srv.notMod != 1 || srv.count("/news/1") != 1 {
		t.Errorf("second poll: %+v, 304s %d, page fetches %d", res[1], srv.notMod, srv.count("/news/1"))
	}
	// A new item appears (and the validators change): only it is read.
	srv.mu.Lock()
	srv.feedBody = strings.Replace(srv.feedBody, "<item>", "<item><title>خبر تازه</title><link>"+srv.URL+"/news/3</link><guid>n3</guid><description>"+
		strings.Repeat(persian3+" ", 8)+"</description></item><item>", 1)
	srv.mu.Unlock()
	w.feeds[srv.URL+"/feed.xml"].v = Validators{} // the server has no new ETag to offer; forget ours
	res = w.Poll(context.Background(), feeds)
	if r := res[1]; r.Err != nil || r.New != 1 || r.Summary.Ingested != 1 {
		t.Errorf("third poll: %+v", r)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := w.Run(ctx, feeds, time.Hour); err != nil {
		t.Errorf("Run with a done context: %v", err)
	}
}

func TestFetchLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strings.Repeat("x", 101))
	}))
	defer srv.Close()
	f := fetcher()
	f.MaxBytes = 100
	if _, err := f.Get(context.Background(), srv.URL, Validators{}); err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Errorf("101 bytes with a limit of 100: %v", err)
	}
	f.MaxBytes = 101
	if r, err := f.Get(context.Background(), srv.URL, Validators{}); err != nil || len(r.Body) != 101 {
		t.Errorf("101 bytes with a limit of 101: %v", err)
	}
}

// TestPoliteness checks that two requests to one host do not overlap
// and keep the delay between them.
func TestPoliteness(t *testing.T) {
	var mu sync.Mutex
	var active, most int
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		active++
		most = max(most, active)
		times = append(times, time.Now())
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		active--
		mu.Unlock()
	}))
	defer srv.Close()
	f := fetcher()
	f.Delay = 50 * time.Millisecond
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f.Get(context.Background(), srv.URL, Validators{})
		}()
	}
	wg.Wait()
	if most != 1 {
		t.Errorf("%d requests at once to one host, want 1", most)
	}
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < 50*time.Millisecond {
			t.Errorf("requests %v apart, want at least the delay", gap)
		}
	}
}
