package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/didar-news/didar/actors"
	"github.com/didar-news/didar/extract"
)

// maxArticleBytes bounds one input file: news articles are kilobytes, and
// a larger file is a mistake (an archive, a dump) better reported than read.
const maxArticleBytes = 10 << 20

// readArticle reads one text file, or standard input for "-", and says
// clearly what is wrong with a file that is not an article's text.
func readArticle(path string, stdin io.Reader) (string, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return "", fmt.Errorf("%s: is a directory", path)
		}
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxArticleBytes+1))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	switch {
	case len(b) > maxArticleBytes:
		return "", fmt.Errorf("%s: larger than %d MB, not an article", path, maxArticleBytes>>20)
	case len(bytes.TrimSpace(b)) == 0:
		return "", fmt.Errorf("%s: empty file", path)
	case bytes.IndexByte(b, 0) >= 0:
		return "", fmt.Errorf("%s: binary file (NUL byte at offset %d)", path, bytes.IndexByte(b, 0))
	case !utf8.Valid(b):
		line := 1 + bytes.Count(b[:firstInvalid(b)], []byte("\n"))
		return "", fmt.Errorf("%s:%d: not valid UTF-8", path, line)
	}
	return string(b), nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
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
