package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/extract"
	"github.com/didar-news/didar/ingest"
	"github.com/didar-news/didar/web"
)

// serveFlags are the flags serve and demo share.
type serveFlags struct {
	addr     string
	dicts    dirList
	lexicons dirList
	timeout  time.Duration
	cache    time.Duration
	gogc     int
	verbose  bool
}

func (f *serveFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on (port 0: any free port)")
	fs.Var(&f.dicts, "dict", "directory of extra dictionary YAML files (repeatable)")
	fs.Var(&f.lexicons, "lexicon", "directory of extra lexicon files (repeatable)")
	fs.DurationVar(&f.timeout, "timeout", 10*time.Second, "longest time one request may take")
	fs.DurationVar(&f.cache, "cache", 2*time.Second, "how long an answer (API or page) may be reused (0: never); writes through the server clear it")
	// A server's live heap is a few tens of MB, so Go's default target
	// (100) collects very often under load: a fifth of a busy page's CPU.
	fs.IntVar(&f.gogc, "gogc", 400, "garbage collector target while serving, as GOGC (Go itself uses 100; a higher target trades memory for CPU)")
	fs.BoolVar(&f.verbose, "v", false, "log every request")
}

func (f *serveFlags) logger(stderr io.Writer) *slog.Logger {
	level := slog.LevelInfo
	if f.verbose {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
}

func runServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar serve [--db DSN] [--addr 127.0.0.1:8080]\n\nServes the JSON API under /api/ and the web page. Reading needs no account.\nWriting needs a user (didar user add NAME: sign in on the page, or send the token\nas a bearer header) or DIDAR_TOKEN as a bearer header (an admin); with neither,\nthe server is read-only.\n\nflags:")
		fs.PrintDefaults()
	}
	db := dbFlag(fs)
	var sf serveFlags
	sf.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	log := sf.logger(stderr)
	store, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	x, err := newExtractor(sf.dicts, sf.lexicons)
	if err != nil {
		return err
	}
	return serve(ctx, store, x, &sf, log, nil)
}

// serve runs the web server over store until ctx is done. ready, when
// set, is called with the server's URL once it listens.
func serve(ctx context.Context, store didar.Store, x *extract.Extractor, sf *serveFlags, log *slog.Logger, ready func(url string)) error {
	defer debug.SetGCPercent(debug.SetGCPercent(sf.gogc))
	var coder atomic.Pointer[extract.Extractor]
	coder.Store(x)
	opts := web.Options{
		Token:    os.Getenv("DIDAR_TOKEN"),
		Logger:   log,
		Timeout:  sf.timeout,
		CacheTTL: sf.cache,
		Ingest: func(ctx context.Context, s web.Submission) (didar.SaveResult, error) {
			return ingest.Save(ctx, store, coder.Load(), extract.Input{ID: s.ID, Source: s.Source, URL: s.URL, Title: s.Title, Published: s.Published, Text: s.Text})
		},
		// A reload builds a new extractor and swaps it in whole, so that
		// an article being coded keeps the dictionary it started with.
		Reload: func(ctx context.Context) error {
			nx, err := newExtractor(sf.dicts, sf.lexicons)
			if err != nil {
				return didar.Errorf(didar.EINVALID, "reload: %v", err)
			}
			coder.Store(nx)
			log.Info("dictionaries reloaded")
			return nil
		},
	}
	h, err := web.New(store, opts)
	if err != nil {
		return err
	}
	srv, err := web.Listen(sf.addr, h, log)
	if err != nil {
		return err
	}
	mode := "read-only (add a user with didar user add, or set DIDAR_TOKEN, to allow writing)"
	if users, err := store.Users(ctx); err != nil {
		return err
	} else if opts.Token != "" || len(users) > 0 {
		mode = fmt.Sprintf("read-write for %d users%s", len(users), map[bool]string{true: " and DIDAR_TOKEN"}[opts.Token != ""])
	}
	log.Info("listening", "url", srv.URL(), "mode", mode)
	if ready != nil {
		ready(srv.URL())
	}
	return srv.Serve(ctx)
}
