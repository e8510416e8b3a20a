package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/export"
)

func runExport(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	format := fs.String("format", "csv", "csv (GDELT 2.0 event columns, then Didar's), jsonl (article records) or gexf (actor network)")
	var f didar.EventFilter
	fs.TextVar(&f.From, "from", didar.Date{}, "first event date (YYYY-MM-DD)")
	fs.TextVar(&f.To, "to", didar.Date{}, "last event date (YYYY-MM-DD)")
	fs.StringVar(&f.Actor, "actor", "", "events with this actor id")
	fs.StringVar(&f.Country, "country", "", "events with a participant of this country (ISO3)")
	typ := fs.String("type", "", "events of this type (meet, visit, criticize, ...)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar export --format csv|jsonl|gexf [--from DATE --to DATE --actor ID --country ISO3 --type T]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *typ != "" {
		t, err := didar.ParseEventType(*typ)
		if err != nil {
			return fmt.Errorf("--type: %w", err)
		}
		f.Type = t
	}
	var write func(context.Context, io.Writer, didar.Store, didar.EventFilter) (int, error)
	switch *format {
	case "csv":
		write = export.CSV
	case "jsonl":
		write = export.JSONL
	case "gexf":
		write = export.GEXF
	default:
		return fmt.Errorf("--format %q: want csv, jsonl or gexf", *format)
	}
	s, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	w := bufio.NewWriter(stdout)
	n, err := write(ctx, w, s, f)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", *format, err)
	}
	fmt.Fprintf(stderr, "exported %d %s\n", n, map[string]string{"csv": "events (each merged from its reports in every article)", "jsonl": "article records", "gexf": "edges"}[*format])
	return nil
}
