package actors

import (
	"sort"
	"strings"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/normalize"
)

// Link is one mention in the text linked to an actor.
type Link struct {
	Start, End int    // rune offsets in the text
	Text       string // the mention as written
	ActorID    string
	// Via says how the mention was read: name, surname, role, title,
	// pronoun, adjective, demonym, capital, metonym, quoted-name,
	// counterpart, group.
	Via  string
	Role string // the role phrase, when one was read
	// Place is the place entry a capital or city mention names, for the
	// extractor to use when the sentence needs a location.
	Place string
	// ActorIDs lists every actor meant when there are several (طرفین,
	// دو کشور); ActorID is then the first.
	ActorIDs []string
}

// Result is what Link found in one text.
type Result struct {
	Links  []Link                 // in text order, non-overlapping
	Actors map[string]didar.Actor // every linked actor, with its mentions
}

// role is a role phrase read from the text.
type role struct {
	key    roleKey
	sector string
	title  string // English title of the office
	phrase string // as written
	start  int
	end    int
	next   int  // index of the first span after the phrase
	bare   bool // a title with no country, read as Iran's
	head   bool // a head word and an organisation, no office
}

type linker struct {
	d      *Dictionary
	m      *matcher
	doc    *doc
	spans  []span
	spanAt []int // word → span index, -1 when none
	at     didar.Date
	links  []Link
	actors map[string]*didar.Actor
	order  []string
	// roleActors are persons known only by a role phrase, merged into a
	// named person of the same role when one appears.
	roleActors map[string]role
	roleOf     map[roleKey]string // a named new person's role
	deferred   []int              // span indexes read after the main pass
	keys       map[string]string  // actor id → key of its Persian name
}

// Link finds and links every actor mention in text (display form) as of
// the article date at (zero when unknown).
func (d *Dictionary) Link(text string, at didar.Date) Result {
	l := &linker{
		d: d, m: d.m, at: at, actors: map[string]*didar.Actor{},
		roleActors: map[string]role{}, roleOf: map[roleKey]string{}, keys: map[string]string{},
	}
	l.doc = d.m.prepare(text)
	l.spans = d.m.find(l.doc)
	l.spanAt = make([]int, len(l.doc.words))
	for i := range l.spanAt {
		l.spanAt[i] = -1
	}
	for i, s := range l.spans {
		for w := s.w0; w <= s.w1; w++ {
			l.spanAt[w] = i
		}
	}
	l.main()
	l.mergeRoleActors()
	l.localSurnames()
	sortLinks(l.links)
	l.late()
	sortLinks(l.links)
	l.links = dropOverlaps(l.links)

	res := Result{Links: l.links, Actors: make(map[string]didar.Actor, len(l.actors))}
	for _, ln := range append(l.links, l.inner()...) {
		for _, id := range linkIDs(ln) {
			a := l.actors[id]
			a.Mentions = append(a.Mentions, didar.Mention{Start: ln.Start, End: ln.End, Text: ln.Text, Via: ln.Via})
		}
	}
	for id, a := range l.actors {
		if len(a.Mentions) > 0 {
			sort.SliceStable(a.Mentions, func(i, j int) bool { return a.Mentions[i].Start < a.Mentions[j].Start })
			res.Actors[id] = *a
		}
	}
	return res
}

// inner returns the countries and organisations named inside role
// phrases ("حزب کمونیست چین" in "وزیر بین‌الملل حزب کمونیست چین"): they
// are mentioned too, though the phrase's link stands for the person.
func (l *linker) inner() []Link {
	var out []Link
	w := 0
	for _, ln := range l.links {
		if ln.Via != "role" {
			continue
		}
		for w < len(l.doc.words) && l.doc.words[w].start < ln.Start {
			w++
		}
		if w >= len(l.doc.words) {
			break
		}
		last := w
		for last+1 < len(l.doc.words) && l.doc.words[last+1].end <= ln.End {
			last++
		}
		c0, c1 := l.doc.words[w].c0, l.doc.words[last].c1
		if c1-c0 < 2 {
			continue
		}
		var found []span
		l.m.trie.Walk(l.doc.codes[c0+1:c1], func(end, n, p int64) bool {
			e := c0 + 1 + int(end) + 1
			if s, ok := l.m.check(l.doc, e-int(n), e, &l.m.pats[p]); ok {
				found = append(found, s)
			}
			return true
		})
		sortSpans(found)
		next := 0
		for _, s := range found {
			if s.c0 < next {
				continue
			}
			e, _, ok := l.entryHit(s)
			if !ok || (e.Kind != didar.KindOrganization && e.Kind != didar.KindCountry) {
				continue
			}
			next = s.c1
			out = append(out, Link{Start: s.start, End: s.end, Text: l.textOf(s.start, s.end), ActorID: l.entryActor(e.ID), Via: "name"})
		}
	}
	return out
}

func linkIDs(l Link) []string {
	if len(l.ActorIDs) > 0 {
		return l.ActorIDs
	}
	return []string{l.ActorID}
}

// dropOverlaps keeps the first of overlapping links, so that the result
// is always a plain sequence of spans whatever the rules above did.
func dropOverlaps(ls []Link) []Link {
	out := ls[:0]
	end := 0
	for _, l := range ls {
		if l.Start >= end {
			out = append(out, l)
			end = l.End
		}
	}
	return out
}

