package actors

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/normalize"
)

// hitKind is what a matched pattern stands for.
type hitKind uint8

const (
	hName          hitKind = iota // a name of an entry
	hAdjective                    // a country adjective: چینی
	hDemonym                      // a country's people: چینی‌ها
	hMetonym                      // a name standing for a state: کاخ سفید
	hSurname                      // the last word of a person's name
	hOffice                       // an office title or complete office phrase
	hTitle                        // دکتر, سردار, آیت‌الله
	hPronoun                      // وی, او, ایشان
	hCounterpart                  // همتای
	hGroupNoun                    // احزاب, هیئت, طرف
	hPairPersons                  // طرفین
	hPairCountries                // دو کشور
	hHome                         // کشورمان
	hHead                         // رئیس, دبیرکل before an organisation
	hListNoun                     // دبیران کل before a list of names
	hDeputy                       // معاون, نماینده ویژه before an office
	hPluralRole                   // وزیران before two countries
)

type hit struct {
	kind   hitKind
	id     string // entry or office id
	sector string // for group and list nouns
}

// pattern is one distinct matching key and everything it can stand for.
type pattern struct {
	key     string // the key with spaces, as in the dictionary
	hits    []hit
	letters int
	words   int
}

// matcher finds every pattern in one Aho-Corasick pass over a compact
// form of the key: one byte per rune and no spaces, so that "رئیس جمهور",
// "رئیس‌جمهور" and "رئیسجمهور" are one pattern and the trie stays small.
type matcher struct {
	ac *automaton
	// docs keeps prepared docs' buffers for the next text: an article
	// needs several times its size in them.
	docs sync.Pool
	pats []pattern
	code map[rune]byte
	low  [0x800]byte // code of runes below U+0800 (Latin and Arabic script), for speed
	fill map[string]bool
	// fillMax is the longest filler in bytes: longer words need no lookup.
	fillMax int
	stop    map[string]bool
	light   map[string]bool
	saying  map[string]bool // verbs of saying after a subject (گفت, افزود)
	leading map[string]bool // «به رهبری»: who leads a delegation
	glue    []string
	index   map[string]int

	// Word classes of lexicon.yaml in matching form.
	implies     []titleImplies
	endings     []string
	suffixes    []suffix
	zwnj        map[string]bool
	listTitles  map[string]bool
	former      map[string]bool
	modifiers   map[string]bool
	familyFirst map[string]bool
}

// suffix is a suffix key and whether it makes a name an adjective.
type suffix struct {
	k   string
	adj bool
}

