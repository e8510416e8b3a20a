package extract

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/didar-news/didar"
)

// window is the most raw text Extract codes in one piece. A news article
// is a few kilobytes; a longer input (a dump, a page of many stories, a
// file without line breaks) is coded in pieces cut at a paragraph, line,
// sentence or word end. Clause analysis compares each event and mention
// with the others of its text, so one piece of a 20 MB input would cost
// quadratic time and memory; pieces keep both linear in the input.
const window = 64 << 10

// extractLong codes a text longer than window piece by piece and joins
// the records: the text one after the other (a line break between
// pieces), offsets moved to the joined text, actors merged by id, events
// numbered again. The first piece fixes the metadata read from the text
// (title, outlet, dateline) for the others.
func (x *Extractor) extractLong(in Input) (didar.Record, error) {
	var rec didar.Record
	var text strings.Builder
	text.Grow(len(in.Text)) // the normalised text is about as long
	actorAt := map[string]int{}
	topics := map[string]bool{}
	offset := 0 // runes of text so far
	for rest := in.Text; rest != ""; {
		piece := rest[:cut(rest, window)]
		rest = rest[len(piece):]
		if strings.TrimSpace(piece) == "" {
			continue
		}
		r, err := x.extract(Input{ID: in.ID, Source: in.Source, URL: in.URL, Title: in.Title, Published: in.Published, Text: piece})
		if err != nil {
			if didar.ErrorCode(err) == didar.EINVALID && text.Len() > 0 {
				continue // a piece of punctuation alone
			}
			return didar.Record{}, err
		}
		if text.Len() == 0 {
			rec = r
			rec.Actors, rec.Events, rec.Quotes, rec.Topics = []didar.Actor{}, []didar.Event{}, []didar.Quote{}, []string{}
			in.Title, in.Source, in.Published = string(r.Article.Title), string(r.Article.Source), r.Article.Published
		} else {
			text.WriteByte('\n')
			offset++
		}
		for _, a := range r.Actors {
			for i := range a.Mentions {
				a.Mentions[i].Start += offset
				a.Mentions[i].End += offset
			}
			if j, ok := actorAt[a.ID]; ok {
				rec.Actors[j].Mentions = append(rec.Actors[j].Mentions, a.Mentions...)
				continue
			}
			actorAt[a.ID] = len(rec.Actors)
			rec.Actors = append(rec.Actors, a)
		}
		for _, e := range r.Events {
			e.Evidence.Start += offset
			e.Evidence.End += offset
			e.ID = fmt.Sprintf("e%d", len(rec.Events)+1)
			rec.Events = append(rec.Events, e)
		}
		for _, q := range r.Quotes {
			q.Start += offset
			q.End += offset
			rec.Quotes = append(rec.Quotes, q)
		}
		for _, t := range r.Topics {
			if !topics[t] {
				topics[t] = true
				rec.Topics = append(rec.Topics, t)
			}
		}
		text.WriteString(r.Article.Text)
		offset += utf8.RuneCountInString(r.Article.Text)
	}
	rec.Article.Text = text.String()
	return rec, nil
}

// cut returns where the first piece of s ends: all of s when it fits in
// n bytes, else after the last paragraph break, line break, sentence end
// or space in the second half of n bytes, else at a letter's boundary.
func cut(s string, n int) int {
	if len(s) <= n {
		return len(s)
	}
	head := s[:n]
	for _, sep := range []string{"\n\n", "\n", ". ", "؟ ", "! ", " "} {
		if i := strings.LastIndex(head, sep); i >= n/2 {
			return i + len(sep)
		}
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}