func sortLinks(ls []Link) {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Start < ls[j].Start })
}

func (l *linker) textOf(start, end int) string { return string(l.doc.text[start:end]) }

func (l *linker) add(start, end int, id, via, rolePhrase string) {
	l.links = append(l.links, Link{Start: start, End: end, Text: l.textOf(start, end), ActorID: id, Via: via, Role: rolePhrase})
}

// entryActor makes sure the dictionary entry id is among the actors.
func (l *linker) entryActor(id string) string {
	if _, ok := l.actors[id]; ok {
		return id
	}
	e, ok := l.d.Entry(id)
	if !ok {
		return ""
	}
	a := &didar.Actor{
		ID: e.ID, Kind: e.Kind, NameFA: e.FA[0], NameEN: didar.NullString(e.EN),
		Country: didar.NullString(e.Country), Sector: didar.NullString(e.Sector),
		Roles: []string{}, InDictionary: true,
	}
	if e.Kind == didar.KindCountry {
		a.Country = didar.NullString(e.ID)
	}
	a.Roles = rolesAt(e, l.at)
	l.actors[id] = a
	l.order = append(l.order, id)
	return id
}

// rolesAt returns the English titles of the roles e held on at; with no
// date, the roles still held.
func rolesAt(e didar.Entry, at didar.Date) []string {
	out := []string{}
	for _, r := range e.Roles {
		if at.IsZero() && !r.To.IsZero() {
			continue
		}
		if r.Holds(at) && r.Title != "" {
			out = appendUnique(out, r.Title)
		}
	}
	return out
}

// newActor adds an actor found in the text only.
func (l *linker) newActor(id string, kind didar.Kind, nameFA, country, sector, rolePhrase string) string {
	if a, ok := l.actors[id]; ok {
		if rolePhrase != "" {
			a.Roles = appendUnique(a.Roles, rolePhrase)
		}
		if a.Country == "" {
			a.Country = didar.NullString(country)
		}
		if a.Sector == "" {
			a.Sector = didar.NullString(sector)
		}
		return id
	}
	a := &didar.Actor{
		ID: id, Kind: kind, NameFA: nameFA, Country: didar.NullString(country),
		Sector: didar.NullString(sector), Roles: []string{},
	}
	if rolePhrase != "" {
		a.Roles = append(a.Roles, rolePhrase)
	}
	l.actors[id] = a
	l.order = append(l.order, id)
	return id
}

func slug(s string) string {
	return strings.ReplaceAll(normalize.Key(s), " ", "-")
}

func (l *linker) has(s span, k hitKind) (hit, bool) {
	for _, h := range s.pat.hits {
		if h.kind == k {
			return h, true
		}
	}
	return hit{}, false
}

// entryHit returns the entry hit of s, persons first.
func (l *linker) entryHit(s span) (didar.Entry, hitKind, bool) {
	var best didar.Entry
	var bk hitKind
	found := false
	rank := map[didar.Kind]int{didar.KindPerson: 0, didar.KindCountry: 1, didar.KindOrganization: 2, didar.KindGroup: 3, didar.KindPlace: 4}
	for _, h := range s.pat.hits {
		switch h.kind {
		case hName, hAdjective, hDemonym, hMetonym:
		default:
			continue
		}
		e, ok := l.d.Entry(h.id)
		if !ok {
			continue
		}
		// A capital's name is read as the state it stands for.
		if e.Kind == didar.KindPlace && l.d.capitalOf[e.ID] != "" {
			if !found {
				best, bk, found = e, h.kind, true
			}
			continue
		}
		if !found || rank[e.Kind] < rank[best.Kind] {
			best, bk, found = e, h.kind, true
		}
	}
	return best, bk, found
}

// adjacent reports whether span j follows span i with nothing between.
func (l *linker) adjacent(i, j int) bool {
	return j < len(l.spans) && i >= 0 && l.spans[j].c0 == l.spans[i].c1
}

// afterComma returns the span right after span i, or after one comma.
func (l *linker) afterComma(i int) (int, bool) {
	j := i + 1
	if j >= len(l.spans) {
		return 0, false
	}
	if l.adjacent(i, j) {
		return j, true
	}
	w := l.spans[i].w1 + 1
	if w < len(l.doc.words) && l.doc.words[w].k == "»" {
		w++ // «name»، role
	}
	if w < len(l.doc.words) && isComma(l.doc.words[w].k) {
		w++
	}
	return j, l.spans[j].w0 == w
}

func isComma(k string) bool { return k == "،" || k == "," }

func (l *linker) main() {
	for i := 0; i < len(l.spans); {
		i = l.step(i)
	}
}

