package queue

import (
	"context"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/extract"
	"github.com/nats-io/nats-server/v2/server"
)

// natsURL returns the server of DIDAR_TEST_NATS, or skips.
func natsURL(t *testing.T) string {
	u := os.Getenv("DIDAR_TEST_NATS")
	if u == "" {
		t.Skip("DIDAR_TEST_NATS is not set: set it to a NATS server with JetStream (nats://127.0.0.1:4222) to run the queue tests against it")
	}
	return u
}

// openTest opens a queue of its own on the server at url (a stream no other
// test uses), removed at the end.
func openTest(t *testing.T, url string, cfg Config) *Queue {
	t.Helper()
	cfg.URL = url
	if cfg.Stream == "" {
		cfg.Stream = fmt.Sprintf("TEST_%s_%d", strings.ToUpper(strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())), time.Now().UnixNano())
	}
	q, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		for _, s := range []string{cfg.Stream, cfg.Stream + "_FAILED"} {
			q.js.DeleteStream(ctx, s)
		}
		q.js.DeleteKeyValue(ctx, cfg.Stream+"_WORKERS")
		q.Close()
	})
	return q
}

func job(i int) Job {
	return Job{Where: fmt.Sprintf("a%03d.txt", i), Input: extract.Input{ID: fmt.Sprintf("a%03d", i), Text: fmt.Sprintf("متن خبر شماره %d درباره دیدار دو وزیر", i)}}
}

func publishN(t *testing.T, q *Queue, n int) {
	t.Helper()
	for i := range n {
		if _, err := q.Publish(context.Background(), job(i)); err != nil {
			t.Fatal(err)
		}
	}
}

// tally records what a handler was given.
type tally struct {
	mu   sync.Mutex
	seen map[string]int
}

func (c *tally) add(jobs []Job) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen == nil {
		c.seen = map[string]int{}
	}
	for _, j := range jobs {
		c.seen[j.Where]++
	}
}

func (c *tally) counts() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := map[string]int{}
	for k, v := range c.seen {
		out[k] = v
	}
	return out
}

