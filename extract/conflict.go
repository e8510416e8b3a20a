package extract

import (
	"slices"
	"strings"

	"github.com/didar-news/didar"
)

// The conflict side of the coding: who protests, condemns, summons or
// sanctions whom. The direction matters more than anywhere else: whoever
// condemns an attack on Y sides with Y against the attacker, so the target
// is the attacker, or nobody when the text names none.

// envoyAct reads an act on a foreign envoy, which is aimed at the envoy's
// state: summoning him in protest or expelling him. Active, "X سفیر Y را
// احضار کرد" (X acts on Y); passive, "سفیر Y به وزارت خارجه X احضار شد"
// (the body the envoy is called to, or the agent after توسط/از سوی, or the
// speaker who reports it); nominal, "احضار سفیر Y". It returns no target
// when the envoy is one's own (a recall, not a protest).
func (a *article) envoyAct(c clause, t trigger, subject string) (source, target string) {
	envoy, at := a.envoyIn(c)
	if envoy == "" {
		return "", ""
	}
	if act, ok := a.countryActor(envoy); ok {
		target = act.ID
	}
	if a.passive(c, t) {
		subject = ""
		// "به وزارت امور خارجه ایران": the body the envoy is called to,
		// named last before the verb ("کاردار ... به عنوان حافظ منافع
		// آمریکا ... به وزارت امور خارجه احضار شد").
		for i := t.t0 - 1; i >= max(at, c.t0); i-- {
			k := a.toks[i].key
			if k != "به" && k != "توسط" && !(k == "سوی" && i > c.t0 && a.toks[i-1].key == "از") {
				continue
			}
			if m := a.phraseMention(i+1, c.t1); m >= 0 && a.side(a.links[m].ActorID) != envoy {
				if act, _ := a.actorOf(m); act.Kind != didar.KindPerson || k != "به" {
					subject = a.links[m].ActorID
					break
				}
			}
		}
		// "به این وزارتخانه" in what a ministry said: the speaker.
		if subject == "" && c.quoted && len(c.speaker) > 0 {
			subject = a.links[c.speaker[0]].ActorID
		}
	}
	// "دیپلمات‌های روس باید خاک فرانسه را ترک کنند": the state whose
	// soil they must leave expels them.
	if subject == "" || a.side(subject) == envoy {
		subject = ""
		for i := c.t0; i+1 < c.t1; i++ {
			if a.toks[i].key == "خاک" {
				if m, ok := a.mentionStart(i + 1); ok && a.participant(m) && a.side(a.links[m].ActorID) != envoy {
					subject = a.links[m].ActorID
				}
				break
			}
		}
		if subject == "" {
			return "", ""
		}
	}
	return subject, target
}

// envoyIn finds the envoy of a clause (a diplomat word followed by his
// country, or an actor of the diplomatic sector) and returns his country
// and the token where he is named.
func (a *article) envoyIn(c clause) (string, int) {
	for i := c.t0; i < c.t1; i++ {
		if m, ok := a.mentionStart(i); ok {
			if act, _ := a.actorOf(m); act.Sector == "DIP" && act.Country != "" && act.Kind != didar.KindOrganization {
				if e := a.lastToken(m); e+1 < c.t1 && a.toks[e+1].key == "خود" {
					return "", -1 // "سفیر خود را فراخواند": a recall
				}
				return string(act.Country), i
			}
			continue
		}
		if !a.x.lex.is("diplomat", a.toks[i].key) {
			continue
		}
		// "کاردار سفارت سوئیس"، "سفیر کنفدراسیون سوئیس"
		for j := i + 1; j < c.t1 && j <= i+3; j++ {
			if m, ok := a.mentionStart(j); ok {
				if act, _ := a.actorOf(m); act.Country != "" && act.Kind != didar.KindPerson {
					return string(act.Country), i
				}
				break
			}
			if k := a.toks[j].key; k == "خود" {
				return "", -1
			} else if a.isVerb(j) || a.x.lex.is("prep", k) {
				break
			}
		}
	}
	return "", -1
}

