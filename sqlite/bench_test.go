package sqlite_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/sqlite"
	"github.com/didar-news/didar/storetest"
)

// BenchmarkSave stores generated seed-sized articles (about 4 KB of text,
// 3-5 actors, 2-4 events each), one transaction per article, and
// reports articles/s, the database size per article, and the ratio to a
// baseline that inserts the same text, raw input and record JSON into a
// table with no index, also one transaction per article.
func BenchmarkSave(b *testing.B) { benchSave(b, 1) }

// BenchmarkSaveBatch is BenchmarkSave with 64 articles per transaction,
// as the ingester saves when articles arrive faster than one commit.
func BenchmarkSaveBatch(b *testing.B) { benchSave(b, 64) }

func benchSave(b *testing.B, batch int) {
	ctx := context.Background()
	dir := b.TempDir()
	path := filepath.Join(dir, "didar.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	c := &storetest.Corpus{Seed: 1}
	if err := s.SaveEntries(ctx, c.Entries()); err != nil {
		b.Fatal(err)
	}
	arts := make([]didar.NewArticle, b.N)
	for i := range arts {
		arts[i] = c.Article(i)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i += batch {
		if _, err := s.SaveArticles(ctx, arts[i:min(b.N, i+batch)]); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	rate := float64(b.N) / b.Elapsed().Seconds()
	b.ReportMetric(rate, "articles/s")
	s.DB().Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	b.ReportMetric(float64(size(path))/float64(b.N), "bytes/article")
	base := baseline(b, filepath.Join(dir, "base.db"), arts)
	b.ReportMetric(base, "baseline-articles/s")
	b.ReportMetric(base/rate, "x-slower-than-baseline")
}

func size(path string) int64 {
	var n int64
	for _, p := range []string{path, path + "-wal"} {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}

func baseline(b *testing.B, path string, arts []didar.NewArticle) float64 {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE plain (id TEXT, text TEXT, raw TEXT, record TEXT)`); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	for _, a := range arts {
		rec, _ := json.Marshal(a.Record)
		tx, err := db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO plain VALUES (?, ?, ?, ?)`, a.Record.Article.ID, a.Record.Article.Text, a.Raw, string(rec)); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	return float64(len(arts)) / time.Since(start).Seconds()
}

// BenchmarkEventsDyad queries one page of events between two sides over
// one year. The corpus is DIDAR_BENCH_DB when set (build one with
// didar-gen, e.g. 100,000 articles), else 2,000 generated articles.
func BenchmarkEventsDyad(b *testing.B) {
	ctx := context.Background()
	path := os.Getenv("DIDAR_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "didar.db")
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if err := storetest.Load(ctx, s, &storetest.Corpus{Seed: 1}, 2000); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var n int
	s.DB().QueryRow(`SELECT count(*) FROM articles`).Scan(&n)
	b.Logf("corpus of %d articles", n)
	filters := map[string]didar.EventFilter{
		"countries": {Dyad: [2]string{"IRN", "CHN"}, From: date("2022-01-01"), To: date("2022-12-31")},
		// the first page of GET /api/events?dyad=IRN,CHN
		"countries-all-dates": {Dyad: [2]string{"IRN", "CHN"}},
		"actors":              {Dyad: [2]string{"person-0000", "person-0017"}, From: date("2020-01-01"), To: date("2025-12-31")},
	}
	for name, f := range filters {
		b.Run(name, func(b *testing.B) {
			found := 0
			for b.Loop() {
				page, err := s.Events(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				found = len(page.Events)
			}
			b.ReportMetric(float64(found), "events/page")
		})
	}
	// The read of a page's correction marks, which every events page
	// now makes: its cost against the page's above.
	page, err := s.Events(ctx, filters["countries-all-dates"])
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]any, len(page.Events))
	for i, e := range page.Events {
		ids[i] = e.ID
	}
	q := `SELECT event, marks FROM reports WHERE marks > 0 AND event IN (?` + strings.Repeat(",?", len(ids)-1) + `)`
	// Prepared once, as the store's statement cache does.
	st, err := s.DB().Prepare(q)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.Run("marks-of-countries-all-dates", func(b *testing.B) {
		for b.Loop() {
			r, err := st.Query(ids...)
			if err != nil {
				b.Fatal(err)
			}
			for r.Next() {
			}
			r.Close()
		}
	})
}

func date(s string) didar.Date {
	d, _ := didar.ParseDate(s)
	return d
}
