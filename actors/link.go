package actors

import (
	"cmp"
	"slices"
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
	Links []Link // in text order, non-overlapping
	// Actors holds every linked actor with its mentions and its roles at
	// the date (the role phrases read, for actors not in the dictionary),
	// and also the organisations and countries named inside role phrases,
	// whose mentions overlap the role's link.
	Actors map[string]didar.Actor
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
	roleOf     map[roleKey]string  // a named new person's role
	deferred   []int               // span indexes read after the main pass
	keys       map[string]string   // actor id → key of its Persian name
	byWord     map[string][]string // a word of a person's name → the persons, in order
	near       map[string]bool     // known's answers about the dictionary, by key
	holdersAt  map[roleKey][]int   // holders' answers at the article's date
	held       []heldLink          // role phrases linked to the office holder
	guessed    map[string]bool     // new persons whose country a bare title gave
}

// Link finds and links every actor mention in text (display form) as of
// the article date at (zero when unknown).
func (d *Dictionary) Link(text string, at didar.Date) Result {
	l := &linker{
		d: d, m: d.m, at: at, actors: map[string]*didar.Actor{},
		roleActors: map[string]role{}, roleOf: map[roleKey]string{}, keys: map[string]string{},
		byWord: map[string][]string{}, near: map[string]bool{}, holdersAt: map[roleKey][]int{}, guessed: map[string]bool{},
	}
	l.doc = d.m.prepare(text)
	l.spans = d.m.find(l.doc)
	l.spanAt = slices.Grow(l.doc.spanAt[:0], len(l.doc.words))[:len(l.doc.words)]
	l.doc.spanAt = l.spanAt
	for i := range l.spanAt {
		l.spanAt[i] = -1
	}
	for i, s := range l.spans {
		for w := s.w0; w <= s.w1; w++ {
			l.spanAt[w] = i
		}
	}
	l.main()
	l.namedHolders()
	l.mergeRoleActors()
	l.repeatedNames()
	l.ledBy()
	l.localSurnames()
	sortLinks(l.links)
	l.late()
	sortLinks(l.links)
	l.links = dropOverlaps(l.links)
	l.titledNames()
	l.roleGroups()

	res := Result{Links: l.links, Actors: make(map[string]didar.Actor, len(l.actors))}
	for _, ln := range append(l.links, l.inner()...) {
		for _, id := range linkIDs(ln) {
			a := l.actors[id]
			if a == nil {
				continue
			}
			a.Mentions = append(a.Mentions, didar.Mention{Start: ln.Start, End: ln.End, Text: ln.Text, Via: ln.Via})
		}
	}
	for id, a := range l.actors {
		if len(a.Mentions) > 0 {
			slices.SortStableFunc(a.Mentions, func(x, y didar.Mention) int { return cmp.Compare(x.Start, y.Start) })
			res.Actors[id] = *a
		}
	}
	d.m.release(l.doc)
	return res
}

