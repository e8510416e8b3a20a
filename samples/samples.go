package samples

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/didar-news/didar"
)

//go:embed articles/*.txt meta.jsonl gold.jsonl
var files embed.FS

// Sample is one article of the corpus with its publication metadata.
// Published is the zero Date when the metadata gives no date.
type Sample struct {
	ID, Source, URL, Title string
	Published              didar.Date
	Text                   string
}

// meta is one line of meta.jsonl.
type meta struct {
	ID        string     `json:"id"`
	Published didar.Date `json:"published"`
	Source    *string    `json:"source"`
	URL       *string    `json:"url"`
	Title     *string    `json:"title"`

	line int // where it was read, for errors
}

// All returns every article with its metadata, sorted by ID. An article
// without a metadata line, or a metadata line without an article, is an
// error.
func All() ([]Sample, error) { return load(files) }

// load reads the corpus from fsys, laid out as the embedded files are.
func load(fsys fs.FS) ([]Sample, error) {
	metas, err := readMeta(fsys)
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(fsys, "articles/*.txt")
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	out := make([]Sample, 0, len(names))
	for _, name := range names {
		id := strings.TrimSuffix(path.Base(name), ".txt")
		m, ok := metas[id]
		if !ok {
			return nil, fmt.Errorf("%s: no line in meta.jsonl", name)
		}
		delete(metas, id)
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		out = append(out, Sample{
			ID:        id,
			Source:    deref(m.Source),
			URL:       deref(m.URL),
			Title:     deref(m.Title),
			Published: m.Published,
			Text:      string(b),
		})
	}
	for id, m := range metas {
		return nil, fmt.Errorf("meta.jsonl:%d: id %q has no file articles/%s.txt", m.line, id, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Gold returns the gold.jsonl file: one annotation object per article.
func Gold() ([]byte, error) {
	b, err := files.ReadFile("gold.jsonl")
	if err != nil {
		return nil, fmt.Errorf("read gold.jsonl: %w", err)
	}
	return b, nil
}

func readMeta(fsys fs.FS) (map[string]meta, error) {
	b, err := fs.ReadFile(fsys, "meta.jsonl")
	if err != nil {
		return nil, fmt.Errorf("read meta.jsonl: %w", err)
	}
	metas := make(map[string]meta)
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		var m meta
		if err := dec.Decode(&m); err != nil {
			return nil, fmt.Errorf("meta.jsonl:%d: %w", n, err)
		}
		if m.ID == "" {
			return nil, fmt.Errorf("meta.jsonl:%d: empty id", n)
		}
		if _, dup := metas[m.ID]; dup {
			return nil, fmt.Errorf("meta.jsonl:%d: duplicate id %q", n, m.ID)
		}
		m.line = n
		metas[m.ID] = m
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read meta.jsonl: %w", err)
	}
	return metas, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
