package extract

import (
	"fmt"
	"slices"
	"strings"

	"github.com/didar-news/didar"
)

// mergeEvents folds the same interaction stated twice into one event: same
// type and status, and the same sides, counted by country so that "China"
// and "the Chinese minister" in one article are one side, as long as the
// two statements share an actor or one of them names a side only loosely
// (a country, a group, an actor not in the dictionary).
func (a *article) mergeEvents() {
	var out []didar.Event
	for _, e := range a.rec.Events {
		merged := false
		for i := range out {
			o := &out[i]
			if a.sideKey(*o) != a.sideKey(e) || !a.compatible(*o, e) {
				continue
			}
			if a.looser(*o, e) {
				o.Participants, o.Source, o.Target = e.Participants, e.Source, e.Target
			}
			if o.Location == nil {
				o.Location = e.Location
			}
			// A date of its own ("روز شنبه دوم مهر") beats the publication
			// date a headline's statement of the same event fell back on.
			if o.Date.IsZero() || o.Date == a.date && !e.Date.IsZero() && e.Date != a.date && e.DatePrecision == didar.PrecisionDay {
				o.Date, o.DatePrecision = e.Date, e.DatePrecision
			}
			o.Confidence = hundredths(min(0.99, o.Confidence+0.05))
			for _, tp := range e.Topics {
				if !slices.Contains(o.Topics, tp) {
					o.Topics = append(o.Topics, tp)
				}
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, e)
		}
	}
	a.rec.Events = out
}

// dropCallVerbs removes a meeting found in the same sentence as a call
// between the same parties: "در گفت‌وگوی تلفنی با X ... رایزنی کرد" is
// one call.
//
// Likewise a negotiation stated beside a meeting of the same parties in one
// sentence ("برای دیدار و گفت‌وگو با X به محل مذاکرات رفت") is that meeting.
func (a *article) dropCallVerbs() {
	same := func(o, e didar.Event) bool {
		return o.Evidence.Start == e.Evidence.Start && a.sideKey(o)[len(o.Type):] == a.sideKey(e)[len(e.Type):]
	}
	var out []didar.Event
	for _, e := range a.rec.Events {
		if e.Type == didar.Meet && slices.ContainsFunc(a.rec.Events, func(o didar.Event) bool { return o.Type == didar.Call && same(o, e) }) {
			continue
		}
		// "X و Y تلفنی گفت‌وگو کردند. دو طرف با یکدیگر درباره ... گفت‌وگو
		// کردند": talks with no place of their own after a call of the same
		// sides are that call.
		if e.Type == didar.Meet && e.Location == nil && slices.ContainsFunc(a.rec.Events, func(o didar.Event) bool {
			return o.Type == didar.Call && o.Status == e.Status && o.Evidence.Start < e.Evidence.Start && a.sideKey(o)[len(o.Type):] == a.sideKey(e)[len(e.Type):]
		}) {
			continue
		}
		if e.Type == didar.Negotiate && slices.ContainsFunc(out, func(o didar.Event) bool { return o.Type == didar.Meet && same(o, e) }) {
			continue
		}
		// "قرار است به واشنگتن سفر کند که اولین سفر او ... است": one
		// sentence speaks of one trip, whatever tense its second mention has.
		if slices.ContainsFunc(out, func(o didar.Event) bool {
			return o.Type == e.Type && o.Status != e.Status && o.Evidence.Start == e.Evidence.Start && a.sideKey(o)[len(o.Type)+len(o.Status)+1:] == a.sideKey(e)[len(e.Type)+len(e.Status)+1:]
		}) {
			continue
		}
		out = append(out, e)
	}
	a.rec.Events = out
}

// side is the country of an actor, or its id when it has none.
func (a *article) side(id string) string {
	if act, ok := a.actors[id]; ok && act.Country != "" {
		return string(act.Country)
	}
	return id
}

func (a *article) sideKey(e didar.Event) string {
	if e.Type.Symmetric() {
		var p []string
		for _, id := range e.Participants {
			if s := a.side(id); !slices.Contains(p, s) {
				p = append(p, s)
			}
		}
		slices.Sort(p)
		return fmt.Sprintf("%s|%s|%s", e.Type, e.Status, strings.Join(p, ","))
	}
	return fmt.Sprintf("%s|%s|%s>%s", e.Type, e.Status, a.side(string(e.Source)), a.side(string(e.Target)))
}

// loose reports whether id names a side only loosely.
func (a *article) loose(id string) bool {
	act, ok := a.actors[id]
	return !ok || act.Kind != didar.KindPerson || !act.InDictionary
}

func (a *article) compatible(o, e didar.Event) bool {
	// Side by side, the named persons must agree: Modi meeting Rouhani and
	// Modi meeting Khamenei are two meetings, "Modi" and "India" one.
	persons := func(ev didar.Event, side string) []string {
		var ps []string
		for _, p := range ev.Participants {
			if a.side(p) == side && !a.loose(p) {
				ps = append(ps, p)
			}
		}
		slices.Sort(ps)
		return ps
	}
	for _, p := range e.Participants {
		side := a.side(p)
		po, pe := persons(o, side), persons(e, side)
		if len(po) > 0 && len(pe) > 0 && !slices.Equal(po, pe) {
			return false
		}
	}
	return true
}

// looser reports whether o names its sides more loosely than e, which
// should then give the merged event its parties.
func (a *article) looser(o, e didar.Event) bool {
	n := func(ev didar.Event) int {
		c := 0
		for _, p := range ev.Participants {
			if a.loose(p) {
				c++
			}
		}
		return c
	}
	return n(o) > n(e)
}
