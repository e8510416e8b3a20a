package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/didar-news/didar/extract"
	"github.com/didar-news/didar/ingest"
)

func runRecode(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("recode", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	var dicts, lexicons dirList
	fs.Var(&dicts, "dict", "directory of extra dictionary YAML files (repeatable)")
	fs.Var(&lexicons, "lexicon", "directory of extra trigger/topic TSV files (repeatable)")
	all := fs.Bool("all", false, "recode every article, not only those coded by another coder version (use after a dictionary change)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar recode [flags]\n\nRe-extract stored articles and report how their events changed.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
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