func (d *Dictionary) buildMatcher() *matcher {
	lx := d.lex
	m := &matcher{code: map[rune]byte{}, index: map[string]int{}}
	m.fill = keySet(lx.Fillers)
	for k := range m.fill {
		m.fillMax = max(m.fillMax, len(k))
	}
	m.stop = keySet(lx.StopWords)
	m.light = keySet(lx.LightVerbs)
	m.saying = keySet(lx.SayingVerbs)
	m.leading = keySet(lx.LeadingWords)
	for _, g := range lx.GluePrefixes {
		m.glue = append(m.glue, normalize.Key(g))
	}
	for _, t := range lx.TitleImplies {
		t.Prefix = normalize.Key(t.Prefix)
		m.implies = append(m.implies, t)
	}
	for _, e := range lx.SurnameEndings {
		m.endings = append(m.endings, normalize.Key(e))
	}
	for _, x := range lx.Suffixes {
		m.suffixes = append(m.suffixes, suffix{normalize.Key(x), false})
	}
	for _, x := range lx.AdjectiveSuffixes {
		m.suffixes = append(m.suffixes, suffix{normalize.Key(x), true})
	}
	m.zwnj = keySet(lx.ZWNJSuffixes)
	m.listTitles = keySet(lx.ListTitles)
	m.former = keySet(lx.FormerWords)
	m.modifiers = keySet(lx.RoleModifiers)
	m.familyFirst = map[string]bool{}
	for _, c := range lx.FamilyNameFirst {
		m.familyFirst[c] = true
	}
	surnames := map[string][]string{} // surname key → person ids
	for _, e := range d.entries {
		names := e.FA
		switch e.Kind {
		case didar.KindPerson:
			for _, n := range names {
				m.add(n, hit{kind: hName, id: e.ID})
				if s := m.surnameOf(n, e.Country); s != "" {
					surnames[s] = appendUnique(surnames[s], e.ID)
				}
			}
		case didar.KindCountry:
			for _, n := range names {
				m.add(n, hit{kind: hName, id: e.ID})
			}
			for _, n := range e.Adjectives {
				m.add(n, hit{kind: hAdjective, id: e.ID})
			}
			for _, n := range e.Demonyms {
				m.add(n, hit{kind: hDemonym, id: e.ID})
			}
			for _, n := range e.Metonyms {
				m.add(n, hit{kind: hMetonym, id: e.ID})
			}
		default:
			for _, n := range names {
				m.add(n, hit{kind: hName, id: e.ID})
			}
		}
	}
	for _, s := range sortedKeys(surnames) {
		ids := surnames[s]
		// A surname shared by two people, or one that is also another
		// name, is not distinctive enough to stand alone.
		if len(ids) == 1 {
			if i, ok := m.index[s]; ok && len(m.pats[i].hits) > 0 {
				continue
			}
			m.add(s, hit{kind: hSurname, id: ids[0]})
		}
	}
	orgs := map[string][]string{} // country → keys of its organisations' names
	for _, e := range d.entries {
		if e.Kind == didar.KindOrganization && e.Country != "" {
			for _, n := range e.FA {
				orgs[e.Country] = append(orgs[e.Country], normalize.Key(n))
			}
		}
	}
	// Maps in a fixed order: when two offices share a phrase, the first
	// hit is the one read, and it must not change from run to run.
	for _, id := range sortedKeys(d.offices) {
		o := d.offices[id]
		for _, t := range o.FA {
			m.add(t, hit{kind: hOffice, id: o.ID})
		}
		for _, t := range d.shortOfficePhrases(o, orgs[o.Country]) {
			m.add(t, hit{kind: hOffice, id: o.ID})
		}
	}
	for _, t := range lx.Titles {
		m.add(t, hit{kind: hTitle})
	}
	for _, t := range lx.Pronouns {
		m.add(t, hit{kind: hPronoun})
	}
	for _, t := range lx.Counterparts {
		m.add(t, hit{kind: hCounterpart})
	}
	for _, t := range sortedKeys(lx.CounterpartsIn) {
		m.add(t, hit{kind: hCounterpart, id: lx.CounterpartsIn[t]})
	}
	for _, t := range sortedKeys(lx.GroupNouns) {
		m.add(t, hit{kind: hGroupNoun, sector: lx.GroupNouns[t]})
	}
	for _, t := range lx.PairPersons {
		m.add(t, hit{kind: hPairPersons})
	}
	for _, t := range lx.PairCountries {
		m.add(t, hit{kind: hPairCountries})
	}
	for _, t := range lx.HomeWords {
		m.add(t, hit{kind: hHome, id: "IRN"})
	}
	for _, t := range sortedKeys(lx.Heads) {
		m.add(t, hit{kind: hHead, id: lx.Heads[t]})
	}
	for _, t := range sortedKeys(lx.ListNouns) {
		m.add(t, hit{kind: hListNoun, sector: lx.ListNouns[t]})
	}
	for _, t := range sortedKeys(lx.Deputies) {
		m.add(t, hit{kind: hDeputy, sector: lx.Deputies[t]})
	}
	for _, t := range sortedKeys(lx.PluralRoles) {
		m.add(t, hit{kind: hPluralRole, sector: lx.PluralRoles[t]})
	}

	codes := make([][]byte, len(m.pats))
	width := 1 // code 0 is any rune no pattern has
	for i, p := range m.pats {
		for _, r := range p.key {
			if r != ' ' {
				c := m.codeOf(r, true)
				codes[i] = append(codes[i], c)
				width = max(width, int(c)+1)
			}
		}
	}
	m.ac = newAutomaton(codes, width)
	return m
}

// surnameOf returns the key of the last word of a person's name when it
// can stand alone: Chinese, Korean and Vietnamese names put the family
// name first and are too short, so they have none.
func (m *matcher) surnameOf(name, country string) string {
	if m.familyFirst[country] {
		return ""
	}
	k := normalize.Key(name)
	i := strings.LastIndexByte(k, ' ')
	if i < 0 {
		return ""
	}
	s := k[i+1:]
	if utf8.RuneCountInString(s) < 4 {
		return ""
	}
	return s
}

// sortedKeys returns the keys of m in order, for loops whose results
// depend on it.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func appendUnique(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// add registers name as a pattern standing for h.
func (m *matcher) add(name string, h hit) {
	k := normalize.Key(name)
	sq := squeeze(k)
	if utf8.RuneCountInString(sq) < 2 {
		return
	}
	i, ok := m.index[sq]
	if !ok {
		i = len(m.pats)
		m.index[sq] = i
		m.pats = append(m.pats, pattern{key: k, letters: utf8.RuneCountInString(sq), words: strings.Count(k, " ") + 1})
	}
	p := &m.pats[i]
	for _, x := range p.hits {
		if x == h {
			return
		}
	}
	p.hits = append(p.hits, h)
}

