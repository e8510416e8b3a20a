package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/didar-news/didar"
)

// clause is a stretch of one sentence that has its own subject: the whole
// sentence, or the part before and the part after a colon that opens a
// direct quote.
type clause struct {
	t0, t1  int   // token range
	subject []int // mention indexes
	speaker []int // for a quoted clause: who says it
	quoted  bool  // the clause is the content of a direct quote
	frame   int   // for a quoted clause: the first token of the clause that reports it
}

// sentence analyses the sentence in runes [start, end): its subject, its
// event triggers and its quotes.
func (a *article) sentence(start, end int) {
	t0, t1 := a.tokRange(start, end)
	if t0 >= t1 {
		return
	}
	t0 = a.skipReportPrefix(t0, t1)
	keys := a.keys(t0, t1)

	// Split at a colon: what follows is what the subject said.
	cls := []clause{{t0: t0, t1: t1}}
	for i, k := range keys {
		if k == ":" && t0+i+1 < t1 {
			cls = []clause{{t0: t0, t1: t0 + i}, {t0: t0 + i + 1, t1: t1, quoted: true}}
			break
		}
		// "X گفت که ...": what follows is what X said, with a subject of
		// its own when one opens it.
		if k == "که" && i > 0 && t0+i+1 < t1 && a.quoteCueEndsAt(keys, i) {
			cls = []clause{{t0: t0, t1: t0 + i}, {t0: t0 + i + 1, t1: t1, quoted: true}}
			break
		}
	}
	speaker := a.findSubject(cls[0].t0, cls[0].t1)
	if len(speaker) == 0 {
		speaker = a.subject
	}
	cls[0].subject = speaker
	// A subordinate clause opened by a conjunction and closed by its verb
	// and a comma ("همانگونه که X ... اشاره کرده بود، Y ...") has its own
	// subject; the main clause keeps the sentence's.
	if n := a.x.lex.seqAt("sub", a.keys(cls[0].t0, cls[0].t1), 0); n > 0 {
		for i := cls[0].t0 + n; i+2 < cls[0].t1; i++ {
			if a.isVerb(i) && (a.toks[i+1].key == "،" || a.toks[i+1].key == ",") {
				sub := clause{t0: cls[0].t0, t1: i + 1}
				sub.subject = a.findSubject(sub.t0, sub.t1)
				main := clause{t0: i + 2, t1: cls[0].t1}
				main.subject = a.findSubject(main.t0, main.t1)
				if len(main.subject) == 0 {
					main.subject = a.subject
				}
				speaker = main.subject
				cls = append([]clause{sub, main}, cls[1:]...)
				break
			}
		}
	}
	// "X ... وارد ریاض شد و Y از او استقبال کرد": a new subject after a
	// verb and "و" starts a clause of its own.
	for ci := 0; ci < len(cls); ci++ {
		c := cls[ci]
		if c.quoted {
			continue
		}
		for i := c.t0 + 1; i+2 < c.t1; i++ {
			if !a.isVerb(i) || a.toks[i+1].key != "و" {
				continue
			}
			if m, ok := a.mentionStart(i + 2); ok && a.participant(m) {
				first := clause{t0: c.t0, t1: i + 1, subject: c.subject}
				rest := clause{t0: i + 2, t1: c.t1, subject: []int{m}}
				cls = append(cls[:ci], append([]clause{first, rest}, cls[ci+1:]...)...)
				speaker = rest.subject
				break
			}
		}
	}
	if last := len(cls) - 1; cls[last].quoted {
		cls[last].speaker = speaker
		cls[last].frame = t0
		// «Y ... تشکر کرد»: the quote marks open the clause, not a name.
		q0 := cls[last].t0
		if k := a.toks[q0].key; (k == "«" || k == "\"") && q0+1 < cls[last].t1 {
			q0++
		}
		cls[last].subject = a.findSubject(q0, cls[last].t1)
		if len(cls[last].subject) == 0 || !a.clauseInitial(cls[last].subject[0], q0) {
			cls[last].subject = speaker
		}
	}
	for _, c := range cls {
		a.triggers(c, start, end)
	}
	a.quotes(cls, t0, t1, end)
	if s := a.findSubject(t0, t1); len(s) > 0 && !cls[0].quoted {
		a.subject = s
	} else if len(speaker) > 0 {
		a.subject = speaker
	}
}

