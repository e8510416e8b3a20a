package web

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/didar-news/didar"
)

func TestCache(t *testing.T) {
	var store didar.Store
	ingest := func(ctx context.Context, s Submission) (didar.SaveResult, error) {
		rec := fixtureRecord(t, fixtureArticle{id: s.ID, source: s.Source, title: s.Title, published: s.Published.String(), text: s.Text})
		return store.SaveArticle(ctx, didar.NewArticle{Record: rec, Raw: s.Text})
	}
	srv, st := newTestServer(t, Options{CacheTTL: time.Minute, Token: "t", Ingest: ingest})
	store = st

	var s1, s2 didar.Stats
	res1, _ := get(t, srv.URL, "/api/stats", &s1)
	res2, _ := get(t, srv.URL, "/api/stats", &s2)
	if res1.Header.Get("X-Didar-Cache") != "" || res2.Header.Get("X-Didar-Cache") != "hit" {
		t.Errorf("cache headers %q then %q, want a miss then a hit", res1.Header.Get("X-Didar-Cache"), res2.Header.Get("X-Didar-Cache"))
	}
	if s1.Articles != 4 || s2.Articles != 4 {
		t.Fatalf("articles %d, %d; want 4", s1.Articles, s2.Articles)
	}

	// Errors are not kept.
	for range 2 {
		res, _ := get(t, srv.URL, "/api/events?type=dance", nil)
		if res.StatusCode != 400 || res.Header.Get("X-Didar-Cache") != "" {
			t.Errorf("bad request: %d from cache %q", res.StatusCode, res.Header.Get("X-Didar-Cache"))
		}
	}

	// Many readers at once get the same answer.
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var p didar.EventPage
			res, err := get2(srv.URL+"/api/events?dyad=IRN,CHN", &p)
			if err != nil || res != 200 || len(p.Events) != 2 {
				t.Errorf("concurrent read: %v %d %d events", err, res, len(p.Events))
			}
		}()
	}
	wg.Wait()

	// A write through the server clears it.
	res, b := post(t, srv.URL+"/api/articles", "t", `{"id":"new","published":"2025-02-01","text":"عراقچی در تهران با وانگ یی دیدار کرد."}`)
	if res.StatusCode != 201 {
		t.Fatalf("ingest: %d %s", res.StatusCode, b)
	}
	var s3 didar.Stats
	res3, _ := get(t, srv.URL, "/api/stats", &s3)
	if s3.Articles != 5 || res3.Header.Get("X-Didar-Cache") != "" {
		t.Errorf("after a write: %d articles (cache %q), want 5 fresh", s3.Articles, res3.Header.Get("X-Didar-Cache"))
	}
}

// TestCacheExpires checks that an answer older than the TTL is computed
// again, so that writes by other processes show.
func TestCacheExpires(t *testing.T) {
	srv, st := newTestServer(t, Options{CacheTTL: time.Second})
	var s didar.Stats
	get(t, srv.URL, "/api/stats", &s)
	rec := fixtureRecord(t, fixtureArticle{id: "other-process", published: "2025-03-01", text: "لاوروف و وانگ یی در مسکو گفت‌وگو کردند."})
	if _, err := st.SaveArticle(context.Background(), didar.NewArticle{Record: rec}); err != nil {
		t.Fatal(err)
	}
	res, _ := get(t, srv.URL, "/api/stats", &s)
	if s.Articles != 4 || res.Header.Get("X-Didar-Cache") != "hit" {
		t.Errorf("within the TTL: %d articles (cache %q), want the kept 4", s.Articles, res.Header.Get("X-Didar-Cache"))
	}
	time.Sleep(1100 * time.Millisecond)
	res, _ = get(t, srv.URL, "/api/stats", &s)
	if s.Articles != 5 || res.Header.Get("X-Didar-Cache") != "" {
		t.Errorf("after the TTL: %d articles (cache %q), want a fresh 5", s.Articles, res.Header.Get("X-Didar-Cache"))
	}
	res, _ = get(t, srv.URL, "/api/stats", &s)
	if s.Articles != 5 || res.Header.Get("X-Didar-Cache") != "hit" {
		t.Errorf("refreshed: %d articles (cache %q), want the kept 5", s.Articles, res.Header.Get("X-Didar-Cache"))
	}
}

func TestCachePages(t *testing.T) {
	srv, _ := newTestServer(t, Options{CacheTTL: time.Minute})
	fetch := func(path, cookie string) (*http.Response, string) {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		if cookie != "" {
			req.AddCookie(&http.Cookie{Name: "lang", Value: cookie})
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	fetch("/", "")
	res, body := fetch("/", "")
	if res.Header.Get("X-Didar-Cache") != "hit" || res.Header.Get("Content-Security-Policy") == "" || !strings.Contains(body, `lang="fa"`) {
		t.Errorf("second overview: cache %q, CSP %q", res.Header.Get("X-Didar-Cache"), res.Header.Get("Content-Security-Policy"))
	}
	if _, body := fetch("/", "en"); !strings.Contains(body, `lang="en"`) {
		t.Error("the English reader got the cached Persian page")
	}
	// ?lang= names the language the key holds: it neither bypasses the
	// cache nor loses its cookie.
	for _, path := range []string{"/?lang=fa", "/?lang=en"} {
		res, body = fetch(path, "")
		lang := path[len(path)-2:]
		if res.Header.Get("X-Didar-Cache") != "hit" || !strings.Contains(body, `lang="`+lang+`"`) {
			t.Errorf("%s: cache %q, want a hit in its language", path, res.Header.Get("X-Didar-Cache"))
		}
		if c := res.Cookies(); len(c) != 1 || c[0].Value != lang {
			t.Errorf("%s: cookies %v, want lang=%s once", path, c, lang)
		}
	}
	fetch("/events?type=meet&limit=5", "")
	if res, _ := fetch("/events?limit=5&type=meet", ""); res.Header.Get("X-Didar-Cache") != "hit" {
		t.Error("the same query in another order missed the cache")
	}
}

// TestCacheNotShared: answers to a signed-in user (a session cookie or a
// bearer token) and the sign-in form, which carries its own token, are
// never kept nor served from the cache.
func TestCacheNotShared(t *testing.T) {
	srv, _ := newTestServer(t, Options{CacheTTL: time.Minute})
	fetch := func(path string, set func(*http.Request)) *http.Response {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		if set != nil {
			set(req)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res
	}
	session := func(r *http.Request) { r.AddCookie(&http.Cookie{Name: sessionCookie, Value: "s3cret"}) }
	bearer := func(r *http.Request) { r.Header.Set("Authorization", "Bearer t0ken") }
	for _, tt := range []struct {
		path string
		set  func(*http.Request)
	}{{"/", session}, {"/events", session}, {"/api/stats", bearer}, {"/api/stats", session}, {"/signin", nil}} {
		fetch(tt.path, nil)
		fetch(tt.path, tt.set)
		if res := fetch(tt.path, tt.set); res.Header.Get("X-Didar-Cache") != "" {
			t.Errorf("%s for a signed-in user came from the cache", tt.path)
		}
	}
	if res := fetch("/signin", nil); res.Header.Get("X-Didar-Cache") != "" {
		t.Error("the sign-in form came from the cache")
	}
	fetch("/api/stats", bearer)
	if res := fetch("/api/stats", nil); res.Header.Get("X-Didar-Cache") != "hit" {
		t.Error("an anonymous answer is no longer cached")
	}
}
