package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/actors"
)

// runActors lists the dictionary, or looks entries up by name or id.
func runActors(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("actors", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		asJSON = fs.Bool("json", false, "print entries as JSON Lines")
		check  = fs.Bool("check", false, "check the dictionary's consistency and print every problem")
		dicts  dirList
	)
	fs.Var(&dicts, "dict", "directory of extra dictionary YAML files (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar actors [--dict DIR] [--json] [--check] [QUERY]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	d, err := actors.Load(dicts...)
	if err != nil {
		return err
	}
	if *check {
		errs := d.Check()
		for _, e := range errs {
			fmt.Fprintln(stdout, e)
		}
		if len(errs) > 0 {
			return fmt.Errorf("%d problems in the dictionary", len(errs))
		}
		fmt.Fprintf(stdout, "%d entries, %d offices: no problems\n", len(d.Entries()), len(d.Offices()))
		return nil
	}
	query := strings.Join(fs.Args(), " ")
	entries := d.Entries()
	if query != "" {
		entries = d.Search(query)
		if len(entries) == 0 {
			return didar.Errorf(didar.ENOTFOUND, "no entry matches %q", query)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		for _, e := range entries {
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
		return nil
	}
	if query == "" {
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "ID\tKIND\tCOUNTRY\tENGLISH\tPERSIAN")
		for _, e := range entries {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", e.ID, e.Kind, e.Country, e.EN, e.FA[0])
		}
		return w.Flush()
	}
	for i, e := range entries {
		if i == 10 {
			fmt.Fprintf(stdout, "... and %d more\n", len(entries)-10)
			break
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		printEntry(stdout, e)
	}
	return nil
}

func printEntry(w io.Writer, e didar.Entry) {
	fmt.Fprintf(w, "%s (%s)", e.ID, e.Kind)
	if e.EN != "" {
		fmt.Fprintf(w, " %s", e.EN)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  names: %s\n", strings.Join(e.FA, "، "))
	if e.Country != "" || e.Sector != "" {
		fmt.Fprintf(w, "  country: %s  sector: %s\n", orDash(e.Country), orDash(e.Sector))
	}
	if len(e.Adjectives) > 0 {
		fmt.Fprintf(w, "  adjectives: %s\n", strings.Join(e.Adjectives, "، "))
	}
	if len(e.Demonyms) > 0 {
		fmt.Fprintf(w, "  demonyms: %s\n", strings.Join(e.Demonyms, "، "))
	}
	if e.Capital != "" {
		fmt.Fprintf(w, "  capital: %s\n", e.Capital)
	}
	if len(e.Metonyms) > 0 {
		fmt.Fprintf(w, "  metonyms: %s\n", strings.Join(e.Metonyms, "، "))
	}
	for _, r := range e.Roles {
		to := r.To.String()
		if to == "" {
			to = "now"
		}
		from := r.From.String()
		if from == "" {
			from = "?"
		}
		title := r.Title
		if title == "" {
			title = r.Office
		}
		fmt.Fprintf(w, "  %s → %s  %s", from, to, title)
		if r.Host != "" {
			fmt.Fprintf(w, " (in %s)", r.Host)
		}
		fmt.Fprintln(w)
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

var errNoFile = errors.New("want one FILE (or - for standard input)")
