package eval

import (
	"slices"

	"github.com/didar-news/didar"
)

// GoldOf writes a record, as users corrected it, as the gold annotation
// of its article: its actors (keyed by actor id, every one with a
// mention required), its events and its quotes' speakers. With
// checkedOnly, only the events a user checked count; the others are
// optional, so that they neither add to recall nor count as wrong.
func GoldOf(rec didar.Record, checkedOnly bool) Gold {
	g := Gold{Doc: rec.Article.ID, Actors: []GoldActor{}, Events: []GoldEvent{}, Quotes: []GoldQuote{}}
	if p := rec.Article.Published.String(); p != "" {
		g.Published = &p
	}
	if s := string(rec.Article.Source); s != "" {
		g.Source = &s
	}
	keys := map[string]bool{}
	for _, a := range rec.Actors {
		if a.ID == "" || keys[a.ID] {
			continue
		}
		keys[a.ID] = true
		ga := GoldActor{Key: a.ID, Kind: string(a.Kind), FA: []string{a.NameFA}, EN: ptr(string(a.NameEN)),
			Country: ptr(string(a.Country)), Sector: ptr(string(a.Sector)), Required: len(a.Mentions) > 0}
		for _, m := range a.Mentions {
			if didar.NameLink(m.Via) && !slices.Contains(ga.FA, m.Text) {
				ga.FA = append(ga.FA, m.Text)
			}
		}
		g.Actors = append(g.Actors, ga)
	}
	for _, e := range rec.Events {
		ge := GoldEvent{Type: []string{string(e.Type)}, Status: string(e.Status), Optional: checkedOnly && !e.Checked,
			Date: ptr(e.Date.String()), hasDate: true}
		if e.Location != nil {
			ge.LocationCountry = ptr(string(e.Location.Country))
		}
		src, tgt := string(e.Source), string(e.Target)
		if !e.Type.Symmetric() && keys[src] && keys[tgt] {
			ge.Source, ge.Target = []string{src}, []string{tgt}
		} else {
			for _, p := range e.Participants {
				if keys[p] {
					ge.Actors = append(ge.Actors, Entry{p})
				}
			}
			if len(ge.Actors) == 0 {
				continue // no participant left to score it by
			}
		}
		g.Events = append(g.Events, ge)
	}
	seen := map[string]bool{}
	for _, q := range rec.Quotes {
		if keys[q.Speaker] && !seen[q.Speaker] {
			seen[q.Speaker] = true
			g.Quotes = append(g.Quotes, GoldQuote{Speaker: q.Speaker})
		}
	}
	return g
}

func ptr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
