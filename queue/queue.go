package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/extract"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Config names the queue and sets how it behaves. Zero fields take the
// defaults below. The streams take their settings when they are created
// and keep them (change them with the nats tool, or remove the streams);
// the consumer takes those of the last worker started.
type Config struct {
	// URL of the NATS server, nats://host:4222 (several separated by
	// commas, for a cluster).
	URL string
	// Stream is the work stream's name (default "DIDAR"). The dead
	// letters are in Stream_FAILED, the workers' figures in the
	// key-value bucket Stream_WORKERS, and the consumer the workers
	// share is "workers".
	Stream string
	// Replicas of each stream: 1 on one server, 3 on a cluster.
	Replicas int
	// MaxBytes bounds one message (default 1 MiB, less the room for
	// headers, or the server's max_payload when smaller).
	MaxBytes int
	// Attempts is how many times a job is delivered before it is
	// dead-lettered (default 5).
	Attempts int
	// Backoff is the delay before each retry of a failed job, the last
	// repeated (default 1s, 5s, 30s, 2m).
	Backoff []time.Duration
	// AckWait is how long a worker may hold a job before JetStream
	// gives it to another (default 1m): longer than a batch takes.
	AckWait time.Duration
	// Duplicates is the window in which an article published again is
	// dropped by its message id (default 1h; the server keeps an id per
	// article published within it).
	Duplicates time.Duration
	// Name names this connection to the server (for its monitoring).
	Name string
}

// consumerName is the durable consumer every worker pulls from.
const consumerName = "workers"

// Headers of a dead letter.
const (
	hdrError    = "Didar-Error"
	hdrAttempts = "Didar-Attempts"
	hdrWhere    = "Didar-Where"
	hdrFailedAt = "Didar-Failed-At"
)

func (c *Config) defaults() {
	if c.Stream == "" {
		c.Stream = "DIDAR"
	}
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	if c.Attempts <= 0 {
		c.Attempts = 5
	}
	if len(c.Backoff) == 0 {
		c.Backoff = []time.Duration{time.Second, 5 * time.Second, 30 * time.Second, 2 * time.Minute}
	}
	if c.AckWait <= 0 {
		c.AckWait = time.Minute
	}
	if c.Duplicates <= 0 {
		c.Duplicates = time.Hour
	}
}

// Job is one unit of work: an article to code and store, or a stored
// article to recode.
type Job struct {
	// Where names the input for reports: a path, "path:line" or a URL.
	Where string `json:"where"`
	// Input and Raw are the article read, for a job that stores one.
	Input   extract.Input `json:"input"`
	Raw     string        `json:"raw,omitempty"`
	Charset string        `json:"charset,omitempty"` // of Raw as read, when not UTF-8
	// Recode, when set, is the id of a stored article to recode, and
	// Run names the recode run that queued it.
	Recode string `json:"recode,omitempty"`
	Run    string `json:"run,omitempty"`
}

// key is the job's message id: the content hash of its text, so that the
// same article published twice is one job; a recode is one job per
// article and run.
func (j *Job) key() string {
	if j.Recode != "" {
		return "recode-" + j.Run + "-" + j.Recode
	}
	return didar.ContentHash(j.Input.Text)
}

func (j *Job) name() string {
	if j.Recode != "" {
		return "recode " + j.Recode
	}
	return j.Where
}

// Queue is a connection to the work stream and its dead letters.
type Queue struct {
	nc      *nats.Conn
	js      jetstream.JetStream
	cfg     Config
	subject string // of the jobs
	work    jetstream.Stream
	failed  jetstream.Stream
	cons    jetstream.Consumer
	stats   jetstream.KeyValue
	max     int
}

// Open connects to the server and creates the streams, the consumer and
// the workers' bucket when they do not exist. The connection then
// reconnects by itself whenever the server goes away.
func Open(ctx context.Context, cfg Config) (*Queue, error) {
	cfg.defaults()
	if cfg.URL == "" {
		return nil, didar.Errorf(didar.EINVALID, "no queue URL: give --queue nats://HOST:4222")
	}
	nc, err := nats.Connect(cfg.URL, nats.Name(cfg.Name), nats.MaxReconnects(-1), nats.ReconnectWait(500*time.Millisecond),
		nats.Timeout(5*time.Second))
	if err != nil {
		return nil, didar.Errorf(didar.EINVALID, "cannot reach the queue at %s: %v (is nats-server running with JetStream, -js?)", cfg.URL, err)
	}
	q, err := open(ctx, nc, cfg)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue at %s: %w", cfg.URL, err)
	}
	return q, nil
}