// step reads span i and returns the index of the next unread span.
func (l *linker) step(i int) int {
	s := l.spans[i]
	if _, ok := l.has(s, hTitle); ok {
		if n, ok := l.titled(i); ok {
			return n
		}
	}
	if e, k, ok := l.entryHit(s); ok {
		return l.entry(i, e, k)
	}
	if _, ok := l.has(s, hOffice); ok {
		if r, ok := l.readRole(i); ok {
			return l.roleMention(i, r)
		}
	}
	if _, ok := l.has(s, hHead); ok {
		if r, ok := l.readRole(i); ok {
			return l.roleMention(i, r)
		}
	}
	if h, ok := l.has(s, hGroupNoun); ok {
		if n, ok := l.group(i, h.sector); ok {
			return n
		}
	}
	if h, ok := l.has(s, hListNoun); ok {
		return l.list(i, h.sector)
	}
	if h, ok := l.has(s, hSurname); ok {
		if l.actors[h.id] != nil || l.distinctive(h.id) {
			l.add(s.start, s.end, l.entryActor(h.id), "surname", "")
		}
		return i + 1
	}
	if _, ok := l.has(s, hHome); ok {
		l.add(s.start, s.end, l.entryActor("IRN"), "pronoun", "")
		return i + 1
	}
	for _, h := range s.pat.hits {
		switch h.kind {
		case hCounterpart:
			l.deferred = append(l.deferred, i)
			if _, ok := l.countryAt(i + 1); ok && l.adjacent(i, i+1) {
				return i + 2 // همتای چینی: the adjective belongs to it
			}
			return i + 1
		case hPronoun, hPairPersons, hPairCountries:
			l.deferred = append(l.deferred, i)
			return i + 1
		}
	}
	return i + 1
}

// distinctive reports whether a dictionary surname alone may name the
// person: only someone in office at the article's date is that famous.
func (l *linker) distinctive(id string) bool {
	e, ok := l.d.Entry(id)
	if !ok {
		return false
	}
	for _, r := range e.Roles {
		if r.Holds(l.at) && (!l.at.IsZero() || r.To.IsZero()) {
			return true
		}
	}
	return false
}

// entry links a dictionary name, adjective, demonym or metonym.
func (l *linker) entry(i int, e didar.Entry, k hitKind) int {
	s := l.spans[i]
	if e.Kind == didar.KindCountry && s.pat.letters <= 3 && s.w1+1 < len(l.doc.words) && l.m.light[l.doc.words[s.w1+1].k] {
		return i + 1 // ترک کرد: a compound verb
	}
	if e.Kind == didar.KindCountry && k == hMetonym {
		// A capital listed as a metonym too: keep the place for the
		// extractor's locations.
		for _, h := range s.pat.hits {
			if h.kind == hName && l.d.capitalOf[h.id] == e.ID {
				l.add(s.start, s.end, l.entryActor(e.ID), "capital", "")
				l.links[len(l.links)-1].Place = h.id
				return i + 1
			}
		}
	}
	switch e.Kind {
	case didar.KindPerson:
		id := l.entryActor(e.ID)
		l.add(s.start, s.end, id, "name", "")
		return l.apposition(i, id)
	case didar.KindPlace:
		if c := l.d.capitalOf[e.ID]; c != "" {
			l.add(s.start, s.end, l.entryActor(c), "capital", "")
			l.links[len(l.links)-1].Place = e.ID
			return i + 1
		}
		l.add(s.start, s.end, l.entryActor(e.ID), "name", "")
		l.links[len(l.links)-1].Place = e.ID
		return i + 1
	}
	via := "name"
	switch {
	case k == hAdjective || (s.adj && e.Kind == didar.KindCountry):
		via = "adjective"
	case k == hDemonym:
		via = "demonym"
	case k == hMetonym:
		via = "metonym"
	}
	l.add(s.start, s.end, l.entryActor(e.ID), via, "")
	return i + 1
}

// apposition links a role phrase right after the person of span i (with
// or without a comma) to that person.
func (l *linker) apposition(i int, id string) int {
	j, ok := l.afterComma(i)
	if !ok {
		return i + 1
	}
	r, ok := l.readRole(j)
	if !ok {
		return i + 1
	}
	l.add(r.start, r.end, id, "role", r.phrase)
	l.noteRole(id, r)
	return r.next
}

// noteRole records that person id holds role r in this article, so that
// the role alone names them elsewhere in it.
func (l *linker) noteRole(id string, r role) {
	a := l.actors[id]
	if a == nil || a.Kind != didar.KindPerson {
		return
	}
	if _, ok := l.roleOf[r.key]; !ok {
		l.roleOf[r.key] = id
	}
	if a.InDictionary {
		// The dictionary knows no role for them at the date: keep the
		// office the text gives.
		if len(a.Roles) == 0 && r.key.office != "" && r.title != "" {
			a.Roles = append(a.Roles, r.title)
		}
		return
	}
	a.Roles = appendUnique(a.Roles, r.phrase)
	if a.Country == "" {
		a.Country = didar.NullString(r.key.country)
	}
	if a.Sector == "" {
		a.Sector = didar.NullString(r.sector)
	}
}

