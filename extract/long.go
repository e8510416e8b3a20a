package extract

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
	"unique"

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
	// The normalised text is about as long; a little room spares
	// growing a buffer of the whole text when it comes out longer.
	text.Grow(len(in.Text) + len(in.Text)/32)
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
			detachActor(&a)
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
			detachEvent(&e)
			rec.Events = append(rec.Events, e)
		}
		for _, q := range r.Quotes {
			q.Start += offset
			q.End += offset
			q.Speaker, q.Kind, q.Cue = detach(q.Speaker), detach(q.Kind), detach(q.Cue)
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
	// Lists grown by appending have up to twice the room they need,
	// which the record would keep through its save.
	rec.Events, rec.Quotes = slices.Clone(rec.Events), slices.Clone(rec.Quotes)
	for i := range rec.Actors {
		rec.Actors[i].Mentions = slices.Clone(rec.Actors[i].Mentions)
	}
	share(&rec)
	return rec, nil
}

// detach returns s, or an equal string already used, not sharing the
// memory of a piece's text: an actor's name or a cue cut from a piece's
// text keeps all of that text alive once the pieces are joined. (The
// spans are shared with the joined text instead.)
func detach(s string) string { return unique.Make(s).Value() }

func detachNull(s didar.NullString) didar.NullString { return didar.NullString(detach(string(s))) }

func detachActor(a *didar.Actor) {
	a.ID, a.NameFA, a.NameEN, a.Country, a.Sector = detach(a.ID), detach(a.NameFA), detachNull(a.NameEN), detachNull(a.Country), detachNull(a.Sector)
	for i, r := range a.Roles {
		a.Roles[i] = detach(r)
	}
	for i := range a.Mentions {
		a.Mentions[i].Text, a.Mentions[i].Via = detach(a.Mentions[i].Text), detach(a.Mentions[i].Via)
	}
}

func detachEvent(e *didar.Event) {
	e.Source, e.Target, e.Rule = detachNull(e.Source), detachNull(e.Target), detach(e.Rule)
	for i, p := range e.Participants {
		e.Participants[i] = detach(p)
	}
	for i, t := range e.Topics {
		e.Topics[i] = detach(t)
	}
	if l := e.Location; l != nil {
		e.Location = &didar.Location{NameFA: detachNull(l.NameFA), NameEN: detachNull(l.NameEN), Country: detachNull(l.Country), Venue: detachNull(l.Venue)}
	}
}

// share points the text of each mention, evidence and quote of rec into
// rec.Article.Text where it is the text at its offsets (it always is,
// bar an evidence cut short). A piece's spans were copies of its text or
// pieces of it, which kept every piece's text alive beside the joined
// one: about twice the text, for a large input.
func share(rec *didar.Record) {
	type ref struct {
		start, end int
		text       *string
	}
	var refs []ref
	for i := range rec.Actors {
		for j := range rec.Actors[i].Mentions {
			m := &rec.Actors[i].Mentions[j]
			refs = append(refs, ref{m.Start, m.End, &m.Text})
		}
	}
	for i := range rec.Events {
		e := &rec.Events[i].Evidence
		refs = append(refs, ref{e.Start, e.End, &e.Text})
	}
	for i := range rec.Quotes {
		q := &rec.Quotes[i].Span
		refs = append(refs, ref{q.Start, q.End, &q.Text})
	}
	slices.SortFunc(refs, func(x, y ref) int { return cmp.Compare(x.start, y.start) })
	text := rec.Article.Text
	at, b := 0, 0 // the rune and byte offsets reached
	for _, r := range refs {
		for at < r.start && b < len(text) {
			_, n := utf8.DecodeRuneInString(text[b:])
			at, b = at+1, b+n
		}
		if at != r.start {
			break // past the text
		}
		k, e := at, b
		for k < r.end && e < len(text) {
			_, n := utf8.DecodeRuneInString(text[e:])
			k, e = k+1, e+n
		}
		if k == r.end && text[b:e] == *r.text {
			*r.text = text[b:e]
		}
	}
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
