// Command didar-load sends GET requests to a running didar server at a
// fixed rate and reports the latency distribution, for the benchmark in
// the README.
//
//	didar-load -rate 500 -duration 30s 'http://127.0.0.1:8080/api/events?dyad=IRN,USA'
//
// The load is open: request i is due at start + i/rate whether or not
// earlier ones have answered, and its latency is counted from when it was
// due, so a server that falls behind shows it in the tail instead of
// slowing the generator down (no coordinated omission). With several
// URLs, requests take them in turn. -rate 0 sends as fast as -workers
// connections allow, to find the ceiling.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"sync"
	"time"
)

func main() {
	rate := flag.Float64("rate", 500, "requests per second (0: as fast as the workers go)")
	duration := flag.Duration("duration", 20*time.Second, "how long to measure")
	warmup := flag.Duration("warmup", 2*time.Second, "load before measuring, not counted")
	workers := flag.Int("workers", 128, "most requests in flight (connections)")
	timeout := flag.Duration("timeout", 5*time.Second, "a request slower than this counts as an error")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: didar-load [flags] URL...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	r := run(ctx, flag.Args(), *rate, *warmup, *duration, *workers, *timeout)
	r.print(os.Stdout)
	if r.n == 0 {
		os.Exit(1)
	}
}

type result struct {
	n, errors int
	elapsed   time.Duration
	latencies []time.Duration
	firstErr  string
}

func run(ctx context.Context, urls []string, rate float64, warmup, duration time.Duration, workers int, timeout time.Duration) *result {
	client := &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			MaxIdleConns:        workers,
			MaxIdleConnsPerHost: workers,
			MaxConnsPerHost:     workers,
			IdleConnTimeout:     time.Minute,
		},
	}
	var (
		mu  sync.Mutex
		res = &result{}
		wg  sync.WaitGroup
	)
	slots := make(chan struct{}, workers)
	start := time.Now()
	measureFrom := start.Add(warmup)
	end := measureFrom.Add(duration)
	send := func(i int, due time.Time) {
		defer wg.Done()
		defer func() { <-slots }()
		ok, msg := get(ctx, client, urls[i%len(urls)])
		done := time.Now()
		if due.Before(measureFrom) {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		res.n++
		res.latencies = append(res.latencies, done.Sub(due))
		if !ok {
			res.errors++
			if res.firstErr == "" {
				res.firstErr = msg
			}
		}
	}
	for i := 0; ctx.Err() == nil; i++ {
		due := time.Now()
		if rate > 0 {
			due = start.Add(time.Duration(float64(i) / rate * float64(time.Second)))
			if wait := time.Until(due); wait > 0 {
				time.Sleep(wait)
			}
		}
		if !due.Before(end) {
			break
		}
		slots <- struct{}{}
		wg.Add(1)
		go send(i, due)
	}
	wg.Wait()
	// Until the last answer: a server that falls behind stretches the
	// run, and its rate drops below the one asked for.
	res.elapsed = time.Since(measureFrom)
	return res
}

// get fetches url and reads the whole body, as a browser or client would.
func get(ctx context.Context, c *http.Client, url string) (bool, string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return false, err.Error()
	}
	resp, err := c.Do(req)
	if err != nil {
		return false, err.Error()
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return false, err.Error()
	}
	if resp.StatusCode != http.StatusOK {
		return false, resp.Status
	}
	return true, ""
}

func (r *result) print(w io.Writer) {
	if r.n == 0 {
		fmt.Fprintln(w, "no requests measured")
		return
	}
	slices.Sort(r.latencies)
	q := func(p float64) time.Duration {
		i := int(p * float64(len(r.latencies)-1))
		return r.latencies[i]
	}
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond)) }
	ok := r.n - r.errors
	fmt.Fprintf(w, "requests %d, ok %d, errors %d in %s: %.0f ok req/s\n", r.n, ok, r.errors, r.elapsed.Round(time.Millisecond), float64(ok)/r.elapsed.Seconds())
	fmt.Fprintf(w, "latency p50 %s  p90 %s  p99 %s  p99.9 %s  max %s\n", ms(q(0.50)), ms(q(0.90)), ms(q(0.99)), ms(q(0.999)), ms(r.latencies[len(r.latencies)-1]))
	if r.firstErr != "" {
		fmt.Fprintf(w, "first error: %s\n", r.firstErr)
	}
}