// codeOf returns the compact byte of r; new runes get a code while
// patterns are added. Code 0 is any rune no pattern has.
func (m *matcher) codeOf(r rune, grow bool) byte {
	if r < rune(len(m.low)) && !grow {
		return m.low[r]
	}
	if c, ok := m.code[r]; ok {
		return c
	}
	if !grow {
		return 0
	}
	c := byte(255) // shared by the rare runes past 254 distinct ones
	if len(m.code) < 254 {
		c = byte(len(m.code) + 1)
	}
	m.code[r] = c
	if r < rune(len(m.low)) {
		m.low[r] = c
	}
	return c
}

// word is a token of the key: a run of letters and digits, or one
// punctuation rune.
type word struct {
	k          string // key form
	kb, ke     int    // key byte range
	c0, c1     int    // compact range; empty for fillers
	start, end int    // rune range in the text
	letter     bool
	filler     bool
}

// doc is one text prepared for matching.
type doc struct {
	src    string  // the text
	at     []int32 // rune index → byte offset in src, and len(src) last
	key    string
	pos    []int
	codes  []byte
	ci     []int32 // compact index → key byte offset (int32: texts are < 10 MB)
	wordOf []int32 // compact index → word index
	words  []word
	cands  []span // every match at word boundaries, by start then length
	// Buffers kept with the doc when it goes back to the pool.
	sel    []span // find's selection
	spanAt []int  // the linker's word → span index
}

