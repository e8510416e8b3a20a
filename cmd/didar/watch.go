package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/didar-news/didar/ingest"
	"github.com/didar-news/didar/queue"
)

func runWatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	var dicts, lexicons dirList
	fs.Var(&dicts, "dict", "directory of extra dictionary YAML files (repeatable)")
	fs.Var(&lexicons, "lexicon", "directory of extra lexicon files: trigger/topic TSV, normaliser word lists (*.txt) (repeatable)")
	every := fs.Duration("every", 10*time.Minute, "time between two polls of the feeds")
	once := fs.Bool("once", false, "poll once and exit")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "size limit of one feed or page")
	timeout := fs.Duration("timeout", 30*time.Second, "timeout of one web request")
	delay := fs.Duration("delay", 2*time.Second, "pause between two requests to one host")
	qf := addQueueFlags(fs, "queue new items for 'didar worker' instead of coding them here")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar watch [flags] FEED_URL...")
		fs.PrintDefaults()
	}
	// Flags may follow the feeds (didar watch URL --every 10m).
	var feeds []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		feeds = append(feeds, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(feeds) == 0 {
		fs.Usage()
		return errors.New("no feeds: name RSS or Atom URLs")
	}
	if *every < time.Second {
		return fmt.Errorf("--every %s: too often", *every)
	}
	fetch := ingest.NewFetcher()
	fetch.Client.Timeout, fetch.MaxBytes, fetch.Delay = *timeout, *maxBytes, *delay
	w := &ingest.Watcher{
		Ingester: &ingest.Ingester{Fetch: fetch, MaxBytes: *maxBytes},
		Log:      slog.New(slog.NewTextHandler(stderr, nil)),
	}
	if *qf.url != "" {
		if dbGiven(fs) && !isPostgres(*db) {
			return errQueueSQLite(*db)
		}
		q, err := queue.Open(ctx, qf.config("didar watch"))
		if err != nil {
			return err
		}
		defer q.Close()
		w.Publish = func(ctx context.Context, it ingest.Item) error {
			_, err := q.Publish(ctx, queue.Job{Where: it.Where, Input: it.Input, Raw: it.Raw, Charset: it.Charset})
			return err
		}
	} else {
		s, x, err := openCoder(ctx, *db, dicts, lexicons)
		if err != nil {
			return err
		}
		defer s.Close()
		w.Ingester.Store, w.Ingester.Coder = s, x
	}
	if *once {
		for _, r := range w.Poll(ctx, feeds) {
			if r.Err != nil {
				return fmt.Errorf("feed %s: %w", r.Feed, r.Err)
			}
		}
		return nil
	}
	return w.Run(ctx, feeds, *every)
}
