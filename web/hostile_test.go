package web

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// hostile are values an attacker or a broken client sends: long, not
// UTF-8, overlong encodings of dots and slashes, patterns, controls.
var hostile = []string{
	"", "%ff", "%c0%ae%c0%ae", "%c0%ae%c0%ae%2f%c0%ae%c0%ae%2fetc%2fpasswd", "..%2f..%2fetc%2fpasswd", "%00",
	"%25", "%e2%80%ae", "*", "%5b", "[a-", "%%%", "'%20OR%201=1--", "x%0d%0aSet-Cookie:%20a=b",
	strings.Repeat("%25_", 5000), strings.Repeat("a", 50000), strings.Repeat("%d8%a7", 20000),
}

// TestNoServerErrors sends hostile values as every path parameter and
// every query parameter of every route (API, pages and the forms' posts):
// none may answer 5xx.
func TestNoServerErrors(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	h, _ := New(newTestStore(t), Options{Logger: quietLogger()})
	hh := h.(*handler)
	routes := append(append(append([]string{"GET /static/"}, hh.routes...), hh.pageRoutes...), hh.writes...)
	params := []string{"q", "actor", "country", "dyad", "type", "quad_class", "status", "topic", "outlet", "sort",
		"cursor", "limit", "from", "to", "kind", "story", "a", "b", "lang", "min"}
	var paths []string
	for _, route := range routes {
		method, pattern, _ := strings.Cut(route, " ")
		pattern = strings.TrimSuffix(pattern, "{$}")
		for _, v := range hostile {
			path := pattern
			for _, seg := range []string{"{id}", "{a}", "{b}"} {
				path = strings.ReplaceAll(path, seg, v)
			}
			if strings.HasSuffix(pattern, "/") && pattern != "/" {
				path += v
			}
			paths = append(paths, method+" "+path)
			for _, p := range params {
				paths = append(paths, method+" "+pattern+"?"+p+"="+v)
			}
		}
	}
	for _, req := range paths {
		method, path, _ := strings.Cut(req, " ")
		r, err := http.NewRequest(method, srv.URL+path, strings.NewReader("a=b"))
		if err != nil {
			continue // the client refuses to send it
		}
		if method != "GET" {
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		res, err := http.DefaultClient.Do(r)
		if err != nil {
			if _, perr := url.Parse(srv.URL + path); perr != nil {
				continue // the client refuses to send it
			}
			t.Fatalf("%s %.80s: %v", method, path, err)
		}
		res.Body.Close()
		if res.StatusCode >= 500 {
			t.Errorf("%s %.120s: status %d", method, path, res.StatusCode)
		}
	}
}

// FuzzRequest sends any path and query to the handler: never a 5xx.
func FuzzRequest(f *testing.F) {
	for _, v := range hostile[:14] {
		f.Add("/actors", "q="+v)
		f.Add("/static/"+v, "")
		f.Add("/api/events", "from="+v)
	}
	h, _ := New(newTestStore(f), Options{Logger: quietLogger()})
	f.Fuzz(func(t *testing.T, path, query string) {
		u, err := url.Parse("http://didar.test" + path + "?" + query)
		if err != nil || !strings.HasPrefix(path, "/") {
			return
		}
		r := httptest.NewRequest("GET", "http://didar.test/", nil)
		r.URL = u
		r.RequestURI = u.RequestURI()
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Errorf("GET %q ? %q: status %d: %.200s", path, query, w.Code, w.Body.String())
		}
	})
}

// TestStatic serves the files but lists no directory.
func TestStatic(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for path, want := range map[string]int{"/static/app.js": 200, "/static/style.css": 200, "/static/": 404,
		"/static/./": 404, "/static/nothing.js": 404, "/static/%2e%2e/pages.go": 404} {
		res, b := get(t, srv.URL, path, nil)
		if res.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, res.StatusCode, want)
		}
		if want == 404 && strings.Contains(string(b), `href="app.js"`) {
			t.Errorf("GET %s lists the directory: %.200s", path, b)
		}
	}
}

// TestClientGone: a request whose client left is logged at debug level,
// not as an error, and not counted as a 500.
func TestClientGone(t *testing.T) {
	var log bytes.Buffer
	h, err := New(newTestStore(t), Options{Logger: slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/api/events", "/api/stats", "/events", "/", "/network", "/actors?q=x"} {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil).WithContext(ctx))
		if w.Code == http.StatusInternalServerError {
			t.Errorf("GET %s by a client gone: 500", path)
		}
	}
	if strings.Contains(log.String(), "level=ERROR") {
		t.Errorf("cancellations logged as errors:\n%s", log.String())
	}
	if !strings.Contains(log.String(), "client went away") {
		t.Errorf("cancellations not logged at debug level:\n%s", log.String())
	}
}
