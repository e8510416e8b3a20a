package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"github.com/didar-news/didar/actors"
	"github.com/didar-news/didar/extract"
	"github.com/didar-news/didar/ingest"
)

// maxArticleBytes bounds one input file: news articles are kilobytes, and
// a larger file is a mistake (an archive, a dump) better reported than read.
const maxArticleBytes = 10 << 20

// readArticle reads one text file, or standard input for "-", as ingest
// reads one, and says clearly what is wrong with a file that is not an
// article's text.
func readArticle(ctx context.Context, path string, stdin io.Reader) (string, error) {
	return ingest.ReadText(ctx, path, stdin, maxArticleBytes)
}

// docID is the article id of a file: its base name without extension.
func docID(path string) string {
	if path == "-" {
		return ""
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// dirList is a repeatable flag of directories.
type dirList []string

func (d *dirList) String() string     { return strings.Join(*d, ",") }
func (d *dirList) Set(s string) error { *d = append(*d, s); return nil }

// newExtractor loads the dictionary and the lexicon, each with the user's
// extra directories.
func newExtractor(dicts, lexicons []string) (*extract.Extractor, error) {
	dict, err := actors.Load(dicts...)
	if err != nil {
		return nil, err
	}
	lex, err := extract.LoadLexicon(lexicons...)
	if err != nil {
		return nil, err
	}
	return extract.New(dict, lex)
}
