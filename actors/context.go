package actors

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/didar-news/didar"
)

// heldLink is a role phrase linked to the dictionary's office holder.
type heldLink struct {
	link int // index in linker.links
	key  roleKey
}

// namedHolders moves the role phrases linked to the dictionary's holder
// to the person the article names with that role, when it names one the
// dictionary lacks and never names the holder: «انور قرقاش، وزیر خارجه
// امارات» makes the article's other «وزیر خارجه امارات» him.
func (l *linker) namedHolders() {
	if len(l.held) == 0 {
		return
	}
	byName := map[string]bool{}
	for _, ln := range l.links {
		if ln.Via != "role" && ln.Via != "pronoun" && ln.Via != "counterpart" {
			byName[ln.ActorID] = true
		}
	}
	for _, h := range l.held {
		ln := &l.links[h.link]
		named, ok := l.roleOf[h.key]
		if !ok || named == ln.ActorID || byName[ln.ActorID] || l.actors[named].InDictionary {
			continue
		}
		ln.ActorID = named
	}
}

// mergeRoleActors folds a person known only by a role phrase into the
// named new person given the same role later in the article.
//
// A bare title or a head word whose holder is not known is dropped: it
// is too often someone the article names another way.
func (l *linker) mergeRoleActors() {
	if len(l.roleActors) == 0 {
		return
	}
	mentioned := map[string]bool{}
	for _, ln := range l.links {
		mentioned[ln.ActorID] = true
	}
	to := map[string]string{} // role actor → person; "" drops it
	for id, r := range l.roleActors {
		named, ok := l.roleOf[r.key]
		if r.former {
			named, ok = "", false
		} else if !ok {
			// A dictionary holder named elsewhere in the article.
			for _, h := range l.holders(r.key) {
				if hid := l.d.entries[h].ID; mentioned[hid] {
					named, ok = hid, true
					break
				}
			}
		}
		if !ok && !r.bare && !r.head && !r.former {
			continue
		}
		if !ok && r.head && r.key.org != "" && r.title != "member" {
			// «مدیرکل آسیای شرقی وزارت امور خارجه»: an unnamed official
			// of a body speaks for it (a member does not).
			named = l.entryActor(r.key.org)
		}
		to[id] = named
		delete(l.actors, id)
	}
	out := l.links[:0]
	for _, ln := range l.links {
		if named, ok := to[ln.ActorID]; ok {
			if named == "" {
				continue
			}
			ln.ActorID = named
		}
		out = append(out, ln)
	}
	l.links = out
}

// roleGroups turns a person still known only by a role phrase ("سفیر
// انگلیس", "مدیرکل غرب اروپای وزارت خارجه") into its country's
// collective of that sector: the role words are no person's name, and it
// is the government acting through an unnamed official.
func (l *linker) roleGroups() {
	to := map[string]string{}
	for _, id := range l.order { // in text order: the group is named by its first phrase
		r, ok := l.roleActors[id]
		a := l.actors[id]
		if !ok || a == nil || a.InDictionary {
			continue
		}
		if r.key.country == "" {
			// رئیس جمهور کشور: the outlet's own country, not known here.
			a.Kind = didar.KindGroup
			continue
		}
		delete(l.actors, id)
		to[id] = l.newActor("group-"+strings.ToLower(r.key.country)+"-"+strings.ToLower(r.sector), didar.KindGroup, r.phrase, r.key.country, r.sector, "")
	}
	if len(to) == 0 {
		return
	}
	out := l.links[:0]
	for _, ln := range l.links {
		if g, ok := to[ln.ActorID]; ok {
			ln.ActorID = g
		}
		for k, id := range ln.ActorIDs {
			if g, ok := to[id]; ok {
				ln.ActorIDs[k] = g
			}
		}
		out = append(out, ln)
	}
	l.links = out
}

