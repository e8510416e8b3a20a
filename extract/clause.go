package extract

import (
	"fmt"

	"github.com/didar-news/didar/actors"
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
		cls[last].subject = a.findSubject(cls[last].t0, cls[last].t1)
		if len(cls[last].subject) == 0 || !a.clauseInitial(cls[last].subject[0], cls[last].t0) {
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
			if a.toks[i].key == "،" || a.toks[i].key == "," {
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
	depth := 0
	for i := t0; i < t1; i++ {
		switch a.toks[i].key {
		case "«":
			depth++
			continue
		case "»":
			depth = max(0, depth-1)
			continue
		}
		m, ok := a.mentionStart(i)
		if !ok || depth > 0 || !a.participant(m) || a.prepositional(i, t0) {
			// A clause ends at its verb, but "قرار است X ..." opens one.
			if a.isVerb(i) && !(i > t0 && a.toks[i-1].key == "قرار") {
				return nil
			}
			continue
		}
		subj := []int{m}
		first, _ := a.actorOf(m)
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
				act, _ := a.actorOf(m2)
				samePersonhood := (act.Kind == didar.KindPerson) == (first.Kind == didar.KindPerson)
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

// trigger is one cue found in a clause.
type trigger struct {
	c      cue
	t0, t1 int
}

// triggers finds the event cues of a clause and turns each into an event.
func (a *article) triggers(c clause, sStart, sEnd int) {
	keys := a.keys(c.t0, c.t1)
	var ts []trigger
	for i := 0; i < len(keys); i++ {
		if a.toks[c.t0+i].mention >= 0 {
			continue
		}
		cus, n := a.x.lex.match(keys, i)
		if n == 0 {
			continue
		}
		covered := false
		for j := i; j < i+n; j++ {
			if a.toks[c.t0+j].mention >= 0 {
				covered = true
			}
		}
		if covered {
			continue
		}
		for _, cu := range cus {
			ts = append(ts, trigger{c: cu, t0: c.t0 + i, t1: c.t0 + i + n})
		}
		i += n - 1
	}
	if tr, ok := a.judgement(c); ok {
		ts = append(ts, tr)
		slices.SortFunc(ts, func(x, y trigger) int { return x.t0 - y.t0 })
	}
	for i, t := range ts {
		// "قدردانی از کمک‌های چین": a cue right after another cue and a
		// preposition is what the first one is about, not an act of its own.
		// "دعوت می‌کنیم که ... ارتقا یابد": what an invitation or a demand
		// asks for is its content, not an act.
		if a.requested(ts[:i], t) {
			continue
		}
		if i > 0 && ts[i-1].t1 == t.t0-1 && ts[i-1].t0 != t.t0 && a.x.lex.is("prep", a.toks[t.t0-1].key) && ts[i-1].c.typ != didar.Meet && ts[i-1].c.typ != didar.Call {
			continue
		}
		a.event(c, t, sStart, sEnd)
	}
}

// requested reports whether t lies in the "که" clause of an earlier
// invitation or demand cue.
func (a *article) requested(before []trigger, t trigger) bool {
	if t.c.typ == didar.Invite || t.c.typ == didar.Demand {
		return false
	}
	for _, p := range before {
		if p.c.typ != didar.Invite && p.c.typ != didar.Demand {
			continue
		}
		for i := p.t1; i < t.t0 && i <= p.t1+3; i++ {
			if a.toks[i].key == "که" {
				return true
			}
		}
	}
	return false
}

// judgement finds "X را [negative word] خواند/دانست/توصیف کرد": a
// criticism of X phrased as a judgement.
func (a *article) judgement(c clause) (trigger, bool) {
	ra := -1
	for i := c.t0; i < c.t1; i++ {
		k := a.toks[i].key
		if k == "را" {
			ra = i
			continue
		}
		if ra < 0 {
			continue
		}
		n := a.x.lex.seqAt("judge", a.keys(i, min(i+2, c.t1)), 0)
		if n == 0 {
			continue
		}
		for j := ra + 1; j < i; j++ {
			if a.x.lex.is("negative", a.toks[j].key) || a.x.lex.is("negative", strings.TrimSuffix(a.toks[j].key, "ی")) {
				return trigger{c: cue{typ: didar.Criticize, text: "را … " + a.toks[i].key, markers: []string{"را"}}, t0: i, t1: i + n}, true
			}
		}
		return trigger{}, false
	}
	return trigger{}, false
}

// background reports whether token i lies in a "با اشاره به ..." phrase,
// which recalls a matter rather than reporting an action.
func (a *article) background(i, floor int) bool {
	for j := i - 1; j >= floor && j >= i-14; j-- {
		k := a.toks[j].key
		if k == "،" || a.isVerb(j) {
			return false
		}
		// "... و با قدردانی از": another phrase has begun.
		if (k == "با" || k == "ضمن") && j+1 < len(a.toks) && a.toks[j+1].key != "اشاره" {
			return false
		}
		if k == "اشاره" && j+1 < len(a.toks) && a.toks[j+1].key == "به" && j > floor && (a.toks[j-1].key == "با" || a.toks[j-1].key == "ضمن") {
			return true
		}
	}
	return false
}

// governingVerb returns the first verb at or after token i in the clause.
func (a *article) governingVerb(i, t1 int) int {
	for j := i; j < t1; j++ {
		if a.isVerb(j) {
			return j
		}
	}
	return -1
}

// status decides occurred, planned or past-reference for a trigger, and
// whether it is negated or only hypothetical (then no event).
func (a *article) status(c clause, t trigger) (st didar.Status, drop bool, why string) {
	keys := a.keys(c.t0, c.t1)
	v := -1
	// A cue that ends in a verb is its own verb.
	if a.isVerb(t.t1 - 1) {
		v = t.t1 - 1
	} else {
		v = a.governingVerb(t.t1, c.t1)
	}
	if v >= 0 && a.negated(v) && !strings.HasPrefix(t.c.words[len(t.c.words)-1], "ن") {
		return "", true, "negated"
	}
	// Markers between the clause start and the verb.
	limit := c.t1
	if v >= 0 {
		limit = v + 2
	}
	var planned, past bool
	for i := max(c.t0, t.t0-8); i < min(limit, c.t1); i++ {
		if a.x.lex.seqAt("planned", keys, i-c.t0) > 0 {
			planned = true
		}
		// "پیش از این" is "previously"; "پیش از این دیدار" is "before this
		// meeting" and recalls nothing.
		if n := a.x.lex.seqAt("past", keys, i-c.t0); n > 0 && i >= t.t0-1 && !(keys[i-c.t0+n-1] == "این" && i+n < c.t1 && a.wordLike(i+n)) {
			past = true
		}
	}
	if v >= 0 {
		k := a.toks[v].key
		switch {
		case strings.HasPrefix(k, "خواه"):
			planned = true
		case strings.HasPrefix(k, "می") && (strings.HasSuffix(k, "کرد") || strings.HasSuffix(k, "کردند") || strings.HasSuffix(k, "داد")):
			past = true
		case a.x.lex.is("subj", k) && !planned:
			// A wish or a purpose ("دعوت کرد که ... سفر کنند") is no event,
			// unless it is what the cue is about: a demand, an invitation,
			// an intent to cooperate ("می‌خواهد روابط را گسترش دهد").
			if t.c.typ != didar.Demand && t.c.typ != didar.Invite && t.c.typ != didar.Cooperate {
				return "", true, "subjunctive"
			}
		}
		if v+1 < c.t1 && a.toks[v+1].key == "بود" {
			past = true
		}
	}
	// "مذاکرات اخیر": a recent event recalled.
	for i := t.t1; i < c.t1 && i <= t.t1+1; i++ {
		if a.toks[i].key == "اخیر" {
			past = true
		}
	}
	// "... خود" right after the cue: their own earlier meeting or trip.
	if t.t1 < c.t1 && a.toks[t.t1].key == "خود" && (t.c.typ == didar.Meet || t.c.typ == didar.Visit) {
		past = true
	}
	for _, d := range a.datesIn(a.toks[c.t0].start, a.toks[c.t1-1].end) {
		if d.Date.IsZero() || a.date.IsZero() {
			continue
		}
		if d.Date.Before(a.date.AddDays(-30)) {
			past = true
		} else if a.date.Before(d.Date) {
			planned = true
		}
	}
	switch {
	case past:
		return didar.StatusPastReference, false, "past"
	case planned:
		return didar.StatusPlanned, false, "planned"
	}
	return didar.StatusOccurred, false, "occurred"
}

// arg finds the party that a marker introduces for trigger t: right after
// the trigger ("تشکر از X"), else the first such phrase of the clause
// before it ("از X ... تشکر کرد": nested phrases come later), else one
// after a nominal cue up to its verb ("تقبیح ... توسط X").
func (a *article) arg(c clause, t trigger, marker string) int {
	switch marker {
	case "poss":
		for i := t.t1; i < c.t1 && i <= t.t1+1; i++ {
			if m, ok := a.mentionStart(i); ok && a.participant(m) {
				return m
			}
			if a.x.lex.is("prep", a.toks[i].key) || a.isVerb(i) {
				break
			}
		}
		return -1
	case "after":
		for i := t.t1; i < c.t1 && i <= t.t1+8; i++ {
			if m, ok := a.mentionStart(i); ok && a.participant(m) {
				return m
			}
		}
		return -1
	case "را":
		for i := t.t0 - 1; i > c.t0; i-- {
			if a.toks[i].key == "را" {
				for j := i - 1; j >= c.t0 && j >= i-6; j-- {
					if m := a.toks[j].mention; m >= 0 && a.participant(m) {
						return m
					}
					if k := a.toks[j].key; a.x.lex.is("prep", k) || a.x.lex.is("back", k) {
						break
					}
				}
				return -1
			}
			if a.isVerb(i) {
				break
			}
		}
		// "محکومیت X": the object follows a nominal cue.
		return a.phraseMention(t.t1, c.t1)
	}
	// "سفر خود به X": the cue ends with the marker.
	if n := len(t.c.words); n > 1 && t.c.words[n-1] == marker {
		if m := a.phraseMention(t.t1, c.t1); m >= 0 {
			return m
		}
	}
	for i := t.t1; i < c.t1 && i <= t.t1+1; i++ {
		if a.toks[i].key == marker {
			if m := a.phraseMention(i+1, c.t1); m >= 0 {
				return m
			}
		}
	}
	for i := c.t0; i < t.t0; i++ {
		if a.toks[i].key == marker && (i == c.t0 || !a.x.lex.is("prep", a.toks[i-1].key) && !a.x.lex.is("against", a.toks[i-1].key)) {
			if m := a.phraseMention(i+1, t.t0); m >= 0 {
				return m
			}
		}
	}
	end := a.governingVerb(t.t1, c.t1)
	if end < 0 {
		end = c.t1
	}
	for i := t.t1; i < end; i++ {
		if a.toks[i].key == marker && !a.x.lex.is("against", a.toks[i-1].key) {
			if m := a.phraseMention(i+1, end); m >= 0 {
				return m
			}
		}
	}
	return -1
}

// listAfter returns every party named in a "میان X، Y و Z" phrase of the
// clause.
func (a *article) listAfter(c clause, t trigger, marker string) []int {
	for i := c.t0; i < c.t1; i++ {
		if a.toks[i].key != marker {
			continue
		}
		var list []int
		for j := i + 1; j < c.t1; j++ {
			k := a.toks[j].key
			if a.isVerb(j) || (j > t.t0 && j < t.t1) || (a.x.lex.is("prep", k) && !a.inMention(j)) {
				break
			}
			if m, ok := a.mentionStart(j); ok && a.participant(m) {
				list = append(list, m)
			}
		}
		if len(list) > 1 {
			return list
		}
	}
	return nil
}

// phraseMention returns the first actor mention from token i up to the end
// of its phrase (the next preposition, verb or comma), or -1.
func (a *article) phraseMention(i, t1 int) int {
	for j := i; j < t1 && j < i+8; j++ {
		k := a.toks[j].key
		if a.x.lex.is("envoy", k) && a.toks[j].mention < 0 {
			return -1 // someone else's envoy, deputy, spokesman
		}
		if m, ok := a.mentionStart(j); ok && a.participant(m) {
			return m
		}
		if j > i && (a.x.lex.is("prep", k) || k == "،" || a.isVerb(j)) {
			return -1
		}
	}
	return -1
}

// event turns trigger t of clause c into an event, when its parties can be
// found.
func (a *article) event(c clause, t trigger, sStart, sEnd int) {
	typ := t.c.typ
	// "در این دیدار": a meeting already reported.
	if t.t0 > c.t0 && a.x.lex.is("back", a.toks[t.t0-1].key) {
		return
	}
	// "در حمایت از"، "در محکومیت": a description of a matter, not an act.
	if t.t0 > c.t0 && a.toks[t.t0-1].key == "در" && typ != didar.Meet && typ != didar.Call && typ != didar.Visit && typ != didar.Negotiate {
		return
	}
	if t.t0 > c.t0 && (a.x.lex.is("cancel", a.toks[t.t0-1].key) || (t.t0 > c.t0+1 && a.x.lex.seqAt("cancel", a.keys(t.t0-2, t.t0), 0) == 2)) {
		return
	}
	if typ != didar.Criticize && a.background(t.t0, c.t0) {
		return
	}
	// Cues marked "narr" ("تحریم‌های X علیه Y") report an act in narration;
	// in what someone says they are the matter of a criticism.
	if slices.Contains(t.c.markers, "narr") && (c.quoted || a.speech(c) || a.background(t.t0, c.t0)) {
		return
	}
	// "تحریم‌های آمریکا"، "مداخلات آمریکا": naming another's hostile acts
	// is a criticism only in what someone says, not in narration.
	if typ == didar.Criticize && slices.Equal(t.c.markers, []string{"poss"}) && !c.quoted && !a.background(t.t0, c.t0) && !a.speech(c) {
		return
	}
	status, drop, why := a.status(c, t)
	if drop {
		return
	}
	// "این نخستین دیدار ... بود": a meeting described, not reported.
	if v := a.governingVerb(t.t1, c.t1); v >= 0 && a.x.lex.is("copula", a.toks[v].key) && !a.isVerb(t.t1-1) {
		switch typ {
		case didar.Meet, didar.Call, didar.Visit, didar.Negotiate, didar.Agree, didar.Host:
			return
		}
	}
	subj := c.subject
	if r := a.relativeHead(c, t); r >= 0 {
		subj = []int{r}
	}
	rule := "cue:" + t.c.text
	conf := 0.8
	if len(subj) > 0 && !a.inRange(subj[0], c.t0, c.t1) {
		conf -= 0.1
		rule += "/discourse-subject"
	}
	e := didar.Event{Type: typ, Status: status}
	cameo := t.c.cameo
	var source, target string
	ids := func(ms []int) []string {
		var out []string
		for _, m := range ms {
			if m < 0 {
				continue
			}
			// "دو رئیس‌جمهور": the two sides of the article's main
			// interaction.
			if i := a.firstToken(m); i > 0 && a.toks[i-1].key == "دو" {
				if pair := a.mainPair(); len(pair) > 1 {
					out = append(out, pair...)
					continue
				}
			}
			// "رهبران دو کشور"، "سران ایران و چین": their heads.
			if i := a.firstToken(m); i > 0 && a.x.lex.is("leaders", a.toks[i-1].key) {
				if heads := a.heads(a.links[m]); len(heads) > 0 {
					out = append(out, heads...)
					continue
				}
			}
			if l := a.links[m]; len(l.ActorIDs) > 1 {
				out = append(out, l.ActorIDs...)
			} else {
				out = append(out, l.ActorID)
			}
		}
		return out
	}
	if typ.Symmetric() {
		parts := ids(subj)
		var partners []string // persons met one by one: "با X و Y دیدار کرد"
		for _, mk := range t.c.markers {
			if mk == "possall" {
				// "مذاکرات ایران و آمریکا", but not "مذاکرات وین": a city
				// after the cue is where, not who.
				if m := a.arg(c, t, "poss"); m >= 0 && a.links[m].Via != "metonym" && a.links[m].Via != "capital" {
					parts = append(parts, ids(a.coordinated(m, c.t1))...)
				}
				continue
			}
			if mk == "میان" || mk == "بین" {
				if list := a.listAfter(c, t, mk); len(list) > 1 {
					parts = ids(list)
				}
				continue
			}
			if m := a.arg(c, t, mk); m >= 0 {
				co := ids(a.coordinated(m, c.t1))
				if len(co) > 1 {
					partners = co
				}
				parts = append(parts, co...)
			}
		}
		parts = dedupe(parts)
		// A subject meeting several persons in turn: one event each, as
		// event data counts dyads.
		if len(partners) > 1 && len(subj) == 1 && typ == didar.Meet {
			for _, p := range partners {
				one := t
				one.c.markers = nil
				a.emitSplit(c, one, sStart, sEnd, []string{a.links[subj[0]].ActorID, p}, rule+"/one-of-several", conf)
			}
			return
		}
		if len(parts) < 2 && status == didar.StatusOccurred && a.pluralVerb(c, t) {
			// "دو رئیس‌جمهور ... امضا کردند": the article's main parties.
			for _, p := range a.mainPair() {
				if !slices.Contains(parts, p) {
					parts = append(parts, p)
				}
			}
			rule += "/main-pair"
			conf -= 0.15
		}
		if len(parts) < 2 {
			return
		}
		e.Participants = parts
	} else {
		if len(subj) > 0 {
			if len(a.links[subj[0]].ActorIDs) > 1 {
				return // "طرفین": both sides, no direction
			}
			source = a.links[subj[0]].ActorID
		}
		// A demand in a quote is the speaker's, of the quote's subject
		// ("... گفت: آمریکا باید ...").
		if typ == didar.Demand && c.quoted && len(c.speaker) > 0 {
			source = a.links[c.speaker[0]].ActorID
		}
		tm, via := -1, ""
		for _, mk := range t.c.markers {
			if tm = a.arg(c, t, mk); tm >= 0 {
				rule += "/" + mk
				via = mk
				break
			}
		}
		// A possessor after the cue is the actor of aid, support and
		// sanctions ("کمک‌های چین به ..."), the one blamed in criticism.
		if pm := a.arg(c, t, "poss"); pm >= 0 && pm != tm {
			switch typ {
			case didar.Aid, didar.Support, didar.Sanction:
				source = a.links[pm].ActorID
			case didar.Criticize, didar.Accuse:
				if tm < 0 {
					tm = pm
				}
			}
		}
		// "مورد استقبال X قرار گرفت"، "به میزبانی X": X acts on the subject.
		byAgent := slices.Contains(t.c.markers, "agent") ||
			(typ == didar.Host && t.t0 > c.t0 && a.x.lex.is("prep", a.toks[t.t0-1].key))
		if byAgent {
			if pm := a.arg(c, t, "poss"); pm >= 0 {
				source, tm = a.links[pm].ActorID, -1
				if len(subj) > 0 {
					target = a.links[subj[0]].ActorID
				}
				rule += "/agent"
			}
		}
		// "به دعوت X": X invites the subject.
		if typ == didar.Invite && t.t0 > c.t0 && a.toks[t.t0-1].key == "به" {
			if pm := a.arg(c, t, "poss"); pm >= 0 {
				source, tm = a.links[pm].ActorID, -1
				if len(subj) > 0 {
					target = a.links[subj[0]].ActorID
				}
				rule += "/invited-by"
			}
		}
		if tm < 0 && typ == didar.Visit {
			tm = a.placeArg(c, t)
		}
		if tm >= 0 {
			target = a.links[tm].ActorID
		}
		// An adversarial act aims at another side: "تهدید کرد که واشنگتن
		// ... علیه ایران" names its own side first.
		if target != "" && via == "after" && source != "" && a.side(target) == a.side(source) {
			target = a.opponent(sStart, sEnd, source)
		}
		if target == "" && adversarial(typ) && !slices.Equal(t.c.markers, []string{"poss"}) {
			if target = a.referent(c, source); target != "" {
				rule += "/referent"
				conf -= 0.1
			} else if typ == didar.Threaten {
				target = a.opponent(sStart, sEnd, source)
				rule += "/opponent"
				conf -= 0.2
			}
		}
		if target == "" && typ == didar.Demand && len(subj) > 0 && a.links[subj[0]].ActorID != source {
			target = a.links[subj[0]].ActorID
			// "ایران و روسیه باید ...": an exhortation that includes the
			// speaker's own side demands nothing of another.
			for i := c.t0; i < t.t0; i++ {
				if m, ok := a.mentionStart(i); ok && a.side(a.links[m].ActorID) == a.side(source) {
					return
				}
			}
		}
		if typ == didar.Visit && target != "" {
			target = a.countryOfPlace(tm, target)
		}
		if target == "" && (a.mainParty(source) || a.speaksFor(c, source)) && (typ == didar.Praise || typ == didar.Support || typ == didar.Cooperate || typ == didar.Aid && status == didar.StatusPlanned) {
			target = a.partnerOf(source)
			rule += "/partner"
			conf -= 0.15
		}
		if source == "" || target == "" || source == target {
			return
		}
		e.Source, e.Target = didar.NullString(source), didar.NullString(target)
		e.Participants = []string{source, target}
	}
	a.emit(c, t, e, sStart, sEnd, cameo, rule+"/"+why, conf)
}

// emitSplit records one of several dyadic events that one cue yields.
func (a *article) emitSplit(c clause, t trigger, sStart, sEnd int, parts []string, rule string, conf float64) {
	status, _, why := a.status(c, t)
	e := didar.Event{Type: t.c.typ, Status: status, Participants: parts}
	a.emit(c, t, e, sStart, sEnd, t.c.cameo, rule+"/"+why, conf)
}

// emit completes event e of trigger t (evidence, date, place, codes,
// topics) and records it, unless all its parties are of one country.
func (a *article) emit(c clause, t trigger, e didar.Event, sStart, sEnd int, cameo, rule string, conf float64) {
	if a.domestic(e.Participants) {
		return
	}
	typ, target := e.Type, string(e.Target)
	// Evidence: the sentence.
	e.Evidence = a.span(sStart, sEnd)
	var own bool
	e.Date, e.DatePrecision, own = a.eventDate(a.toks[c.t0].start, a.toks[c.t1-1].end, a.toks[t.t0].start, sStart, sEnd, e.Status)
	if own && e.Status == didar.StatusOccurred && a.leadDate.IsZero() {
		a.leadDate, a.leadPrecision = e.Date, e.DatePrecision
	}
	if typ == didar.Meet || typ == didar.Negotiate || typ == didar.Agree || typ == didar.Visit || typ == didar.Host {
		e.Location = a.location(c, t)
		if e.Location == nil && typ == didar.Visit && target != "" {
			if act, ok := a.actors[target]; ok && act.Kind == didar.KindCountry {
				e.Location = &didar.Location{NameFA: didar.NullString(act.NameFA), NameEN: act.NameEN, Country: act.Country}
			}
		}
	}
	if typ == didar.Meet && e.Location != nil && e.Location.Country != "" && !a.anyFrom(e.Participants, string(e.Location.Country)) {
		cameo = "044"
	}
	// Aid only promised is CAMEO 033, intent to provide aid.
	if typ == didar.Aid && e.Status == didar.StatusPlanned {
		cameo = "033"
	}
	e.Code(cameo)
	e.Topics = a.topics(sStart, sEnd, 1)
	e.Confidence = conf
	e.Rule = rule
	for _, id := range e.Participants {
		a.used[id] = true
	}
	a.rec.Events = append(a.rec.Events, e)
}

// heads returns the heads of state of the countries a link names, on the
// article's date, adding them to the record's actors.
func (a *article) heads(l actors.Link) []string {
	ids := l.ActorIDs
	if len(ids) == 0 {
		ids = []string{l.ActorID}
	}
	var out []string
	for _, id := range ids {
		act, ok := a.actors[id]
		if !ok || act.Kind != didar.KindCountry || a.date.IsZero() {
			return nil
		}
		var head didar.Entry
		found := false
		for _, office := range []string{"president", "monarch", "emir", "sultan"} {
			if head, found = a.x.dict.HolderOn(office, id, a.date); found {
				break
			}
		}
		if !found {
			return nil
		}
		if _, ok := a.actors[head.ID]; !ok {
			a.actors[head.ID] = didar.Actor{ID: head.ID, Kind: head.Kind, NameFA: firstOr(head.FA, head.EN),
				NameEN: didar.NullString(head.EN), Country: didar.NullString(head.Country), Sector: didar.NullString(head.Sector),
				InDictionary: true, Roles: []string{}, Mentions: []didar.Mention{}}
		}
		out = append(out, head.ID)
	}
	return out
}

// placeArg finds the city a visit goes to when no actor is named: "عازم
// ژنو شد"، "به سوچی سفر کرد". The visit's target is then its country.
func (a *article) placeArg(c clause, t trigger) int {
	isPlace := func(i int) (int, bool) {
		m, ok := a.mentionStart(i)
		if !ok {
			return -1, false
		}
		act, _ := a.actorOf(m)
		_, _, country, ok := a.x.dict.PlaceOf(a.links[m])
		return m, ok && act.Kind == didar.KindPlace && country != ""
	}
	for i := t.t1; i < c.t1 && i <= t.t1+1; i++ {
		if m, ok := isPlace(i); ok {
			return m
		}
	}
	for i := c.t0; i+1 < t.t0; i++ {
		if a.toks[i].key == "به" {
			if m, ok := isPlace(i + 1); ok {
				return m
			}
		}
	}
	return -1
}

// coordinated returns mention m with the persons joined to it by "و" or a
// comma ("با X و Y دیدار کرد"), when m is a person.
func (a *article) coordinated(m, t1 int) []int {
	out := []int{m}
	if act, _ := a.actorOf(m); act.Kind != didar.KindPerson {
		return out
	}
	i := a.firstToken(m)
	for i < t1 && a.toks[i].mention >= 0 {
		i++
	}
	for i < t1 {
		k := a.toks[i].key
		switch {
		case k == "و" || k == "،":
			i++
			continue
		case a.toks[i].mention >= 0:
			m2 := a.toks[i].mention
			if act, _ := a.actorOf(m2); act.Kind == didar.KindPerson && a.prevJoin(i) {
				out = append(out, m2)
			}
			for i < t1 && a.toks[i].mention == m2 {
				i++
			}
			continue
		case a.isTitle(k):
			i++
			continue
		}
		return out
	}
	return out
}

// prevJoin reports whether token i follows "و" or a comma, with titles
// between.
func (a *article) prevJoin(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if k := a.toks[j].key; k == "و" || k == "،" {
			return true
		} else if !a.isTitle(k) {
			return false
		}
	}
	return false
}

// firstToken returns the index of the first token of mention m.
func (a *article) firstToken(m int) int {
	i, _ := slices.BinarySearchFunc(a.toks, a.links[m].Start, func(t tok, s int) int { return t.start - s })
	return i
}

// relativeHead returns the actor a relative clause "X، ... که ... [cue]"
// hangs on, when the cue lies in it: X is the clause's subject.
func (a *article) relativeHead(c clause, t trigger) int {
	for i := t.t0 - 1; i > c.t0; i-- {
		k := a.toks[i].key
		if a.isVerb(i) || k == "،" {
			return -1
		}
		if k != "که" {
			continue
		}
		// The head may be followed by its title: "X وزیر خارجه هند که".
		for j := i - 1; j >= c.t0 && j >= i-4; j-- {
			m := a.toks[j].mention
			if m >= 0 && a.participant(m) {
				if act, _ := a.actorOf(m); act.Kind == didar.KindPerson || j == i-1 {
					return m
				}
			}
			if m < 0 {
				return -1
			}
		}
		return -1
	}
	return -1
}

// speech reports whether a clause reports what someone said: it has a
// quote cue.
func (a *article) speech(c clause) bool {
	keys := a.keys(c.t0, c.t1)
	for i := range keys {
		if a.x.lex.seqAt("quote", keys, i) > 0 {
			return true
		}
	}
	return false
}

func adversarial(t didar.EventType) bool {
	switch t {
	case didar.Criticize, didar.Accuse, didar.Reject, didar.Threaten:
		return true
	}
	return false
}

// referent resolves "این اقدام"، "این توافق"، "از آن" in a clause to the
// actor of the latest reported act on another side than source.
func (a *article) referent(c clause, source string) string {
	found := false
	for i := c.t0; i+1 < c.t1; i++ {
		k := a.toks[i].key
		if (k == "این" || k == "آن" || k == "همین") && a.x.lex.is("refer", a.toks[i+1].key) {
			found = true
		}
		if k == "از" && a.toks[i+1].key == "آن" {
			found = true
		}
		// "آن‌ها را رد کرد"، "آن را ... خواند"
		if (k == "آنها" || k == "آن") && a.toks[i+1].key == "را" {
			found = true
		}
	}
	if !found || source == "" {
		return ""
	}
	for i := len(a.rec.Events) - 1; i >= 0; i-- {
		e := a.rec.Events[i]
		if !e.Type.Symmetric() {
			if a.side(string(e.Source)) != a.side(source) {
				return string(e.Source)
			}
			continue
		}
		for _, p := range e.Participants {
			if a.side(p) != a.side(source) {
				return p
			}
		}
	}
	return ""
}

// opponent returns the state a threat without a named target is aimed at:
// another side's country named in the sentence.
func (a *article) opponent(sStart, sEnd int, source string) string {
	for _, l := range a.links {
		act, ok := a.actors[l.ActorID]
		if !ok || act.Kind != didar.KindCountry || a.side(l.ActorID) == a.side(source) {
			continue
		}
		if l.Start >= sStart && l.End <= sEnd {
			return l.ActorID
		}
	}
	return ""
}

func (a *article) inRange(m, t0, t1 int) bool {
	l := a.links[m]
	return t0 < len(a.toks) && l.Start >= a.toks[t0].start && (t1 >= len(a.toks) || l.End <= a.toks[t1-1].end)
}

func dedupe(ids []string) []string {
	var out []string
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// countryOfPlace returns the country a visited place lies in.
func (a *article) countryOfPlace(m int, id string) string {
	if m < 0 {
		return id
	}
	if _, _, country, ok := a.x.dict.PlaceOf(a.links[m]); ok && country != "" {
		if act, ok := a.countryActor(country); ok {
			return act.ID
		}
	}
	return id
}

// countryActor returns the record actor for a country code, adding it from
// the dictionary when the text names it only through a place.
func (a *article) countryActor(code string) (didar.Actor, bool) {
	if act, ok := a.actors[code]; ok {
		return act, true
	}
	ent, ok := a.x.dict.Entry(code)
	if !ok {
		return didar.Actor{}, false
	}
	act := didar.Actor{ID: ent.ID, Kind: ent.Kind, NameFA: firstOr(ent.FA, ent.EN), NameEN: didar.NullString(ent.EN),
		Country: didar.NullString(code), InDictionary: true, Roles: []string{}, Mentions: []didar.Mention{}}
	a.actors[code] = act
	return act, true
}

func firstOr(s []string, def string) string {
	if len(s) > 0 {
		return s[0]
	}
	return def
}

// partnerOf returns the other side of the latest meeting or call of id,
// which an intent or praise without an explicit target is addressed to.
func (a *article) partnerOf(id string) string {
	if id == "" {
		return ""
	}
	for i := len(a.rec.Events) - 1; i >= 0; i-- {
		e := a.rec.Events[i]
		if e.Type != didar.Meet && e.Type != didar.Call && e.Type != didar.Negotiate {
			continue
		}
		if slices.Contains(e.Participants, id) {
			for _, p := range e.Participants {
				if p != id {
					return p
				}
			}
		}
	}
	// A country speaks through its party to the main interaction.
	for _, p := range a.mainPair() {
		if p != id && a.side(p) == id {
			return a.partnerOf(p)
		}
	}
	return ""
}

// mainParty reports whether id is a person taking part in the article's
// main interaction, whose statements address the other side.
func (a *article) mainParty(id string) bool {
	act, ok := a.actors[id]
	return ok && act.Kind == didar.KindPerson && slices.Contains(a.mainPair(), id)
}

// speaksFor reports whether a quoted clause with source as subject is said
// by a main party of that country: "X گفت که پکن آماده ... است".
func (a *article) speaksFor(c clause, source string) bool {
	if !c.quoted || len(c.speaker) == 0 {
		return false
	}
	sp := a.links[c.speaker[0]].ActorID
	return a.mainParty(sp) && a.side(sp) == source
}

// mainPair returns the parties of the article's first interaction: its
// first meeting, call, visit, host or negotiation.
func (a *article) mainPair() []string {
	for _, e := range a.rec.Events {
		switch e.Type {
		case didar.Meet, didar.Call, didar.Visit, didar.Host, didar.Negotiate:
			if e.Status == didar.StatusOccurred {
				return e.Participants
			}
		}
	}
	// Else the first two persons of different countries the article
	// names: "X ... و Y ... سد را افتتاح کردند. دو رئیس‌جمهور ...".
	var pair []string
	for _, l := range a.links {
		act, ok := a.actors[l.ActorID]
		if !ok || act.Kind != didar.KindPerson || act.Country == "" {
			continue
		}
		if len(pair) == 0 || (a.side(pair[0]) != a.side(l.ActorID)) {
			pair = append(pair, l.ActorID)
		}
		if len(pair) == 2 {
			return pair
		}
	}
	return nil
}

// pluralVerb reports whether the verb governing t is plural (کردند).
func (a *article) pluralVerb(c clause, t trigger) bool {
	v := a.governingVerb(t.t0, c.t1)
	return v >= 0 && strings.HasSuffix(a.toks[v].key, "ند")
}

// domestic reports whether every participant belongs to one country: Didar
// records international interactions.
func (a *article) domestic(ids []string) bool {
	country := ""
	for _, id := range ids {
		act, ok := a.actors[id]
		if !ok || act.Country == "" {
			return false
		}
		if country == "" {
			country = string(act.Country)
		} else if string(act.Country) != country {
			return false
		}
	}
	return country != ""
}

func (a *article) anyFrom(ids []string, country string) bool {
	for _, id := range ids {
		if act, ok := a.actors[id]; ok && string(act.Country) == country {
			return true
		}
	}
	return false
}

// location reads "در X" phrases of the clause: a place, a capital, a
// country, or a venue of a national body, which lies in its country.
func (a *article) location(c clause, t trigger) *didar.Location {
	for i := c.t0; i < c.t1; i++ {
		if a.toks[i].key != "در" {
			continue
		}
		for j := i + 1; j < c.t1 && j <= i+7; j++ {
			if a.isVerb(j) || a.toks[j].key == "با" || a.toks[j].key == "،" {
				break
			}
			m, ok := a.mentionStart(j)
			if !ok {
				continue
			}
			l := a.links[m]
			act, _ := a.actorOf(m)
			if fa, en, country, ok := a.x.dict.PlaceOf(l); ok && (l.Via == "capital" || l.Via == "metonym" || act.Kind == didar.KindPlace) {
				return &didar.Location{NameFA: didar.NullString(fa), NameEN: didar.NullString(en), Country: didar.NullString(country)}
			}
			switch act.Kind {
			case didar.KindCountry:
				return &didar.Location{NameFA: didar.NullString(act.NameFA), NameEN: act.NameEN, Country: act.Country}
			case didar.KindOrganization:
				if act.Country != "" && j > i+1 {
					venue := a.span(a.toks[i+1].start, l.End).Text
					return &didar.Location{Country: act.Country, Venue: didar.NullString(venue)}
				}
			}
		}
	}
	return nil
}

// datesIn returns the date expressions inside runes [start, end).
func (a *article) datesIn(start, end int) []dateExpr {
	var out []dateExpr
	for _, d := range a.dates {
		if d.Start >= start && d.End <= end {
			out = append(out, dateExpr{d.Date, d.Precision, d.Start})
		}
	}
	return out
}

type dateExpr struct {
	Date      didar.Date
	Precision didar.Precision
	start     int
}

// eventDate applies the spec's rule: a date in the sentence, else for
// occurred news the date of the occasion the lead reports, else the
// publication date; else none. own says the sentence gave the date.
func (a *article) eventDate(cStart, cEnd, at, start, end int, st didar.Status) (d didar.Date, p didar.Precision, own bool) {
	ds := a.datesIn(cStart, cEnd)
	if len(ds) == 0 {
		ds = a.datesIn(start, end)
	}
	if len(ds) > 0 {
		// The last date before the cue, else the first after it.
		best := ds[0]
		for _, x := range ds {
			if x.start < at {
				best = x
			}
		}
		if best.Date.IsZero() {
			return didar.Date{}, didar.PrecisionNone, false // a relative date with nothing to resolve it
		}
		return best.Date, best.Precision, true
	}
	if st == didar.StatusOccurred && !a.leadDate.IsZero() {
		return a.leadDate, a.leadPrecision, false
	}
	if st == didar.StatusOccurred && !a.date.IsZero() {
		return a.date, didar.PrecisionDay, false
	}
	return didar.Date{}, didar.PrecisionNone, false
}

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
			if o.Date.IsZero() {
				o.Date, o.DatePrecision = e.Date, e.DatePrecision
			}
			o.Confidence = min(0.99, o.Confidence+0.05)
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
func (a *article) dropCallVerbs() {
	out := a.rec.Events[:0]
	for _, e := range a.rec.Events {
		if e.Type == didar.Meet && slices.ContainsFunc(a.rec.Events, func(o didar.Event) bool {
			return o.Type == didar.Call && o.Evidence.Start == e.Evidence.Start && a.sideKey(o)[len("call"):] == a.sideKey(e)[len("meet"):]
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

// placeMeetings gives a meeting, a negotiation or a hosting with no place
// of its own the country one of its parties travelled to in the same
// article; else, for a hosting, the host's country; else, for news of the
// day, the city of the dateline ("تهران - ایرنا -").
func (a *article) placeMeetings() {
	for i := range a.rec.Events {
		e := &a.rec.Events[i]
		if e.Location != nil || (e.Type != didar.Meet && e.Type != didar.Negotiate && e.Type != didar.Host && e.Type != didar.Agree) {
			continue
		}
		for _, v := range a.rec.Events {
			if v.Type == didar.Visit && v.Status == e.Status && slices.Contains(e.Participants, string(v.Source)) && v.Location != nil {
				loc := *v.Location
				e.Location = &loc
				break
			}
		}
		if e.Location == nil && e.Type == didar.Host {
			if act, ok := a.actors[string(e.Source)]; ok && act.Country != "" {
				e.Location = &didar.Location{Country: act.Country}
			}
		}
		if e.Location == nil && e.Status == didar.StatusOccurred && a.dateline != nil {
			loc := *a.dateline
			e.Location = &loc
		}
		if e.Type == didar.Meet && e.Location != nil && e.Location.Country != "" && !a.anyFrom(e.Participants, string(e.Location.Country)) {
			e.Code("044")
		}
	}
}

// readDateline takes the place of a dateline such as "تهران - ایرنا -"
// at the head of the article.
func (a *article) readDateline() {
	dashes := 0
	for i := 0; i < len(a.toks) && i < 8; i++ {
		k := a.toks[i].key
		if k == "-" || k == "–" || k == "—" {
			dashes++
		}
		if m, ok := a.mentionStart(i); ok && dashes == 0 {
			if fa, en, country, ok := a.x.dict.PlaceOf(a.links[m]); ok && country != "" {
				if act, _ := a.actorOf(m); act.Kind != didar.KindCountry || a.links[m].Place != "" {
					a.dateline = &didar.Location{NameFA: didar.NullString(fa), NameEN: didar.NullString(en), Country: didar.NullString(country)}
				}
			}
		}
	}
	if dashes < 2 {
		a.dateline = nil
	}
}
