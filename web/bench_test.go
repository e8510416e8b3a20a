package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/sqlite"
)

// benchStore is the corpus in DIDAR_BENCH_DB (made with didar-gen), else
// the small test fixture.
func benchStore(b *testing.B) didar.Store {
	path := os.Getenv("DIDAR_BENCH_DB")
	if path == "" {
		return newTestStore(b)
	}
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// BenchmarkHandler measures the handler alone, without the network: the
// events endpoint with a dyad filter and every page, against the health
// check. The overview over all dates reads the kept counts; over dates
// (from=0001-01-01 takes in every dated row) it counts afresh, which is
// the baseline the kept counts replaced.
func BenchmarkHandler(b *testing.B) {
	h, err := New(benchStore(b), Options{Logger: quietLogger()})
	if err != nil {
		b.Fatal(err)
	}
	paths := []string{"/healthz", "/api/events?dyad=IRN,CHN", "/api/events?dyad=IRN,CHN&limit=10",
		"/", "/?from=0001-01-01", "/api/stats", "/events", "/actors", "/articles", "/dyads/IRN/CHN", "/network"}
	if p := os.Getenv("DIDAR_BENCH_PATHS"); p != "" {
		paths = strings.Split(p, ",,")
	}
	for _, path := range paths {
		b.Run(path, func(b *testing.B) {
			req := httptest.NewRequest("GET", path, nil)
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", path, w.Code, w.Body)
				}
			}
		})
	}
}
