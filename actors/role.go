package actors

import (
	"sort"
	"strings"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/normalize"
)

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
	former bool // سابق: held before, not by the holder at the date
	head   bool // a head word and an organisation, no office
	// deputy: a deputy, envoy, spokesperson or adviser of an office or
	// country ("معاون وزیر خارجه آمریکا"), never its holder.
	deputy bool
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
	// "... بشار اسد\nرئیس جمهور روسیه": a known person does not hold
	// another country's office (a headline's last name and the lead's role).
	if a := l.actors[id]; a != nil && a.InDictionary && a.Country != "" && r.key.country != "" && !r.deputy && string(a.Country) != r.key.country {
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
	if _, ok := l.roleOf[r.key]; !ok && !r.former {
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
	// A bare title's country (Iran's) is a guess that a role naming
	// its country replaces (دستیار وزیر خارجه ... دستیار وزیر امور خارجه آمریکا).
	if !r.bare && r.key.country != "" && l.guessed[id] {
		a.Country, a.Sector = "", ""
		delete(l.guessed, id)
	}
	if a.Country == "" {
		a.Country = didar.NullString(r.key.country)
		if r.bare {
			l.guessed[id] = true
		}
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
	if r, ok := l.readDeputy(i); ok {
		return r, true
	}
	for _, h := range s.pat.hits {
		if h.kind != hOffice {
			continue
		}
		o := l.d.offices[h.id]
		// Unnamed, a governor or a consul is their government acting,
		// as a deputy is.
		r := role{key: roleKey{office: o.ID}, sector: o.Sector, title: o.EN, start: s.start, end: s.end, next: i + 1, deputy: subordinate[o.ID]}
		if o.Country != "" {
			r.key.country = o.Country
		} else if org, ok := l.orgAt(i + 1); ok && l.adjacent(i, i+1) {
			// دبیرکل حزب ...: the organisation names the country.
			// Any office in that organisation: "رئیس" is a party's
			// leader or a parliament's speaker.
			r.key = roleKey{org: org.ID, country: org.Country}
			if subordinate[o.ID] {
				// استاندار طالبان: an office under the organisation,
				// not its head.
				r.key = roleKey{office: o.ID, country: org.Country}
			}
			if org.Sector != "" {
				r.sector = org.Sector
			}
			r.end = l.spans[i+1].end
			r.next = i + 2
		} else {
			r.key.country = "IRN" // no country: the home country
			r.bare = true
			next := l.adjacent(i, i+1)
			// وزیر خارجه سابق آمریکا: someone who held it before.
			if w := s.w1 + 1; w < len(l.doc.words) && l.m.former[l.doc.words[w].k] {
				r.former = true
				r.end = l.doc.words[w].end
				next = i+1 < len(l.spans) && l.spans[i+1].w0 == w+1
			}
			if c, ok := l.countryAt(i + 1); ok && next {
				r.key.country = c
				r.end = l.spans[i+1].end
				r.next = i + 2
				r.bare = false
			} else if c, end, ok := l.thisCountry(r.end); ok {
				// وزیر خارجه این کشور: the country named last.
				r.key.country = c
				r.end = end
				r.bare = false
			}
			if o.ID == "ambassador" || o.ID == "un-ambassador" || o.ID == "consul-general" {
				l.readHost(&r)
			}
			if r.bare && orgOffices[o.ID] {
				continue // needs its organisation
			}
			if r.bare && l.insideName(s) {
				continue // عبدالله شاه محسود: a word of a name
			}
			if w := l.wordFrom(r.end); r.bare && w < len(l.doc.words) && l.doc.words[w].k == "ما" {
				continue // رئیس جمهور ما: the speaker's country, unknown here
			}
			if w := l.wordFrom(r.end); r.bare && w < len(l.doc.words) && l.doc.words[w].k == "کشور" && l.spanAt[w] < 0 &&
				(w+1 >= len(l.doc.words) || l.spanAt[w+1] < 0) {
				// رئیس جمهور کشور: the outlet's own country, which
				// Afghan and Iranian papers alike write so; not known here.
				r.key.country, r.bare, r.end = "", false, l.doc.words[w].end
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
		if h.id == "minister" {
			if r, ok := l.portfolio(i); ok {
				return r, true
			}
		}
	}
	return role{}, false
}

// portfolio reads a minister of a portfolio the offices do not list
// («وزیر نفت», «وزیر راه و شهرسازی»): one to three common words, joined
// by و, then the country if one is named (Iran's when none is). Nobody
// in the dictionary holds it: it names whoever stands next to it.
func (l *linker) portfolio(i int) (role, bool) {
	s := l.spans[i]
	w, last := s.w1+1, -1
	for n := 0; w < len(l.doc.words) && n < 3; w++ {
		x := l.doc.words[w]
		if x.k == "و" && last >= 0 {
			continue
		}
		if !x.letter || l.spanAt[w] >= 0 || l.m.stop[x.k] || l.m.saying[x.k] || !normalize.Common(x.k) {
			break
		}
		last, n = w, n+1
	}
	if last < 0 {
		return role{}, false
	}
	r := role{key: roleKey{office: "minister:" + l.nameKey(s.w1+1, last), country: "IRN"}, sector: "GOV", title: "minister",
		start: s.start, end: l.doc.words[last].end, next: l.skipTo(last + 1), bare: true}
	if j := r.next; j < len(l.spans) && l.spans[j].w0 == last+1 {
		if c, ok := l.countryAt(j); ok {
			r.key.country, r.bare, r.end, r.next = c, false, l.spans[j].end, j+1
		}
	}
	r.phrase = l.textOf(r.start, r.end)
	return r, true
}

// nameAfter finds a name the dictionary lacks right after rune p (the end
// of a role phrase), after a comma or not: two or three words shaped
// like a name.
func (l *linker) nameAfter(p int) (w0, w1 int, ok bool) {
	w := l.wordFrom(p)
	comma := w < len(l.doc.words) && isComma(l.doc.words[w].k)
	if comma {
		w++
	}
	w1 = w - 1
	for w1+1 < len(l.doc.words) && w1+1-w < 3 && l.plainInList(w1+1) && (l.uncommon(w1+1) || l.d.given[l.doc.words[w1+1].k]) {
		w1++
	}
	for w1 > w && !l.uncommon(w1) {
		w1-- // a given name that is a common word ends no name
	}
	if w1 <= w || !l.nameLike(w, w1, comma) || !l.nameWords(w, w1, false) {
		return 0, 0, false
	}
	// نخست وزیر کابینه موقت طالبان: words that an organisation or a
	// country ends are still the role's.
	if n := w1 + 1; n < len(l.doc.words) && l.spanAt[n] >= 0 {
		if e, _, ok := l.entryHit(l.spans[l.spanAt[n]]); ok && e.Kind != didar.KindPerson {
			return 0, 0, false
		}
	}
	return w, w1, true
}

// wordFrom returns the index of the first word starting at or after rune p.
func (l *linker) wordFrom(p int) int {
	return sort.Search(len(l.doc.words), func(w int) bool { return l.doc.words[w].start >= p })
}

// appositionBefore reports whether a comma and an uncommon word, the end
// of a name not read, come right before word w.
func (l *linker) appositionBefore(w int) bool {
	return w >= 2 && isComma(l.doc.words[w-1].k) && l.spanAt[w-2] < 0 && l.uncommon(w-2)
}

// insideName reports whether span s, one word, stands between two words
// of a name: a name word or given name before it, an uncommon word after.
func (l *linker) insideName(s span) bool {
	a, b := s.w0-1, s.w1+1
	if s.w0 != s.w1 || a < 0 || b >= len(l.doc.words) || !l.plainInList(a) || !l.plainInList(b) {
		return false
	}
	return (l.uncommon(a) || l.d.given[l.doc.words[a].k]) && l.uncommon(b)
}

// subordinate are offices an organisation names many of: followed by
// one they name its official, never its head.
var subordinate = map[string]bool{"governor": true, "consul-general": true}

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
		return
	}
	// نماینده دائم ایران در سازمان ملل: posted to an organisation.
	if org, ok := l.orgAt(j); ok {
		if org.ID == "un" {
			r.key.host = "UN"
		}
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
	w0, w1, quoted, weak, ok := l.nameBefore(l.spans[i].w0)
	var id string
	if ok && !l.linkedAt(l.doc.words[w0].start) {
		key, start, end := l.nameKey(w0, w1), l.doc.words[w0].start, l.doc.words[w1].end
		if !weak {
			id = l.resolve(key, l.textOf(start, end), &r, "")
		} else if w1 > w0 {
			id = l.resolveKnown(key, &r, true)
			if id == "" && r.deputy && (w0 == 0 || l.doc.words[w0-1].k != "که") {
				// A deputy's or envoy's foreign name: the phrase after it
				// vouches for a person, unless a clause ran into it
				// ("که دقایقی پیش تحویل نماینده ...").
				id = l.resolve(key, l.textOf(start, end), &r, "")
			}
		}
	}
	if id != "" {
		start, end := l.doc.words[w0].start, l.doc.words[w1].end
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
	// A name the dictionary lacks right after, set off by a comma or
	// not: "وزیر امور خارجه نروژ، تورالف هاگن، ...".
	if w0, w1, ok := l.nameAfter(r.end); ok {
		start, end := l.doc.words[w0].start, l.doc.words[w1].end
		id := l.resolve(l.nameKey(w0, w1), l.textOf(start, end), &r, "")
		l.add(r.start, r.end, id, "role", r.phrase)
		l.add(start, end, id, "name", r.phrase)
		l.noteRole(id, r)
		return l.skipTo(w1 + 1)
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
	if l.appositionBefore(l.spans[i].w0) {
		// «... محسود، فرمانده طالبان»: the role describes a name not
		// read, not its holder.
		return r.next
	}
	if id := l.holder(r); id != "" && !r.deputy {
		l.add(r.start, r.end, id, "role", r.phrase)
		l.held = append(l.held, heldLink{len(l.links) - 1, r.key})
		return r.next
	}
	// Nobody known holds it: the role phrase names a person of its own.
	if id, ok := l.roleOf[r.key]; ok && !r.former {
		l.add(r.start, r.end, id, "role", r.phrase)
		return r.next
	}
	if r.deputy {
		// Someone unnamed, not the office holder: the government (or
		// the sector) of the country acts through them.
		id := "group-" + strings.ToLower(r.key.country) + "-" + strings.ToLower(r.sector)
		l.newActor(id, didar.KindGroup, r.phrase, r.key.country, r.sector, "")
		l.add(r.start, r.end, id, "role", r.phrase)
		return r.next
	}
	id = slug(r.phrase)
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
	if r.former || (r.key.country == "" && r.key.org == "") {
		return ""
	}
	hs := l.holders(r.key)
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

// thisCountry reads "این کشور" right after rune p and returns the country
// named last before it, and the end of the phrase.
func (l *linker) thisCountry(p int) (country string, end int, ok bool) {
	w := sort.Search(len(l.doc.words), func(w int) bool { return l.doc.words[w].start >= p })
	if w+1 >= len(l.doc.words) || l.doc.words[w].k != "این" || l.doc.words[w+1].k != "کشور" {
		return "", 0, false
	}
	for i := len(l.links) - 1; i >= 0; i-- {
		a := l.actors[l.links[i].ActorID]
		switch {
		case a == nil:
		case a.Kind == didar.KindCountry:
			return a.ID, l.doc.words[w+1].end, true
		case l.links[i].Via == "role" && a.Country != "":
			// سفیر نروژ ... رئیس پارلمان این کشور: the country of
			// the role named last.
			return string(a.Country), l.doc.words[w+1].end, true
		}
		// "وزارت خارجه ترکیه" names its country too.
		if a := l.actors[l.links[i].ActorID]; a != nil && a.Kind == didar.KindGroup && l.links[i].Via == "group" && a.Country != "" {
			return string(a.Country), l.doc.words[w+1].end, true
		}
	}
	return "", 0, false
}

// readDeputy reads a deputy word and the office, organisation or country
// it serves: "نماینده ویژه رئیس‌جمهور روسیه", "سخنگوی وزارت خارجه چین",
// "مشاور امنیت ملی امارات". The phrase names someone other than the
// office holder, so its key is an office nobody in the dictionary holds.
func (l *linker) readDeputy(i int) (role, bool) {
	h, ok := l.has(l.spans[i], hDeputy)
	if !ok || !l.adjacent(i, i+1) {
		return role{}, false
	}
	s := l.spans[i]
	word := squeeze(s.pat.key)
	r := role{start: s.start, sector: h.sector, deputy: true}
	if _, isOffice := l.has(l.spans[i+1], hOffice); isOffice {
		inner, ok := l.readRole(i + 1)
		if !ok || inner.deputy {
			return role{}, false
		}
		r.key = roleKey{office: "deputy:" + word + ":" + inner.key.office + inner.key.org, country: inner.key.country}
		r.end, r.next, r.bare = inner.end, inner.next, inner.bare
		if r.sector == "" {
			r.sector = inner.sector
		}
	} else if org, ok := l.orgAt(i + 1); ok {
		r.key = roleKey{office: "deputy:" + word + ":" + org.ID, country: org.Country}
		r.end, r.next = l.spans[i+1].end, i+2
		if r.sector == "" {
			r.sector = org.Sector
		}
	} else if c, ok := l.countryAt(i + 1); ok {
		r.key = roleKey{office: "deputy:" + word, country: c}
		r.end, r.next = l.spans[i+1].end, i+2
	} else {
		return role{}, false
	}
	if r.sector == "" {
		r.sector = "GOV"
	}
	r.phrase = l.textOf(r.start, r.end)
	return r, true
}
