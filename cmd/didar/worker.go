package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/didar-news/didar/ingest"
	"github.com/didar-news/didar/queue"
)

func runWorker(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	qf := addQueueFlags(fs, "the queue to take articles from")
	var dicts, lexicons dirList
	fs.Var(&dicts, "dict", "directory of extra dictionary YAML files (repeatable)")
	fs.Var(&lexicons, "lexicon", "directory of extra lexicon files: trigger/topic TSV, normaliser word lists (*.txt) (repeatable)")
	host, _ := os.Hostname()
	name := fs.String("name", fmt.Sprintf("%s-%d", host, os.Getpid()), "name of this worker in the log and in 'didar queue status'")
	batch := fs.Int("batch", 64, "articles taken, coded and saved (in one transaction) at a time")
	workers := fs.Int("workers", 0, "articles coded in parallel (default: one per CPU)")
	attempts := fs.Int("attempts", 5, "deliveries of a failing article before it goes to the dead letters")
	var backoff durationList
	fs.Var(&backoff, "backoff", "delays before the retries of a failed article, comma-separated (default 1s,5s,30s,2m)")
	ackWait := fs.Duration("ack-wait", time.Minute, "time a worker may hold a batch before it is given to another")
	every := fs.Duration("every", 10*time.Second, "time between two progress lines")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar worker --queue nats://HOST:4222 --db postgres://... [flags]\n\nTake articles queued by 'didar ingest --queue' (or 'recode --queue'), code them and\nstore them, until stopped (SIGTERM or Ctrl-C finishes the batch in hand).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *qf.url == "" {
		fs.Usage()
		return fmt.Errorf("no queue: give --queue nats://HOST:4222")
	}
	if !isPostgres(*db) {
		return errQueueSQLite(*db)
	}
	cfg := qf.config(*name)
	cfg.Attempts, cfg.Backoff, cfg.AckWait = *attempts, backoff, *ackWait
	q, err := queue.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer q.Close()
	s, x, err := openCoder(ctx, durable(*db), dicts, lexicons)
	if err != nil {
		return err
	}
	defer s.Close()
	g := &ingest.Ingester{Store: s, Coder: x, Workers: *workers}
	w := &queue.Worker{Queue: q, Name: *name, Batch: *batch, Every: *every, Log: slog.New(slog.NewTextHandler(stderr, nil)),
		Handler: func(ctx context.Context, jobs []queue.Job) []error {
			errs := make([]error, len(jobs))
			var items []ingest.Item
			var at []int
			for i, j := range jobs {
				if j.Recode != "" {
					_, errs[i] = ingest.RecodeArticle(ctx, s, x, j.Recode)
					continue
				}
				items = append(items, ingest.Item{Where: j.Where, Input: j.Input, Raw: j.Raw, Charset: j.Charset})
				at = append(at, i)
			}
			if len(items) > 0 {
				_, saveErrs := g.SaveItems(ctx, items)
				for k, i := range at {
					errs[i] = saveErrs[k]
				}
			}
			return errs
		}}
	return w.Run(ctx)
}

// durable asks for commits that wait for their WAL flush, unless the URL
// says otherwise: a job is acknowledged after its commit, and a commit
// lost in a server crash would then be lost for good. It costs one flush
// a batch.
func durable(dsn string) string {
	if strings.Contains(dsn, "synchronous_commit=") {
		return dsn
	}
	if strings.Contains(dsn, "?") {
		return dsn + "&synchronous_commit=on"
	}
	return dsn + "?synchronous_commit=on"
}

// durationList is a flag of comma-separated durations.
type durationList []time.Duration

func (d *durationList) String() string {
	var s []string
	for _, v := range *d {
		s = append(s, v.String())
	}
	return strings.Join(s, ",")
}

func (d *durationList) Set(s string) error {
	*d = nil
	for _, f := range strings.Split(s, ",") {
		v, err := time.ParseDuration(strings.TrimSpace(f))
		if err != nil || v < 0 {
			return fmt.Errorf("%q is not a duration (such as 500ms, 5s, 2m)", f)
		}
		*d = append(*d, v)
	}
	return nil
}