// passive reports whether the verb governing t is passive: "احضار شد"،
// "فراخوانده شد"، "احضار و ... ابلاغ شد".
func (a *article) passive(c clause, t trigger) bool {
	if len(t.c.words) > 0 && strings.HasSuffix(t.c.words[0], "ده") {
		return true // فراخوانده
	}
	v := a.governingVerb(t.t1, c.t1)
	if v < 0 {
		return false
	}
	return a.x.lex.is("passive", a.toks[v].key)
}

// objectTarget returns the target inside the object of an adversarial
// verb, whose "را" is token ra: the actor of the act condemned
// ("حمله رژیم صهیونیستی به دمشق را محکوم کرد": Israel), the agent after
// توسط/از سوی, or the object itself ("قطر را متهم کرد"); never an actor
// named after a preposition, who is the victim or the place of the act.
// It returns -1 when the object names no such actor.
func (a *article) objectTarget(c clause, ra int) int {
	start, side := c.t0, ""
	if len(c.subject) > 0 {
		side = a.side(a.links[c.subject[0]].ActorID)
		if a.inRange(c.subject[0], c.t0, c.t1) && a.links[c.subject[0]].End <= a.toks[ra].start {
			list := a.listed(c.subject[0], ra)
			start = a.lastToken(list[len(list)-1]) + 1
		}
	}
	for j := ra - 1; j > start; j-- {
		// "... تسلیت گفت و حمله ... را محکوم کرد": another predicate.
		if a.isVerb(j) && a.toks[j+1].key == "و" {
			start = j + 2
			break
		}
	}
	start = max(start, ra-25)
	author, object := -1, -1
	for j := start; j < ra; j++ {
		m, ok := a.mentionStart(j)
		// The subject's title or side ("X وزیر خارجه ایران نیز ...") is
		// not what it condemns.
		if !ok || !a.participant(m) || a.side(a.links[m].ActorID) == side {
			continue
		}
		switch a.objectRole(j, start, m) {
		case roleAgent:
			return m
		case roleAuthor:
			if author < 0 {
				author = m
			}
		case roleObject:
			// "قطر را ... متهم کرد": the whole object, right before را.
			if e := a.lastToken(m); e == ra-1 && object < 0 {
				object = m
			}
		}
	}
	if author >= 0 {
		return author
	}
	return object
}

type objRole int

const (
	roleVictim objRole = iota // after a preposition: the victim or the place
	roleObject                // governed by nothing in the object: the object itself
	roleAuthor                // the possessor of an act: its author
	roleAgent                 // after توسط/از سوی: named as the one who acted
)

// objectRole reads the role of the mention m starting at token j in the
// object that starts at token start, from the nearest word on its left
// that governs it: a preposition, or a noun naming an act.
func (a *article) objectRole(j, start, m int) objRole {
	act, _ := a.actorOf(m)
	for k := j - 1; k >= start; k-- {
		if a.toks[k].mention >= 0 {
			continue
		}
		key := a.toks[k].key
		switch {
		case key == "توسط" || (key == "سوی" || key == "جانب" || key == "طرف") && k > start && a.toks[k-1].key == "از":
			return roleAgent
		case a.x.lex.is("prep", key) || key == "ضد":
			// "شرکت‌های مرتبط با ارتش آمریکا": still the object.
			if k > start && a.x.lex.is("link", a.toks[k-1].key) {
				continue
			}
			// "حمله به تأسیسات ایران": the victim of the act; "حضور ... در
			// افغانستان": a place. A phrase that hangs on no act ("در
			// بیانیه‌ای مشترک ایران را") is the clause's, and the object
			// follows it.
			if k == j-1 {
				return roleVictim
			}
			for k--; k >= start; k-- {
				if key := stem(a.toks[k].key); a.x.lex.is("act", key) || a.x.lex.is("deed", key) {
					return roleVictim
				}
			}
			return roleObject
		case a.x.lex.is("deed", stem(key)):
			// "ترور دانشمندان"، "کشتار مردم": the possessor of these
			// suffers the act, unless the article has named it as an
			// attacker.
			if a.attacker(a.links[m].ActorID) {
				return roleAuthor
			}
			return roleVictim
		case a.x.lex.is("act", stem(key)):
			if act.Sector == "CVL" {
				return roleVictim
			}
			return roleAuthor
		}
	}
	return roleObject
}

