package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/extract"
	"github.com/didar-news/didar/samples"
	"github.com/didar-news/didar/sqlite"
)

// largeText is size bytes of the bundled sample articles one after the
// other, on their own lines or all on one (as a page with its markup
// stripped, or a dump, comes).
func largeText(b *testing.B, size int, oneLine bool) []byte {
	list, err := samples.All()
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	for i := 0; buf.Len() < size; i++ {
		t := list[i%len(list)].Text
		if oneLine {
			t = strings.Join(strings.Fields(t), " ")
		}
		buf.WriteString(t)
		if oneLine {
			buf.WriteByte(' ')
		} else {
			buf.WriteString("\n\n")
		}
	}
	return buf.Bytes()[:bytes.LastIndexByte(buf.Bytes()[:size], ' ')] // whole letters
}

// peakRSS resets the process's resident-memory high-water mark (Linux)
// and returns a function that reads it in bytes, or 0 where unknown.
func peakRSS() func() float64 {
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	return func() float64 {
		b, err := os.ReadFile("/proc/self/status")
		if err != nil {
			return 0
		}
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
				return float64(kb) * 1024
			}
		}
		return 0
	}
}

// peakHeap samples the Go heap in use every 10 ms and returns a function
// that stops sampling and returns the most seen, in bytes: what the
// process holds beyond the text is mostly there, the rest being SQLite's.
func peakHeap() func() float64 {
	var peak uint64
	stop, done := make(chan bool), make(chan bool)
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	return func() float64 {
		close(stop)
		<-done
		return float64(peak)
	}
}

// cpuTime returns the CPU time the process has used, user and system: on
// a shared machine it is steadier than the wall clock.
func cpuTime() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// BenchmarkLargeArticle ingests one article of 1, 5 and 20 MB, on many
// lines and on one, with the real extractor into SQLite: reading,
// decoding, coding, sketching and saving. It reports seconds and peak
// resident memory and of Go heap per MB of input, and CPU seconds per MB
// (the store's setup between runs included); all should stay flat as
// size grows.
func BenchmarkLargeArticle(b *testing.B) {
	x := extractor(b)
	for _, mb := range []int{1, 5, 20} {
		for _, shape := range []string{"lines", "oneline"} {
			b.Run(fmt.Sprintf("%dMB/%s", mb, shape), func(b *testing.B) {
				path := filepath.Join(b.TempDir(), "large.txt")
				if err := os.WriteFile(path, largeText(b, mb<<20, shape == "oneline"), 0o644); err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				peak, heap := peakRSS(), peakHeap()
				cpu := cpuTime()
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					b.StopTimer()
					s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "didar.db"))
					if err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					g := &Ingester{Store: s, Coder: x, MaxBytes: 32 << 20, Workers: 1}
					sum, err := g.Run(context.Background(), []string{path})
					if err != nil || sum.Ingested != 1 {
						b.Fatalf("ingest: %v %+v", err, sum)
					}
					b.StopTimer()
					s.Close()
					b.StartTimer()
				}
				b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/float64(mb), "s/MB")
				b.ReportMetric((cpuTime()-cpu)/float64(b.N)/float64(mb), "cpu-s/MB")
				b.ReportMetric(peak()/float64(mb), "peak-bytes/MB")
				b.ReportMetric(heap()/float64(mb), "peak-heap-bytes/MB")
			})
		}
	}
}

// TestLargeArticleStored ingests one article long enough to be coded in
// pieces and to have its mention rows inserted before its events are
// queued (over 16,000 mentions), and reads back the record it was coded
// as, with each actor's mentions counted.
func TestLargeArticleStored(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 2 MB")
	}
	b := &testing.B{}
	text := largeText(b, 5<<18, false) // 1.25 MB
	x := extractor(b)
	path := filepath.Join(t.TempDir(), "large.txt")
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "didar.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := &keeper{x: x}
	g := &Ingester{Store: s, Coder: c, Workers: 1}
	if sum, err := g.Run(ctx, []string{path}); err != nil || sum.Ingested != 1 {
		t.Fatalf("ingest: %v %+v", err, sum)
	}
	want := c.rec
	got, err := s.Record(ctx, "large")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range want.Actors {
		n += len(a.Mentions)
	}
	if n*6 < 100_000 {
		t.Fatalf("%d mentions: too few to be inserted early", n)
	}
	gj, _ := json.Marshal(stripped(*got))
	wj, _ := json.Marshal(stripped(want))
	if !bytes.Equal(gj, wj) {
		t.Errorf("the stored record (%d bytes of JSON) is not the one coded (%d)", len(gj), len(wj))
	}
	for _, a := range want.Actors[:min(5, len(want.Actors))] {
		d, err := s.Actor(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Mentions != len(a.Mentions) {
			t.Errorf("actor %s: %d mentions stored, %d coded", a.ID, d.Mentions, len(a.Mentions))
		}
	}
}

// keeper is a coder that keeps the last record it coded.
type keeper struct {
	x   *extract.Extractor
	rec didar.Record
}

func (k *keeper) Extract(in extract.Input) (didar.Record, error) {
	rec, err := k.x.Extract(in)
	k.rec = rec
	return rec, err
}

// stripped is a record without what the store adds to or takes from it
// (the article's row, the events' stored ids).
func stripped(r didar.Record) didar.Record {
	return didar.Record{Actors: r.Actors, Events: r.Events, Quotes: r.Quotes, Topics: r.Topics}
}
