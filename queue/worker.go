package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Handler does the work of a batch of jobs and returns, for each, nil
// when it is done (committed) or why it failed. It runs to the end even
// after the worker is told to stop.
type Handler func(ctx context.Context, jobs []Job) []error

// Worker pulls batches of jobs from the shared consumer and hands them
// to its handler.
type Worker struct {
	Queue   *Queue
	Handler Handler
	// Name tells the worker apart in Status and the log (default: the
	// connection's client id).
	Name string
	// Batch is the most jobs handled at once (default 64).
	Batch int
	// Every is the time between two progress lines and figures (default
	// 10s).
	Every time.Duration
	Log   *slog.Logger

	cons  jetstream.Consumer
	mu    sync.Mutex
	stats WorkerStats
	last  WorkerStats // at the previous report, for the recent rate
}

// WorkerStats are one worker's figures since it started.
type WorkerStats struct {
	Name        string    `json:"name"`
	Started     time.Time `json:"started"`
	Updated     time.Time `json:"updated"`
	Done        int       `json:"done"`         // jobs acknowledged
	Retried     int       `json:"retried"`      // failures to be retried
	DeadLetters int       `json:"dead_letters"` // jobs moved to the dead letters
	Rate        float64   `json:"rate"`         // jobs done a second since it started
	Recent      float64   `json:"recent"`       // jobs done a second since the previous report
	Stopped     bool      `json:"stopped"`
}

// Run handles batches until ctx is done, then finishes the batch in
// hand and returns nil. A lost connection to the server is waited out:
// jobs whose acknowledgement was lost are delivered again, and the
// handler must be idempotent (the store's saves are).
func (w *Worker) Run(ctx context.Context) error {
	if w.Batch <= 0 {
		w.Batch = 64
	}
	if w.Every <= 0 {
		w.Every = 10 * time.Second
	}
	if w.Name == "" {
		id, _ := w.Queue.nc.GetClientID()
		w.Name = "worker-" + strconv.FormatUint(id, 10)
	}
	// The consumer takes this worker's settings (its ack wait).
	cons, err := w.Queue.work.CreateOrUpdateConsumer(ctx, w.Queue.consumerConfig())
	if err != nil {
		return fmt.Errorf("consumer %s: %w", consumerName, err)
	}
	w.cons = cons
	now := time.Now()
	w.stats = WorkerStats{Name: w.Name, Started: now, Updated: now}
	w.last = w.stats
	log := w.logger()
	log.Info("worker started", "worker", w.Name, "stream", w.Queue.cfg.Stream, "batch", w.Batch)

	reports, stopReports := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(w.Every)
		defer t.Stop()
		for {
			select {
			case <-reports.Done():
				return
			case <-t.C:
				w.report(reports, false)
			}
		}
	}()
	defer func() {
		stopReports()
		<-done
		w.report(context.Background(), true)
	}()

	// The batch in hand is finished, not abandoned, when ctx ends.
	work := context.WithoutCancel(ctx)
	for ctx.Err() == nil {
		msgs, err := w.fetch()
		if err != nil {
			if ctx.Err() == nil {
				log.Warn("fetch failed; waiting for the server", "worker", w.Name, "err", err)
				sleep(ctx, time.Second)
			}
			continue
		}
		if len(msgs) > 0 {
			w.handle(work, msgs)
		}
	}
	return nil
}

// fetch takes up to Batch messages: those waiting, or when none is, the
// first to arrive within a second with those that came with it. (A
// plain Fetch would wait out its timeout for a batch that never fills,
// at the tail of every run.) Neither is cancelled by the worker's stop:
// messages on their way would have to wait out the ack wait.
func (w *Worker) fetch() ([]jetstream.Msg, error) {
	msgs, err := w.pull(w.Batch)
	if err != nil || len(msgs) > 0 {
		return msgs, err
	}
	m, err := w.cons.Next(jetstream.FetchMaxWait(time.Second))
	if errors.Is(err, nats.ErrTimeout) || errors.Is(err, jetstream.ErrNoMessages) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	// Should this pull fail, m is handled alone and the next fetch
	// meets the error again.
	more, _ := w.pull(w.Batch - 1)
	return append([]jetstream.Msg{m}, more...), nil
}

// pull takes the messages waiting, up to n, without waiting for more.
func (w *Worker) pull(n int) ([]jetstream.Msg, error) {
	if n <= 0 {
		return nil, nil
	}
	b, err := w.cons.FetchNoWait(n)
	if err != nil {
		return nil, err
	}
	var msgs []jetstream.Msg
	for m := range b.Messages() {
		msgs = append(msgs, m)
	}
	if err := b.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, jetstream.ErrNoMessages) && len(msgs) == 0 {
		return nil, err
	}
	return msgs, nil
}

// handle runs the handler on a batch, then acknowledges what it did and
// retries or dead-letters what failed.
func (w *Worker) handle(ctx context.Context, msgs []jetstream.Msg) {
	var jobs []Job
	var held []jetstream.Msg
	for _, m := range msgs {
		var j Job
		if err := json.Unmarshal(m.Data(), &j); err != nil {
			w.deadLetter(ctx, m, Job{}, fmt.Errorf("not a job: %w", err))
			continue
		}
		// A job delivered this often without an ack killed or hung the
		// workers it went to: stop handing it out.
		if md, err := m.Metadata(); err == nil && int(md.NumDelivered) > w.Queue.cfg.Attempts {
			w.deadLetter(ctx, m, j, fmt.Errorf("delivered %d times without being acknowledged (did it crash or hang a worker?)", md.NumDelivered))
			continue
		}
		jobs, held = append(jobs, j), append(held, m)
	}
	if len(jobs) == 0 {
		return
	}
	errs := w.run(ctx, jobs)
	for i, m := range held {
		if errs[i] == nil {
			if err := m.Ack(); err != nil {
				// Delivered again later; the handler is idempotent.
				w.logger().Warn("ack failed", "worker", w.Name, "job", jobs[i].name(), "err", err)
			}
			w.count(func(s *WorkerStats) { s.Done++ })
			continue
		}
		w.fail(ctx, m, jobs[i], errs[i])
	}
}

