package extract

import (
	"github.com/didar-news/didar"
)

// quotes finds the statements of a sentence: a cue verb (گفت، افزود، تاکید
// کرد ...) with its speaker, the clause subject or, for a later cue, the
// nearest actor named before it. After a colon the quote is direct and runs
// to the end of the sentence, or of the « » it opens; after "که" it is
// indirect; a cue at the end of a clause reports what precedes it.
func (a *article) quotes(cls []clause, t0, t1, sEnd int) {
	c := clause{t0: t0, t1: t1, subject: cls[0].subject}
	if last := cls[len(cls)-1]; last.quoted {
		c.t1 = last.t0 - 1
	}
	keys := a.keys(c.t0, t1)
	prev := c.t0
	for i := 0; i < len(keys); i++ {
		n := a.x.lex.seqAt("quote", keys, i)
		if n == 0 {
			continue
		}
		ti := c.t0 + i
		if ti >= c.t1 {
			break // a cue inside the quoted part belongs to the quote
		}
		if a.negated(ti) {
			i += n - 1
			continue
		}
		// "به گفته X، ...": X says the rest of the sentence.
		if ti > 0 && a.toks[ti-1].key == "به" {
			if m := a.phraseMention(ti+n, t1); m >= 0 {
				for j := a.lastToken(m) + 1; j+1 < t1 && j < a.lastToken(m)+8; j++ {
					if k := a.toks[j].key; k == "،" || k == "," {
						q := didar.Quote{Speaker: a.links[m].ActorID, Kind: "indirect", Cue: a.span(a.toks[ti-1].start, a.toks[ti+n-1].end).Text,
							Span: a.span(a.toks[j+1].start, sEnd)}
						a.used[q.Speaker] = true
						a.rec.Quotes = append(a.rec.Quotes, q)
						break
					}
				}
			}
			i += n - 1
			continue
		}
		speaker := -1
		if prev == c.t0 && len(c.subject) > 0 {
			speaker = c.subject[0]
		}
		if s := a.findSubject(prev, ti); len(s) > 0 && prev > c.t0 {
			speaker = s[0]
		}
		if speaker < 0 {
			i += n - 1
			continue
		}
		after := ti + n
		q := didar.Quote{Speaker: a.links[speaker].ActorID, Cue: a.span(a.toks[ti].start, a.toks[ti+n-1].end).Text}
		switch {
		case after < len(a.toks) && a.toks[after].key == ":":
			q.Kind = "direct"
			start := after + 1
			end := sEnd
			if start < len(a.toks) {
				if a.toks[start].key == "«" {
					end = a.closeQuote(start)
				}
				q.Span = a.span(a.toks[start].start, end)
			}
		case after < len(a.toks) && a.toks[after].key == "که":
			q.Kind = "indirect"
			if after+1 < len(a.toks) {
				q.Span = a.span(a.toks[after+1].start, sEnd)
			}
		default:
			q.Kind = "indirect"
			from := prev
			if l := a.links[speaker]; l.End > a.toks[from].start {
				from, _ = a.tokRange(l.End, l.End)
			}
			if from < ti {
				q.Span = a.span(a.toks[from].start, a.toks[ti].start)
			}
		}
		if q.End > q.Start {
			a.used[q.Speaker] = true
			a.rec.Quotes = append(a.rec.Quotes, q)
		}
		prev = ti + n
		i += n - 1
		if q.Kind == "direct" {
			break
		}
	}
}

// closeQuote returns the rune offset just after the » that closes the « at
// token i, looking across sentences but not past a paragraph break.
func (a *article) closeQuote(i int) int {
	depth := 0
	for j := i; j < len(a.toks); j++ {
		switch a.toks[j].key {
		case "«":
			depth++
		case "»":
			depth--
			if depth == 0 {
				return a.toks[j].end
			}
		}
		if j > i && a.paragraphBreak(a.toks[j-1].end, a.toks[j].start) {
			return a.toks[j-1].end
		}
	}
	return a.toks[len(a.toks)-1].end
}

func (a *article) paragraphBreak(from, to int) bool {
	for _, r := range a.runes[from:to] {
		if r == '\n' {
			return true
		}
	}
	return false
}
