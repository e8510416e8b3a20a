package postgres_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/postgres"
	"github.com/didar-news/didar/sqlstore"
	"github.com/didar-news/didar/storetest"
)

// benchStore opens a store in a fresh schema, dropped at the end.
func benchStore(b *testing.B) (*sqlstore.Store, string) {
	u := dsn(b)
	schema := fmt.Sprintf("didar_bench_%d", time.Now().UnixNano())
	s, err := postgres.Open(context.Background(), u, schema)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		s.Close()
		postgres.DropSchema(context.Background(), u, schema)
	})
	return s, schema
}

// BenchmarkSave stores generated seed-sized articles one transaction
// each and reports articles/s, the size of the schema per article, and
// the ratio to inserting the same rows into a table with no index.
func BenchmarkSave(b *testing.B) { benchSave(b, 1) }

// BenchmarkSaveBatch saves 64 articles per transaction.
func BenchmarkSaveBatch(b *testing.B) { benchSave(b, 64) }

func benchSave(b *testing.B, batch int) {
	ctx := context.Background()
	s, schema := benchStore(b)
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
	var size int64
	err := s.DB().QueryRow(`SELECT coalesce(sum(pg_total_relation_size(quote_ident(schemaname) || '.' || quote_ident(tablename))), 0)::bigint
		FROM pg_tables WHERE schemaname = $1`, schema).Scan(&size)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(size)/float64(b.N), "bytes/article")
	if _, err := s.DB().Exec(`CREATE TABLE plain (id TEXT, text TEXT, raw TEXT, record TEXT)`); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	for i := 0; i < len(arts); i += batch {
		tx, err := s.DB().Begin()
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range arts[i:min(len(arts), i+batch)] {
			rec, _ := json.Marshal(a.Record)
			if _, err := tx.Exec(`INSERT INTO plain VALUES ($1, $2, $3, $4)`, a.Record.Article.ID, a.Record.Article.Text, a.Raw, string(rec)); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	base := float64(len(arts)) / time.Since(start).Seconds()
	b.ReportMetric(base, "baseline-articles/s")
	b.ReportMetric(base/rate, "x-slower-than-baseline")
}

// BenchmarkEventsDyad queries one page of events between two sides. The
// corpus is the schema DIDAR_BENCH_SCHEMA when set (load one with
// didar-gen), else 2,000 generated articles.
func BenchmarkEventsDyad(b *testing.B) {
	ctx := context.Background()
	var s *sqlstore.Store
	if schema := os.Getenv("DIDAR_BENCH_SCHEMA"); schema != "" {
		var err error
		s, err = postgres.Open(ctx, dsn(b), schema)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
	} else {
		s, _ = benchStore(b)
		if err := storetest.Load(ctx, s, &storetest.Corpus{Seed: 1}, 2000); err != nil {
			b.Fatal(err)
		}
	}
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
}

func date(s string) didar.Date {
	d, _ := didar.ParseDate(s)
	return d
}
