package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/didar-news/didar/queue"
	"github.com/didar-news/didar/samples"
)

// BenchmarkQueue codes and stores the same articles into PostgreSQL
// with a single `didar ingest` and with 1, 2 and 4 workers taking them
// from the queue, in one run, reporting articles/s and the CPU seconds
// this process spent per article (the workers run in it) and that of
// the PostgreSQL backends serving it (NATS's is not counted). Each worker codes one article at a time, as a
// worker process per core would; the ingest codes one per CPU. The clock
// starts when the workers wait for work, and the articles are then
// queued (queue-publish measures that alone) while the workers take
// them. Run with a fixed count, e.g. -benchtime=400x.
func BenchmarkQueue(b *testing.B) {
	n, pg := os.Getenv("DIDAR_TEST_NATS"), os.Getenv("DIDAR_TEST_POSTGRES")
	if n == "" || pg == "" {
		b.Skip("DIDAR_TEST_NATS and DIDAR_TEST_POSTGRES must both be set to run the queue benchmark")
	}
	b.Run("ingest", func(b *testing.B) {
		s, dir := benchSetup(b, n, pg)
		dsn := s.schema(b, "bench")
		b.ResetTimer()
		cpu, db := cpuTime(), serverCPU(b, dsn, nil)
		stop := make(chan struct{})
		final := make(chan map[int]time.Duration)
		go func() { final <- watchServerCPU(b, dsn, stop) }()
		if code := run(context.Background(), []string{"ingest", "--db", dsn, dir}, strings.NewReader(""), discard{}, discard{}); code != 0 {
			b.Fatalf("ingest exited %d", code)
		}
		close(stop)
		report(b, cpu, db, <-final)
	})
	b.Run("queue-publish", func(b *testing.B) {
		s, dir := benchSetup(b, n, pg)
		b.ResetTimer()
		cpu := cpuTime()
		if code := run(context.Background(), s.flags("ingest", dir), strings.NewReader(""), discard{}, discard{}); code != 0 {
			b.Fatalf("ingest --queue exited %d", code)
		}
		report(b, cpu, nil, nil)
	})
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			s, dir := benchSetup(b, n, pg)
			dsn := s.schema(b, "bench")
			q, err := queue.Open(context.Background(), queue.Config{URL: s.nats, Stream: s.stream})
			if err != nil {
				b.Fatal(err)
			}
			defer q.Close()
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan string, workers)
			for i := range workers {
				go func() {
					var errb strings.Builder
					if code := run(ctx, s.flags("worker", "--db", dsn, "--workers", "1", "--name", fmt.Sprint("bench-", i)), strings.NewReader(""), discard{}, &errb); code != 0 {
						done <- errb.String()
					}
					done <- ""
				}()
			}
			// The clock starts when every worker waits for work.
			for {
				ci, err := q.Consumer(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				if ci.NumWaiting >= workers {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
			b.ResetTimer()
			cpu, db := cpuTime(), serverCPU(b, dsn, nil)
			if code := run(context.Background(), s.flags("ingest", dir), strings.NewReader(""), discard{}, discard{}); code != 0 {
				b.Fatalf("ingest --queue exited %d", code)
			}
			for {
				st, err := q.Status(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				if st.Pending == 0 && st.InFlight == 0 {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
			b.StopTimer()
			report(b, cpu, db, serverCPU(b, dsn, nil))
			cancel()
			for range workers {
				if errs := <-done; errs != "" {
					b.Errorf("a worker failed: %s", errs)
				}
			}
			if got := count(b, dsn, `SELECT count(*) FROM articles`); got != b.N {
				b.Errorf("%d articles stored, want %d", got, b.N)
			}
		})
	}
}

// benchSetup makes a stream of its own and a directory of b.N distinct
// seed-sized articles (the samples, each copy made distinct by a last
// line, as a reprint is).
func benchSetup(b *testing.B, n, pg string) (*servers, string) {
	all, err := samples.All()
	if err != nil {
		b.Fatal(err)
	}
	s := &servers{nats: n, pg: pg, stream: fmt.Sprintf("BENCH_%d", time.Now().UnixNano())}
	b.Cleanup(func() { s.removeStreams() })
	dir := b.TempDir()
	for i := range b.N {
		a := all[i%len(all)]
		text := fmt.Sprintf("%s\nنسخه %d", a.Text, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%06d.txt", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return s, dir
}

// report reports the rate, this process's CPU per article and, when
// given, the CPU per article of the PostgreSQL backends serving the run
// (their CPU at the end less that at the start).
func report(b *testing.B, cpu time.Duration, before, after map[int]time.Duration) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric((cpuTime()-cpu).Seconds()*1000/float64(b.N), "cpu-ms/article")
	if after != nil {
		var d time.Duration
		for pid, t := range after {
			d += t - before[pid]
		}
		b.ReportMetric(d.Seconds()*1000/float64(b.N), "db-cpu-ms/article")
	}
	b.ReportMetric(0, "ns/op")
}

// serverCPU returns the CPU time of each PostgreSQL backend serving the
// connections of dsn (by their application_name), read from /proc (the
// server runs on this machine), added to into.
func serverCPU(b *testing.B, dsn string, into map[int]time.Duration) map[int]time.Duration {
	if into == nil {
		into = map[int]time.Duration{}
	}
	app := dsn[strings.LastIndex(dsn, "=")+1:]
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	r, err := db.Query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`, app)
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	for r.Next() {
		var pid int
		r.Scan(&pid)
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue // gone, or not on this machine
		}
		f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+2:]))
		utime, _ := strconv.ParseInt(f[11], 10, 64)
		stime, _ := strconv.ParseInt(f[12], 10, 64)
		into[pid] = time.Duration(utime+stime) * 10 * time.Millisecond // USER_HZ is 100
	}
	return into
}

// watchServerCPU reads serverCPU every 100 ms until stop, for a command
// that closes its connections when it ends, and returns the last reading
// of each backend.
func watchServerCPU(b *testing.B, dsn string, stop chan struct{}) map[int]time.Duration {
	last := map[int]time.Duration{}
	for {
		serverCPU(b, dsn, last)
		select {
		case <-stop:
			return last
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// cpuTime is the CPU time, user and system, this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