// run calls the handler, turning a panic into a failure of every job of
// the batch (each is then retried, and the one that panics ends as a
// dead letter alone once the batch shrinks to it).
func (w *Worker) run(ctx context.Context, jobs []Job) (errs []error) {
	defer func() {
		if r := recover(); r != nil {
			errs = make([]error, len(jobs))
			for i := range errs {
				errs[i] = fmt.Errorf("handler panicked: %v", r)
			}
		}
	}()
	errs = w.Handler(ctx, jobs)
	if len(errs) != len(jobs) {
		panic(fmt.Sprintf("handler returned %d results for %d jobs", len(errs), len(jobs)))
	}
	return errs
}

// fail retries a failed job after its backoff, or dead-letters it when
// it has had its attempts.
func (w *Worker) fail(ctx context.Context, m jetstream.Msg, j Job, cause error) {
	n := 1
	if md, err := m.Metadata(); err == nil {
		n = int(md.NumDelivered)
	}
	cfg := w.Queue.cfg
	if n >= cfg.Attempts {
		w.deadLetter(ctx, m, j, cause)
		return
	}
	delay := cfg.Backoff[min(n-1, len(cfg.Backoff)-1)]
	w.logger().Warn("job failed; retrying", "worker", w.Name, "job", j.name(), "attempt", n, "of", cfg.Attempts, "in", delay, "err", cause)
	if err := m.NakWithDelay(delay); err != nil {
		w.logger().Warn("nak failed", "worker", w.Name, "job", j.name(), "err", err)
	}
	w.count(func(s *WorkerStats) { s.Retried++ })
}

// deadLetter moves a message to the dead-letter stream with its error,
// then acknowledges it. Should the ack be lost, the job is delivered
// again and fails again: the dead letter's message id keeps it one.
func (w *Worker) deadLetter(ctx context.Context, m jetstream.Msg, j Job, cause error) {
	q := w.Queue
	md, _ := m.Metadata()
	attempts, id := "?", m.Headers().Get(jetstream.MsgIDHeader)
	if md != nil {
		attempts = strconv.FormatUint(md.NumDelivered, 10)
		id += "-" + strconv.FormatUint(md.Sequence.Stream, 10)
	}
	dl := nats.NewMsg(q.failed.CachedInfo().Config.Subjects[0])
	dl.Data = m.Data()
	dl.Header.Set(hdrError, cause.Error())
	dl.Header.Set(hdrAttempts, attempts)
	dl.Header.Set(hdrWhere, j.name())
	dl.Header.Set(hdrFailedAt, time.Now().UTC().Format(time.RFC3339))
	dl.Header.Set(jetstream.MsgIDHeader, id)
	if _, err := q.js.PublishMsg(ctx, dl); err != nil {
		// Not acknowledged, so not lost: it comes back after the ack
		// wait.
		w.logger().Error("dead letter failed", "worker", w.Name, "job", j.name(), "err", err)
		return
	}
	if err := m.Ack(); err != nil {
		w.logger().Warn("ack failed", "worker", w.Name, "job", j.name(), "err", err)
	}
	w.logger().Error("job failed every attempt; moved to the dead letters", "worker", w.Name, "job", j.name(), "attempts", attempts, "err", cause)
	w.count(func(s *WorkerStats) { s.DeadLetters++ })
}

func (w *Worker) count(f func(*WorkerStats)) {
	w.mu.Lock()
	f(&w.stats)
	w.mu.Unlock()
}

// Stats returns the worker's figures so far.
func (w *Worker) Stats() WorkerStats {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.stats
}

// report logs the progress line and stores the figures for Status.
func (w *Worker) report(ctx context.Context, final bool) {
	now := time.Now()
	w.mu.Lock()
	s := &w.stats
	s.Updated, s.Stopped = now, final
	if d := now.Sub(s.Started).Seconds(); d > 0 {
		s.Rate = float64(s.Done) / d
	}
	if d := now.Sub(w.last.Updated).Seconds(); d > 0 {
		s.Recent = float64(s.Done-w.last.Done) / d
	}
	w.last = *s
	st := *s
	w.mu.Unlock()
	msg := "worker progress"
	if final {
		msg = "worker stopped"
	}
	w.logger().Info(msg, "worker", st.Name, "done", st.Done, "retried", st.Retried, "dead_letters", st.DeadLetters,
		"rate", fmt.Sprintf("%.1f/s", st.Rate), "recent", fmt.Sprintf("%.1f/s", st.Recent))
	body, _ := json.Marshal(st)
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if _, err := w.Queue.stats.Put(ctx, kvKey(st.Name), body); err != nil {
		w.logger().Warn("figures not stored", "worker", st.Name, "err", err)
	}
}

// kvKey makes a worker name a valid bucket key.
func kvKey(name string) string {
	b := []byte(name)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			b[i] = '_'
		}
	}
	return string(b)
}

func (w *Worker) logger() *slog.Logger {
	if w.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return w.Log
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