// readRole reads the role phrase that starts at span i: an office title
// with its country (and host, for ambassadors), a complete office phrase,
// or a head word followed by an organisation.
func (l *linker) readRole(i int) (role, bool) {
	s := l.spans[i]
	for _, h := range s.pat.hits {
		if h.kind != hOffice {
			continue
		}
		o := l.d.offices[h.id]
		r := role{key: roleKey{office: o.ID}, sector: o.Sector, title: o.EN, start: s.start, end: s.end, next: i + 1}
		if o.Country != "" {
			r.key.country = o.Country
		} else if org, ok := l.orgAt(i + 1); ok && l.adjacent(i, i+1) {
			// دبیرکل حزب ...: the organisation names the country.
			// Any office in that organisation: "رئیس" is a party's
			// leader or a parliament's speaker.
			r.key = roleKey{org: org.ID, country: org.Country}
			if org.Sector != "" {
				r.sector = org.Sector
			}
			r.end = l.spans[i+1].end
			r.next = i + 2
		} else {
			r.key.country = "IRN" // no country: the home country
			r.bare = true
			if c, ok := l.countryAt(i + 1); ok && l.adjacent(i, i+1) {
				r.key.country = c
				r.end = l.spans[i+1].end
				r.next = i + 2
				r.bare = false
			}
			if o.ID == "ambassador" {
				l.readHost(&r)
			}
			if r.bare && orgOffices[o.ID] {
				continue // needs its organisation
			}
		}
		r.phrase = l.textOf(r.start, r.end)
		return r, true
	}
	if h, ok := l.has(s, hHead); ok {
		// A head word and an organisation at most two words on.
		for j := i + 1; j < len(l.spans) && j <= i+1; j++ {
			gap := l.spans[j].w0 - s.w1 - 1
			if gap < 0 || gap > 2 || !l.plainWords(s.w1+1, l.spans[j].w0) {
				break
			}
			e, ok := l.d.Entry(l.spans[j].pat.hits[0].id)
			if !ok || e.Kind != didar.KindOrganization || l.spans[j].pat.hits[0].kind != hName {
				break
			}
			r := role{key: roleKey{org: e.ID, country: e.Country}, sector: e.Sector, title: h.id, start: s.start, end: l.spans[j].end, next: j + 1, head: true}
			if h.id == "ambassador" {
				r.sector = "DIP"
			}
			r.phrase = l.textOf(r.start, r.end)
			return r, true
		}
	}
	return role{}, false
}

// orgOffices are offices held in an organisation, never read without it.
var orgOffices = map[string]bool{"party-leader": true, "organization-head": true}

// orgAt returns the organisation span j names, if any.
func (l *linker) orgAt(j int) (didar.Entry, bool) {
	if j >= len(l.spans) {
		return didar.Entry{}, false
	}
	for _, h := range l.spans[j].pat.hits {
		if h.kind != hName {
			continue
		}
		if e, ok := l.d.Entry(h.id); ok && e.Kind == didar.KindOrganization {
			return e, true
		}
	}
	return didar.Entry{}, false
}

// plainWords reports whether words [a, b) are letters with no span.
func (l *linker) plainWords(a, b int) bool {
	for w := a; w < b; w++ {
		if !l.doc.words[w].letter || l.spanAt[w] >= 0 {
			return false
		}
	}
	return true
}

// countryAt returns the country span j names, if any.
func (l *linker) countryAt(j int) (string, bool) {
	if j >= len(l.spans) {
		return "", false
	}
	if _, ok := l.has(l.spans[j], hHome); ok {
		return "IRN", true
	}
	e, _, ok := l.entryHit(l.spans[j])
	if !ok {
		return "", false
	}
	switch {
	case e.Kind == didar.KindCountry:
		return e.ID, true
	case e.Kind == didar.KindPlace && l.d.capitalOf[e.ID] != "":
		return l.d.capitalOf[e.ID], true
	}
	return "", false
}

// readHost reads "در تهران" after an ambassador's country.
func (l *linker) readHost(r *role) {
	j := r.next
	if j >= len(l.spans) {
		return
	}
	w := l.spans[j-1].w1 + 1
	if w >= len(l.doc.words) || l.doc.words[w].k != "در" || l.spans[j].w0 != w+1 {
		return
	}
	if c, ok := l.countryAt(j); ok {
		r.key.host = c
		r.end = l.spans[j].end
		r.next = j + 1
	}
}