// repeatedNames reads two uncommon words that the article later calls by
// the second alone as a person it names without role or title: «تورالف
// هاگن گفت ... هاگن افزود». The full name must start a clause or follow
// a stop word («با حضور X Y»); the surname, standing alone later, must
// start a clause or end before a verb of saying, as a subject does.
func (l *linker) repeatedNames() {
	words := l.doc.words
	covered := make([]bool, len(words))
	for _, ln := range l.links {
		for w := l.wordFrom(ln.Start); w < len(words) && words[w].start < ln.End; w++ {
			covered[w] = true
		}
	}
	// The common-word test is dearer than the others: last, and once a word.
	memo := make([]int8, len(words)) // 0 unknown, 1 free, 2 not
	free := func(w int) bool {
		if w < 0 || w >= len(words) || covered[w] || l.spanAt[w] >= 0 || !words[w].letter || l.m.stop[words[w].k] {
			return false
		}
		if memo[w] == 0 {
			memo[w] = 2
			if l.uncommon(w) {
				memo[w] = 1
			}
		}
		return memo[w] == 1
	}
	subject := func(w int) bool {
		return l.clauseStart(w) || w+1 < len(words) && l.m.saying[words[w+1].k]
	}
	alone := func(w int) bool { return subject(w) && free(w) && !free(w-1) && !free(w+1) }
	// The words that stand where a subject does: few, and only they can
	// be the surname repeated.
	lastAt := map[string]int{}
	for v := range words {
		if x := words[v]; x.letter && !covered[v] && l.spanAt[v] < 0 && subject(v) && !l.m.stop[x.k] {
			lastAt[x.k] = v
		}
	}
	for w := 0; w+1 < len(words); w++ {
		// «مرضیه افخم گفت: ...»: a name that opens a clause right before
		// a verb of saying is the speaker, said once or again.
		speaker := l.clauseStart(w) && w+2 < len(words) && l.m.saying[words[w+2].k]
		if v, ok := lastAt[words[w+1].k]; !speaker && (!ok || v < w+3) {
			continue
		}
		if !free(w+1) || !free(w) || free(w-1) || free(w+2) || !l.nameLike(w, w+1, false) ||
			!(l.clauseStart(w) || l.m.stop[words[w-1].k]) {
			continue
		}
		last := words[w+1].k
		later := -1
		if speaker {
			later = w + 2
		}
		for v := w + 3; v < len(words) && later < 0; v++ {
			if words[v].k == last && alone(v) {
				later = v
			}
		}
		if later < 0 {
			continue
		}
		start, end := words[w].start, words[w+1].end
		id := l.newActor(slug(l.textOf(start, end)), didar.KindPerson, l.textOf(start, end), "", "", "")
		l.add(start, end, id, "name", "")
		covered[w], covered[w+1] = true, true
		w++
	}
}

// ledBy reads the leader of a delegation or body the article names just
// before: «هیئت آمریکایی به رهبری زلمی خلیلزاد» is a person of that
// body's country and sector.
func (l *linker) ledBy() {
	words := l.doc.words
	for w := 0; w+3 < len(words); w++ {
		if words[w].k != "به" || !l.m.leading[words[w+1].k] {
			continue
		}
		a, b := w+2, w+1
		for b+1 < len(words) && b+1-a < 3 && l.spanAt[b+1] < 0 && (l.uncommon(b+1) || l.d.given[words[b+1].k]) {
			b++
		}
		for b > a && !l.uncommon(b) {
			b--
		}
		if b <= a || !l.nameLike(a, b, false) || !l.nameWords(a, b, false) {
			continue
		}
		// The body led: a link ending at most two words before.
		var body *didar.Actor
		for i := len(l.links) - 1; i >= 0; i-- {
			ln := l.links[i]
			if ln.End <= words[w].start && ln.End >= words[max(0, w-2)].start {
				body = l.actors[ln.ActorID]
				break
			}
		}
		if body == nil || body.Kind == didar.KindPerson {
			continue
		}
		start, end := words[a].start, words[b].end
		id := l.resolveKnown(l.nameKey(a, b), nil, false)
		if id == "" {
			id = l.newActor(slug(l.textOf(start, end)), didar.KindPerson, l.textOf(start, end), string(body.Country), string(body.Sector), "")
		}
		l.add(start, end, id, "name", "")
		w = b
	}
}

