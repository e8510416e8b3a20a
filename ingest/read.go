package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/extract"
	"github.com/didar-news/didar/jalali"
)

// Item is one article read from an input, or the failure to read one.
type Item struct {
	// Where names the input for reports: a path, "path:line", a URL or
	// "-" for standard input.
	Where string
	Input extract.Input
	// Raw is the input as read, decoded to UTF-8; Charset is what it was
	// decoded from ("" when it came as JSON, which is UTF-8 by rule).
	Raw     string
	Charset string
	Err     error
}

// Format is how an input is read.
type Format string

const (
	FormatText  Format = "text"
	FormatHTML  Format = "html"
	FormatJSON  Format = "json"
	FormatJSONL Format = "jsonl"
	FormatFeed  Format = "feed"
)

// formatOf returns the format an extension names, or "" to sniff the
// content.
func formatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md":
		return FormatText
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".json":
		return FormatJSON
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".xml", ".rss", ".atom":
		return FormatFeed
	}
	return ""
}

// sniff guesses the format of content from its first bytes.
func sniff(b []byte) Format {
	head := bytes.TrimLeft(b[:min(len(b), 4096)], " \t\r\n\ufeff")
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	lower := bytes.ToLower(head[:min(len(head), 512)])
	switch {
	case bytes.HasPrefix(lower, []byte("<?xml")) && !bytes.Contains(lower, []byte("<html")),
		bytes.HasPrefix(lower, []byte("<rss")), bytes.HasPrefix(lower, []byte("<feed")):
		return FormatFeed
	case bytes.HasPrefix(head, []byte("<")):
		return FormatHTML
	case bytes.HasPrefix(head, []byte("[")):
		return FormatJSON
	case bytes.HasPrefix(head, []byte("{")):
		if json.Valid(b) {
			return FormatJSON
		}
		return FormatJSONL
	}
	return FormatText
}

// ReadText reads one plain text file, or standard input for "-", the way
// Run reads a text file: a regular file only, at most maxBytes, decoded
// on evidence (see decodeText). A read of standard input ends when ctx is
// done. Errors name the file.
func ReadText(ctx context.Context, path string, stdin io.Reader, maxBytes int64) (string, error) {
	var r io.Reader = &ctxReader{ctx: ctx, r: stdin}
	if path == "-" && stdin == nil {
		return "", errors.New("-: no standard input here")
	}
	if path != "-" {
		info, err := os.Stat(path)
		if err != nil {
			return "", err
		}
		if info.IsDir() {
			return "", fmt.Errorf("%s: is a directory", path)
		}
		if err := notRegular(info.Mode()); err != nil {
			return "", fmt.Errorf("%s: %w", path, err)
		}
		f, err := os.Open(path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(b)) > maxBytes {
		return "", fmt.Errorf("%s: larger than %d bytes, not an article", path, maxBytes)
	}
	text, _, err := decodeText(b)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return text, nil
}

// readText makes the item of a plain text file. Its publication date is
// the dateline of the text, when there is one.
func readText(where, id string, b []byte) Item {
	text, cs, err := decodeText(b)
	if err == nil {
		err = didar.CheckText(text)
	}
	if err != nil {
		return Item{Where: where, Err: err}
	}
	in := extract.Input{ID: id, Text: text}
	if d, _, ok := jalali.Dateline(text); ok {
		in.Published = d
	}
	return Item{Where: where, Input: in, Raw: text, Charset: cs}
}

// Meta is the metadata of a JSON or JSON Lines article.
type Meta struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Text      string `json:"text"`
	// HTML is read as a page when Text is empty.
	HTML string `json:"html"`
}