// roleMention links a role phrase that no name came before: to a name
// right after it, to a name read before it, or to the office holder.
func (l *linker) roleMention(i int, r role) int {
	// A name right after: "وزیر امور خارجه چین وانگ یی".
	if r.next < len(l.spans) && l.spans[r.next].c0 == l.spans[r.next-1].c1 {
		if e, _, ok := l.entryHit(l.spans[r.next]); ok && e.Kind == didar.KindPerson {
			id := l.entryActor(e.ID)
			n := l.spans[r.next]
			l.add(r.start, r.end, id, "role", r.phrase)
			l.add(n.start, n.end, id, "name", "")
			return r.next + 1
		}
	}
	// A quoted or plain name right before: "«زونگ پیوو»، سفیر چین در تهران".
	if w0, w1, quoted, ok := l.nameBefore(l.spans[i].w0); ok && !l.linkedAt(l.doc.words[w0].start) {
		start, end := l.doc.words[w0].start, l.doc.words[w1].end
		id := l.resolve(l.nameKey(w0, w1), l.textOf(start, end), &r, "")
		via := "name"
		if quoted {
			via = "quoted-name"
		}
		l.add(start, end, id, via, r.phrase)
		l.add(r.start, r.end, id, "role", r.phrase)
		l.noteRole(id, r)
		return r.next
	}
	// A plain name right after that starts with a known given name:
	// "سفیر ایران در پاکستان رضا امیری مقدم".
	if w := l.spans[r.next-1].w1 + 1; w < len(l.doc.words) && l.d.given[l.doc.words[w].k] {
		w1 := w
		for w1+1 < len(l.doc.words) && w1+1-w < 3 && l.nameWords(w1+1, w1+1, false) {
			w1++
		}
		if w1 > w && l.nameWords(w, w1, false) {
			start, end := l.doc.words[w].start, l.doc.words[w1].end
			id := l.resolve(l.nameKey(w, w1), l.textOf(start, end), &r, "")
			l.add(r.start, r.end, id, "role", r.phrase)
			l.add(start, end, id, "name", r.phrase)
			l.noteRole(id, r)
			return l.skipTo(w1 + 1)
		}
	}
	// A quoted name right after: "وزیر دفاع «وی فنگ هه»".
	if w0, w1, ok := l.quotedAfter(l.spans[r.next-1].w1 + 1); ok {
		start, end := l.doc.words[w0].start, l.doc.words[w1].end
		id := l.resolve(l.nameKey(w0, w1), l.textOf(start, end), &r, "")
		l.add(r.start, r.end, id, "role", r.phrase)
		l.add(start, end, id, "quoted-name", r.phrase)
		l.noteRole(id, r)
		return l.skipTo(w1 + 1)
	}
	if id := l.holder(r); id != "" {
		l.add(r.start, r.end, id, "role", r.phrase)
		return r.next
	}
	// Nobody known holds it: the role phrase names a person of its own.
	if id, ok := l.roleOf[r.key]; ok {
		l.add(r.start, r.end, id, "role", r.phrase)
		return r.next
	}
	id := slug(r.phrase)
	if a, ok := l.actors[id]; ok && a.InDictionary {
		return r.next
	}
	l.newActor(id, didar.KindPerson, r.phrase, r.key.country, r.sector, r.phrase)
	l.roleActors[id] = r
	l.add(r.start, r.end, id, "role", r.phrase)
	return r.next
}

// linkedAt reports whether the last link covers rune p.
func (l *linker) linkedAt(p int) bool {
	n := len(l.links)
	return n > 0 && l.links[n-1].Start <= p && p < l.links[n-1].End
}

// skipTo returns the first span at or after word w.
func (l *linker) skipTo(w int) int {
	for i, s := range l.spans {
		if s.w0 >= w {
			return i
		}
	}
	return len(l.spans)
}

// holder returns the actor id of the person holding r on the article's
// date: one already in the article first, else the latest appointed. With
// no date and several past holders, nobody.
func (l *linker) holder(r role) string {
	hs := l.d.holders(r.key, l.at)
	for _, h := range hs {
		if l.actors[l.d.entries[h].ID] != nil {
			return l.d.entries[h].ID
		}
	}
	if len(hs) == 0 {
		return ""
	}
	if l.at.IsZero() {
		if len(hs) > 1 {
			return ""
		}
		// With no date only a current holder is safe.
		if !l.d.currentIn(hs[0], r.key) {
			return ""
		}
	}
	return l.entryActor(l.d.entries[hs[0]].ID)
}

func (d *Dictionary) currentIn(i int, k roleKey) bool {
	for _, r := range d.entries[i].Roles {
		if (k.office == "" || r.Office == k.office) && (k.org == "" || r.Org == k.org) && r.To.IsZero() {
			return true
		}
	}
	return false
}

// nameKey is the matching key of words [w0, w1].
func (l *linker) nameKey(w0, w1 int) string {
	var parts []string
	for w := w0; w <= w1; w++ {
		if l.doc.words[w].letter {
			parts = append(parts, l.doc.words[w].k)
		}
	}
	return strings.Join(parts, " ")
}

// nameBefore finds a name ending right before word w: «...» or up to three
// plain words after a sentence start, punctuation or a conjunction.
func (l *linker) nameBefore(w int) (w0, w1 int, quoted, ok bool) {
	j := w - 1
	if j >= 0 && isComma(l.doc.words[j].k) {
		j--
	}
	if j < 0 {
		return
	}
	if l.doc.words[j].k == "»" {
		for k := j - 1; k >= 0 && k >= j-5; k-- {
			if l.doc.words[k].k == "«" {
				if k+1 <= j-1 && l.nameWords(k+1, j-1, true) {
					return k + 1, j - 1, true, true
				}
				return
			}
		}
		return
	}
	end := j
	k := j
	for k >= 0 && end-k < 3 && l.doc.words[k].letter && l.spanAt[k] < 0 && !l.m.stop[l.doc.words[k].k] {
		k--
	}
	if k == end {
		return
	}
	// What comes before the name must end a clause or join one; after a
	// conjunction the words must also look like a name.
	if k >= 0 {
		prev := l.doc.words[k]
		if prev.letter && prev.k != "که" && prev.k != "و" && prev.k != "با" {
			return
		}
		if prev.letter && l.spanAt[k] >= 0 {
			return
		}
		if prev.letter && !l.looksLikeName(l.nameKey(k+1, end)) && !l.known(l.nameKey(k+1, end)) {
			return
		}
	}
	if !l.nameWords(k+1, end, false) {
		return
	}
	return k + 1, end, false, true
}

