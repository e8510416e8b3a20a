package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/didar-news/didar"
)

// runAudit prints the users' corrections, oldest first, one a line.
func runAudit(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	var f didar.CorrectionFilter
	fs.StringVar(&f.User, "user", "", "corrections by this user")
	fs.StringVar(&f.Article, "article", "", "corrections of this article")
	fs.TextVar(&f.From, "from", didar.Date{}, "made on or after (YYYY-MM-DD, UTC)")
	fs.TextVar(&f.To, "to", didar.Date{}, "made on or before")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar audit [--user NAME] [--article ID] [--from DATE] [--to DATE]\n\nPrints every correction: id, time, user, article, what changed, reason.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	s, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	f.Limit = didar.MaxLimit
	n := 0
	for {
		page, err := s.Corrections(ctx, f)
		if err != nil {
			return err
		}
		for _, c := range page.Corrections {
			n++
			state := ""
			if c.UndoneBy != 0 {
				state = fmt.Sprintf(" (undone by #%d)", c.UndoneBy)
			}
			article := c.Article
			if article == "" {
				article = "dictionary"
			}
			fmt.Fprintf(w, "#%d\t%s\t%s\t%s\t%s: %s%s", c.ID, c.At.Format("2006-01-02 15:04:05"), c.User, article, c.Op, c.Summary(), state)
			if c.Reason != "" {
				fmt.Fprintf(w, "\t%q", c.Reason)
			}
			fmt.Fprintln(w)
		}
		if page.Next == "" {
			break
		}
		f.Cursor = page.Next
	}
	if n == 0 {
		fmt.Fprintln(stderr, "no corrections match")
	}
	return nil
}
