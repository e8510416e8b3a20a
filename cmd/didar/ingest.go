package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/actors"
	"github.com/didar-news/didar/extract"
	"github.com/didar-news/didar/ingest"
	"github.com/didar-news/didar/queue"
	"golang.org/x/term"
)

func runIngest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	var dicts, lexicons dirList
	fs.Var(&dicts, "dict", "directory of extra dictionary YAML files (repeatable)")
	fs.Var(&lexicons, "lexicon", "directory of extra lexicon files: trigger/topic TSV, normaliser word lists (*.txt) (repeatable)")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "size limit of one file, page or JSON line")
	timeout := fs.Duration("timeout", 30*time.Second, "timeout of one web request")
	workers := fs.Int("workers", 0, "articles coded in parallel (0: one per CPU)")
	published := fs.String("published", "", "publication date (YYYY-MM-DD, Gregorian or Solar Hijri) of inputs that give none (bare text without a dateline)")
	source := fs.String("source", "", "the outlet of inputs that name none")
	qf := addQueueFlags(fs, "queue the articles for 'didar worker' instead of coding them here")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar ingest [flags] PATH_OR_URL...|-\n\nFiles (text, HTML, JSON, JSON Lines), directories (recursively), - for standard input,\nURLs of pages and RSS/Atom feeds. With --queue, the articles read are queued for\nworkers (didar worker) to code and store.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("nothing to ingest: name files, directories, URLs or -")
	}
	pub, err := parsePublished(*published)
	if err != nil {
		return err
	}
	fetch := ingest.NewFetcher()
	fetch.Client.Timeout = *timeout
	fetch.MaxBytes = *maxBytes
	if *qf.url != "" {
		if dbGiven(fs) && !isPostgres(*db) {
			return errQueueSQLite(*db)
		}
		q, err := queue.Open(ctx, qf.config("didar ingest"))
		if err != nil {
			return err
		}
		defer q.Close()
		return publish(ctx, q, &ingest.Ingester{Fetch: fetch, MaxBytes: *maxBytes, Stdin: stdin, Published: pub, Source: *source}, fs.Args(), stdout, stderr)
	}
	s, x, err := openCoder(ctx, *db, dicts, lexicons)
	if err != nil {
		return err
	}
	defer s.Close()
	g := &ingest.Ingester{Store: s, Coder: x, Fetch: fetch, MaxBytes: *maxBytes, Workers: *workers, Stdin: stdin,
		Progress: progressFor(stderr, "ingest"), Published: pub, Source: *source}
	start := time.Now()
	sum, runErr := g.Run(ctx, fs.Args())
	printSummary(stdout, sum, time.Since(start))
	if runErr != nil {
		return runErr
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d inputs failed", sum.Failed)
	}
	return nil
}

// openCoder opens the store and builds the extractor for the commands
// that code articles into it. The dictionary, loaded once, is also stored,
// so that actors have their names, countries and roles before any article
// mentions them.
func openCoder(ctx context.Context, dsn string, dicts, lexicons []string) (didar.Store, *extract.Extractor, error) {
	dict, err := actors.Load(dicts...)
	if err != nil {
		return nil, nil, err
	}
	lex, err := extract.LoadLexicon(lexicons...)
	if err != nil {
		return nil, nil, err
	}
	x, err := extract.New(dict, lex)
	if err != nil {
		return nil, nil, err
	}
	s, err := openStore(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	if err := s.SaveEntries(ctx, dict.Entries()); err != nil {
		s.Close()
		return nil, nil, fmt.Errorf("store the dictionary: %w", err)
	}
	return s, x, nil
}

// progressFor draws a bar on a terminal and logs plain lines otherwise.
func progressFor(w io.Writer, what string) ingest.Progress {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &ingest.Bar{W: w, What: what}
	}
	return &ingest.Lines{W: w, What: what, Every: 5 * time.Second}
}

func printSummary(w io.Writer, s *ingest.Summary, took time.Duration) {
	if s == nil {
		return
	}
	fmt.Fprintf(w, "ingested %d, already present %d, failed %d in %s\n",
		s.Ingested, s.Present, s.Failed, took.Round(time.Millisecond))
	if s.Ingested > 0 {
		fmt.Fprintf(w, "  %d events coded in the ingested articles (the store merges reports of one interaction, so export may count fewer)\n", s.Events)
	}
	if s.Undated > 0 {
		fmt.Fprintf(w, "  warning: %d of these events have no date: give --published DATE for texts without a dateline\n", s.Undated)
	}
	for _, f := range s.Failures {
		fmt.Fprintf(w, "  failed: %s: %s\n", f.Where, f.Reason)
	}
}