// attacker reports whether the article names id as the author of an act
// elsewhere: "حمله هوایی پاکستان به ..."، "توسط اسرائیل".
func (a *article) attacker(id string) bool {
	for i, l := range a.links {
		if l.ActorID != id {
			continue
		}
		j := a.firstToken(i)
		for k := j - 1; k >= 0 && k >= j-4; k-- {
			key := a.toks[k].key
			if key == "توسط" || key == "سوی" && k > 0 && a.toks[k-1].key == "از" {
				return true
			}
			if a.x.lex.is("act", stem(key)) {
				return true
			}
			if a.toks[k].mention >= 0 || a.x.lex.is("prep", key) || a.isVerb(k) || key == "و" || key == "،" {
				break
			}
		}
	}
	return false
}

// stem strips a plural or indefinite ending: حملات → حمله is listed as
// حملات; حمله‌های → حمله، اقدامی → اقدام.
func stem(k string) string {
	for _, suf := range []string{"های", "ها", "ی"} {
		if s, ok := strings.CutSuffix(k, suf); ok && len(s) >= 6 {
			return s
		}
	}
	return k
}

// listed returns mention m with the actors of its kind listed with it by
// "و" or a comma: "عربستان سعودی، امارات، مصر و یمن".
func (a *article) listed(m, t1 int) []int {
	out := []int{m}
	i := a.lastToken(m) + 1
	and := false // a list ends with "و": "سخنگوی طالبان، اسلام‌آباد را" is none
	for i+1 < t1 {
		if k := a.toks[i].key; k == "و" {
			and = true
		} else if k != "،" {
			break
		}
		m2, ok := a.mentionStart(i + 1)
		if !ok || !a.participant(m2) {
			break
		}
		if a.personal(m2) != a.personal(m) {
			break
		}
		// "جو بایدن، رئیس‌جمهور آمریکا": an apposition, not another actor.
		if !slices.ContainsFunc(out, func(o int) bool { return a.links[o].ActorID == a.links[m2].ActorID }) {
			out = append(out, m2)
		}
		i = a.lastToken(m2) + 1
		if and {
			break
		}
	}
	if !and {
		return out[:1]
	}
	return out
}

// npMention returns the actor an object phrase after a nominal cue names:
// "اخراج ۴ دیپلمات روس"، "تحریم ۲۰ شرکت نظامی آمریکا"، "شرکت‌های مرتبط
// با سپاه". It stops at a verb, a comma or a preposition that starts
// another phrase.
func (a *article) npMention(i, t1 int) int {
	for j := i; j < t1 && j < i+8; j++ {
		if m, ok := a.mentionStart(j); ok && a.participant(m) {
			return m
		}
		k := a.toks[j].key
		if a.isVerb(j) || k == "،" || k == "را" {
			return -1
		}
		if a.x.lex.is("prep", k) && !(j > i && a.x.lex.is("link", a.toks[j-1].key)) {
			return -1
		}
	}
	return -1
}

// leadEnd returns where the subject may start in a clause opening with a
// circumstantial phrase closed by a comma ("در پی حمله هوایی پاکستان به
// ...، سخنگوی طالبان ..."): after the first comma that is not an
// apposition of the actor before it. It returns t0 otherwise.
func (a *article) leadEnd(t0, t1 int) int {
	n := a.x.lex.seqAt("lead", a.allKeys[t0:t1], 0)
	if n == 0 {
		return t0
	}
	last := ""
	for i := t0 + n; i+1 < t1; i++ {
		if m := a.toks[i].mention; m >= 0 {
			last = a.links[m].ActorID
			continue
		}
		if a.toks[i].key != "،" {
			continue
		}
		m, ok := a.mentionStart(i + 1)
		if ok && a.links[m].ActorID == last {
			continue // "ترزا می، نخست‌وزیر انگلیس": an apposition
		}
		return i + 1
	}
	return t0
}