// localSurnames links the last word of a person's name when it appears
// alone after the person's first mention: written as in the name, or
// spelt differently with the same consonants (ولودین / والودین).
func (l *linker) localSurnames() {
	type sn struct {
		id    string
		first int
	}
	exact := map[string]sn{}
	skel := map[string]sn{}
	note := func(lw lastWord, id string, first int) {
		if _, ok := exact[lw.last]; !ok {
			exact[lw.last] = sn{id, first}
		}
		if lw.bare != "" {
			if _, ok := exact[lw.bare]; !ok {
				exact[lw.bare] = sn{id, first}
			}
		}
		if lw.skel != "" {
			if _, ok := skel[lw.skel]; !ok {
				skel[lw.skel] = sn{id, first}
			}
		}
	}
	seen := map[string]bool{}
	for _, ln := range l.links {
		a := l.actors[ln.ActorID]
		if _, byRole := l.roleActors[ln.ActorID]; a == nil || a.Kind != didar.KindPerson || byRole || seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		if !a.InDictionary {
			if lw, ok := lastWordOf(l.nameKeyOf(a)); ok {
				note(lw, a.ID, ln.End)
			}
			continue
		}
		i := l.d.byID[a.ID]
		if l.m.familyFirst[l.d.entries[i].Country] {
			continue
		}
		for _, lw := range l.d.lastWords[i] {
			note(lw, a.ID, ln.End)
		}
	}
	if len(exact) == 0 {
		return
	}
	covered := make([]bool, l.doc.runes()+1)
	country := map[int]int{} // start of a one-word link to no person → its index
	for i, ln := range l.links {
		for p := ln.Start; p < ln.End; p++ {
			covered[p] = true
		}
		// Any dictionary word that is not a person may be a surname too.
		if a := l.actors[ln.ActorID]; a != nil && a.Kind != didar.KindPerson && ln.Via != "role" && ln.Via != "group" {
			country[ln.Start] = i
		}
	}
	var buf [64]byte
	for _, w := range l.doc.words {
		if !w.letter || l.m.stop[w.k] {
			continue
		}
		if covered[w.start] {
			// "سودانی" after "محمد شیاع السودانی" is his name, not Sudan;
			// "ترکی" after "جان ترکی" his, not Turkish.
			i, ok := country[w.start]
			if s, isName := exact[w.k]; ok && isName && l.links[i].End == w.end && w.start >= s.first {
				l.links[i].ActorID, l.links[i].Via = s.id, "surname"
			}
			continue
		}
		s, ok := exact[w.k]
		if !ok && len(w.k) >= 8 && len(skel) > 0 {
			s, ok = skel[string(appendSkeletonFA(buf[:0], w.k))]
		}
		if ok && w.start >= s.first {
			l.add(w.start, w.end, s.id, "surname", "")
		}
	}
}

// lastWord is the last word of a person's name in the forms
// localSurnames finds it alone.
type lastWord struct {
	last string // as in the name
	bare string // without the Arabic article: السودانی → سودانی; or ""
	skel string // its skeleton when long enough to be told apart; or ""
}

// lastWordOf returns the last word of the name with key k, if it has one
// long enough.
func lastWordOf(k string) (lastWord, bool) {
	i := strings.LastIndexByte(k, ' ')
	// Two letters are enough here: the full name came first in the
	// article (جان کی ... کی گفت).
	if i < 0 || utf8.RuneCountInString(k[i+1:]) < 2 {
		return lastWord{}, false
	}
	lw := lastWord{last: k[i+1:]}
	// Arabic family names drop the article alone.
	if bare, ok := strings.CutPrefix(lw.last, "ال"); ok && utf8.RuneCountInString(bare) >= 3 {
		lw.bare = bare
	}
	if sk := skeletonFA(lw.last); len(sk) >= 4 {
		lw.skel = sk
	}
	return lw, true
}

