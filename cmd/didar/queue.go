package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/ingest"
	"github.com/didar-news/didar/queue"
)

// queueFlags are the flags naming the queue, shared by the commands that
// use it.
type queueFlags struct {
	url, stream *string
	replicas    *int
}

// addQueueFlags adds --queue (default $DIDAR_QUEUE) and --stream
// (default $DIDAR_STREAM, else DIDAR) to fs.
func addQueueFlags(fs *flag.FlagSet, what string) queueFlags {
	stream := os.Getenv("DIDAR_STREAM")
	if stream == "" {
		stream = "DIDAR"
	}
	return queueFlags{
		url:      fs.String("queue", os.Getenv("DIDAR_QUEUE"), what+" (a NATS JetStream URL, nats://HOST:4222; $DIDAR_QUEUE when set)"),
		stream:   fs.String("stream", stream, "name of the queue's JetStream stream ($DIDAR_STREAM when set)"),
		replicas: fs.Int("replicas", 1, "copies of the queue's streams kept by a JetStream cluster, set when they are created (3 on a cluster of 3)"),
	}
}

func (f queueFlags) config(name string) queue.Config {
	return queue.Config{URL: *f.url, Stream: *f.stream, Replicas: *f.replicas, Name: name}
}

// errQueueSQLite refuses a queue with a SQLite store: workers on several
// machines cannot share one file, nor write it at once.
func errQueueSQLite(dsn string) error {
	return didar.Errorf(didar.EINVALID, "--db %s is a SQLite file, and the queue is for a PostgreSQL store shared by its workers: give --db postgres://USER@HOST/DB (or run without --queue to store into SQLite)", dsn)
}

// dbGiven reports whether --db was set, on the command line or by
// $DIDAR_DB.
func dbGiven(fs *flag.FlagSet) bool {
	given := os.Getenv("DIDAR_DB") != ""
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "db" })
	return given
}

// publish reads the targets as ingest does and queues each article,
// with a progress line on stderr every five seconds.
func publish(ctx context.Context, q *queue.Queue, g *ingest.Ingester, targets []string, stdout, stderr io.Writer) error {
	start := time.Now()
	last := start
	var queued, dups int
	var failures []ingest.Failure
	var stop error
	readCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	g.Read(readCtx, targets, func(it ingest.Item) {
		if time.Since(last) >= 5*time.Second {
			last = time.Now()
			fmt.Fprintf(stderr, "queue: %d queued (%.0f/s), %d already queued, %d failed\n", queued, float64(queued)/time.Since(start).Seconds(), dups, len(failures))
		}
		switch {
		case stop != nil:
			return // the rest of a source read before the stop
		case it.Err != nil:
			failures = append(failures, ingest.Failure{Where: it.Where, Reason: it.Err.Error()})
			return
		}
		dup, err := q.Publish(ctx, queue.Job{Where: it.Where, Input: it.Input, Raw: it.Raw, Charset: it.Charset})
		switch {
		case err != nil && didar.ErrorCode(err) == didar.EINVALID:
			failures = append(failures, ingest.Failure{Where: it.Where, Reason: err.Error()})
		case err != nil:
			stop = err
			cancel()
		case dup:
			dups++
		default:
			queued++
		}
	})
	fmt.Fprintf(stdout, "queued %d, already queued %d, failed %d in %s\n", queued, dups, len(failures), time.Since(start).Round(time.Millisecond))
	for _, f := range failures {
		fmt.Fprintf(stdout, "  failed: %s: %s\n", f.Where, f.Reason)
	}
	switch {
	case stop != nil:
		return fmt.Errorf("queueing stopped: %w", stop)
	case ctx.Err() != nil:
		return ctx.Err()
	case len(failures) > 0:
		return fmt.Errorf("%d inputs failed", len(failures))
	}
	return nil
}

func runQueue(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("queue", flag.ContinueOnError)
	fs.SetOutput(stderr)
	qf := addQueueFlags(fs, "the queue")
	asJSON := fs.Bool("json", false, "print JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar queue [flags] status|failed|retry\n\n  status  jobs pending, in flight, redelivered and failed, and each worker's rate\n  failed  the jobs that failed every attempt, with their errors\n  retry   put the failed jobs back on the queue (after fixing their cause)")
		fs.PrintDefaults()
	}
	// The action may come before or after the flags.
	var action string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		action, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if action == "" && fs.NArg() > 0 {
		action = fs.Arg(0)
	}
	if action != "status" && action != "failed" && action != "retry" {
		fs.Usage()
		return errors.New("name an action: status, failed or retry")
	}
	q, err := queue.Open(ctx, qf.config("didar queue"))
	if err != nil {
		return err
	}
	defer q.Close()
	switch action {
	case "status":
		st, err := q.Status(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return json.NewEncoder(stdout).Encode(st)
		}
		fmt.Fprintf(stdout, "stream %s: %d pending, %d in flight (%d redelivered), %d failed\n", st.Stream, st.Pending, st.InFlight, st.Redelivered, st.Failed)
		if len(st.Workers) > 0 {
			tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "worker\tdone\tretried\tdead letters\trate/s\trecent/s\tseen")
			for _, w := range st.Workers {
				seen := time.Since(w.Updated).Round(time.Second).String() + " ago"
				if w.Stopped {
					seen += " (stopped)"
				}
				fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.1f\t%.1f\t%s\n", w.Name, w.Done, w.Retried, w.DeadLetters, w.Rate, w.Recent, seen)
			}
			tw.Flush()
		}
	case "failed":
		fails, err := q.Failed(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return json.NewEncoder(stdout).Encode(fails)
		}
		for _, f := range fails {
			fmt.Fprintf(stdout, "%s\tafter %s attempts, %s: %s\n", f.Where, f.Attempts, f.At.UTC().Format(time.RFC3339), f.Error)
		}
		fmt.Fprintf(stdout, "%d failed\n", len(fails))
	case "retry":
		n, err := q.Retry(ctx)
		fmt.Fprintf(stdout, "requeued %d\n", n)
		return err
	}
	return nil
}