func isWordRune(r rune) bool {
	if r >= 'ء' && r <= 'ی' && r != '،' && r != '؛' && r != '؟' && r != '٪' && r != '٫' && r != '٬' && r != '٭' && r != '۔' {
		return true // the Arabic block's letters, digits and marks
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// decodeKey decodes the rune at s[i]. Keys are mostly two-byte Arabic
// letters, which utf8.DecodeRuneInString leaves to its slow path.
func decodeKey(s string, i int) (rune, int) {
	if i+1 < len(s) && s[i]-0xC2 <= 0xDF-0xC2 && s[i+1]&0xC0 == 0x80 {
		return rune(s[i]&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

func (m *matcher) prepare(text string) *doc {
	key, pos := normalize.Fold(text)
	d, _ := m.docs.Get().(*doc)
	if d == nil {
		d = &doc{}
	}
	d.src, d.key, d.pos = text, key, pos
	// The rune count is the last position Fold gives.
	d.at = slices.Grow(d.at[:0], pos[len(pos)-1]+1)
	for i := range text {
		d.at = append(d.at, int32(i))
	}
	d.at = append(d.at, int32(len(text)))
	n := len(key)
	d.codes = slices.Grow(d.codes[:0], n/2+1)
	d.ci = slices.Grow(d.ci[:0], n/2+1)
	d.wordOf = slices.Grow(d.wordOf[:0], n/2+1)
	d.words = slices.Grow(d.words[:0], n/8+1)
	for i := 0; i < n; {
		r, size := decodeKey(key, i)
		if r == ' ' {
			i += size
			continue
		}
		// The word's codes are written as it is read, and taken back if
		// it turns out to be a filler.
		c0 := len(d.codes)
		wi := int32(len(d.words))
		d.codes = append(d.codes, m.codeOf(r, false))
		d.ci = append(d.ci, int32(i))
		d.wordOf = append(d.wordOf, wi)
		j := i + size
		letter := isWordRune(r)
		if letter {
			for j < n {
				r2, s2 := decodeKey(key, j)
				if !isWordRune(r2) {
					break
				}
				d.codes = append(d.codes, m.codeOf(r2, false))
				d.ci = append(d.ci, int32(j))
				d.wordOf = append(d.wordOf, wi)
				j += s2
			}
		}
		w := word{k: key[i:j], kb: i, ke: j, start: pos[i], end: pos[j-1] + 1, letter: letter}
		w.filler = letter && len(w.k) <= m.fillMax && m.fill[w.k]
		w.c0 = c0
		if w.filler {
			d.codes, d.ci, d.wordOf = d.codes[:c0], d.ci[:c0], d.wordOf[:c0]
		}
		w.c1 = len(d.codes)
		d.words = append(d.words, w)
		i = j
	}
	return d
}

// runes returns the number of runes of the text.
func (d *doc) runes() int { return len(d.at) - 1 }

// slice returns runes [start, end) of the text.
func (d *doc) slice(start, end int) string { return d.src[d.at[start]:d.at[end]] }

// runeAt returns rune i of the text.
func (d *doc) runeAt(i int) rune {
	r, _ := utf8.DecodeRuneInString(d.src[d.at[i]:])
	return r
}

// release gives d's buffers back for the next text; d must not be used
// after.
func (m *matcher) release(d *doc) {
	d.src, d.key, d.pos = "", "", nil
	m.docs.Put(d)
}

// span is a selected match.
type span struct {
	c0, c1     int // compact range
	w0, w1     int // first and last word
	start, end int // rune range in the text, glued prefix excluded, suffix included
	pat        *pattern
	adj        bool // an adjective suffix followed: ایرانی
	glued      bool // a name is glued after it (titles): دکترلیوجیان
}

// find returns the selected matches of d in text order: leftmost-longest,
// each starting and ending at a word boundary (glued prefixes and
// suffixes allowed where Persian writing allows them).
func (m *matcher) find(d *doc) []span {
	cands := d.cands[:0]
	a := m.ac
	state := int32(0)
	for i, c := range d.codes {
		var found bool
		if state, found = a.step(state, c); !found {
			continue
		}
		for _, x := range a.matches(state) {
			c1 := i + 1
			if s, ok := m.check(d, c1-int(x.n), c1, &m.pats[x.pat]); ok {
				cands = append(cands, s)
			}
		}
	}
	// Matches come by end; order them by start, longest first.
	sortSpans(cands)
	d.cands = cands
	out := d.sel[:0]
	last := -1
	for _, s := range cands {
		if s.c0 >= last {
			out = append(out, s)
			last = s.c1
		}
	}
	d.sel = out
	return out
}

func sortSpans(s []span) {
	// insertion sort is fine: matches come nearly ordered by end.
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && less(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func less(a, b span) bool {
	if a.c0 != b.c0 {
		return a.c0 < b.c0
	}
	return a.c1-a.c0 > b.c1-b.c0
}

func (m *matcher) check(d *doc, c0, c1 int, p *pattern) (span, bool) {
	w0, w1 := int(d.wordOf[c0]), int(d.wordOf[c1-1])
	s := span{c0: c0, c1: c1, w0: w0, w1: w1, pat: p}
	first, last := &d.words[w0], &d.words[w1]
	kind := p.hits[0].kind
	short := p.letters < 4
	if short {
		// Short patterns must be whole words spaced as in the dictionary.
		n := 0
		for w := w0; w <= w1; w++ {
			if !d.words[w].filler {
				n++
			}
		}
		if n != p.words || c0 != first.c0 {
			return s, false
		}
	}
	s.start = d.pos[int(d.ci[c0])]
	if c0 != first.c0 {
		if short || !m.gluedPrefix(d.key[first.kb:int(d.ci[c0])]) {
			return s, false
		}
	}
	if c1 != last.c1 {
		rest := d.key[int(d.ci[c1]):last.ke]
		switch {
		case kind == hTitle && p.letters >= 4 && !strings.HasPrefix(p.key, "امیر"):
			if _, plural := m.suffixChain(rest); plural || utf8.RuneCountInString(rest) < 3 {
				return s, false // دکترها, مهندسین, پاسداران: not a title
			}
			s.glued = true
			s.end = d.pos[int(d.ci[c1])]
			return s, true
		case kind == hName || kind == hAdjective || kind == hDemonym || kind == hMetonym || kind == hSurname:
			adj, ok := m.suffixChain(rest)
			if !ok {
				r, _ := utf8.DecodeLastRuneInString(d.key[:int(d.ci[c1])])
				zwnj := d.runeAt(d.pos[int(d.ci[c1])]-1) == normalize.ZWNJ || nonJoining(r)
				if !zwnj || !m.zwnj[rest] {
					return s, false
				}
			}
			s.adj = adj
		case kind == hOffice && (rest == "ی" || rest == "ای"):
			// The ezafe before the country: "رئیس مجلس سنای فرانسه".
		default:
			return s, false
		}
	}
	s.end = last.end
	return s, true
}

// gluedPrefix reports whether p is one or two glued function words.
func (m *matcher) gluedPrefix(p string) bool {
	for _, g := range m.glue {
		if p == g {
			return true
		}
		if strings.HasPrefix(p, g) {
			for _, h := range m.glue {
				if p[len(g):] == h {
					return true
				}
			}
		}
	}
	return false
}

// suffixChain reports whether rest is a sequence of suffixes, and whether
// one of them makes an adjective.
func (m *matcher) suffixChain(rest string) (adj, ok bool) {
	if rest == "" {
		return false, true
	}
	if len(rest) > 16 {
		return false, false // longer than any chain of suffixes
	}
	for _, sfx := range m.suffixes {
		if strings.HasPrefix(rest, sfx.k) {
			if adj2, ok2 := m.suffixChain(rest[len(sfx.k):]); ok2 {
				return sfx.adj || adj2, true
			}
		}
	}
	return false, false
}

// nonJoining letters are never joined to the next one, so a suffix after
// them looks glued even when written correctly.
func nonJoining(r rune) bool {
	switch r {
	case 'ا', 'د', 'ذ', 'ر', 'ز', 'ژ', 'و':
		return true
	}
	return false
}