// tokRange returns the tokens inside runes [start, end).
func (a *article) tokRange(start, end int) (int, int) {
	i, _ := slices.BinarySearchFunc(a.toks, start, func(t tok, s int) int { return t.start - s })
	j, _ := slices.BinarySearchFunc(a.toks, end, func(t tok, s int) int { return t.start - s })
	return i, j
}

// keys returns the keys of tokens [t0, t1); callers must not change them.
func (a *article) keys(t0, t1 int) []string { return a.allKeys[t0:t1] }

// skipReportPrefix skips "به گزارش X، ..." and "به نقل از X،": the outlets
// named there are not actors of the sentence.
func (a *article) skipReportPrefix(t0, t1 int) int {
	// A dateline: "تهران - ایرنا - ..." or "مسکو- خبرگزاری ... -".
	dashes := 0
	for i := t0; i < t1 && i < t0+8; i++ {
		if k := a.toks[i].key; k == "-" || k == "–" || k == "—" {
			dashes++
			if dashes == 2 {
				t0 = i + 1
				break
			}
		}
	}
	if t0+1 < t1 && a.toks[t0].key == "به" && strings.HasPrefix(a.toks[t0+1].key, "گزارش") {
		for i := t0 + 2; i < t1 && i < t0+25; i++ {
			// "به گزارش خبرنگار ایرنا در کابل؛ ...": some outlets close
			// it with a semicolon.
			if k := a.toks[i].key; k == "،" || k == "," || k == "؛" {
				return i + 1
			}
		}
	}
	return t0
}

// mentionStart reports whether token i starts a mention, and which.
func (a *article) mentionStart(i int) (int, bool) {
	m := a.toks[i].mention
	if m < 0 {
		return -1, false
	}
	if i > 0 && a.toks[i-1].mention == m {
		return m, false
	}
	return m, true
}

func (a *article) actorOf(m int) (didar.Actor, bool) {
	act, ok := a.actors[a.links[m].ActorID]
	return act, ok
}

// participant reports whether mention m can take part in an event: an
// actor, not a place.
func (a *article) participant(m int) bool {
	act, ok := a.actorOf(m)
	return ok && act.Kind != didar.KindPlace
}

// prepositional reports whether the mention starting at token i is inside
// a prepositional phrase: a preposition within the two tokens before it,
// with nothing but titles or quote marks between.
func (a *article) prepositional(i, floor int) bool {
	for j := i - 1; j >= floor && j >= i-3; j-- {
		k := a.toks[j].key
		if a.x.lex.is("prep", k) {
			return true
		}
		if k == "«" || k == "\"" || a.isTitle(k) {
			continue
		}
		return false
	}
	return false
}

// findSubject returns the subject of tokens [t0, t1): the first actor
// mention that is not inside a prepositional phrase nor a quote, with the
// persons coordinated to it by "و" before the first trigger.
func (a *article) findSubject(t0, t1 int) []int {
	if s := a.leadEnd(t0, t1); s > t0 {
		if subj := a.findSubject(s, t1); len(subj) > 0 {
			return subj
		}
	}
	t0 = a.skipAdverbial(t0, t1)
	// "گفتنی است X ... سفر کرد": the remark's copula does not close the clause.
	if n := a.x.lex.seqAt("opener", a.allKeys[t0:t1], 0); n > 0 && t0+n < t1 {
		t0 += n
		if k := a.toks[t0].key; (k == "،" || k == "," || k == ":") && t0+1 < t1 {
			t0++
		}
	}
	depth := 0
	for i := t0; i < t1; i++ {
		switch a.toks[i].key {
		case "«":
			// «محمد جواد ظریف»: a name in guillemets is still a name.
			if i+1 < t1 {
				if m, ok := a.mentionStart(i + 1); ok {
					if j := a.lastToken(m); j+1 < t1 && a.toks[j+1].key == "»" {
						continue
					}
				}
			}
			depth++
			continue
		case "»":
			depth = max(0, depth-1)
			continue
		}
		m, ok := a.mentionStart(i)
		if !ok || depth > 0 || !a.participant(m) || a.prepositional(i, t0) || a.object(m) {
			// A clause ends at its verb, but "قرار است X ..." opens one.
			if a.isVerb(i) && !(i > t0 && a.toks[i-1].key == "قرار") {
				return nil
			}
			continue
		}
		subj := []int{m}
		// Coordinated parties: "X ... و Y ... با یکدیگر", "ایران و ترکیه".
		// A person is coordinated with persons, a state or body with states
		// and bodies.
		for j := i + 1; j < t1; j++ {
			if a.isVerb(j) || a.x.lex.is("prep", a.toks[j].key) && !a.inMention(j) {
				break
			}
			if (a.toks[j].key != "و" && a.toks[j].key != "،") || a.inMention(j) {
				continue
			}
			for k := j + 1; k < t1 && k <= j+3; k++ {
				m2, ok := a.mentionStart(k)
				if !ok {
					// Titles, and a first name the linker did not take
					// ("ولادمیر پوتین"), may stand before the name.
					if kk := a.toks[k].key; a.isTitle(kk) || kk == "«" || (k < j+3 && a.wordLike(k)) {
						continue
					}
					break
				}
				samePersonhood := a.personal(m2) == a.personal(m)
				if a.participant(m2) && samePersonhood && !slices.Contains(subj, m2) && a.links[m2].ActorID != a.links[m].ActorID {
					subj = append(subj, m2)
				}
				break
			}
		}
		return subj
	}
	return nil
}