// titledNames gives a bare office that stands right before another
// person's name to that person: in "رئیس‌جمهور پوتین" and "وزیر خارجه
// لاوروف" the office is the title of the name after it, not the office
// holder of the outlet's country that the phrase alone resolved to.
func (l *linker) titledNames() {
	for i := 0; i+1 < len(l.links); i++ {
		r, n := &l.links[i], l.links[i+1]
		if r.Via != "role" || r.ActorID == n.ActorID || len(r.ActorIDs) > 0 {
			continue
		}
		if n.Via != "name" && n.Via != "surname" && n.Via != "quoted-name" {
			continue
		}
		holder, person := l.actors[r.ActorID], l.actors[n.ActorID]
		if holder == nil || person == nil || !holder.InDictionary || holder.Kind != didar.KindPerson || person.Kind != didar.KindPerson {
			continue
		}
		if strings.TrimSpace(strings.Trim(l.textOf(r.End, n.Start), "«\"‌")) != "" {
			continue
		}
		r.ActorID = n.ActorID
	}
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
		cs := l.doc.cands
		k := sort.Search(len(cs), func(k int) bool { return cs[k].c0 > c0 })
		next := 0
		for ; k < len(cs) && cs[k].c0 < c1; k++ {
			s := cs[k]
			if s.c0 < next || s.c1 > c1 {
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
	slices.SortStableFunc(ls, func(x, y Link) int { return cmp.Compare(x.Start, y.Start) })
}

func (l *linker) textOf(start, end int) string { return l.doc.slice(start, end) }

func (l *linker) add(start, end int, id, via, rolePhrase string) {
	if l.actors[id] == nil {
		return // an id the dictionary lacks (a user dictionary without IRN)
	}
	l.links = append(l.links, Link{Start: start, End: end, Text: l.textOf(start, end), ActorID: id, Via: via, Role: rolePhrase})
}

// holders is Dictionary.holders at the article's date, asked once per
// role: an article names the same roles again and again.
func (l *linker) holders(k roleKey) []int {
	hs, ok := l.holdersAt[k]
	if !ok {
		hs = l.d.holders(k, l.at)
		l.holdersAt[k] = hs
	}
	return hs
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
	l.indexWords(a)
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
	l.indexWords(a)
	return id
}

// indexWords records the words of a person's name for namedPerson.
func (l *linker) indexWords(a *didar.Actor) {
	if a.Kind != didar.KindPerson {
		return
	}
	var words []string
	if i, ok := l.d.byID[a.ID]; ok && a.InDictionary {
		words = l.d.nameWords[i]
	} else {
		words = strings.Fields(l.nameKeyOf(a))
	}
	for _, w := range words {
		l.byWord[w] = append(l.byWord[w], a.ID)
	}
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
		if !found || kindRank(e.Kind) < kindRank(best.Kind) {
			best, bk, found = e, h.kind, true
		}
	}
	return best, bk, found
}

// kindRank orders the kinds entryHit prefers: persons first.
func kindRank(k didar.Kind) int {
	switch k {
	case didar.KindPerson:
		return 0
	case didar.KindCountry:
		return 1
	case didar.KindOrganization:
		return 2
	case didar.KindGroup:
		return 3
	case didar.KindPlace:
		return 4
	}
	return 0 // as a map lookup of an unknown kind gave
}

// adjacent reports whether span j follows span i with nothing between.
func (l *linker) adjacent(i, j int) bool {
	if j >= len(l.spans) || i < 0 {
		return false
	}
	a, b := l.spans[i], l.spans[j]
	if b.c0 == a.c1 {
		return true
	}
	// A suffix ends a's last word ("سنای فرانسه"); fillers may follow.
	if a.end != l.doc.words[a.w1].end || b.c0 != l.doc.words[b.w0].c0 {
		return false
	}
	w := a.w1 + 1
	for w < len(l.doc.words) && l.doc.words[w].filler {
		w++
	}
	return b.w0 == w
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
	if w < len(l.doc.words) && closeQuote(l.doc.words[w].k) {
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
	if _, ok := l.has(s, hDeputy); ok {
		if r, ok := l.readRole(i); ok {
			return l.roleMention(i, r)
		}
	}
	if h, ok := l.has(s, hGroupNoun); ok {
		if n, ok := l.group(i, h.sector); ok {
			return n
		}
	}
	if h, ok := l.has(s, hPluralRole); ok && l.pluralRole(i, h.sector) {
		return i + 1
	}
	if h, ok := l.has(s, hListNoun); ok {
		return l.list(i, h.sector)
	}
	if h, ok := l.has(s, hSurname); ok {
		if w := s.w1 + 1; l.actors[h.id] == nil && w < len(l.doc.words) && s.end == l.doc.words[s.w1].end &&
			l.spanAt[w] < 0 && l.uncommon(w) {
			// رشید مردف: a given name, the start of a name the
			// dictionary lacks, not Abdul Latif Rashid's surname.
			return i + 1
		}
		if w := s.w0 - 1; l.givenBefore(w) && s.start == l.doc.words[s.w0].start {
			// جواد لاریجانی: a given name before a dictionary surname
			// that is not that person's name is a namesake.
			start := l.doc.words[w].start
			id := l.namedPerson(l.nameKey(w, s.w1))
			if id == "" {
				id = l.newActor(slug(l.textOf(start, s.end)), didar.KindPerson, l.textOf(start, s.end), "", "", "")
			}
			l.add(start, s.end, id, "name", "")
			return l.apposition(i, id)
		}
		if id := l.namedPerson(normalize.Key(l.textOf(s.start, s.end))); id != "" {
			l.add(s.start, s.end, id, "surname", "") // the article's own namesake
		} else if l.actors[h.id] != nil || l.distinctive(h.id) {
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
			if h.id != "" {
				return i + 1 // همتای ترک: the country is in the phrase
			}
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

// givenBefore reports whether word w is a given name, three letters or
// more, that starts a name: after a clause start, a stop word, or a
// name the dictionary knows, not inside a noun phrase («انتقال قدرت
// ترامپ»).
func (l *linker) givenBefore(w int) bool {
	if w < 0 || l.spanAt[w] >= 0 || !l.d.given[l.doc.words[w].k] || len([]rune(l.doc.words[w].k)) < 3 {
		return false
	}
	return w == 0 || !l.doc.words[w-1].letter || l.m.stop[l.doc.words[w-1].k] || l.spanAt[w-1] >= 0
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
	// "وزارت امور خارجه ازبکستان": a national body's bare name followed by
	// another country is that country's body, not the one the name defaults to;
	// "وزارت خارجه طالبان": followed by a body, that body's country's;
	// "وزارت امور خارجه دولت موقت سوریه": with the government between.
	if j := l.ownerSpan(i); e.Kind == didar.KindOrganization && e.Country != "" && j > i {
		c, ok := l.countryAt(j)
		if o, _, found := l.entryHit(l.spans[j]); !ok && found && o.Kind == didar.KindOrganization && o.Country != "" {
			c, ok = o.Country, true
		}
		if ok && c != e.Country {
			n := l.spans[j]
			id := "group-" + strings.ToLower(c)
			if e.Sector != "" {
				id += "-" + strings.ToLower(e.Sector)
			}
			l.newActor(id, didar.KindGroup, l.textOf(s.start, n.end), c, e.Sector, "")
			l.add(s.start, n.end, id, "group", "")
			return j + 1
		}
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

// ownerSpan returns the span that may name whose body span i is: the next
// one, adjacent, or after "دولت" (and "موقت"/"انتقالی"); -1 when none.
func (l *linker) ownerSpan(i int) int {
	if l.adjacent(i, i+1) {
		if j := i + 1; l.doc.words[l.spans[j].w0].k != "دولت" || l.spans[j].w1 > l.spans[j].w0 {
			return j
		}
	}
	w := l.spans[i].w1 + 1
	if w >= len(l.doc.words) || l.doc.words[w].k != "دولت" {
		return -1
	}
	w++
	if w < len(l.doc.words) && (l.doc.words[w].k == "موقت" || l.doc.words[w].k == "انتقالی") {
		w++
	}
	for j := i + 1; j < len(l.spans) && j <= i+3; j++ {
		if l.spans[j].w0 == w {
			return j
		}
	}
	return -1
}
