package web

import (
	"sort"
	"strings"

	"github.com/didar-news/didar"
)

// segment is a run of article text with the same highlights: a mention
// of an actor (a link to it), the evidence of an event, a quote. The
// template escapes Text like any other string.
type segment struct {
	Text    string
	ActorID string // set when the run is a mention
	Class   string // "m", "ev", "qt", space-separated
	Title   string // what the run was linked to, shown on hover
}

// segments cuts text into runs at every edge of a mention, an event's
// evidence and a quote. Offsets are in runes, end exclusive; spans
// outside the text are dropped. Overlapping mentions keep the longer.
func segments(text string, rec *didar.Record, describe func(kind string, i int) string) []segment {
	runes := []rune(text)
	n := len(runes)
	mention := fill(n)
	event := fill(n)
	quote := fill(n)
	first := make([]bool, n+1) // a kept mention starts here

	type span struct{ start, end, actor int }
	var ms []span
	for ai, a := range rec.Actors {
		for _, m := range a.Mentions {
			ms = append(ms, span{m.Start, m.End, ai})
		}
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end > ms[j].end
	})
	for _, m := range ms {
		if !valid(m.start, m.end, n) {
			continue
		}
		free := true
		for k := m.start; k < m.end; k++ {
			if mention[k] >= 0 {
				free = false
				break
			}
		}
		if free {
			first[m.start] = true
			for k := m.start; k < m.end; k++ {
				mention[k] = m.actor
			}
		}
	}
	for ei, e := range rec.Events {
		mark(event, e.Evidence.Start, e.Evidence.End, ei)
	}
	for qi, q := range rec.Quotes {
		mark(quote, q.Start, q.End, qi)
	}

	var out []segment
	start := 0
	for k := 1; k <= n; k++ {
		if k < n && mention[k] == mention[start] && event[k] == event[start] && quote[k] == quote[start] &&
			// Two mentions of one actor side by side stay two links.
			!first[k] {
			continue
		}
		s := segment{Text: string(runes[start:k])}
		var class, title []string
		if a := mention[start]; a >= 0 {
			s.ActorID = rec.Actors[a].ID
			class = append(class, "m")
			title = append(title, describe("actor", a))
		}
		if e := event[start]; e >= 0 {
			class = append(class, "ev")
			title = append(title, describe("event", e))
		}
		if q := quote[start]; q >= 0 {
			class = append(class, "qt")
			title = append(title, describe("quote", q))
		}
		s.Class = strings.Join(class, " ")
		s.Title = strings.Join(title, " · ")
		out = append(out, s)
		start = k
	}
	return out
}

func fill(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

func valid(start, end, n int) bool { return start >= 0 && end <= n && start < end }

// mark sets the runes of a span that no earlier span of its kind holds,
// so that the first event or quote over a run names it.
func mark(at []int, start, end, i int) {
	if !valid(start, end, len(at)) {
		return
	}
	for k := start; k < end; k++ {
		if at[k] < 0 {
			at[k] = i
		}
	}
}