// late links pronouns, counterparts and pairs, which need every name.
func (l *linker) late() {
	sents := l.sentences()
	sentOf := func(p int) int { return sort.SearchInts(sents, p+1) - 1 }
	count := map[string]int{}
	var persons, countries []string
	for _, ln := range l.links {
		a := l.actors[ln.ActorID]
		if a == nil {
			continue
		}
		if count[a.ID] == 0 {
			switch a.Kind {
			case didar.KindPerson:
				persons = append(persons, a.ID)
			case didar.KindCountry:
				countries = append(countries, a.ID)
			}
		}
		count[a.ID]++
	}
	// top2 returns the two actors of ids mentioned most before rune p.
	top2 := func(ids []string, p int) []string {
		n := map[string]int{}
		for _, ln := range l.links {
			if ln.Start < p {
				n[ln.ActorID]++
			}
		}
		var s []string
		for _, id := range ids {
			if n[id] > 0 {
				s = append(s, id)
			}
		}
		sort.SliceStable(s, func(i, j int) bool { return n[s[i]] > n[s[j]] })
		if len(s) > 2 {
			s = s[:2]
		}
		return s
	}
	// subject[s] is the first person named in sentence s.
	subject := make([]string, len(sents))
	for _, ln := range l.links {
		if a := l.actors[ln.ActorID]; a != nil && a.Kind == didar.KindPerson {
			if s := sentOf(ln.Start); subject[s] == "" {
				subject[s] = ln.ActorID
			}
		}
	}
	before := make([]string, len(sents)) // the subject of the nearest earlier sentence with one
	for s := 1; s < len(sents); s++ {
		before[s] = before[s-1]
		if subject[s-1] != "" {
			before[s] = subject[s-1]
		}
	}
	base := l.links[:len(l.links):len(l.links)]
	for _, i := range l.deferred {
		s := l.spans[i]
		for _, h := range s.pat.hits {
			switch h.kind {
			case hPronoun:
				id := before[sentOf(s.start)]
				if !l.clauseStart(s.w0) {
					// Not a subject ("همتای چینی او", "با او"): the person
					// named last in the sentence, other than the one
					// just before.
					if p := l.possessor(base, s.start, sents[sentOf(s.start)]); p != "" {
						id = p
					}
					// "X گفت: ... به وی تسلیم شد": in X's words وی is
					// someone else.
					if l.saysBefore(base, id, sents[sentOf(s.start)], s.start) {
						id = ""
					}
				}
				if id != "" {
					l.add(s.start, s.end, id, "pronoun", "")
				}
			case hCounterpart:
				c, end := h.id, s.end
				if c == "" {
					var ok bool
					if c, ok = l.countryAt(i + 1); !ok || !l.adjacent(i, i+1) {
						continue
					}
					end = l.spans[i+1].end
				}
				best := ""
				for _, id := range persons {
					if string(l.actors[id].Country) == c && (best == "" || count[id] > count[best]) {
						best = id
					}
				}
				if best == "" {
					// Nobody of that country is named: the holder of the
					// speaker's office there ("همتای چینی" of Iran's foreign
					// minister is China's).
					speaker := l.lastPerson(base, s.start, sents[sentOf(s.start)], "")
					if speaker == "" {
						speaker = before[sentOf(s.start)]
					}
					best = l.counterpartOf(speaker, c)
				}
				if best != "" {
					l.add(s.start, end, best, "counterpart", "")
				}
			case hPairPersons:
				if t := top2(persons, s.start); len(t) == 2 {
					l.add(s.start, s.end, t[0], "pronoun", "")
					l.links[len(l.links)-1].ActorIDs = t
				}
			case hPairCountries:
				if t := top2(countries, s.start); len(t) == 2 {
					l.add(s.start, s.end, t[0], "pronoun", "")
					l.links[len(l.links)-1].ActorIDs = t
				}
			default:
				continue
			}
			break
		}
	}
}