// nameWords reports whether words [a, b] can be a person's name.
func (l *linker) nameWords(a, b int, quoted bool) bool {
	if b-a > 3 {
		return false
	}
	for w := a; w <= b; w++ {
		x := l.doc.words[w]
		if !x.letter || len([]rune(x.k)) < 2 || isDigits(x.k) {
			return false
		}
		if !quoted && (l.m.stop[x.k] || l.spanAt[w] >= 0) {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// quotedAfter finds «name» starting at word w.
func (l *linker) quotedAfter(w int) (w0, w1 int, ok bool) {
	if w >= len(l.doc.words) || l.doc.words[w].k != "«" {
		return
	}
	for k := w + 1; k < len(l.doc.words) && k <= w+5; k++ {
		if l.doc.words[k].k == "»" {
			if k-1 >= w+1 && l.nameWords(w+1, k-1, true) {
				return w + 1, k - 1, true
			}
			return
		}
	}
	return
}

// titleInfo gives the country and sector a title implies, if any.
func titleInfo(k string) (country, sector string) {
	switch {
	case strings.HasPrefix(k, "امیر") || strings.HasPrefix(k, "سردار") || strings.HasPrefix(k, "سرتیپ") ||
		strings.HasPrefix(k, "سرلشکر") || strings.HasPrefix(k, "سرهنگ") || strings.HasPrefix(k, "سپهبد") ||
		strings.HasPrefix(k, "دریادار"):
		return "IRN", "MIL"
	case strings.HasPrefix(k, "ژنرال"):
		return "", "MIL"
	case strings.HasPrefix(k, "ایت") || strings.HasPrefix(k, "حجت"):
		return "IRN", "REL"
	}
	return "", ""
}

// titled reads a title and the name after it.
func (l *linker) titled(i int) (int, bool) {
	s := l.spans[i]
	titleKey := s.pat.key
	// A dictionary name or surname right after.
	if i+1 < len(l.spans) && l.adjacent(i, i+1) {
		n := l.spans[i+1]
		if e, _, ok := l.entryHit(n); ok && e.Kind == didar.KindPerson {
			id := l.entryActor(e.ID)
			l.add(n.start, n.end, id, "name", "")
			return l.apposition(i+1, id), true
		}
		if h, ok := l.has(n, hSurname); ok {
			id := l.entryActor(h.id)
			l.add(n.start, n.end, id, "title", "")
			return l.apposition(i+1, id), true
		}
		// A longer title: امیر سرتیپ is read as one already.
	}
	w := s.w1 + 1
	var w0, w1 int
	quoted := false
	start := 0
	switch {
	case s.glued:
		// دکترلیوجیان: the name starts inside the title's word.
		w0, w1 = s.w1, s.w1
		for w1+1 < len(l.doc.words) && w1-w0 < 2 && l.nameWords(w1+1, w1+1, false) {
			w1++
		}
		start = s.end
	default:
		if a, b, ok := l.quotedAfter(w); ok {
			w0, w1, quoted = a, b, true
		} else {
			// Two words at most: a third is more often the verb.
			w0, w1 = w, w-1
			for w1+1 < len(l.doc.words) && w1+1-w0 < 2 && l.nameWords(w1+1, w1+1, false) {
				w1++
			}
			if w1 < w0 {
				return 0, false
			}
		}
		start = l.doc.words[w0].start
	}
	end := l.doc.words[w1].end
	key := l.nameKey(w0, w1)
	if s.glued {
		key = normalize.Key(l.textOf(start, end))
	}
	// A role right after the name: apposition.
	var r *role
	next := l.skipTo(w1 + 1)
	if wn := w1 + 1; wn < len(l.doc.words) {
		if isComma(l.doc.words[wn].k) || (quoted && l.doc.words[wn].k == "»") {
			wn++
		}
		if quoted && wn < len(l.doc.words) && isComma(l.doc.words[wn].k) {
			wn++
		}
		if j := l.skipTo(wn); j < len(l.spans) && l.spans[j].w0 == wn {
			if rr, ok := l.readRole(j); ok {
				r = &rr
			}
		}
	}
	if r == nil && !quoted && !l.looksLikeName(key) && !l.known(key) {
		// "آقای مدیر", "مهندس ساختمان": a title before an ordinary word.
		return next, true
	}
	id := l.resolve(key, l.textOf(start, end), r, titleKey)
	via := "title"
	if quoted {
		via = "quoted-name"
	}
	l.add(start, end, id, via, "")
	if r != nil {
		l.add(r.start, r.end, id, "role", r.phrase)
		l.noteRole(id, *r)
		next = r.next
	}
	return next, true
}

// looksLikeName reports whether key, read after a title with nothing
// else to confirm it, has the shape of a person's name: a given name the
// dictionary knows followed by a surname, or words ending the way Persian
// surnames do.
func (l *linker) looksLikeName(key string) bool {
	words := strings.Fields(key)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	if len(words) >= 2 && l.d.given[words[0]] {
		return true
	}
	return surnameShape(words[len(words)-1])
}

// surnameShape reports whether w ends like a Persian family name.
func surnameShape(w string) bool {
	if len([]rune(w)) < 4 {
		return false
	}
	for _, end := range []string{"پور", "زاده", "نژاد", "نیا", "فر", "راد", "وند", "لو", "یان", "ی"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// known reports whether key names a person already in the article or is
// close to a dictionary person's name.
func (l *linker) known(key string) bool {
	for _, id := range l.order {
		if a := l.actors[id]; a.Kind == didar.KindPerson && containsWord(l.nameKeyOf(a), key) {
			return true
		}
	}
	sk := skeletonFA(key)
	if len(sk) < 4 {
		return false
	}
	for i := range l.d.persons {
		if l.d.persons[i].score(sk) >= 0.8 {
			return true
		}
	}
	return false
}

// resolve links a name read from the text (after a title, before or after
// a role) to an actor: a person already in the article, the holder of the
// role next to it, a dictionary person whose name is a variant spelling,
// or a new person.
func (l *linker) resolve(key, display string, r *role, title string) string {
	sk := skeletonFA(key)
	// Part of a person already named: a given name or surname alone.
	for _, id := range l.order {
		a := l.actors[id]
		if a.Kind != didar.KindPerson {
			continue
		}
		if containsWord(l.nameKeyOf(a), key) {
			return id
		}
	}
	roleCountry := ""
	if r != nil {
		roleCountry = r.key.country
		hs := l.d.holders(r.key, l.at)
		for _, h := range hs {
			p := l.skelOf(h)
			if p == nil {
				continue
			}
			if len(sk) <= 2 || p.score(sk) >= 0.5 {
				return l.entryActor(l.d.entries[h].ID)
			}
		}
	}
	best, bestScore := -1, 0.0
	for pi := range l.d.persons {
		p := &l.d.persons[pi]
		e := l.d.entries[p.i]
		if roleCountry != "" && e.Country != "" && e.Country != roleCountry {
			continue
		}
		if sc := p.score(sk); sc > bestScore {
			best, bestScore = p.i, sc
		}
	}
	need := 0.8
	if len(sk) < 4 {
		need = 1.01 // short skeletons are too ambiguous alone
	}
	if best >= 0 && bestScore >= need {
		return l.entryActor(l.d.entries[best].ID)
	}
	country, sector := titleInfo(title)
	rolePhrase := ""
	if r != nil {
		country, sector, rolePhrase = r.key.country, r.sector, r.phrase
		if r.key.host != "" || sector == "" {
			if r.title == "ambassador" || r.key.office == "ambassador" || r.key.office == "un-ambassador" {
				sector = "DIP"
			}
		}
	}
	return l.newActor(slug(display), didar.KindPerson, display, country, sector, rolePhrase)
}

// nameKeyOf returns the matching key of a's Persian name, computed once.
func (l *linker) nameKeyOf(a *didar.Actor) string {
	k, ok := l.keys[a.ID]
	if !ok {
		k = normalize.Key(a.NameFA)
		l.keys[a.ID] = k
	}
	return k
}

func (l *linker) skelOf(entry int) *personSkel {
	for i := range l.d.persons {
		if l.d.persons[i].i == entry {
			return &l.d.persons[i]
		}
	}
	return nil
}

// containsWord reports whether the words of part appear in whole, in order
// and whole.
func containsWord(whole, part string) bool {
	if part == "" {
		return false
	}
	return whole == part || strings.HasPrefix(whole, part+" ") || strings.HasSuffix(whole, " "+part) ||
		strings.Contains(whole, " "+part+" ")
}

// group reads a collective noun followed by a country: احزاب چینی.
func (l *linker) group(i int, sector string) (int, bool) {
	if !l.adjacent(i, i+1) {
		return 0, false
	}
	c, ok := l.countryAt(i + 1)
	if !ok {
		return 0, false
	}
	s, n := l.spans[i], l.spans[i+1]
	name := l.textOf(s.start, n.end)
	id := "group-" + strings.ToLower(c)
	if sector != "" {
		id += "-" + strings.ToLower(sector)
	}
	l.newActor(id, didar.KindGroup, name, c, sector, "")
	l.add(s.start, n.end, id, "group", "")
	return i + 2, true
}

// list reads names listed after a plural role noun: "دبیران کل احزاب
// کشور ازجمله، X، Y و خانم Z".
func (l *linker) list(i int, sector string) int {
	s := l.spans[i]
	country := "IRN"
	w := s.w1 + 1
	// The list starts after ازجمله, از جمله or a colon within five words.
	startAt := -1
	for k := w; k < len(l.doc.words) && k <= w+5; k++ {
		x := l.doc.words[k].k
		if strings.HasSuffix(x, "ازجمله") || x == ":" || (x == "جمله" && k > 0 && l.doc.words[k-1].k == "از") {
			startAt = k + 1
			break
		}
		if sp := l.spanAt[k]; sp >= 0 {
			if c, ok := l.countryAt(sp); ok {
				country = c
			}
		}
	}
	if startAt < 0 {
		return i + 1
	}
	var names [][2]int
	k := startAt
	for k < len(l.doc.words) && len(names) < 30 {
		x := l.doc.words[k]
		if isComma(x.k) {
			k++
			continue
		}
		if !x.letter {
			break
		}
		a := k
		if _, ok := l.titleWord(x.k); ok {
			a = k + 1
		} else if _, ok := l.titleWord(strings.TrimPrefix(x.k, "و")); ok && strings.HasPrefix(x.k, "و") && len(names) > 0 {
			a = k + 1 // وخانم: the conjunction glued to a title
		}
		b := a
		for b < len(l.doc.words) && b-a < 2 && l.doc.words[b].letter && !l.m.stop[l.doc.words[b].k] && l.plainInList(b) {
			if _, ok := l.titleWord(l.doc.words[b].k); ok {
				break
			}
			b++
		}
		if b == a {
			break
		}
		names = append(names, [2]int{a, b - 1})
		k = b
		if k < len(l.doc.words) && l.doc.words[k].k == "و" {
			k++
			continue
		}
		if k < len(l.doc.words) && strings.HasPrefix(l.doc.words[k].k, "و") {
			if _, ok := l.titleWord(strings.TrimPrefix(l.doc.words[k].k, "و")); ok {
				continue
			}
		}
		if k < len(l.doc.words) && !isComma(l.doc.words[k].k) {
			break
		}
	}
	if len(names) < 2 {
		return i + 1
	}
	for _, nm := range names {
		start, end := l.doc.words[nm[0]].start, l.doc.words[nm[1]].end
		disp := l.textOf(start, end)
		id := l.resolveListed(l.nameKey(nm[0], nm[1]), disp, country, sector)
		l.add(start, end, id, "name", "")
	}
	return l.skipTo(names[len(names)-1][1] + 1)
}

// plainInList reports whether word w can be part of a listed name: no
// span, or only a surname (a famous surname is often shared: کنعانی مقدم).
func (l *linker) plainInList(w int) bool {
	sp := l.spanAt[w]
	if sp < 0 {
		return true
	}
	for _, h := range l.spans[sp].pat.hits {
		if h.kind != hSurname {
			return false
		}
	}
	return true
}

func (l *linker) resolveListed(key, disp, country, sector string) string {
	sk := skeletonFA(key)
	for pi := range l.d.persons {
		p := &l.d.persons[pi]
		e := l.d.entries[p.i]
		if e.Country != country {
			continue
		}
		for _, n := range e.FA {
			if containsWord(normalize.Key(n), key) && len(sk) >= 4 {
				return l.entryActor(e.ID)
			}
		}
	}
	return l.newActor(slug(disp), didar.KindPerson, disp, country, sector, "")
}

func (l *linker) titleWord(k string) (string, bool) {
	if i, ok := l.m.index[k]; ok {
		for _, h := range l.m.pats[i].hits {
			if h.kind == hTitle {
				return k, true
			}
		}
	}
	return "", false
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
		if !ok {
			// A dictionary holder named elsewhere in the article.
			for _, h := range l.d.holders(r.key, l.at) {
				if hid := l.d.entries[h].ID; mentioned[hid] {
					named, ok = hid, true
					break
				}
			}
		}
		if !ok && !r.bare && !r.head {
			continue
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
	note := func(name, id string, first int) {
		k := normalize.Key(name)
		i := strings.LastIndexByte(k, ' ')
		if i < 0 || len([]rune(k[i+1:])) < 3 {
			return
		}
		last := k[i+1:]
		if _, ok := exact[last]; !ok {
			exact[last] = sn{id, first}
		}
		if sk := skeletonFA(last); len(sk) >= 4 {
			if _, ok := skel[sk]; !ok {
				skel[sk] = sn{id, first}
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
			note(a.NameFA, a.ID, ln.End)
			continue
		}
		e, _ := l.d.Entry(a.ID)
		if surnameOf(e.FA[0], e.Country) == "" {
			continue
		}
		for _, n := range e.FA {
			note(n, a.ID, ln.End)
		}
	}
	if len(exact) == 0 {
		return
	}
	covered := make([]bool, len(l.doc.text)+1)
	for _, ln := range l.links {
		for p := ln.Start; p < ln.End; p++ {
			covered[p] = true
		}
	}
	for _, w := range l.doc.words {
		if !w.letter || covered[w.start] || l.m.stop[w.k] {
			continue
		}
		s, ok := exact[w.k]
		if !ok && len(w.k) >= 8 {
			s, ok = skel[skeletonFA(w.k)]
		}
		if ok && w.start >= s.first {
			l.add(w.start, w.end, s.id, "surname", "")
		}
	}
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
				}
				if id != "" {
					l.add(s.start, s.end, id, "pronoun", "")
				}
			case hCounterpart:
				c, ok := l.countryAt(i + 1)
				if !ok || !l.adjacent(i, i+1) {
					continue
				}
				n := l.spans[i+1]
				best := ""
				for _, id := range persons {
					if string(l.actors[id].Country) == c && (best == "" || count[id] > count[best]) {
						best = id
					}
				}
				if best != "" {
					l.add(s.start, n.end, best, "counterpart", "")
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
		for _, r := range l.doc.text[prev.end:l.doc.words[w].start] {
			if r == '\n' {
				return true
			}
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
	for j := i - 1; j >= 0 && links[j].Start >= from; j-- {
		a := l.actors[links[j].ActorID]
		if a != nil && a.Kind == didar.KindPerson && a.ID != skip {
			return a.ID
		}
	}
	return ""
}

// sentences returns the rune offsets where sentences start.
func (l *linker) sentences() []int {
	out := []int{0}
	for i, r := range l.doc.text {
		switch r {
		case '.', '!', '?', '؟', '\n':
			out = append(out, i+1)
		}
	}
	return out
}
