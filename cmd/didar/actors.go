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
		asJSON  = fs.Bool("json", false, "print entries as JSON Lines")
		check   = fs.Bool("check", false, "check the dictionary's consistency and print every problem")
		unknown = fs.Bool("unknown", false, "list the stored actors not in the dictionary, most mentioned first")
		kind    = fs.String("kind", "", "with --unknown: actors of this kind (person, organization, group...; default all but group)")
		limit   = fs.Int("limit", 50, "with --unknown: at most this many")
		db      = dbFlag(fs)
		dicts   dirList
	)
	fs.Var(&dicts, "dict", "directory of extra dictionary YAML files (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar actors [--dict DIR] [--json] [--check] [QUERY]")
		fmt.Fprintln(stderr, "       didar actors --unknown [--db DSN] [--kind K] [--limit N] [--json] [QUERY]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	query := strings.Join(fs.Args(), " ")
	if *unknown {
		f := didar.UnknownFilter{Q: query, Kind: didar.Kind(*kind), Limit: *limit}
		return listUnknown(ctx, *db, f, *asJSON, stdout)
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

// listUnknown prints the provisional actors of the store at dsn: those
// found in text but not in the dictionary, for a curator to add.
func listUnknown(ctx context.Context, dsn string, f didar.UnknownFilter, asJSON bool, stdout io.Writer) error {
	switch f.Kind {
	case "", didar.KindPerson, didar.KindOrganization, didar.KindCountry, didar.KindPlace, didar.KindGroup:
	default:
		return didar.Errorf(didar.EINVALID, "--kind %q: want person, organization, country, place or group", f.Kind)
	}
	if f.Limit < 1 {
		return didar.Errorf(didar.EINVALID, "--limit %d: want at least 1", f.Limit)
	}
	s, err := openExisting(ctx, dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	page, err := s.UnknownActors(ctx, f)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		for _, a := range page.Actors {
			if err := enc.Encode(a); err != nil {
				return err
			}
		}
		return nil
	}
	if len(page.Actors) == 0 {
		fmt.Fprintln(stdout, "no actors outside the dictionary")
		return nil
	}
	for i, a := range page.Actors {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "%s (%s) %d mentions in %d articles, %d events\n", a.ID, a.Kind, a.Mentions, a.Articles, a.Events)
		if a.Country != "" || a.Sector != "" {
			fmt.Fprintf(stdout, "  country: %s  sector: %s\n", orDash(a.Country), orDash(a.Sector))
		}
		if len(a.Names) > 0 {
			fmt.Fprintf(stdout, "  names: %s\n", strings.Join(a.Names, "، "))
		}
		if len(a.Roles) > 0 {
			fmt.Fprintf(stdout, "  roles: %s\n", strings.Join(a.Roles, "، "))
		}
		fmt.Fprintf(stdout, "  in %s: %s\n", a.ExampleArticle, a.Example)
	}
	if page.Next != "" {
		fmt.Fprintf(stdout, "\n... more: raise --limit\n")
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