// drain waits until the queue holds no job, pending or in flight.
func drain(t *testing.T, q *Queue, within time.Duration) *Status {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		st, err := q.Status(context.Background())
		if err == nil && st.Pending == 0 && st.InFlight == 0 {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue not drained after %s: %+v, %v", within, st, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// start runs a worker until the test ends, and returns its stop.
func start(t *testing.T, w *Worker) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("worker %s: %v", w.Name, err)
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func TestPublishTwiceQueuesOnce(t *testing.T) {
	q := openTest(t, natsURL(t), Config{})
	publishN(t, q, 5)
	for i := range 5 {
		dup, err := q.Publish(context.Background(), job(i))
		if err != nil || !dup {
			t.Fatalf("second publish of job %d: dup %v, %v; want a duplicate", i, dup, err)
		}
	}
	st, err := q.Status(context.Background())
	if err != nil || st.Pending != 5 {
		t.Fatalf("status %+v, %v; want 5 pending", st, err)
	}
}

func TestPublishTooLarge(t *testing.T) {
	q := openTest(t, natsURL(t), Config{MaxBytes: 4096})
	j := job(1)
	j.Input.Text = strings.Repeat("خبر ", 2000)
	_, err := q.Publish(context.Background(), j)
	if didar.ErrorCode(err) != didar.EINVALID || !strings.Contains(err.Error(), "a001.txt") || !strings.Contains(err.Error(), "limit of 4096 bytes") {
		t.Fatalf("publish of a large article: %v; want an invalid error naming it and the limit", err)
	}
}

func TestOpenServerDown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "nats://" + l.Addr().String()
	l.Close() // nothing listens there now
	_, err = Open(context.Background(), Config{URL: url})
	if err == nil || !strings.Contains(err.Error(), url) {
		t.Fatalf("open with the server down: %v; want an error naming %s", err, url)
	}
}

// Two workers share one stream: every job is handled once.
func TestTwoWorkersShare(t *testing.T) {
	q := openTest(t, natsURL(t), Config{})
	const n = 300
	publishN(t, q, n)
	var c tally
	var mu sync.Mutex
	by := map[string]int{}
	for _, name := range []string{"w1", "w2"} {
		start(t, &Worker{Queue: q, Name: name, Batch: 10, Handler: func(ctx context.Context, jobs []Job) []error {
			c.add(jobs)
			mu.Lock()
			by[name] += len(jobs)
			mu.Unlock()
			time.Sleep(5 * time.Millisecond) // let the other worker take its share
			return make([]error, len(jobs))
		}})
	}
	drain(t, q, 30*time.Second)
	counts := c.counts()
	if len(counts) != n {
		t.Fatalf("%d jobs handled, want %d", len(counts), n)
	}
	for k, v := range counts {
		if v != 1 {
			t.Errorf("%s handled %d times", k, v)
		}
	}
	if by["w1"] == 0 || by["w2"] == 0 {
		t.Errorf("one worker did everything: %v", by)
	}
}

// A job that keeps failing goes to the dead letters with its error after
// its attempts; the others go through; Retry after the fix handles it.
func TestDeadLetterAndRetry(t *testing.T) {
	q := openTest(t, natsURL(t), Config{Attempts: 3, Backoff: []time.Duration{20 * time.Millisecond}})
	publishN(t, q, 20)
	var fixed sync.Map
	var c tally
	w := &Worker{Queue: q, Name: "w", Batch: 8, Handler: func(ctx context.Context, jobs []Job) []error {
		errs := make([]error, len(jobs))
		var ok []Job
		for i, j := range jobs {
			if _, f := fixed.Load(j.Where); j.Where == "a007.txt" && !f {
				errs[i] = fmt.Errorf("title contains a NUL byte")
				continue
			}
			ok = append(ok, j)
		}
		c.add(ok)
		return errs
	}}
	stop := start(t, w)
	drain(t, q, 30*time.Second)
	fails, err := q.Failed(context.Background())
	if err != nil || len(fails) != 1 {
		t.Fatalf("failed: %+v, %v; want the one poison job", fails, err)
	}
	if f := fails[0]; f.Where != "a007.txt" || f.Error != "title contains a NUL byte" || f.Attempts != "3" || f.Job.Input.ID != "a007" {
		t.Errorf("dead letter %+v", f)
	}
	if got := len(c.counts()); got != 19 {
		t.Errorf("%d good jobs done, want 19", got)
	}
	if s := w.Stats(); s.DeadLetters != 1 || s.Retried != 2 || s.Done != 19 {
		t.Errorf("worker figures %+v", s)
	}
	stop()

	fixed.Store("a007.txt", true)
	if n, err := q.Retry(context.Background()); n != 1 || err != nil {
		t.Fatalf("retry: %d, %v", n, err)
	}
	start(t, &Worker{Queue: q, Name: "w2", Handler: w.Handler})
	st := drain(t, q, 30*time.Second)
	if st.Failed != 0 || c.counts()["a007.txt"] != 1 {
		t.Errorf("after retry: status %+v, a007 handled %d times", st, c.counts()["a007.txt"])
	}
}

// A handler that panics fails its batch, not the worker.
func TestHandlerPanics(t *testing.T) {
	q := openTest(t, natsURL(t), Config{Attempts: 2, Backoff: []time.Duration{10 * time.Millisecond}})
	publishN(t, q, 1)
	start(t, &Worker{Queue: q, Handler: func(ctx context.Context, jobs []Job) []error { panic("coder bug") }})
	drain(t, q, 30*time.Second)
	fails, err := q.Failed(context.Background())
	if err != nil || len(fails) != 1 || !strings.Contains(fails[0].Error, "coder bug") {
		t.Fatalf("failed %+v, %v; want the job with the panic", fails, err)
	}
}

// Stopping a worker finishes the batch in hand and acknowledges it.
func TestStopFinishesBatch(t *testing.T) {
	q := openTest(t, natsURL(t), Config{})
	publishN(t, q, 4)
	in := make(chan struct{})
	var c tally
	stop := start(t, &Worker{Queue: q, Batch: 4, Handler: func(ctx context.Context, jobs []Job) []error {
		close(in)
		time.Sleep(300 * time.Millisecond)
		if ctx.Err() != nil {
			t.Error("the handler's context was cancelled by the stop")
		}
		c.add(jobs)
		return make([]error, len(jobs))
	}})
	<-in
	stop()
	st, err := q.Status(context.Background())
	if err != nil || st.Pending != 0 || st.InFlight != 0 || len(c.counts()) != 4 {
		t.Fatalf("after stop: %+v, %v, handled %d; want the batch done and acknowledged", st, err, len(c.counts()))
	}
	if len(st.Workers) != 1 || !st.Workers[0].Stopped || st.Workers[0].Done != 4 {
		t.Errorf("workers %+v", st.Workers)
	}
}

// runServer starts a NATS server with JetStream in the test process, on
// port (0: any) and storing in dir.
func runServer(t *testing.T, port int, dir string) *server.Server {
	t.Helper()
	if port == 0 {
		port = -1
	}
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: port, JetStream: true, StoreDir: dir, NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("NATS server not ready")
	}
	return s
}

// The server restarts mid-run: the worker reconnects and every job is
// done, none lost.
func TestServerRestart(t *testing.T) {
	dir := t.TempDir()
	srv := runServer(t, 0, dir)
	port := srv.Addr().(*net.TCPAddr).Port
	t.Cleanup(func() { srv.Shutdown() })
	q := openTest(t, srv.ClientURL(), Config{AckWait: 2 * time.Second})
	const n = 200
	publishN(t, q, n)
	var c tally
	start(t, &Worker{Queue: q, Batch: 5, Handler: func(ctx context.Context, jobs []Job) []error {
		c.add(jobs)
		time.Sleep(10 * time.Millisecond)
		return make([]error, len(jobs))
	}})
	for len(c.counts()) < n/4 {
		time.Sleep(10 * time.Millisecond)
	}
	srv.Shutdown()
	srv.WaitForShutdown()
	time.Sleep(500 * time.Millisecond)
	srv = runServer(t, port, dir)
	// More published while the worker reconnects.
	for i := n; i < n+20; i++ {
		if _, err := q.Publish(context.Background(), job(i)); err != nil {
			t.Fatal(err)
		}
	}
	drain(t, q, 60*time.Second)
	counts := c.counts()
	for i := range n + 20 {
		if counts[job(i).Where] == 0 {
			t.Errorf("%s lost", job(i).Where)
		}
	}
}

func TestOpenWithoutJetStream(t *testing.T) {
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	srv.Start()
	defer srv.Shutdown()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("NATS server not ready")
	}
	_, err = Open(context.Background(), Config{URL: srv.ClientURL()})
	if err == nil || !strings.Contains(err.Error(), "start nats-server with -js") || !strings.Contains(err.Error(), srv.ClientURL()) {
		t.Fatalf("open on a server without JetStream: %v", err)
	}
}