// unreal reports a cue that names no act: "به بحران قطع روابط پایان داد"،
// "کمک‌ها ... را ممنوع می‌کند" (one ended or barred), and for hostile ones
// "هیچ تهدیدی" (none), "پیش‌نویس قانون تحریم" (one proposed).
func (a *article) unreal(c clause, t trigger) bool {
	if hostile(t.c.typ) {
		if t.t0 > c.t0 && a.x.lex.is("none", a.toks[t.t0-1].key) {
			return true
		}
		// "پیش‌نویس قانون تحریم ..."، "طرح تحریم": proposed, not imposed.
		for i := max(c.t0, t.t0-2); i < t.t0; i++ {
			if a.x.lex.is("draft", a.toks[i].key) {
				return true
			}
		}
	}
	// "باید به مداخله ... پایان دهد": ending it is what a demand asks.
	if v := a.governingVerb(t.t1, c.t1); v > t.t1 && a.x.lex.is("end", a.toks[v-1].key) && t.c.typ != didar.Demand {
		return true
	}
	return false
}

// thatSubject returns the subject of a "که" clause that holds cue t: "...
// را هدف قرار داد که تهران آن را محکوم کرد" (Tehran condemns), or -1.
func (a *article) thatSubject(c clause, t trigger) int {
	for i := t.t0 - 1; i > c.t0; i-- {
		k := a.toks[i].key
		if k == "،" || a.isVerb(i) {
			return -1
		}
		if k != "که" {
			continue
		}
		if m, ok := a.mentionStart(i + 1); ok && a.participant(m) && i+1 < t.t0 && !a.object(m) {
			return m
		}
		return -1
	}
	return -1
}

// announced reports "از [cue] ... خبر داد": the subject announces its own
// act ("وزارت خزانه‌داری از تحریم ۱۲ شرکت خبر داد"), which is news, not a
// matter it speaks about.
func (a *article) announced(c clause, t trigger) bool {
	v := a.governingVerb(t.t1, c.t1)
	return t.t0 > c.t0 && a.toks[t.t0-1].key == "از" && v > t.t1 && a.toks[v-1].key == "خبر"
}

// verdicts finds criticism phrased as a verdict in what someone says: "X
// یک جنایتکار جنگی است" (X is judged: marker "verdict"), and "رویکرد
// غیرسازنده آژانس" (an act of X called by a negative word: marker
// "verdict-of", X after it). The speaker is the source.
func (a *article) verdicts(c clause) []trigger {
	var out []trigger
	said := 0 // unknown until a negative word asks
	for i := c.t0 + 1; i+1 < c.t1; i++ {
		k := a.toks[i].key
		if a.toks[i].mention >= 0 || !a.x.lex.is("negative", k) && !a.x.lex.is("negative", strings.TrimSuffix(k, "ی")) {
			continue
		}
		if said == 0 {
			said = -1
			if a.speakerOf(c) >= 0 {
				said = 1
			}
		}
		if said < 0 {
			return nil
		}
		if m, ok := a.mentionStart(i + 1); ok && a.participant(m) && a.x.lex.is("act", stem(a.toks[i-1].key)) {
			out = append(out, trigger{c: cue{typ: didar.Criticize, text: a.toks[i-1].key + " " + k + " …", markers: []string{"verdict-of"}}, t0: i, t1: i + 1})
			continue
		}
		// "X یک «جنایتکار جنگی» است": a subject, the verdict, then the
		// copula that closes the clause.
		m := a.judged(c.t0, i)
		if m < 0 {
			continue
		}
		m = a.firstToken(m)
		for j := i + 1; j < c.t1 && j <= i+4; j++ {
			if a.isVerb(j) {
				if a.x.lex.is("copula", a.toks[j].key) && !a.negated(j) {
					out = append(out, trigger{c: cue{typ: didar.Criticize, text: "… " + k + " است", markers: []string{"verdict"}}, t0: m, t1: i + 1})
				}
				break
			}
		}
	}
	return out
}

