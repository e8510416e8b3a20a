package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/didar-news/didar"
	"github.com/didar-news/didar/jalali"
	"golang.org/x/net/html"
)

// Page is what a web page yields: its main text and metadata, and the
// page itself decoded to UTF-8 with the charset it was in.
type Page struct {
	URL       string
	Title     string
	Site      string
	Published didar.Date
	Text      string
	HTML      string
	Charset   string
}

// readHTML reads a page: decoded once (see decodeHTML; windows-1256 pages
// are common), the metadata from og: and article: tags and JSON-LD, the
// main text from go-readability, and the date from the text's dateline
// when the metadata has none.
func readHTML(body []byte, contentType, pageURL string) (Page, error) {
	if i := bytes.IndexByte(body[:min(len(body), 8192)], 0); i >= 0 {
		return Page{}, fmt.Errorf("binary content (NUL byte at offset %d), not HTML", i)
	}
	decoded, cs, err := decodeHTML(body, contentType)
	if err != nil {
		return Page{}, err
	}
	doc, err := html.Parse(strings.NewReader(decoded))
	if err != nil {
		return Page{}, fmt.Errorf("parse HTML: %w", err)
	}
	p := Page{URL: pageURL, HTML: decoded, Charset: cs}
	meta := metadata(doc)
	p.Title = first(meta["og:title"], meta["twitter:title"], meta["ld:headline"])
	p.Site = first(meta["og:site_name"], meta["ld:publisher"])
	if p.URL == "" {
		p.URL = first(meta["og:url"], meta["canonical"], meta["ld:url"])
	}
	for _, k := range []string{"article:published_time", "og:article:published_time", "ld:datePublished", "datePublished", "pubdate", "publishdate", "date", "dc.date"} {
		if v := meta[k]; v != "" {
			if d, err := ParsePublished(v); err == nil {
				p.Published = d
				break
			}
		}
	}
	var base *url.URL
	if p.URL != "" {
		base, _ = url.Parse(p.URL)
	}
	art, err := readability.FromDocument(doc, base)
	if err != nil {
		return Page{}, fmt.Errorf("main content: %w", err)
	}
	if art.Node == nil {
		return Page{}, errors.New("no main content found")
	}
	var text strings.Builder
	if err := art.RenderText(&text); err != nil {
		return Page{}, fmt.Errorf("main content: %w", err)
	}
	p.Text = tidy(text.String())
	if err := didar.CheckText(p.Text); err != nil {
		return Page{}, fmt.Errorf("main content: %w", err)
	}
	if p.Title == "" {
		p.Title = strings.TrimSpace(art.Title())
	}
	if p.Site == "" {
		p.Site = strings.TrimSpace(art.SiteName())
	}
	if p.Published.IsZero() {
		if t, err := art.PublishedTime(); err == nil {
			p.Published = didar.DateOf(t)
		}
	}
	if p.Published.IsZero() {
		if d, _, ok := jalali.Dateline(p.Text); ok {
			p.Published = d
		}
	}
	return p, nil
}

var blankLines = regexp.MustCompile(`\n[ \t]*(\n[ \t]*)+`)

// tidy trims each line and keeps one blank line between paragraphs.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.TrimSpace(blankLines.ReplaceAllString(strings.Join(lines, "\n"), "\n\n"))
}

func first(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// metadata collects <meta> properties and names (lower-cased), the
// canonical link, and JSON-LD fields as "ld:field".
func metadata(doc *html.Node) map[string]string {
	m := map[string]string{}
	set := func(k, v string) {
		if k != "" && v != "" && m[k] == "" {
			m[k] = v
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				set(key, attr(n, "content"))
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					set("canonical", attr(n, "href"))
				}
			case "script":
				if strings.EqualFold(attr(n, "type"), "application/ld+json") && n.FirstChild != nil {
					jsonLD(n.FirstChild.Data, set)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, name) {
			return a.Val
		}
	}
	return ""
}

// jsonLD reads the article fields of a JSON-LD block: an object, a list
// of objects or an @graph.
func jsonLD(s string, set func(k, v string)) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(s)), &v) != nil {
		return // a broken block does not spoil the page
	}
	var visit func(any)
	visit = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g)
			}
			for _, k := range []string{"headline", "datePublished", "url"} {
				if s, ok := x[k].(string); ok {
					set("ld:"+k, s)
				}
			}
			if p, ok := x["publisher"].(map[string]any); ok {
				if s, ok := p["name"].(string); ok {
					set("ld:publisher", s)
				}
			}
		}
	}
	visit(v)
}
