package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/eval"
	"github.com/didar-news/didar/extract"
)

func runEval(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		articles = fs.String("articles", "", "directory of article files DOC.txt to extract and score in one step")
		verbose  = fs.Bool("v", false, "list missed, extra and wrong events per article")
		metadata = fs.Bool("metadata", true, "with --articles: pass the gold's published date as metadata (false: bare text, as the seed gold is scored)")
		dicts    dirList
		lexicons dirList
	)
	fs.Var(&dicts, "dict", "with --articles: directory of extra dictionary files (repeatable)")
	fs.Var(&lexicons, "lexicon", "with --articles: directory of extra lexicon files (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar eval [flags] GOLD.jsonl RECORDS.jsonl\n       didar eval [flags] --articles DIR GOLD.jsonl")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	want := 2
	if *articles != "" {
		want = 1
	}
	if fs.NArg() != want {
		fs.Usage()
		return errors.New("wrong number of arguments")
	}
	golds, err := readGoldFile(fs.Arg(0))
	if err != nil {
		return err
	}
	var recs []didar.Record
	if *articles != "" {
		x, err := newExtractor(dicts, lexicons)
		if err != nil {
			return err
		}
		recs, err = extractGold(ctx, x, *articles, golds, *metadata)
		if err != nil {
			return err
		}
	} else {
		f, err := os.Open(fs.Arg(1))
		if err != nil {
			return err
		}
		defer f.Close()
		if recs, err = eval.ReadRecords(f, fs.Arg(1)); err != nil {
			return err
		}
	}
	return eval.WriteTable(stdout, eval.Evaluate(golds, recs), *verbose)
}

func readGoldFile(path string) ([]eval.Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return eval.ReadGold(f, path)
}

// extractGold extracts DIR/DOC.txt for every gold article, passing the
// gold's publication date, when metadata is set, as a feed would give it.
func extractGold(ctx context.Context, x *extract.Extractor, dir string, golds []eval.Gold, metadata bool) ([]didar.Record, error) {
	var recs []didar.Record
	for _, g := range golds {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		path := filepath.Join(dir, g.Doc+".txt")
		text, err := readArticle(ctx, path, nil)
		if err != nil {
			return nil, fmt.Errorf("gold doc %s: %w", g.Doc, err)
		}
		in := extract.Input{ID: g.Doc, Text: text}
		if metadata && g.Published != nil {
			if in.Published, err = didar.ParseDate(*g.Published); err != nil {
				return nil, fmt.Errorf("gold doc %s: published: %w", g.Doc, err)
			}
		}
		rec, err := x.Extract(in)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		recs = append(recs, rec)
	}
	return recs, nil
}
