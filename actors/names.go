package actors

import (
	"strings"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/normalize"
)

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
// plain words after a sentence start, punctuation or a conjunction, or
// the uncommon words that a noun or preposition runs into.
func (l *linker) nameBefore(w int) (w0, w1 int, quoted, weak, ok bool) {
	j := w - 1
	// نخستین، سابق: an ordinal or adjective of the role, not the name.
	for j >= 0 && l.spanAt[j] < 0 && l.m.modifiers[l.doc.words[j].k] {
		j--
	}
	comma := j >= 0 && isComma(l.doc.words[j].k)
	if comma {
		j--
	}
	if j < 0 {
		return
	}
	if closeQuote(l.doc.words[j].k) {
		for k := j - 1; k >= 0 && k >= j-5; k-- {
			if openQuote(l.doc.words[k].k) {
				if k+1 <= j-1 && l.nameWords(k+1, j-1, true) && !l.mostlyCommon(k+1, j-1) {
					return k + 1, j - 1, true, false, true
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
	// What comes before the name must end a clause or join one, and the
	// words must look like a name ("همزمان، وزیر خارجه" is no person).
	a := k + 1
	if k >= 0 {
		prev := l.doc.words[k]
		if prev.k == "گزارش" || prev.k == "از" && k > 0 && l.doc.words[k-1].k == "نقل" {
			return // به نقل از آناتولی، ...: the outlet cited, not a name
		}
		if prev.letter && (l.spanAt[k] >= 0 || (prev.k != "که" && prev.k != "و" && prev.k != "با")) {
			// A noun or a preposition runs into the name ("با رد حضور
			// X، فرمانده ...", "توسط X Y معاون ..."): the name is the
			// uncommon words right before the role, if they are one.
			for a <= end && normalize.Common(l.doc.words[a].k) && !l.d.given[l.doc.words[a].k] {
				a++
			}
			if a > end || !l.nameLike(a, end, comma) {
				return
			}
		}
	}
	// Words that do not look like a name may still be a foreign name
	// (چانگ هوا): weak, for the caller to accept only if it is known.
	key := l.nameKey(a, end)
	if !l.looksLikeName(key) && !l.known(key) && !l.nameLike(a, end, comma) {
		weak = true
	}
	// With no title, a name does not end in a common word unless a
	// given name starts it: «دفتر مطبوعاتی رئیس‌جمهور», «معاون عربی و
	// آفریقایی وزیر» are none, «محمد اسلامی، رئیس ...» is one.
	if !l.uncommon(end) && !l.known(key) && (a == end || !l.d.given[l.doc.words[a].k]) {
		weak = true
	}
	if !l.nameWords(a, end, false) {
		return
	}
	return a, end, false, weak, true
}

// nameLike reports whether words [a, b], next to a role, are shaped like
// a name the dictionary lacks: no common word of news but given names,
// and two words at least, or one that ends like a surname and is set off
// by a comma («میرزاخانی، سرکنسول ...»).
func (l *linker) nameLike(a, b int, comma bool) bool {
	if b < a || b-a > 2 {
		return false
	}
	for w := a; w <= b; w++ {
		k := l.doc.words[w].k
		// A word of more than 12 letters is words run together
		// (تشکرازدکترقدرتعلی), not a name.
		if n := len([]rune(k)); !l.doc.words[w].letter || n < 2 || n > 12 || l.m.stop[k] {
			return false
		}
		if normalize.Common(k) && (w == b || !l.d.given[k]) {
			return false
		}
	}
	if b > a {
		return true
	}
	return comma && l.m.surnameShape(l.doc.words[a].k)
}

// mostlyCommon reports whether most words of [a, b] are common words: a
// quoted phrase («ما کاملا آماده‌ایم»), not a quoted name («وی فنگ هه»).
func (l *linker) mostlyCommon(a, b int) bool {
	n := 0
	for w := a; w <= b; w++ {
		if !l.uncommon(w) && !l.d.given[l.doc.words[w].k] {
			n++
		}
	}
	return 2*n > b-a+1
}

// uncommon reports whether word w could be a name word: letters, not a
// stop word, not a common word of news.
func (l *linker) uncommon(w int) bool {
	x := l.doc.words[w]
	return x.letter && len([]rune(x.k)) >= 2 && !l.m.stop[x.k] && !normalize.Common(x.k) && !isDigits(x.k)
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
		if !quoted && (l.m.stop[x.k] || l.m.modifiers[x.k] || !l.plainInList(w)) {
			return false
		}
	}
	return true
}

// Scraped text often quotes names with straight quotes ("باکیروف
// گازینور") rather than guillemets.
func openQuote(k string) bool  { return k == "«" || k == "\"" }
func closeQuote(k string) bool { return k == "»" || k == "\"" }

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
	if w >= len(l.doc.words) || !openQuote(l.doc.words[w].k) {
		return
	}
	for k := w + 1; k < len(l.doc.words) && k <= w+5; k++ {
		if closeQuote(l.doc.words[k].k) {
			if k-1 >= w+1 && l.nameWords(w+1, k-1, true) {
				return w + 1, k - 1, true
			}
			return
		}
	}
	return
}

// titled reads a title and the name after it.
func (l *linker) titled(i int) (int, bool) {
	titleKey := l.spans[i].pat.key
	// Titles in a row ("دکتر سید", "سرلشکر پاسدار"): the name follows
	// the last.
	for i+1 < len(l.spans) && l.adjacent(i, i+1) && !l.spans[i].glued {
		if _, ok := l.has(l.spans[i+1], hTitle); !ok {
			break
		}
		if _, _, ok := l.entryHit(l.spans[i+1]); ok {
			break // امیر حاتمی: a name that starts like a title
		}
		i++
	}
	s := l.spans[i]
	// A dictionary name or surname right after.
	if i+1 < len(l.spans) && l.adjacent(i, i+1) {
		n := l.spans[i+1]
		if e, _, ok := l.entryHit(n); ok && e.Kind == didar.KindPerson {
			id := l.entryActor(e.ID)
			l.add(n.start, n.end, id, "name", "")
			return l.apposition(i+1, id), true
		}
		if h, ok := l.has(n, hSurname); ok {
			// A person the article named with this surname comes
			// before the dictionary's (محمد لاریجانی ... آقای لاریجانی).
			id := l.namedPerson(normalize.Key(l.textOf(n.start, n.end)))
			if id == "" {
				id = l.entryActor(h.id)
			}
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
			if w1 > w0 && !l.uncommon(w1) && !l.m.surnameShape(l.doc.words[w1].k) && !l.known(l.nameKey(w0, w1)) {
				// آقای هاگن تصریح کرد: a common word ends no name,
				// but one shaped like a surname may (کامران دلاوری).
				w1--
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
		if isComma(l.doc.words[wn].k) || (quoted && closeQuote(l.doc.words[wn].k)) {
			wn++
		}
		if quoted && wn < len(l.doc.words) && isComma(l.doc.words[wn].k) {
			wn++
		}
		for wn < len(l.doc.words) && l.spanAt[wn] < 0 && l.m.modifiers[l.doc.words[wn].k] {
			wn++ // آقای X نخستین سفیر ...
		}
		if j := l.skipTo(wn); j < len(l.spans) && l.spans[j].w0 == wn {
			if rr, ok := l.readRole(j); ok {
				r = &rr
			}
		}
	}
	// A title vouches for uncommon words after it (آقای تورالف هاگن).
	titleName := l.nameLike(w0, w1, false) || (w0 == w1 && l.uncommon(w0) && len([]rune(l.doc.words[w0].k)) >= 3)
	if r == nil && !quoted && !l.looksLikeName(key) && !l.known(key) && (s.glued || !titleName) {
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
	return l.m.surnameShape(words[len(words)-1])
}

// known reports whether key names a person already in the article or is
// close to a dictionary person's name.
func (l *linker) known(key string) bool {
	if l.namedPerson(key) != "" {
		return true
	}
	if v, ok := l.near[key]; ok {
		return v
	}
	sk := skeletonFA(key)
	syms := symbols(sk)
	found := false
	for i := 0; i < len(l.d.persons) && len(sk) >= 4 && !found; i++ {
		found = l.d.persons[i].scoreSyms(sk, syms, 0.8) >= 0.8 && l.d.surnameFits(l.d.persons[i].i, key)
	}
	l.near[key] = found
	return found
}

// resolve links a name read from the text (after a title, before or after
// a role) to an actor: a person already in the article, the holder of the
// role next to it, a dictionary person whose name is a variant spelling,
// or a new person.
func (l *linker) resolve(key, display string, r *role, title string) string {
	if id := l.resolveKnown(key, r, false); id != "" {
		return id
	}
	country, sector := l.m.titleInfo(normalize.Key(title))
	rolePhrase := ""
	if r != nil {
		country, sector, rolePhrase = r.key.country, r.sector, r.phrase
		if r.key.host != "" || sector == "" {
			if r.title == "ambassador" || r.key.office == "ambassador" || r.key.office == "un-ambassador" {
				sector = "DIP"
			}
		}
	}
	id := slug(display)
	if _, ok := l.actors[id]; !ok && r != nil && r.bare {
		l.guessed[id] = true
	}
	return l.newActor(id, didar.KindPerson, display, country, sector, rolePhrase)
}

// resolveKnown is resolve without making a new person: "" when the name
// is nobody known. strict refuses short garbled names even next to a role.
func (l *linker) resolveKnown(key string, r *role, strict bool) string {
	sk := skeletonFA(key)
	// Part of a person already named: a given name or surname alone.
	if id := l.namedPerson(key); id != "" {
		return id
	}
	// The family name first (آبه شینزو), as some outlets write it.
	if f := strings.Fields(key); len(f) == 2 {
		if id := l.d.personByKey(f[1] + " " + f[0]); id != "" {
			return l.entryActor(id)
		}
	}
	roleCountry := ""
	if r != nil {
		roleCountry = r.key.country
		hs := l.holders(r.key)
		for _, h := range hs {
			p := l.skelOf(h)
			if p == nil {
				continue
			}
			need := 0.5
			if strict {
				need = 0.7
			}
			if (len(sk) <= 2 && !strict) || (p.score(sk) >= need && l.d.surnameFits(h, key)) {
				return l.entryActor(l.d.entries[h].ID)
			}
		}
	}
	best, bestScore := -1, 0.0
	syms := symbols(sk)
	for pi := range l.d.persons {
		p := &l.d.persons[pi]
		e := &l.d.entries[p.i]
		if roleCountry != "" && e.Country != "" && e.Country != roleCountry {
			continue
		}
		if sc := p.scoreSyms(sk, syms, max(bestScore, 0.5)); sc > bestScore {
			best, bestScore = p.i, sc
		}
	}
	need := 0.8
	if len(sk) < 4 {
		need = 1.01 // short skeletons are too ambiguous alone
	}
	if best >= 0 && bestScore >= need && l.d.surnameFits(best, key) {
		return l.entryActor(l.d.entries[best].ID)
	}
	return ""
}

// personByKey returns the id of the person with a Persian name of
// matching key k, or "".
func (d *Dictionary) personByKey(k string) string {
	for _, p := range d.persons {
		for _, n := range d.keys[p.i] {
			if n == k {
				return d.entries[p.i].ID
			}
		}
	}
	return ""
}

// surnameFits reports whether the last word of key, a name of two words
// or more, is spelt like the last word of one of entry i's names: a
// shared given name with a close skeleton overall is another person
// (محمدرضا بهرامی is not محمدرضا رحیمی). Words run together or apart
// (بردی محمداف, بردیمحمداف) are compared both ways. A surname of three
// consonants that differs in one is another name, and so is a known
// given name that none of the entry's names starts with.
func (d *Dictionary) surnameFits(i int, key string) bool {
	words := strings.Fields(key)
	if len(words) < 2 {
		return true
	}
	if d.given[words[0]] && !d.givenFits(i, words[0]) {
		return false // علی کاظمی is not مصطفی الکاظمی
	}
	last := skeletonFA(words[len(words)-1])
	if len(last) < 2 {
		return true
	}
	last2 := skeletonFA(strings.Join(words[len(words)-2:], ""))
	for _, k := range d.keys[i] {
		nw := strings.Fields(k)
		nl := skeletonFA(nw[len(nw)-1])
		if similarity(last, nl) >= 0.7 || similarity(last2, nl) >= 0.7 {
			return true
		}
		if len(nw) < 2 {
			continue
		}
		nl2 := skeletonFA(strings.Join(nw[len(nw)-2:], ""))
		if similarity(last, nl2) >= 0.7 {
			return true
		}
		// Split elsewhere (لیوجیان چانو, لیو جیان‌چائو): the last two
		// words together; never when the given names are the same word.
		if words[len(words)-2] != nw[len(nw)-2] && similarity(last2, nl2) >= 0.7 {
			return true
		}
	}
	return false
}

// givenFits reports whether a name of entry i starts with a given name
// spelt like g, or is a single word.
func (d *Dictionary) givenFits(i int, g string) bool {
	sk := skeletonFA(g)
	for _, k := range d.keys[i] {
		first, _, ok := strings.Cut(k, " ")
		if !ok || first == g || similarity(sk, skeletonFA(first)) >= 0.7 {
			return true
		}
	}
	return false
}

// namedPerson returns the first person of the article whose Persian name
// holds the words of key: "حشمتیان" or "قدرتعلی" after "قدرتعلی حشمتیان".
func (l *linker) namedPerson(key string) string {
	first, _, _ := strings.Cut(key, " ")
	for _, id := range l.byWord[first] {
		if containsWord(l.nameKeyOf(l.actors[id]), key) {
			return id
		}
	}
	return ""
}

// nameKeyOf returns the matching key of a's Persian name, computed once.
func (l *linker) nameKeyOf(a *didar.Actor) string {
	k, ok := l.keys[a.ID]
	if !ok {
		if i, found := l.d.byID[a.ID]; found && a.InDictionary {
			k = l.d.keys[i][0] // NameFA is the entry's first name
		} else {
			k = normalize.Key(a.NameFA)
		}
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

// list reads names listed after a plural role noun: "دبیران کل احزاب
// کشور ازجمله، X، Y و خانم Z".
func (l *linker) list(i int, sector string) int {
	s := l.spans[i]
	country := "IRN"
	w := s.w1 + 1
	// The list starts after ازجمله, از جمله or a colon within five words;
	// after آقایان at once.
	startAt := -1
	if plural := normalize.Key(s.pat.key); l.m.listTitles[plural] {
		startAt, country = w, ""
	}
	for k := w; startAt < 0 && k < len(l.doc.words) && k <= w+5; k++ {
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

// resolveListed links a listed name to the dictionary person of the
// list's country whose name holds it; with no country («آقایان رئیسی و
// پاشینیان»), to the one person of any country whose name holds it.
func (l *linker) resolveListed(key, disp, country, sector string) string {
	sk := skeletonFA(key)
	found := ""
	for pi := range l.d.persons {
		p := &l.d.persons[pi]
		e := &l.d.entries[p.i]
		// With no country, a whole word of four letters is enough: the
		// name must be the only one of the dictionary that holds it.
		if (country != "" && (e.Country != country || len(sk) < 4)) || len([]rune(key)) < 4 {
			continue
		}
		for _, n := range l.d.keys[p.i] {
			if !containsWord(n, key) {
				continue
			}
			if country != "" {
				return l.entryActor(e.ID)
			}
			if found != "" && found != e.ID {
				return l.newActor(slug(disp), didar.KindPerson, disp, country, sector, "") // two namesakes
			}
			found = e.ID
		}
	}
	if found != "" {
		return l.entryActor(found)
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

// pluralRole reads two names before a plural role and two countries after
// it: "X و Y وزیران خارجه روسیه و اوکراین" makes X of the first country
// and Y of the second. Names the dictionary knows are linked already;
// the others become persons of their country.
func (l *linker) pluralRole(i int, sector string) bool {
	s := l.spans[i]
	j := i + 1
	if j+1 >= len(l.spans) || !l.plainWords(s.w1+1, l.spans[j].w0) || l.spans[j].w0-s.w1-1 > 2 {
		return false
	}
	c1, ok1 := l.countryAt(j)
	and := l.spans[j].w1 + 1
	if !ok1 || and >= len(l.doc.words) || l.doc.words[and].k != "و" || l.spans[j+1].w0 != and+1 {
		return false
	}
	c2, ok2 := l.countryAt(j + 1)
	if !ok2 || c1 == c2 {
		return false
	}
	// The second name ends right before the role, the first before "و".
	a2, b2, known2, ok := l.nameEndingBefore(s.w0)
	if !ok || a2 < 2 || l.doc.words[a2-1].k != "و" {
		return false
	}
	a1, b1, known1, ok := l.nameEndingBefore(a2 - 1)
	if !ok {
		return false
	}
	for _, n := range []struct {
		a, b    int
		known   bool
		country string
	}{{a1, b1, known1, c1}, {a2, b2, known2, c2}} {
		if n.known {
			continue
		}
		start, end := l.doc.words[n.a].start, l.doc.words[n.b].end
		key := l.nameKey(n.a, n.b)
		id := l.resolveKnown(key, nil, false)
		if id == "" {
			id = l.newActor(slug(l.textOf(start, end)), didar.KindPerson, l.textOf(start, end), n.country, sector, "")
		}
		l.add(start, end, id, "name", "")
	}
	return true
}

// nameEndingBefore finds the name that ends right before word w: a
// dictionary person's span (known) or plain words that can be a name.
func (l *linker) nameEndingBefore(w int) (w0, w1 int, known, ok bool) {
	if w < 1 {
		return 0, 0, false, false
	}
	if sp := l.spanAt[w-1]; sp >= 0 {
		e, _, isEntry := l.entryHit(l.spans[sp])
		if !isEntry || e.Kind != didar.KindPerson {
			return 0, 0, false, false
		}
		return l.spans[sp].w0, l.spans[sp].w1, true, true
	}
	w0, w1, quoted, _, ok := l.nameBefore(w)
	if !ok || quoted || w1 != w-1 {
		return 0, 0, false, false
	}
	return w0, w1, false, true
}
