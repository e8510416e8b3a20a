package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/eval"
)

// runGold writes the corrected articles as gold lines, so that `didar
// eval` scores any coder version against the team's corrections.
func runGold(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gold", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	checked := fs.Bool("checked", false, "only articles with an event a user checked; their unchecked events are optional")
	texts := fs.String("texts", "", "also write each article's text to DIR/ID.txt, for didar eval --articles DIR")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar gold export [--checked] [--texts DIR] > gold.jsonl\n\nWrites every corrected article's record, as corrected, in Didar's gold format.\nScore a coder against it with: didar eval --articles DIR gold.jsonl\n\nflags:")
		fs.PrintDefaults()
	}
	if err := parseExport(fs, "gold", args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *texts != "" {
		if err := os.MkdirAll(*texts, 0o755); err != nil {
			return err
		}
	}
	s, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	ids, err := correctedArticles(ctx, s)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	n := 0
	for _, id := range ids {
		rec, _, _, err := didar.CorrectedRecord(ctx, s, id)
		if err != nil {
			return fmt.Errorf("article %s: %w", id, err)
		}
		if *checked && !anyChecked(rec.Events) {
			continue
		}
		b, err := json.Marshal(eval.GoldOf(*rec, *checked))
		if err != nil {
			return err
		}
		w.Write(append(b, '\n'))
		n++
		if *texts != "" {
			if err := os.WriteFile(filepath.Join(*texts, id+".txt"), []byte(rec.Article.Text), 0o644); err != nil {
				return err
			}
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "exported %d gold articles\n", n)
	return nil
}

func anyChecked(evs []didar.Event) bool {
	for _, e := range evs {
		if e.Checked {
			return true
		}
	}
	return false
}

// correctedArticles lists the articles with a correction, in the order
// of their first one.
func correctedArticles(ctx context.Context, s didar.Store) ([]string, error) {
	all, err := didar.AllCorrections(ctx, s, didar.CorrectionFilter{})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var ids []string
	for _, c := range all {
		if c.Article != "" && !seen[c.Article] {
			seen[c.Article] = true
			ids = append(ids, c.Article)
		}
	}
	return ids, nil
}

// parseExport reads the arguments of "didar NAME export [flags]": flags may
// stand before the word export too (-h prints the usage).
func parseExport(fs *flag.FlagSet, name string, args []string) error {
	if len(args) > 0 && strings.HasPrefix(args[0], "-") {
		if err := fs.Parse(args); err != nil {
			return err // -h: the usage is printed
		}
	}
	if len(args) == 0 || args[0] != "export" {
		fs.Usage()
		return fmt.Errorf("%s: say export", name)
	}
	return fs.Parse(args[1:])
}