// skipAdverbial skips a phrase that opens a clause with a preposition and
// ends at a comma before any verb ("در حاشیه اجلاس سران سیکا، X با Y
// دیدار کرد"): the bodies it names set the scene and are not the subject.
func (a *article) skipAdverbial(t0, t1 int) int {
	if t0 >= t1 || !a.x.lex.is("prep", a.toks[t0].key) {
		return t0
	}
	for i := t0 + 1; i < t1 && i < t0+30; i++ {
		if a.isVerb(i) {
			return t0
		}
		if k := a.toks[i].key; (k == "،" || k == ",") && !a.inMention(i) {
			if i+1 < t1 {
				return i + 1
			}
			return t0
		}
	}
	return t0
}

// isTitle reports whether k is a title or rank before a name.
func (a *article) isTitle(k string) bool { return a.x.lex.is("title", k) }

func (a *article) inMention(i int) bool { return a.toks[i].mention >= 0 }

// quoteCueEndsAt reports whether a quote cue ends just before keys[i].
func (a *article) quoteCueEndsAt(keys []string, i int) bool {
	for n := 1; n <= 3 && n <= i; n++ {
		if a.x.lex.seqAt("quote", keys, i-n) == n {
			return true
		}
	}
	return false
}

// wordLike reports whether token i is a plain word: not a verb, a
// preposition, a conjunction or punctuation.
func (a *article) wordLike(i int) bool {
	k := a.toks[i].key
	if a.isVerb(i) || a.x.lex.is("prep", k) || k == "و" || k == "که" {
		return false
	}
	for _, r := range k {
		if !unicode.Is(unicode.Arabic, r) {
			return false
		}
	}
	return k != ""
}

// clauseInitial reports whether mention m starts within the first few
// tokens of a clause starting at t0.
func (a *article) clauseInitial(m, t0 int) bool {
	for i := t0; i < len(a.toks) && i < t0+4; i++ {
		if a.toks[i].mention == m {
			return true
		}
		if k := a.toks[i].key; k != "«" && k != "\"" && !a.isTitle(k) && !a.x.lex.is("head", k) {
			return false
		}
	}
	return false
}

func (a *article) isVerb(i int) bool { return a.toks[i].verb }

// verbKey reports whether a word is a finite or light verb: listed, or a
// present form with می/نمی, a future auxiliary, or a listed verb negated.
func (lx *Lexicon) verbKey(k string) bool {
	if lx.is("verb", k) {
		return true
	}
	n := utf8.RuneCountInString(k)
	if n > 4 && (strings.HasPrefix(k, "می") || strings.HasPrefix(k, "نمی")) && !lx.is("notverb", k) {
		return true
	}
	if strings.HasPrefix(k, "خواه") && n <= 6 {
		return true
	}
	if rest, ok := strings.CutPrefix(k, "ن"); ok && lx.is("verb", rest) {
		return true
	}
	return false
}

func (a *article) negated(i int) bool {
	k := a.toks[i].key
	r := []rune(k)
	return strings.HasPrefix(k, "ن") && len(r) > 2 && (a.x.lex.is("verb", string(r[1:])) || strings.HasPrefix(k, "نمی") || strings.HasPrefix(k, "نخواه"))
}

// object reports whether mention m is followed by "را": the direct object,
// never the subject ("دوحه را به حمایت از تروریسم متهم کردند").
func (a *article) object(m int) bool {
	e := a.firstToken(m)
	for e+1 < len(a.toks) && a.toks[e+1].mention == m {
		e++
	}
	return e+1 < len(a.toks) && a.toks[e+1].key == "را"
}
