package ingest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

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
