package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/extract"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// minItemText is the length (in runes) from which a feed item's own text
// is taken as the article; shorter items are summaries, and their page is
// fetched.
const minItemText = 600

// parseFeed reads an RSS, Atom or JSON feed. A body that is not a feed
// (an HTML error page, garbage) is an error that says so.
func parseFeed(body []byte) (*gofeed.Feed, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errors.New("empty feed")
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		if sniff(body) == FormatHTML {
			return nil, errors.New("not a feed: got an HTML page")
		}
		return nil, fmt.Errorf("not a feed: %w", err)
	}
	return f, nil
}

// feedItems turns a feed's items into articles, fetching an item's page
// when the feed gives only a summary (and fetch is not nil).
func feedItems(ctx context.Context, where string, f *gofeed.Feed, fetch *Fetcher, emit func(Item)) {
	if len(f.Items) == 0 {
		emit(Item{Where: where, Err: errors.New("feed has no items")})
		return
	}
	for i, it := range f.Items {
		if ctx.Err() != nil {
			return
		}
		w := it.Link
		if w == "" {
			w = fmt.Sprintf("%s#item%d", where, i+1)
		}
		emit(feedItem(ctx, w, f, it, fetch))
	}
}

func feedItem(ctx context.Context, where string, f *gofeed.Feed, it *gofeed.Item, fetch *Fetcher) Item {
	in := extract.Input{URL: it.Link, Title: strings.TrimSpace(it.Title), Source: strings.TrimSpace(f.Title)}
	if it.PublishedParsed != nil {
		in.Published = didar.DateOf(*it.PublishedParsed)
	} else if it.Published != "" {
		// gofeed leaves a Solar Hijri pubDate unparsed.
		if d, err := ParsePublished(it.Published); err == nil {
			in.Published = d
		}
	}
	text := htmlText(first(it.Content, it.Description))
	raw, cs := first(it.Content, it.Description), ""
	if utf8.RuneCountInString(text) < minItemText && it.Link != "" && fetch != nil {
		resp, err := fetch.Get(ctx, it.Link, Validators{})
		if err != nil {
			if text == "" {
				return Item{Where: where, Err: fmt.Errorf("fetch item page: %w", err)}
			}
		} else if page, err := readHTML(resp.Body, resp.ContentType, resp.URL); err == nil {
			text, raw, cs = page.Text, page.HTML, page.Charset
			if in.Title == "" {
				in.Title = page.Title
			}
			if in.Published.IsZero() {
				in.Published = page.Published
			}
		} else if text == "" {
			return Item{Where: where, Err: fmt.Errorf("item page: %w", err)}
		}
	}
	if err := didar.CheckText(text); err != nil {
		return Item{Where: where, Err: err}
	}
	in.Text = text
	return Item{Where: where, Input: in, Raw: raw, Charset: cs}
}

// htmlText returns the text of an HTML fragment, one line per block.
func htmlText(s string) string {
	if !strings.Contains(s, "<") {
		return strings.TrimSpace(html.UnescapeString(s))
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			switch n.Data {
			case "script", "style":
				return
			case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr":
				b.WriteString("\n")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return tidy(b.String())
}
