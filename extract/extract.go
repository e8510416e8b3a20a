package extract

import (
	"github.com/didar-news/didar"
	"github.com/didar-news/didar/normalize"
)

// Version names the coder that produced a record; stored records made by
// another version are candidates for `didar recode`.
const Version = "didar-extract/0.1"

// Input is one article as read from a file, a page or a feed.
type Input struct {
	ID        string
	Source    string
	URL       string
	Title     string
	Published didar.Date
	Text      string // raw text; Extract normalises it
}

// Extractor codes articles. It is safe for concurrent use.
type Extractor struct{}

// New returns an Extractor.
func New() *Extractor { return &Extractor{} }

// Extract returns the record of in.
func (x *Extractor) Extract(in Input) (didar.Record, error) {
	text := normalize.Key(in.Text) // placeholder until normalize.Text lands
	return didar.Record{
		Article: didar.Article{
			ID:        in.ID,
			Source:    didar.NullString(in.Source),
			Via:       []string{},
			URL:       didar.NullString(in.URL),
			Published: in.Published,
			Title:     didar.NullString(in.Title),
			Text:      text,
		},
		Actors: []didar.Actor{},
		Events: []didar.Event{},
		Quotes: []didar.Quote{},
		Topics: []string{},
		Coder:  Version,
	}, nil
}
