package extract

import (
	"slices"
	"strings"

	"github.com/didar-news/didar"
)

// trigger is one cue found in a clause.
type trigger struct {
	c      cue
	t0, t1 int
}

// pointsBack reports whether the object before the "را" at token ra is
// "آن" or "این/آن/همین" and a noun of a reported act ("این توافق").
func (a *article) pointsBack(c clause, ra int) bool {
	if ra-1 >= c.t0 && a.toks[ra-1].key == "ان" {
		return true
	}
	if ra-2 < c.t0 {
		return false
	}
	k := a.toks[ra-2].key
	return (k == "این" || k == "ان" || k == "همین") && a.x.lex.is("refer", a.toks[ra-1].key)
}

// judged reports whether t is a judgement ("X را ... خواند").
func (t trigger) judged() bool { return strings.HasPrefix(t.c.text, "را … ") }

// triggers finds the event cues of a clause and turns each into an event.
func (a *article) triggers(c clause, sStart, sEnd int) {
	keys := a.keys(c.t0, c.t1)
	// "X گفت: «Y به من تبریک گفت»": in a quote, I and we are its speaker.
	a.self = -1
	if c.quoted && len(c.speaker) > 0 {
		a.self = c.speaker[0]
		defer func() { a.self = -1 }()
	}
	var ts []trigger
	for i := 0; i < len(keys); i++ {
		if a.toks[c.t0+i].mention >= 0 {
			continue
		}
		cus, n := a.cuesIn(c.t0+i, c.t1)
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
	// "این توافق را گامی در راستای همکاری خواند"، "خط لوله را یک پیام
	// منطقه‌ای دانست": the cues of a judgement's predicate say what the
	// object is; they are no acts of contact or cooperation.
	if ra, v, ok := a.judgeSpan(c); ok {
		ts = slices.DeleteFunc(ts, func(x trigger) bool { return x.t0 > ra && x.t0 < v && !hostile(x.c.typ) })
	}
	if tr, ok := a.judgement(c); ok {
		ts = append(ts, tr)
	}
	ts = append(ts, a.verdicts(c)...)
	slices.SortStableFunc(ts, func(x, y trigger) int { return x.t0 - y.t0 })
	for i, t := range ts {
		// "قدردانی از کمک‌های چین": a cue right after another cue and a
		// preposition is what the first one is about, not an act of its own.
		// "دعوت می‌کنیم که ... ارتقا یابد": what an invitation or a demand
		// asks for is its content, not an act.
		if a.requested(ts[:i], t) {
			continue
		}
		if i > 0 && a.aboutCue(ts[i-1], t) && ts[i-1].c.typ != didar.Meet && ts[i-1].c.typ != didar.Call {
			continue
		}
		// "اتهامات یونان را رد کرد": the words rejected are the object,
		// not an act of the one who rejects them.
		if a.rejected(t, ts[i+1:]) {
			continue
		}
		a.event(c, t, sStart, sEnd)
	}
}

// requested reports whether t lies in the "که" clause of an earlier
// invitation, demand or threat cue.
// aboutCue reports whether cue t is what cue prev is about: it follows prev
// and a preposition, with at most one plain word between ("تشکر مجدد از
// سفر ...").
func (a *article) aboutCue(prev, t trigger) bool {
	if prev.t0 == t.t0 || !a.x.lex.is("prep", a.toks[t.t0-1].key) {
		return false
	}
	switch gap := t.t0 - 1 - prev.t1; gap {
	case 0:
		return true
	case 1:
		return !a.inMention(prev.t1) && a.wordLike(prev.t1)
	}
	return false
}

func (a *article) requested(before []trigger, t trigger) bool {
	// "باید ظرف ۴۸ ساعت خاک X را ترک کنند": an envoy ordered out is
	// expelled.
	if t.c.typ == didar.Invite || t.c.typ == didar.Demand || slices.Contains(t.c.markers, "envoy") {
		return false
	}
	for _, p := range before {
		// "تهدید کرد که ... تحریم‌ها را اعمال خواهد کرد": what a threat
		// announces is its content too.
		if p.c.typ != didar.Invite && p.c.typ != didar.Demand && p.c.typ != didar.Threaten {
			continue
		}
		// "خواستند همکاری کامل ... را از سر بگیرد": right after it;
		// "خواستار توقف حمایت از یونان شد": before the verb of the
		// nominal "خواستار".
		if p.c.typ == didar.Demand && (t.t0 == p.t1 || !a.isVerb(p.t1-1) && a.governingVerb(p.t1, t.t0) < 0) {
			return true
		}
		for i := p.t1; i < t.t0 && i <= p.t1+3; i++ {
			if a.toks[i].key == "که" {
				return true
			}
		}
	}
	return false
}

// judgeSpan returns the first "را ... خواند/دانست/توصیف کرد" of a clause:
// the "را" and the judging verb.
func (a *article) judgeSpan(c clause) (ra, v int, ok bool) {
	ra = -1
	for i := c.t0; i < c.t1; i++ {
		if a.toks[i].key == "را" {
			ra = i
			continue
		}
		if ra >= 0 && a.x.lex.seqAt("judge", a.allKeys[:c.t1], i) > 0 {
			return ra, i, true
		}
	}
	return -1, -1, false
}

// judgement finds "X را [negative word] خواند/دانست/توصیف کرد": a
// criticism of X phrased as a judgement; with a positive word ("این
// توافق را گامی مهم خواند") it is praise.
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
		positive := false
		for j := ra + 1; j < i; j++ {
			k := a.toks[j].key
			if a.x.lex.is("negative", k) || a.x.lex.is("negative", strings.TrimSuffix(k, "ی")) {
				return trigger{c: cue{typ: didar.Criticize, text: "را … " + a.toks[i].key, markers: []string{"را"}}, t0: i, t1: i + n}, true
			}
			positive = positive || a.x.lex.is("positive", k) || a.x.lex.is("positive", strings.TrimSuffix(k, "ی"))
		}
		// A good word on an act already reported ("این توافق را گامی
		// مهم خواند"، "آن را مثبت ارزیابی کرد") endorses it; on anything
		// else ("روابط را راهبردی خواند") it describes.
		if positive && a.pointsBack(c, ra) {
			// "... در راستای همکاری تهران و مسکو خواند": a good word on
			// relations is an intent to cooperate.
			typ := didar.Praise
			for j := ra + 1; j < i; j++ {
				if a.x.lex.is("ties", a.toks[j].key) {
					typ = didar.Cooperate
				}
			}
			return trigger{c: cue{typ: typ, text: "را … " + a.toks[i].key, markers: []string{"را"}}, t0: i, t1: i + n}, true
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
	var planned, past, journey bool
	for i := max(c.t0, t.t0-8); i < min(limit, c.t1); i++ {
		if a.x.lex.seqAt("planned", keys, i-c.t0) > 0 {
			planned = true
		}
		// "پیش از این" is "previously"; "پیش از این دیدار" is "before this
		// meeting" and recalls nothing.
		if n := a.x.lex.seqAt("past", keys, i-c.t0); n > 0 && i >= t.t0-1 && !(keys[i-c.t0+n-1] == "این" && i+n < c.t1 && a.wordLike(i+n)) && !a.counterpartOwn(i) {
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
		case (strings.HasPrefix(k, "می") && !strings.HasPrefix(k, "میخواه") && (contact(t.c.typ) || material(t.c.typ)) ||
			(k == "دارد" || k == "دارند") && contact(t.c.typ) && v > 0 && a.toks[v-1].key != "قرار") && !a.today(c):
			// "فردا با X دیدار می‌کند (دیدار دارد)"، "تحریم‌های جدیدی را اعمال
			// می‌کنند": news announces a meeting, a trip or a material act
			// in the present; "امروز ... آغاز می‌شود" is news of the day.
			planned = true
		case a.x.lex.is("subj", k) && !planned:
			// A wish or a purpose ("دعوت کرد که ... سفر کنند") is no event,
			// unless it is what the cue is about: a demand, an invitation,
			// an intent to cooperate ("می‌خواهد روابط را گسترش دهد").
			// Nor is an order to leave ("باید ... خاک X را ترک کنند"): it
			// expels.
			if t.c.typ != didar.Demand && t.c.typ != didar.Invite && t.c.typ != didar.Cooperate && !(t.c.typ == didar.Sanction && slices.Contains(t.c.markers, "envoy")) {
				return "", true, "subjunctive"
			}
		}
		// "کرده بود" recalls; "خواهد بود" announces. A trip in the
		// subject's relative clause ("X که ... عازم Y شده بود، ...") is the
		// journey the main clause reports.
		if v+1 < c.t1 && a.toks[v+1].key == "بود" && !strings.HasPrefix(k, "خواه") {
			journey = t.c.typ == didar.Visit && v+2 < c.t1 && a.toks[v+2].key == "،" && a.inRelative(c, t)
			past = past || !journey
		}
	}
	// "پیشتر کرملین اعلام کرد که ...": what the frame recalls is recalled.
	// The adverb opens the frame or stands before its verb; elsewhere it
	// belongs to a noun ("با اشاره به سفر سال گذشته خود").
	if c.quoted {
		for i := c.frame; i < c.t0; i++ {
			if n := a.x.lex.seqAt("recall", a.allKeys, i); n > 0 && i+n <= c.t0 && (i < c.frame+2 || i+n >= c.t0-4) {
				past = true
			}
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
	// "توافق کردند که ... هفته آینده ...": the complement's dates are its
	// own, not the agreement's.
	last := c.t1 - 1
	if v >= 0 && v+1 < c.t1 && a.toks[v+1].key == "که" {
		last = v
	}
	for _, d := range a.datesIn(a.toks[c.t0].start, a.toks[last].end) {
		if d.Date.IsZero() || a.date.IsZero() {
			continue
		}
		// "در سال جاری"، "آذرماه": a period is past when it ended.
		end := d.Date
		switch d.Precision {
		case didar.PrecisionYear:
			end = d.Date.AddDays(365)
		case didar.PrecisionMonth:
			end = d.Date.AddDays(30)
		}
		if end.Before(a.date.AddDays(-30)) {
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
	case journey:
		return didar.StatusOccurred, false, "journey"
	}
	return didar.StatusOccurred, false, "occurred"
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

// inRelative reports whether cue t lies in a relative clause on the
// clause's subject: "X (…) که … [cue] … بود، …", commas and all.
func (a *article) inRelative(c clause, t trigger) bool {
	for i := t.t0 - 1; i > c.t0; i-- {
		if a.isVerb(i) {
			return false
		}
		if a.toks[i].key == "که" {
			return len(c.subject) > 0 && a.inRange(c.subject[0], c.t0, i)
		}
	}
	return false
}

// today reports whether clause c says its act happens today or now.
func (a *article) today(c clause) bool {
	for i := c.t0; i < c.t1; i++ {
		if a.x.lex.is("today", a.toks[i].key) {
			return true
		}
	}
	return false
}

// material reports whether t is an act done rather than said (sanctions,
// aid), which the present tense announces; a statement in the present
// ("از ایران حمایت می‌کند") is made as it is reported.
func material(t didar.EventType) bool { return t == didar.Sanction || t == didar.Aid }

// contact reports whether t is a meeting, a call, a trip, a hosting, talks
// or a signing: acts that the present tense announces.
func contact(t didar.EventType) bool {
	switch t {
	case didar.Meet, didar.Call, didar.Visit, didar.Host, didar.Negotiate, didar.Agree:
		return true
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

// hostile reports the directed types of conflict, whose coordinated
// subjects each act on the target: "عربستان، امارات و مصر روابط خود را با
// قطر قطع کردند" is three breaks of relations.
func hostile(t didar.EventType) bool {
	return adversarial(t) || t == didar.Sanction || t == didar.Demand
}

// counterpartOwn reports whether token i is the خود of "همتای X خود": the
// subject's counterpart, not their own earlier act.
func (a *article) counterpartOwn(i int) bool {
	if a.toks[i].key != "خود" {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if k := a.toks[j].key; k == "همتای" || k == "همتایان" {
			return true
		}
	}
	return false
}

// rejected reports whether nominal cue t is the object of a rejection that
// follows it: "اتهامات یونان را رد کرد"، "ادعای ... را تکذیب کرد".
func (a *article) rejected(t trigger, after []trigger) bool {
	if a.isVerb(t.t1 - 1) {
		return false
	}
	for _, r := range after {
		if r.c.typ != didar.Reject {
			continue
		}
		for i := t.t1; i < r.t0+1 && i < len(a.toks); i++ {
			if a.toks[i].key == "را" {
				return a.governingVerb(t.t1, i) < 0
			}
		}
		return false
	}
	return false
}