// counterpartOf returns the person who holds in country c an office that
// speaker holds at the article's date, if the dictionary knows one.
func (l *linker) counterpartOf(speaker, c string) string {
	e, ok := l.d.Entry(speaker)
	if !ok || c == "" {
		return ""
	}
	for _, r := range e.Roles {
		if !r.Holds(l.at) || (l.at.IsZero() && !r.To.IsZero()) {
			continue
		}
		if o, ok := l.d.offices[r.Office]; !ok || o.Country != "" {
			continue // a country's own office has no counterpart elsewhere
		}
		if hs := l.holders(roleKey{office: r.Office, country: c}); len(hs) > 0 {
			return l.entryActor(l.d.entries[hs[0]].ID)
		}
	}
	return ""
}

// clauseStart reports whether word w begins a clause: the text's start,
// after punctuation, or after a conjunction.
func (l *linker) clauseStart(w int) bool {
	if w == 0 {
		return true
	}
	prev := l.doc.words[w-1]
	if !prev.letter {
		return prev.k != "»"
	}
	if prev.end < l.doc.words[w].start {
		if strings.IndexByte(l.doc.slice(prev.end, l.doc.words[w].start), '\n') >= 0 {
			return true
		}
	}
	return prev.k == "و" || prev.k == "که" || prev.k == "اما" || prev.k == "ولی"
}

// possessor returns the person named last before rune p in the sentence
// starting at from, skipping the actor of the link right before p.
func (l *linker) possessor(links []Link, p, from int) string {
	i := sort.Search(len(links), func(i int) bool { return links[i].Start >= p })
	skip := ""
	if i > 0 {
		skip = links[i-1].ActorID
	}
	return l.lastPerson(links, p, from, skip)
}

// saysBefore reports whether id is named between runes from and p right
// before a verb of saying: the speaker of what follows.
func (l *linker) saysBefore(links []Link, id string, from, p int) bool {
	if id == "" {
		return false
	}
	for _, ln := range links {
		if ln.ActorID != id || ln.Start < from || ln.End > p {
			continue
		}
		if w := l.wordFrom(ln.End); w < len(l.doc.words) && l.doc.words[w].start < p && l.m.saying[l.doc.words[w].k] {
			return true
		}
	}
	return false
}

// lastPerson returns the person named last before rune p and at or after
// rune from, other than skip.
func (l *linker) lastPerson(links []Link, p, from int, skip string) string {
	i := sort.Search(len(links), func(i int) bool { return links[i].Start >= p })
	for j := i - 1; j >= 0 && links[j].Start >= from; j-- {
		a := l.actors[links[j].ActorID]
		if a != nil && a.Kind == didar.KindPerson && a.ID != skip {
			return a.ID
		}
	}
	return ""
}

// sentenceMark marks the bytes that end a sentence, and the first byte
// of ؟.
var sentenceMark = [256]byte{'.': 1, '!': 1, '?': 1, '\n': 1, 0xD8: 1}

// sentences returns the rune offsets where sentences start.
func (l *linker) sentences() []int {
	out := []int{0}
	// Bytes rather than runes: the marks are ASCII but for ؟ (D8 9F),
	// and the rune index of the few marks is looked up.
	src, at := l.doc.src, l.doc.at
	for b := 0; b < len(src); b++ {
		switch c := src[b]; {
		case sentenceMark[c] == 0:
			continue
		case c == 0xD8 && (b+1 >= len(src) || src[b+1] != 0x9F):
			continue
		}
		i, _ := slices.BinarySearch(at, int32(b))
		out = append(out, i+1)
	}
	return out
}
