package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/actors"
	"github.com/didar-news/didar/dedup"
	"github.com/didar-news/didar/extract"
	"github.com/didar-news/didar/samples"
	"github.com/didar-news/didar/sqlite"
)

func runDemo(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar demo [--addr 127.0.0.1:8080] [--db FILE]\n\nLoads the bundled sample articles into an embedded SQLite database (a\ntemporary file unless --db names one) and serves the web page.\n\nflags:")
		fs.PrintDefaults()
	}
	db := fs.String("db", "", "SQLite file to load the samples into (default: a temporary file removed on exit)")
	var sf serveFlags
	sf.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	log := sf.logger(stderr)
	start := time.Now()
	path := *db
	if path == "" {
		dir, err := os.MkdirTemp("", "didar-demo-")
		if err != nil {
			return fmt.Errorf("temporary database: %w", err)
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "demo.db")
	}
	store, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer store.Close()
	// The dictionary is loaded here, not by newExtractor, because its
	// entries are stored too.
	dict, err := actors.Load(sf.dicts...)
	if err != nil {
		return err
	}
	lex, err := extract.LoadLexicon(sf.lexicons...)
	if err != nil {
		return err
	}
	x, err := extract.New(dict, lex)
	if err != nil {
		return err
	}
	n, reports, err := loadSamples(ctx, store, x, dict.Entries())
	if err != nil {
		return err
	}
	// events is what the page counts: the reports of one interaction in
	// several articles make one event.
	st, err := store.Stats(ctx, didar.StatsFilter{})
	if err != nil {
		return err
	}
	log.Info("demo loaded", "db", path, "articles", n, "events", st.Events, "reports", reports, "took", time.Since(start).Round(time.Millisecond))
	return serve(ctx, store, x, &sf, log, func(url string) {
		log.Info("ready", "took", time.Since(start).Round(time.Millisecond))
		fmt.Fprintf(stdout, "Didar demo: open %s\n", url)
	})
}

// loadSamples stores the dictionary and the bundled articles, coding the
// articles in parallel (coding is the slow part; the store saves one at
// a time anyway). It returns how many articles it stored and how many
// events were coded in them (reports, before merging).
func loadSamples(ctx context.Context, store didar.Store, x *extract.Extractor, entries []didar.Entry) (int, int, error) {
	list, err := samples.All()
	if err != nil {
		return 0, 0, fmt.Errorf("samples: %w", err)
	}
	type coded struct {
		a   didar.NewArticle
		err error
	}
	out := make([]coded, len(list))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				s := list[i]
				rec, err := x.Extract(extract.Input{ID: s.ID, Source: s.Source, URL: s.URL, Title: s.Title, Published: s.Published, Text: s.Text})
				if err != nil {
					out[i].err = fmt.Errorf("sample %s: %w", s.ID, err)
					continue
				}
				out[i].a = didar.NewArticle{Record: rec, Raw: s.Text, Sketch: dedup.Sketch(rec.Article.Text)}
			}
		}()
	}
	// The dictionary goes in while the articles are coded, so that actor
	// pages show names and roles.
	err = store.SaveEntries(ctx, entries)
	for i := range list {
		next <- i
	}
	close(next)
	wg.Wait()
	if err != nil {
		return 0, 0, err
	}
	batch := make([]didar.NewArticle, 0, len(out))
	for _, c := range out {
		if c.err != nil {
			return 0, 0, c.err
		}
		batch = append(batch, c.a)
	}
	results, err := store.SaveArticles(ctx, batch)
	if err != nil {
		return 0, 0, fmt.Errorf("save samples: %w", err)
	}
	n, events := 0, 0
	for _, res := range results {
		if res.Created {
			n++
			events += res.Events
		}
	}
	return n, events, nil
}