// fromMeta makes the item of one JSON object.
func fromMeta(where string, raw []byte) Item {
	if err := validUTF8(raw); err != nil {
		return Item{Where: where, Err: err}
	}
	var m Meta
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&m); err != nil {
		return Item{Where: where, Err: fmt.Errorf("invalid JSON: %w", err)}
	}
	in := extract.Input{ID: m.ID, URL: m.URL, Title: m.Title, Source: m.Source, Text: m.Text}
	if m.Published != "" {
		d, err := ParsePublished(m.Published)
		if err != nil {
			return Item{Where: where, Err: fmt.Errorf("field published: %w", err)}
		}
		in.Published = d
	}
	if in.Text == "" && m.HTML != "" {
		page, err := readHTML([]byte(m.HTML), "text/html; charset=utf-8", m.URL)
		if err != nil {
			return Item{Where: where, Err: fmt.Errorf("field html: %w", err)}
		}
		in.Text = page.Text
		if in.Title == "" {
			in.Title = page.Title
		}
		if in.Published.IsZero() {
			in.Published = page.Published
		}
		if in.Source == "" {
			in.Source = page.Site
		}
	}
	if err := didar.CheckText(in.Text); err != nil {
		return Item{Where: where, Err: fmt.Errorf("field text: %w", err)}
	}
	if in.Published.IsZero() {
		if d, _, ok := jalali.Dateline(in.Text); ok {
			in.Published = d
		}
	}
	return Item{Where: where, Input: in, Raw: string(raw)}
}

// parsePublished reads a publication date: ISO date or timestamp, RFC
// ParsePublished reads a publication date: an ISO date, Gregorian or
// Solar Hijri (1404-08-26, told apart by the year, each day checked
// against its own calendar), an ISO timestamp, RFC 1123 (feeds), or a
// Persian date ("۲۶ آبان ۱۴۰۴"). An impossible date says what is wrong.
func ParsePublished(s string) (didar.Date, error) {
	s = strings.TrimSpace(s)
	if len(s) == 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4] {
		iso := strings.ReplaceAll(s, "/", "-")
		y, m, d, err := didar.SplitDate(iso)
		if err != nil {
			return didar.Date{}, err
		}
		if y < 1700 {
			date, err := jalali.SolarToGregorian(y, m, d)
			if err != nil {
				return didar.Date{}, fmt.Errorf("%s: no such day in the Solar Hijri calendar", s)
			}
			return date, nil
		}
		return didar.ParseDate(iso)
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return didar.DateOf(t), nil
		}
	}
	if d, _, ok := jalali.Dateline(s); ok {
		return d, nil
	}
	return didar.Date{}, fmt.Errorf("cannot read date %q", s)
}

// readJSON makes the items of a JSON file: one object or an array of
// them.
func readJSON(where string, b []byte, emit func(Item)) {
	trimmed := bytes.TrimSpace(b)
	if len(trimmed) == 0 {
		emit(Item{Where: where, Err: errors.New("empty")})
		return
	}
	if err := validUTF8(b); err != nil {
		emit(Item{Where: where, Err: err})
		return
	}
	if trimmed[0] != '[' {
		emit(fromMeta(where, trimmed))
		return
	}
	var list []json.RawMessage
	if err := json.Unmarshal(trimmed, &list); err != nil {
		emit(Item{Where: where, Err: fmt.Errorf("invalid JSON: %w", err)})
		return
	}
	if len(list) == 0 {
		emit(Item{Where: where, Err: errors.New("empty JSON array")})
	}
	for i, raw := range list {
		emit(fromMeta(fmt.Sprintf("%s[%d]", where, i), raw))
	}
}

// readJSONL makes one item per line of JSON Lines; blank lines are
// skipped and a bad line fails alone.
func readJSONL(where string, r io.Reader, maxLine int, emit func(Item)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	line, n := 0, 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		n++
		emit(fromMeta(fmt.Sprintf("%s:%d", where, line), bytes.Clone(b)))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", line+1, err)
	}
	if n == 0 {
		return errors.New("empty")
	}
	return nil
}

// idOf is the article id of a file: its base name without extension.
func idOf(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