func open(ctx context.Context, nc *nats.Conn, cfg Config) (*Queue, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, err
	}
	q := &Queue{nc: nc, js: js, cfg: cfg, subject: strings.ToLower(cfg.Stream) + ".jobs"}
	q.max = 1<<20 - 8<<10
	if p := int(nc.MaxPayload()) - 8<<10; p < q.max {
		q.max = p
	}
	if cfg.MaxBytes > 0 && cfg.MaxBytes < q.max {
		q.max = cfg.MaxBytes
	}
	q.work, err = stream(ctx, js, jetstream.StreamConfig{
		Name:        cfg.Stream,
		Description: "Didar: articles waiting for a worker",
		Subjects:    []string{q.subject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    cfg.Replicas,
		Duplicates:  cfg.Duplicates,
		MaxMsgSize:  int32(q.max + 8<<10),
	})
	// A server without JetStream has nobody answering its API.
	if errors.Is(err, jetstream.ErrJetStreamNotEnabled) || errors.Is(err, nats.ErrJetStreamNotEnabled) || errors.Is(err, nats.ErrNoResponders) {
		return nil, errors.New("JetStream is not enabled on the server: start nats-server with -js")
	}
	if err != nil {
		return nil, fmt.Errorf("create stream %s: %w", cfg.Stream, err)
	}
	q.failed, err = stream(ctx, js, jetstream.StreamConfig{
		Name:        cfg.Stream + "_FAILED",
		Description: "Didar: jobs that failed every attempt, with the error",
		Subjects:    []string{strings.ToLower(cfg.Stream) + ".failed"},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    cfg.Replicas,
		Duplicates:  cfg.Duplicates,
	})
	if err != nil {
		return nil, fmt.Errorf("create stream %s_FAILED: %w", cfg.Stream, err)
	}
	// Publishers and status leave an existing consumer as the workers
	// set it.
	q.cons, err = q.work.Consumer(ctx, consumerName)
	if errors.Is(err, jetstream.ErrConsumerNotFound) {
		q.cons, err = q.work.CreateOrUpdateConsumer(ctx, q.consumerConfig())
	}
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", consumerName, err)
	}
	q.stats, err = js.KeyValue(ctx, cfg.Stream+"_WORKERS")
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		q.stats, err = js.CreateKeyValue(ctx, jetstream.KeyValueConfig{
			Bucket:      cfg.Stream + "_WORKERS",
			Description: "Didar: each worker's counts, refreshed while it runs",
			History:     1,
			TTL:         time.Minute,
			Storage:     jetstream.FileStorage,
			Replicas:    cfg.Replicas,
		})
	}
	if err != nil {
		return nil, fmt.Errorf("create bucket %s_WORKERS: %w", cfg.Stream, err)
	}
	return q, nil
}

// stream returns the stream of cfg's name, created with cfg when it does
// not exist. An existing stream keeps its settings: a publisher started
// with other flags must not scale a cluster's replicas down.
func stream(ctx context.Context, js jetstream.JetStream, cfg jetstream.StreamConfig) (jetstream.Stream, error) {
	s, err := js.Stream(ctx, cfg.Name)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		s, err = js.CreateStream(ctx, cfg)
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) { // created meanwhile
			s, err = js.Stream(ctx, cfg.Name)
		}
	}
	return s, err
}

func (q *Queue) consumerConfig() jetstream.ConsumerConfig {
	return jetstream.ConsumerConfig{
		Durable:     consumerName,
		Description: "Didar: the workers, sharing the jobs",
		AckPolicy:   jetstream.AckExplicitPolicy,
		AckWait:     q.cfg.AckWait,
		// The workers count deliveries and dead-letter a job
		// themselves, with its error; the server never gives up first.
		MaxDeliver:    -1,
		MaxAckPending: 10000,
		Replicas:      q.cfg.Replicas,
	}
}

// Close drains nothing and closes the connection.
func (q *Queue) Close() { q.nc.Close() }

// Publish puts a job on the queue. It reports dup when the server
// already had the job within the duplicate window, and an EINVALID
// error for a job over MaxBytes.
func (q *Queue) Publish(ctx context.Context, j Job) (dup bool, err error) {
	body, err := json.Marshal(j)
	if err != nil {
		return false, fmt.Errorf("encode %s: %w", j.name(), err)
	}
	if len(body) > q.max {
		return false, didar.Errorf(didar.EINVALID, "%s: %d bytes, over the queue's limit of %d bytes for one article", j.name(), len(body), q.max)
	}
	// While the server restarts, a publish times out: try again, the
	// message id keeping a job that did arrive from arriving twice.
	for attempt := 1; ; attempt++ {
		ack, err := q.js.Publish(ctx, q.subject, body, jetstream.WithMsgID(j.key()))
		if err == nil {
			return ack.Duplicate, nil
		}
		if attempt == publishAttempts || ctx.Err() != nil {
			return false, fmt.Errorf("publish %s: %w", j.name(), err)
		}
		sleep(ctx, 500*time.Millisecond)
	}
}

