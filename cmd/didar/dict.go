package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/didar-news/didar"
	"gopkg.in/yaml.v3"
)

// dictEntry is an entry as the dictionary files write it, without the
// fields it leaves empty.
type dictEntry struct {
	ID      string     `yaml:"id"`
	Kind    string     `yaml:"kind,omitempty"`
	EN      string     `yaml:"en,omitempty"`
	FA      []string   `yaml:"fa,flow"`
	Country string     `yaml:"country,omitempty"`
	Sector  string     `yaml:"sector,omitempty"`
	Roles   []dictRole `yaml:"roles,omitempty"`
}

type dictRole struct {
	Office  string `yaml:"office"`
	Title   string `yaml:"title,omitempty"`
	Country string `yaml:"country,omitempty"`
	Sector  string `yaml:"sector,omitempty"`
	From    string `yaml:"from,omitempty"`
	To      string `yaml:"to,omitempty"`
}

// runDict writes the dictionary entries the users' corrections made, as
// a file that --dict reads.
func runDict(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("dict", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	from := fs.Bool("from-corrections", false, "the entries of new actors, curated ones, relinks and merges")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar dict export --from-corrections > DIR/corrections.yaml\n\nThen code with --dict DIR (ingest, recode, serve) to use them.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := parseExport(fs, "dict", args); err != nil {
		return err
	}
	if !*from || fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("dict export: give --from-corrections and no arguments")
	}
	s, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	all, err := didar.AllCorrections(ctx, s, didar.CorrectionFilter{})
	if err != nil {
		return err
	}
	entries := didar.EntriesFromCorrections(all)
	out := make([]dictEntry, 0, len(entries))
	for _, e := range entries {
		d := dictEntry{ID: e.ID, Kind: string(e.Kind), EN: e.EN, FA: e.FA, Country: e.Country, Sector: e.Sector}
		for _, r := range e.Roles {
			d.Roles = append(d.Roles, dictRole{Office: r.Office, Title: r.Title, Country: r.Country, Sector: r.Sector, From: r.From.String(), To: r.To.String()})
		}
		out = append(out, d)
	}
	fmt.Fprintln(stdout, "# Dictionary entries from Didar users' corrections (didar dict export --from-corrections).")
	enc := yaml.NewEncoder(stdout)
	enc.SetIndent(2)
	if len(out) > 0 {
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(stdout, "[]")
	}
	if err := enc.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "exported %d entries\n", len(out))
	return nil
}
