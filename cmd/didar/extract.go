package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/extract"
	"github.com/didar-news/didar/ingest"
)

func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		published = fs.String("published", "", "publication date (YYYY-MM-DD, Gregorian or Solar Hijri) when the text has no dateline")
		source    = fs.String("source", "", "the outlet, when the text does not name it")
		id        = fs.String("id", "", "article id (default: the file's base name)")
		format    = fs.String("format", "jsonl", "output: jsonl (the article record) or text (one line per event)")
		dicts     dirList
		lexicons  dirList
	)
	fs.Var(&dicts, "dict", "directory of extra dictionary YAML files (repeatable)")
	fs.Var(&lexicons, "lexicon", "directory of extra lexicon files: trigger/topic TSV, normaliser word lists (*.txt) (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar extract [flags] FILE...|-")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("no input: name files, or - for standard input")
	}
	if *format != "jsonl" && *format != "text" {
		return fmt.Errorf("--format %q: want jsonl or text", *format)
	}
	pub, err := parsePublished(*published)
	if err != nil {
		return err
	}
	if *id != "" && fs.NArg() > 1 {
		return errors.New("--id names one article; give one file")
	}
	x, err := newExtractor(dicts, lexicons)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	failed := 0
	for _, path := range fs.Args() {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		text, err := readArticle(ctx, path, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "didar extract: %v\n", err)
			failed++
			continue
		}
		in := extract.Input{ID: *id, Source: *source, Published: pub, Text: text}
		if in.ID == "" {
			in.ID = docID(path)
		}
		if in.ID == "" {
			sum := sha256.Sum256([]byte(text))
			in.ID = hex.EncodeToString(sum[:8])
		}
		rec, err := x.Extract(in)
		if err != nil {
			fmt.Fprintf(stderr, "didar extract: %s: %v\n", path, err)
			failed++
			continue
		}
		if *format == "text" {
			writeText(stdout, rec)
			continue
		}
		// Element by element: a long text's record is never held whole
		// as JSON.
		if err := rec.WriteJSON(out); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		if err := out.Flush(); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d inputs failed", failed, fs.NArg())
	}
	return nil
}

// parsePublished reads --published as ingest reads a publication date:
// an ISO date, Gregorian or Solar Hijri (1404-08-26).
func parsePublished(s string) (didar.Date, error) {
	if s == "" {
		return didar.Date{}, nil
	}
	d, err := ingest.ParsePublished(s)
	if err != nil {
		return didar.Date{}, fmt.Errorf("--published: %w", err)
	}
	return d, nil
}

// writeText prints one readable English line per event, e.g.
// "2023-12-05 Tehran (IRN) meet: Liu Jianchao (CHN PTY) — Qodratali Heshmatian (IRN PTY)".
func writeText(w io.Writer, rec didar.Record) {
	actors := map[string]didar.Actor{}
	for _, a := range rec.Actors {
		actors[a.ID] = a
	}
	name := func(id string) string {
		a, ok := actors[id]
		if !ok {
			return id
		}
		n := string(a.NameEN)
		if n == "" {
			n = a.NameFA
		}
		var tags []string
		if a.Country != "" {
			tags = append(tags, string(a.Country))
		}
		if a.Sector != "" {
			tags = append(tags, string(a.Sector))
		}
		if len(tags) > 0 && a.Kind != didar.KindCountry {
			n += " (" + strings.Join(tags, " ") + ")"
		}
		return n
	}
	fmt.Fprintf(w, "# %s: %d events, %d quotes\n", rec.Article.ID, len(rec.Events), len(rec.Quotes))
	for _, e := range rec.Events {
		date := e.Date.String()
		if date == "" {
			date = "(no date)"
		}
		place := ""
		if l := e.Location; l != nil {
			n := string(l.NameEN)
			if n == "" {
				n = string(l.NameFA)
			}
			if n == "" {
				n = string(l.Venue)
			}
			place = strings.TrimSpace(n + " (" + string(l.Country) + ")")
		}
		var parties string
		if e.Type.Symmetric() {
			names := make([]string, len(e.Participants))
			for i, p := range e.Participants {
				names[i] = name(p)
			}
			parties = strings.Join(names, " — ")
		} else {
			parties = name(string(e.Source)) + " → " + name(string(e.Target))
		}
		status := ""
		if e.Status != didar.StatusOccurred {
			status = " [" + string(e.Status) + "]"
		}
		fmt.Fprintf(w, "%s %s %s: %s%s\n", date, place, e.Type, parties, status)
	}
}