// publishAttempts is how often a publish is tried: enough for a server
// to restart.
const publishAttempts = 20

// Status is what the queue holds and what its workers do.
type Status struct {
	Stream      string        `json:"stream"`
	Pending     uint64        `json:"pending"`     // waiting for a worker
	InFlight    int           `json:"in_flight"`   // delivered, not yet acknowledged
	Redelivered int           `json:"redelivered"` // in flight after an earlier delivery
	Failed      uint64        `json:"failed"`      // in the dead-letter stream
	Workers     []WorkerStats `json:"workers"`
}

// Status reads the stream, its consumer, the dead letters and the
// figures of the workers seen in the last minute.
func (q *Queue) Status(ctx context.Context) (*Status, error) {
	ci, err := q.cons.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", consumerName, err)
	}
	fi, err := q.failed.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("stream %s_FAILED: %w", q.cfg.Stream, err)
	}
	st := &Status{Stream: q.cfg.Stream, Pending: ci.NumPending, InFlight: ci.NumAckPending, Redelivered: ci.NumRedelivered,
		Failed: fi.State.Msgs, Workers: []WorkerStats{}}
	keys, err := q.stats.ListKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("workers: %w", err)
	}
	for k := range keys.Keys() {
		e, err := q.stats.Get(ctx, k)
		if err != nil {
			continue // gone since listed
		}
		var w WorkerStats
		if err := json.Unmarshal(e.Value(), &w); err == nil {
			st.Workers = append(st.Workers, w)
		}
	}
	return st, nil
}

// Consumer returns the state of the consumer the workers share, as the
// server reports it.
func (q *Queue) Consumer(ctx context.Context) (*jetstream.ConsumerInfo, error) {
	return q.cons.Info(ctx)
}

// Failure is a dead letter: a job and why its last attempt failed.
type Failure struct {
	Seq      uint64    `json:"seq"` // in the dead-letter stream
	Where    string    `json:"where"`
	Error    string    `json:"error"`
	Attempts string    `json:"attempts"`
	At       time.Time `json:"at"`
	Job      Job       `json:"-"`
}

// Failed lists the dead letters, oldest first.
func (q *Queue) Failed(ctx context.Context) ([]Failure, error) {
	info, err := q.failed.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("stream %s_FAILED: %w", q.cfg.Stream, err)
	}
	var out []Failure
	if info.State.Msgs == 0 {
		return out, nil
	}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq; seq++ {
		m, err := q.failed.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue // retried
		}
		if err != nil {
			return out, fmt.Errorf("dead letter %d: %w", seq, err)
		}
		f := Failure{Seq: seq, Where: m.Header.Get(hdrWhere), Error: m.Header.Get(hdrError), Attempts: m.Header.Get(hdrAttempts), At: m.Time}
		if err := json.Unmarshal(m.Data, &f.Job); err != nil && f.Error == "" {
			f.Error = fmt.Sprintf("undecodable job: %v", err)
		}
		out = append(out, f)
	}
	return out, nil
}

// Retry puts the dead letters back on the queue, as new jobs with their
// attempts counted afresh, and removes them from the dead-letter stream.
// It returns how many it moved.
func (q *Queue) Retry(ctx context.Context) (int, error) {
	fs, err := q.Failed(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range fs {
		m, err := q.failed.GetMsg(ctx, f.Seq)
		if err != nil {
			return n, fmt.Errorf("dead letter %d: %w", f.Seq, err)
		}
		// A new message id: the job's own may still be in the
		// duplicate window.
		id := fmt.Sprintf("%s-retry-%d-%d", m.Header.Get(jetstream.MsgIDHeader), f.Seq, m.Time.UnixNano())
		if _, err := q.js.Publish(ctx, q.subject, m.Data, jetstream.WithMsgID(id)); err != nil {
			return n, fmt.Errorf("requeue %s: %w", f.Where, err)
		}
		if err := q.failed.DeleteMsg(ctx, f.Seq); err != nil {
			return n, fmt.Errorf("remove dead letter %d: %w", f.Seq, err)
		}
		n++
	}
	return n, nil
}
