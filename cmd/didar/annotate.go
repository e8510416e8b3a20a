package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/didar-news/didar/actors"
	"github.com/didar-news/didar/normalize"
)

// runAnnotate prints the normalised text of one article with every actor
// mention marked as [text|actor|via], then a table of the actors.
func runAnnotate(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("annotate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		published = fs.String("published", "", "article date (YYYY-MM-DD), for resolving roles to their holders")
		dicts     dirList
	)
	fs.Var(&dicts, "dict", "directory of extra dictionary YAML files (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar annotate [--dict DIR] [--published DATE] FILE|-")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errNoFile
	}
	at, err := parsePublished(*published)
	if err != nil {
		return err
	}
	raw, err := readArticle(ctx, fs.Arg(0), stdin)
	if err != nil {
		return err
	}
	d, err := actors.Load(dicts...)
	if err != nil {
		return err
	}
	text := normalize.Text(raw)
	r := d.Link(text, at)
	fmt.Fprintln(stdout, mark(text, r.Links))
	fmt.Fprintln(stdout)
	return actorTable(stdout, r)
}

// mark writes text with each link replaced by [text|actor|via].
func mark(text string, links []actors.Link) string {
	runes := []rune(text)
	var b strings.Builder
	at := 0
	for _, l := range links {
		b.WriteString(string(runes[at:l.Start]))
		fmt.Fprintf(&b, "[%s|%s|%s]", l.Text, strings.Join(linkActors(l), "+"), l.Via)
		at = l.End
	}
	b.WriteString(string(runes[at:]))
	return b.String()
}

func linkActors(l actors.Link) []string {
	if len(l.ActorIDs) > 0 {
		return l.ActorIDs
	}
	return []string{l.ActorID}
}

func actorTable(w io.Writer, r actors.Result) error {
	ids := make([]string, 0, len(r.Actors))
	for id := range r.Actors {
		ids = append(ids, id)
	}
	// First mentioned first: the order a reader meets them.
	sort.Slice(ids, func(i, j int) bool {
		return r.Actors[ids[i]].Mentions[0].Start < r.Actors[ids[j]].Mentions[0].Start
	})
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tNAME\tENGLISH\tCOUNTRY\tSECTOR\tDICT\tMENTIONS\tROLES")
	for _, id := range ids {
		a := r.Actors[id]
		dict := "no"
		if a.InDictionary {
			dict = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", a.ID, a.Kind, a.NameFA, orDash(string(a.NameEN)),
			orDash(string(a.Country)), orDash(string(a.Sector)), dict, len(a.Mentions), strings.Join(a.Roles, "; "))
	}
	return tw.Flush()
}
