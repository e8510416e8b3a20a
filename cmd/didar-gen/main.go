// Command didar-gen fills a store with a synthetic corpus for load tests
// and benchmarks: generated seed-sized articles with their records,
// saved directly (no text extraction), in batches.
//
//	didar-gen --db bench.db --n 100000
//	didar-gen --db postgres://... --schema bench --n 100000
//
// Then point the query benchmarks at it: DIDAR_BENCH_DB=bench.db go test
// -bench EventsDyad ./sqlite/ (or DIDAR_BENCH_SCHEMA=bench for ./postgres/).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/postgres"
	"github.com/didar-news/didar/sqlite"
	"github.com/didar-news/didar/storetest"
)

func main() {
	db := flag.String("db", "bench.db", "database: a SQLite file or a postgres:// URL")
	schema := flag.String("schema", "", "PostgreSQL schema to fill (created if needed)")
	n := flag.Int("n", 100000, "articles to generate")
	from := flag.Int("from", 0, "index of the first article (to add to a corpus)")
	seed := flag.Uint64("seed", 1, "random seed: the same seed gives the same corpus")
	batch := flag.Int("batch", 256, "articles per transaction")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *db, *schema, *n, *from, *seed, *batch); err != nil {
		fmt.Fprintln(os.Stderr, "didar-gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dsn, schema string, n, from int, seed uint64, batch int) error {
	var s didar.Store
	var err error
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s, err = postgres.Open(ctx, dsn, schema)
	} else {
		s, err = sqlite.Open(ctx, dsn)
	}
	if err != nil {
		return err
	}
	defer s.Close()
	c := &storetest.Corpus{Seed: seed}
	if err := s.SaveEntries(ctx, c.Entries()); err != nil {
		return err
	}
	start, last := time.Now(), time.Now()
	arts := make([]didar.NewArticle, 0, batch)
	for i := from; i < from+n; i += batch {
		arts = arts[:0]
		for j := i; j < min(from+n, i+batch); j++ {
			arts = append(arts, c.Article(j))
		}
		if _, err := s.SaveArticles(ctx, arts); err != nil {
			return err
		}
		if done := i + len(arts) - from; time.Since(last) > 10*time.Second || done == n {
			last = time.Now()
			fmt.Fprintf(os.Stderr, "didar-gen: %d/%d articles, %.0f/s\n", done, n, float64(done)/time.Since(start).Seconds())
		}
	}
	return nil
}
