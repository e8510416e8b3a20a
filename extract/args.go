package extract

import (
	"slices"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/actors"
)

// arg finds the party that a marker introduces for trigger t: right after
// the trigger ("تشکر از X"), else the first such phrase of the clause
// before it ("از X ... تشکر کرد": nested phrases come later), else one
// after a nominal cue up to its verb ("تقبیح ... توسط X").
func (a *article) arg(c clause, t trigger, marker string) int {
	switch marker {
	case "poss":
		// Up to two words of the noun phrase stand between: "پشتیبانی
		// تمام عیار آمریکا از ...".
		for i := t.t1; i < c.t1 && i <= t.t1+2; i++ {
			if m, ok := a.mentionStart(i); ok && a.participant(m) {
				return m
			}
			if k := a.toks[i].key; a.x.lex.is("prep", k) || a.isVerb(i) || k == "و" || k == "،" || k == "را" || k == "که" {
				break
			}
		}
		return -1
	case "after":
		// The subject of what follows ("مدعی شد ایران ..."), not an
		// actor inside a phrase of it ("... سلاح به تایوان بفروشد"); when
		// the cue closes its clause, what follows is the "که" clause the
		// sentence goes on with ("مدعی شد که امارات ...").
		end := c.t1
		if t.t1 == c.t1 && end < len(a.toks) && a.toks[end].key == "که" {
			end = min(len(a.toks), end+10)
		}
		for i := t.t1; i < end && i <= t.t1+9; i++ {
			if a.toks[i].key == "." {
				break
			}
			if m, ok := a.mentionStart(i); ok && a.participant(m) && !a.recipient(i) {
				return m
			}
		}
		return -1
	case "را":
		from := t.t0 - 1
		if len(t.c.words) > 0 && t.c.words[0] == "را" {
			from = t.t0 // "X را تحریم کرد": the cue opens with the object's را
		}
		for i := from; i > c.t0; i-- {
			if a.toks[i].key == "را" {
				if adversarial(t.c.typ) {
					return a.objectTarget(c, i)
				}
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
		// "محکومیت X": the object follows a nominal cue; "تهدید X" is
		// as often X's threat as a threat to X.
		if t.c.typ == didar.Threaten {
			return -1
		}
		return a.phraseMention(t.t1, c.t1)
	}
	// "سفر خود به X": the cue ends with the marker.
	if n := len(t.c.words); n > 1 && t.c.words[n-1] == marker {
		if m := a.phraseMention(t.t1, c.t1); m >= 0 {
			return m
		}
	}
	// "به گزارش X"، "به گفته X" name who reported or said, not a party.
	attrib := func(i int) bool { return marker == "به" && i+1 < c.t1 && a.x.lex.is("attrib", a.toks[i+1].key) }
	for i := t.t1; i < c.t1 && i <= t.t1+1; i++ {
		if a.toks[i].key == marker && !attrib(i) {
			if m := a.phraseMention(i+1, c.t1); m >= 0 {
				return m
			}
		}
	}
	// A meeting's partner belongs to its own predicate: the phrase starts
	// after the verb of an earlier cue ("با X دیدار کرد و سپس با Y
	// گفت‌وگو کرد").
	// "در پی حمله آمریکا به عراق، ...": the lead phrase is the occasion,
	// its parties are not the act's.
	from := a.leadEnd(c.t0, c.t1)
	if from >= t.t0 {
		from = c.t0
	}
	// "ضمن محکومیت ورود اسرائیل به خاک سوریه، ... هشدار داد": the
	// parties of a "ضمن" phrase are its own.
	for i := t.t0 - 1; i > from; i-- {
		if a.toks[i].key != "،" || a.inMention(i) {
			continue
		}
		for j := i - 1; j >= from; j-- {
			if a.toks[j].key == "ضمن" {
				from = i + 1
				break
			}
		}
		break
	}
	for i := t.t0 - 1; i > from; i-- {
		if (t.c.typ.Symmetric() || adversarial(t.c.typ)) && a.isVerb(i) && i+1 < t.t0 && a.toks[i+1].key == "و" && (a.cueEndsAt(i) || a.cueEndsAt(i-1)) {
			from = i + 1
			break
		}
	}
	for i := from; i < t.t0; i++ {
		// "به دعوت X"، "به گفته X" name who invited or said, not where
		// or to whom.
		if attrib(i) {
			continue
		}
		// "قطع رابطه دیپلماتیک با قطر ... با رایزنی": the partner phrase
		// of a hostile cue is that cue's.
		if t.c.typ.Symmetric() && i > c.t0 && (a.hostileCueEndsAt(i-1) || i-1 > c.t0 && a.hostileCueEndsAt(i-2)) {
			continue
		}
		if a.toks[i].key == marker && (i == c.t0 || !a.x.lex.is("prep", a.toks[i-1].key) && !a.x.lex.is("against", a.toks[i-1].key)) {
			if m := a.phraseMention(i+1, t.t0); m >= 0 {
				return m
			}
		}
	}
	end := a.governingVerb(t.t1, c.t1)
	if end < 0 || a.isVerb(t.t1-1) {
		// After a verb comes what it says, not its parties.
		end = c.t1
		if a.isVerb(t.t1 - 1) {
			end = t.t1
		}
	}
	for i := t.t1; i < end; i++ {
		// "هشدار ... درباره تجاوز اسرائیل به خاک سوریه": what the cue is
		// about has parties of its own.
		if a.x.lex.is("about", a.toks[i].key) {
			break
		}
		// "اعتراض ... نسبت به حمله به سفارت X": X suffers the act the
		// protest is about; it is not the protest's target.
		if a.toks[i].key == marker && (i > t.t1 && a.actNoun(i-1) || attrib(i)) {
			continue
		}
		if a.toks[i].key == marker && !a.x.lex.is("against", a.toks[i-1].key) {
			if m := a.phraseMention(i+1, end); m >= 0 {
				return m
			}
		}
	}
	return -1
}

// actNoun reports whether token i names an act with parties of its own:
// an attack, an assassination.
func (a *article) actNoun(i int) bool {
	k := stem(a.toks[i].key)
	return a.toks[i].mention < 0 && (a.x.lex.is("act", k) || a.x.lex.is("deed", k))
}

// cueEndsAt reports whether an event cue ends at token i.
func (a *article) cueEndsAt(i int) bool {
	for j := i; j >= 0 && j >= i-3; j-- {
		if _, n := a.cuesAt(j); n > 0 && j+n-1 == i {
			return true
		}
	}
	return false
}

// hostileCueEndsAt reports whether a cue of conflict ends at token i.
func (a *article) hostileCueEndsAt(i int) bool {
	for j := i; j >= 0 && j >= i-3; j-- {
		if cus, n := a.cuesAt(j); n > 0 && j+n-1 == i && slices.ContainsFunc(cus, func(c cue) bool { return hostile(c.typ) }) {
			return true
		}
	}
	return false
}

// listAfter returns every party named in a "میان X، Y و Z" phrase of the
// clause, and whether the phrase follows the cue ("دیدارهایی میان X و
// دیگر هیئت‌ها"): then it names all the parties, found or not.
func (a *article) listAfter(c clause, t trigger, marker string) ([]int, bool) {
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
		if len(list) > 1 || i >= t.t1 && i <= t.t1+1 {
			return list, i >= t.t1 && i <= t.t1+1
		}
	}
	return nil, false
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
		if a.self >= 0 && a.toks[j].mention < 0 && a.x.lex.is("self", k) {
			return a.self
		}
		if j > i && (a.x.lex.is("prep", k) || k == "،" || a.isVerb(j)) {
			return -1
		}
	}
	return -1
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

// bareCity reads a destination that placeArg cannot: the bare name of a
// city the dictionary names only as "شهر X" because X is a common word
// (آستانه, دوشنبه), in the places placeArg looks: right after the cue
// (عازم دوشنبه شد) or after a به before it (به آستانه سفر کرد), and not
// inside a mention.
func (a *article) bareCity(c clause, t trigger) (*didar.Location, bool) {
	at := func(i int) (*didar.Location, bool) {
		if i < 0 || i >= c.t1 || a.toks[i].mention >= 0 {
			return nil, false
		}
		id, ok := a.x.cities[a.toks[i].key]
		if !ok {
			return nil, false
		}
		ent, ok := a.x.dict.Place(id)
		if !ok || ent.Country == "" {
			return nil, false
		}
		return &didar.Location{NameFA: didar.NullString(a.span(a.toks[i].start, a.toks[i].end).Text), NameEN: didar.NullString(ent.EN), Country: didar.NullString(ent.Country)}, true
	}
	for i := t.t1; i <= t.t1+1; i++ {
		if l, ok := at(i); ok {
			return l, true
		}
	}
	for i := c.t0; i+1 < t.t0; i++ {
		if a.toks[i].key == "به" {
			if l, ok := at(i + 1); ok {
				return l, true
			}
		}
	}
	return nil, false
}

// coordinated returns mention m with the persons joined to it by "و" or a
// comma ("با X و Y دیدار کرد"), when m is a person.
func (a *article) coordinated(m, t1 int) []int {
	return a.joined(m, t1, didar.KindPerson)
}

// personal reports whether mention m names a person or an unnamed
// official ("نخست وزیر پاکستان", read as its government's collective),
// which lists and coordinates with persons.
func (a *article) personal(m int) bool {
	act, _ := a.actorOf(m)
	return act.Kind == didar.KindPerson || a.links[m].Via == "role"
}

// joined returns mention m with the mentions of its kind joined to it by
// "و" or a comma, when m is of that kind.
func (a *article) joined(m, t1 int, kind didar.Kind) []int {
	out := []int{m}
	is := func(m int) bool {
		if kind == didar.KindPerson {
			return a.personal(m)
		}
		act, _ := a.actorOf(m)
		return act.Kind == kind
	}
	if !is(m) {
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
			if is(m2) && a.prevJoin(i) {
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

// addressees returns the parties a directed act of contact or cooperation
// is addressed to, starting with mention m: the persons or the countries
// listed with it ("سفر به ترکیه، ایران و تاجیکستان"), and for "روسای جمهور
// ترکیه و سوریه" the head of each.
func (a *article) addressees(m, t1 int) []string {
	ms := a.coordinated(m, t1)
	if len(ms) == 1 {
		ms = a.joined(m, t1, didar.KindCountry)
	}
	leaders := a.leadersBefore(a.firstToken(m))
	var out []string
	for _, m := range ms {
		if leaders {
			if heads := a.heads(a.links[m]); len(heads) > 0 {
				out = append(out, heads...)
				continue
			}
		}
		out = append(out, a.links[m].ActorID)
	}
	return dedupe(out)
}

// leadersBefore reports whether a plural of heads ("سران"، "روسای جمهور")
// ends right before token i.
func (a *article) leadersBefore(i int) bool {
	for n := 1; n <= 3 && n <= i; n++ {
		if a.x.lex.seqAt("leaders", a.allKeys, i-n) == n {
			return true
		}
	}
	return false
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

// lastToken returns the index of the last token of mention m.
func (a *article) lastToken(m int) int {
	i := a.firstToken(m)
	for i+1 < len(a.toks) && a.toks[i+1].mention == m {
		i++
	}
	return i
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

// referent resolves "این اقدام"، "این توافق"، "از آن" in a clause to the
// actor of the latest reported act on another side than source and than
// the peers acting with it.
func (a *article) referent(c clause, source string, peers []int) string {
	found, deed := false, false
	for i := c.t0; i+1 < c.t1; i++ {
		k := a.toks[i].key
		// Keys fold آ to ا: "آن" is "ان".
		if (k == "این" || k == "ان" || k == "همین") && a.x.lex.is("refer", a.toks[i+1].key) {
			found = true
			// "این اقدام" points to a deed, not to the words said about
			// it; "این ادعا" to words.
			deed = deed || !a.x.lex.is("speech", a.toks[i+1].key)
		}
		// "از آن انتقاد کرد", but not "پس از آن": after that.
		if k == "از" && a.toks[i+1].key == "ان" && !(i > c.t0 && a.x.lex.is("bound", a.toks[i-1].key)) {
			found = true
		}
	}
	if !found || source == "" {
		return ""
	}
	other := func(id string) bool {
		if a.side(id) == a.side(source) {
			return false
		}
		for _, m := range peers {
			if a.side(a.links[m].ActorID) == a.side(id) {
				return false
			}
		}
		return true
	}
	// First the latest act aimed at the source's own side: what it answers.
	if id := a.answered(source, peers); id != "" {
		return id
	}
	for i := len(a.rec.Events) - 1; i >= 0; i-- {
		e := a.rec.Events[i]
		switch e.Type {
		case didar.Reject:
			continue // a rejection answers the act, it is not the act
		case didar.Criticize, didar.Accuse, didar.Threaten, didar.Demand:
			if deed {
				continue // words, not the deed "این اقدام" points to
			}
		}
		if !e.Type.Symmetric() {
			if other(string(e.Source)) {
				return string(e.Source)
			}
			continue
		}
		for _, p := range e.Participants {
			if other(p) {
				return p
			}
		}
	}
	return ""
}

// opponent returns the state a threat without a named target is aimed at:
// another side's country named in the sentence.
func (a *article) opponent(sStart, sEnd int, source string) string {
	for li, l := range a.links {
		act, ok := a.actors[l.ActorID]
		if !ok || act.Kind != didar.KindCountry || a.side(l.ActorID) == a.side(source) {
			continue
		}
		// "فروش سلاح به تایوان": a state named after به or برای is a
		// party to something else, not the one warned.
		if a.recipient(a.firstToken(li)) {
			continue
		}
		if l.Start >= sStart && l.End <= sEnd {
			return l.ActorID
		}
	}
	return ""
}

// recipient reports whether token i follows به or برای: the one something
// is given to or done for ("فروش سلاح به تایوان"), not the adversary.
func (a *article) recipient(i int) bool {
	return i > 0 && (a.toks[i-1].key == "به" || a.toks[i-1].key == "برای")
}