// speakerOf returns the mention of who says clause c: the speaker of a
// quoted clause, the subject of a clause with a quote cue, or the speaker
// of a direct quote an earlier sentence opened and this one continues; -1
// when c is narration.
func (a *article) speakerOf(c clause) int {
	if c.quoted && len(c.speaker) > 0 {
		return c.speaker[0]
	}
	if a.speech(c) && len(c.subject) > 0 {
		return c.subject[0]
	}
	start := a.toks[c.t0].start
	for i := len(a.rec.Quotes) - 1; i >= 0; i-- {
		q := a.rec.Quotes[i]
		if q.Kind == "direct" && q.Start < start && start < q.End {
			for m, l := range a.links {
				if l.ActorID == q.Speaker && l.End <= q.Start {
					return m
				}
			}
		}
	}
	return -1
}

// judged returns the subject mention of the stretch before a verdict at
// token i: the nearest actor before it in the same clause, not inside a
// phrase, with only plain words between; -1 when there is none.
func (a *article) judged(t0, i int) int {
	for j := i - 1; j >= t0 && j >= i-4; j-- {
		k := a.toks[j].key
		if a.isVerb(j) || k == "." || k == "،" || k == "که" || a.x.lex.is("prep", k) {
			return -1
		}
		if m, ok := a.mentionStart(j); ok {
			if !a.participant(m) || a.prepositional(j, t0) {
				return -1
			}
			return m
		}
	}
	return -1
}

// answered returns the author of the latest hostile act aimed at source's
// side by another (not a rejection, which answers rather than acts), or "".
func (a *article) answered(source string, peers []int) string {
	for i := len(a.rec.Events) - 1; i >= 0; i-- {
		e := a.rec.Events[i]
		if !hostile(e.Type) || e.Type == didar.Reject || a.side(string(e.Target)) != a.side(source) || a.side(string(e.Source)) == a.side(source) {
			continue
		}
		if !slices.ContainsFunc(peers, func(m int) bool { return a.side(a.links[m].ActorID) == a.side(string(e.Source)) }) {
			return string(e.Source)
		}
	}
	return ""
}

// adversaryOf returns the target of the latest hostile act of source's
// side, or "".
func (a *article) adversaryOf(source string) string {
	for i := len(a.rec.Events) - 1; i >= 0; i-- {
		e := a.rec.Events[i]
		if e.Type == didar.Reject || !adversarial(e.Type) && e.Type != didar.Sanction {
			continue // a demand of the Security Council is no hostility
		}
		if a.side(string(e.Source)) == a.side(source) && a.side(string(e.Target)) != a.side(source) {
			return string(e.Target)
		}
	}
	return ""
}

// placed reports whether a listing cue is an act of putting on the list:
// "X را در فهرست ... قرار داد", not "در فهرست ... قرار دارد/گرفت".
func (a *article) placed(c clause, t trigger) bool {
	v := a.governingVerb(t.t1, c.t1)
	return v >= 0 && a.x.lex.is("put", a.toks[v].key)
}

// warned returns the first party clause c names on another side than
// source and its peers, not a partner after با or همراه: the one a
// warning is aimed at ("عواقب این اقدام بر عهده آمریکا خواهد بود"), or "".
func (a *article) warned(c clause, source string, peers []int) string {
	for i := c.t0; i < c.t1; i++ {
		m, ok := a.mentionStart(i)
		if !ok || !a.participant(m) {
			continue
		}
		id := a.links[m].ActorID
		if a.side(id) == a.side(source) || slices.ContainsFunc(peers, func(p int) bool { return a.side(a.links[p].ActorID) == a.side(id) }) {
			continue
		}
		if i > c.t0 && (a.toks[i-1].key == "با" || a.toks[i-1].key == "همراه") {
			continue
		}
		return id
	}
	return ""
}

// frameHas reports whether the clause that reports quoted clause c has a
// cue of type typ.
func (a *article) frameHas(c clause, typ didar.EventType) bool {
	keys := a.keys(c.frame, c.t0)
	for i := range keys {
		cus, _ := a.cuesIn(c.frame+i, c.t0)
		if slices.ContainsFunc(cus, func(cu cue) bool { return cu.typ == typ }) {
			return true
		}
	}
	return false
}
