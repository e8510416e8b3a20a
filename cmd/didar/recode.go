package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/extract"
	"github.com/didar-news/didar/ingest"
	"github.com/didar-news/didar/queue"
)

func runRecode(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("recode", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	var dicts, lexicons dirList
	fs.Var(&dicts, "dict", "directory of extra dictionary YAML files (repeatable)")
	fs.Var(&lexicons, "lexicon", "directory of extra lexicon files: trigger/topic TSV, normaliser word lists (*.txt) (repeatable)")
	all := fs.Bool("all", false, "recode every article, not only those coded by another coder version (use after a dictionary change)")
	qf := addQueueFlags(fs, "queue the articles for 'didar worker' to recode (start the workers with the new --dict) instead of recoding them here")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar recode [flags]\n\nRe-extract stored articles and report how their events changed.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *qf.url != "" {
		return queueRecode(ctx, qf, *db, *all || len(dicts) > 0, stdout)
	}
	if err := mustExist(*db); err != nil {
		return err
	}
	s, x, err := openCoder(ctx, *db, dicts, lexicons)
	if err != nil {
		return err
	}
	defer s.Close()
	p := progressFor(stderr, "recode")
	started := false
	sum, err := ingest.Recode(ctx, s, x, extract.Version, *all || len(dicts) > 0, func(done, total int) {
		if !started {
			p.Start(total)
			started = true
		}
		p.Step(&ingest.Summary{Ingested: done})
	})
	if started {
		p.Finish()
	}
	if sum != nil {
		fmt.Fprintf(stdout, "recoded %d articles: %d events appeared, %d disappeared, %d changed, %d unchanged\n",
			sum.Articles, sum.Added, sum.Removed, sum.Changed, sum.Same)
		for _, f := range sum.Failures {
			fmt.Fprintf(stdout, "  failed: %s: %s\n", f.Where, f.Reason)
		}
		if err := reportStale(ctx, stdout, s, sum.Stale); err != nil {
			return err
		}
	}
	if err != nil {
		return err
	}
	if sum.Articles == 0 && len(sum.Failures) == 0 {
		fmt.Fprintf(stdout, "every article is coded by %s already; --all recodes them anyway\n", extract.Version)
	}
	if len(sum.Failures) > 0 {
		return fmt.Errorf("%d articles failed", len(sum.Failures))
	}
	return nil
}

// queueRecode queues the ids of the articles to recode, one job each,
// for the workers.
func queueRecode(ctx context.Context, qf queueFlags, dsn string, all bool, stdout io.Writer) error {
	if !isPostgres(dsn) {
		return errQueueSQLite(dsn)
	}
	q, err := queue.Open(ctx, qf.config("didar recode"))
	if err != nil {
		return err
	}
	defer q.Close()
	s, err := openStore(ctx, dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	ids, err := ingest.RecodeIDs(ctx, s, extract.Version, all)
	if err != nil {
		return err
	}
	run := time.Now().UTC().Format("20060102T150405.000000000")
	for i, id := range ids {
		if _, err := q.Publish(ctx, queue.Job{Recode: id, Run: run}); err != nil {
			return fmt.Errorf("queued %d of %d: %w", i, len(ids), err)
		}
	}
	fmt.Fprintf(stdout, "queued %d articles to recode\n", len(ids))
	return nil
}

// reportStale lists the users' corrections that no longer apply after
// the recode: they are kept, and apply again if their event or mention
// comes back.
func reportStale(ctx context.Context, w io.Writer, s didar.Store, ids []string) error {
	for _, id := range ids {
		_, _, un, err := didar.CorrectedRecord(ctx, s, id)
		if err != nil {
			return err
		}
		for _, u := range un {
			fmt.Fprintf(w, "  correction #%d of %s (%s) no longer applies: %s\n", u.ID, id, u.Op, u.Reason)
		}
	}
	return nil
}
