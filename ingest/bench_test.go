package ingest

import (
	"context"
	"fmt"
	"github.com/didar-news/didar/internal/sharedtest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/actors"
	"github.com/didar-news/didar/extract"
	"github.com/didar-news/didar/postgres"
	"github.com/didar-news/didar/sqlite"
)

// seedTexts reads the seed articles from ../shared, or skips.
func seedTexts(b *testing.B) []string {
	paths, _ := filepath.Glob(filepath.Join(sharedtest.Path(b, "seeds"), "*.txt"))
	if len(paths) == 0 {
		b.Fatal("no seed articles in ../shared/seeds")
	}
	var texts []string
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
	}
	return texts
}

// benchIngest writes b.N seed-sized text files (the seeds, each copy
// made distinct by a last line) and ingests the directory into a fresh
// SQLite file with coder c, reporting articles/s for the whole run:
// reading, coding, sketching and saving.
func benchIngest(b *testing.B, c Coder) {
	benchIngestInto(b, c, func() didar.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "didar.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		return s
	})
}

// benchIngestInto is benchIngest into the store open returns.
func benchIngestInto(b *testing.B, c Coder, open func() didar.Store) {
	texts := seedTexts(b)
	dir := b.TempDir()
	for i := range b.N {
		text := fmt.Sprintf("%s\nنسخه %d", texts[i%len(texts)], i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%06d.txt", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	g := &Ingester{Store: open(), Coder: c}
	size := 0
	for i := range b.N {
		size += len(texts[i%len(texts)])
	}
	mb := float64(size) / (1 << 20)
	cpu := cpuTime()
	b.ResetTimer()
	sum, err := g.Run(context.Background(), []string{dir})
	if err != nil || sum.Ingested != b.N {
		b.Fatalf("ingest: %v, %+v", err, sum)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	// Per MB, to compare with BenchmarkLargeArticle.
	b.ReportMetric(b.Elapsed().Seconds()/mb, "s/MB")
	b.ReportMetric((cpuTime()-cpu)/mb, "cpu-s/MB")
}

// BenchmarkIngestStore ingests with a coder that only keeps the text,
// to measure what ingestion itself costs.
func BenchmarkIngestStore(b *testing.B) { benchIngest(b, &meetCoder{}) }

// BenchmarkIngestStorePostgres is BenchmarkIngestStore into a fresh
// schema of the PostgreSQL server at DIDAR_TEST_POSTGRES.
func BenchmarkIngestStorePostgres(b *testing.B) {
	benchIngestInto(b, &meetCoder{}, postgresStore(b))
}

// BenchmarkIngestExtract ingests with the real extractor.
func BenchmarkIngestExtract(b *testing.B) { benchIngest(b, extractor(b)) }

// BenchmarkIngestExtractPostgres ingests with the real extractor into
// PostgreSQL.
func BenchmarkIngestExtractPostgres(b *testing.B) {
	benchIngestInto(b, extractor(b), postgresStore(b))
}

func extractor(b *testing.B) *extract.Extractor {
	dict, err := actors.Load()
	if err != nil {
		b.Fatal(err)
	}
	x, err := extract.New(dict, nil)
	if err != nil {
		b.Fatal(err)
	}
	return x
}

// postgresStore returns what opens a fresh schema of the server at
// DIDAR_TEST_POSTGRES, dropped at the end, or skips.
func postgresStore(b *testing.B) func() didar.Store {
	u := os.Getenv("DIDAR_TEST_POSTGRES")
	if u == "" {
		b.Skip("DIDAR_TEST_POSTGRES is not set: set it to a PostgreSQL URL to run the PostgreSQL ingest benchmarks")
	}
	return func() didar.Store {
		ctx := context.Background()
		schema := fmt.Sprintf("didar_bench_ingest_%d", time.Now().UnixNano())
		s, err := postgres.Open(ctx, u, schema)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() {
			s.Close()
			postgres.DropSchema(ctx, u, schema)
		})
		return s
	}
}
