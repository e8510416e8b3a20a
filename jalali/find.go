package jalali

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/didar-news/didar"
)

// Kind says how a date expression fixes its date.
type Kind int

const (
	Absolute Kind = iota + 1 // the text names the date: "۱۴ آذر ۱۴۰۲"
	Relative                 // counted from publication: "دیروز", "هفته گذشته"
	Weekday                  // a bare weekday: "روز دوشنبه"
)

func (k Kind) String() string {
	switch k {
	case Absolute:
		return "absolute"
	case Relative:
		return "relative"
	case Weekday:
		return "weekday"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Expr is one date expression found in a text.
type Expr struct {
	Start, End int // rune offsets, end exclusive
	Text       string
	Date       didar.Date // zero when unresolved
	Precision  didar.Precision
	Kind       Kind
	Calendar   string       // "solar", "gregorian" or "lunar"; "" for day-relative and weekday expressions
	Weekday    time.Weekday // the weekday named in the text, if any
	HasWeekday bool
	Mismatch   string // non-empty when a named weekday disagrees with the date
	Time       string // "14:19" when a time of day follows, else ""
	Approx     bool   // week expressions: the date stands for a whole week
}

// Find returns every date expression of text, in text order, resolving
// relative ones against published (see the package comment).
func Find(text string, published didar.Date) []Expr {
	return builtin().Find(text, published)
}

// Find is the package's Find with the words of lx.
func (lx *Lexicon) Find(text string, published didar.Date) []Expr {
	found := lx.scan(text, published, nil)
	out := make([]Expr, len(found))
	for i, f := range found {
		out[i] = f.Expr
	}
	return out
}

// found is an Expr with what Dateline needs to know about its context.
type found struct {
	Expr
	prev   string // key of the word just before the expression
	bstart int    // byte offset of the expression
}

// scanner holds the tokens of one line and the state of a scan.
type scanner struct {
	lx   *Lexicon
	text string
	pub  didar.Date
	toks []token
	buf  []byte
}

// scan finds the expressions of text. When labels is not nil it also
// receives the rune offset where each publication label ends.
func (lx *Lexicon) scan(text string, pub didar.Date, labels *[]int) []found {
	s := &scanner{lx: lx, text: text, pub: pub}
	var out []found
	base, bbase := 0, 0
	for bbase <= len(text) {
		line := text[bbase:]
		newline := 1
		if n := strings.IndexByte(line, '\n'); n >= 0 {
			line = line[:n]
		} else {
			newline = 0
		}
		if len(line) > maxLine {
			line, newline = line[:cutLine(line)], 0
		}
		var end int
		s.toks, end = tokenize(line, base, bbase, s.toks[:0])
		out = s.line(out, labels)
		if newline == 0 && bbase+len(line) == len(text) {
			break
		}
		base, bbase = end+newline, bbase+len(line)+newline
	}
	return out
}

// maxLine is the longest stretch of text tokenized at once: a text of
// one very long line (a run-on scrape) would otherwise hold a token for
// every word of it.
const maxLine = 64 << 10

// cutLine returns where to cut a line longer than maxLine: after the
// last sentence end before maxLine (no date expression runs across one),
// else after the last space, else at a rune boundary.
func cutLine(line string) int {
	head := line[:maxLine]
	for _, end := range []string{". ", "۔ ", "؟ ", "! ", "? ", " "} {
		if i := strings.LastIndex(head, end); i > 0 {
			return i + len(end)
		}
	}
	n := maxLine
	for n > 0 && !utf8.RuneStart(line[n]) {
		n--
	}
	return n
}

// line scans the tokens of one line.
func (s *scanner) line(out []found, labels *[]int) []found {
	for i := 0; i < len(s.toks); {
		t := s.toks[i]
		// Every expression starts with a number or a lexicon word.
		if t.kind == tPunct || t.kind == tWord && s.lx.words[t.key] == nil && !s.lx.prefix[t.key] {
			i++
			continue
		}
		if labels != nil {
			if _, n, ok := s.cat(i, "label"); ok {
				*labels = append(*labels, s.toks[i+n-1].end)
			}
		}
		if r, e, next, ok := s.dayRange(i); ok {
			out = append(out, s.found(r, i), s.found(e, i+2))
			i = next
			continue
		}
		e, next, ok := s.absolute(i)
		if !ok {
			e, next, ok = s.relative(i)
		}
		if !ok {
			i = max(i+1, next)
			continue
		}
		out = append(out, s.found(e, i))
		i = next
	}
	return out
}

// found wraps e, which was parsed from token i on, with the key of the
// token before i. A cue ("تاریخ") may come between i and e.Start.
func (s *scanner) found(e Expr, i int) found {
	j := i
	for s.toks[j].start < e.Start {
		j++
	}
	f := found{Expr: e, bstart: s.toks[j].bstart}
	if i > 0 {
		f.prev = s.toks[i-1].key
	}
	return f
}

// dayRange parses "۱۳ تا ۱۵ آذر ۱۴۰۲" at i: the first day, alone, and the
// date that gives it its month and year.
func (s *scanner) dayRange(i int) (first, second Expr, next int, ok bool) {
	if i+2 >= len(s.toks) {
		return
	}
	t, u := s.toks[i], s.toks[i+2]
	if t.kind != tNum || t.ndig > 2 || t.val < 1 || u.kind != tNum || u.val <= t.val || !s.toks[i+1].space || !u.space {
		return
	}
	if _, n, isRange := s.cat(i+1, "range"); !(isRange && n == 1) && !s.isPunct(i+1, "-–") {
		return
	}
	second, next, ok = s.absolute(i + 2)
	if !ok || second.Start != u.start || second.HasWeekday {
		return first, second, 0, false
	}
	first = Expr{Kind: Absolute, Calendar: second.Calendar, Precision: second.Precision}
	if second.Precision != didar.PrecisionDay && !second.Date.IsZero() {
		return first, second, 0, false // "۱۳ تا ۱۵" read as a month: not a range of days
	}
	if !second.Date.IsZero() {
		first.Date = second.Date.AddDays(t.val - u.val)
	}
	s.span(&first, i, i+1)
	return first, second, next, true
}

// match returns the longest lexicon key that starts at token i, as the
// number of tokens it spans and its entries.
func (s *scanner) match(i int) (n int, es []entry) {
	if t := &s.toks[i]; t.matched {
		return t.mlen, t.mes
	}
	defer func() { s.toks[i].matched, s.toks[i].mlen, s.toks[i].mes = true, n, es }()
	b := s.buf[:0]
	for j := i; j < len(s.toks) && j < i+maxJoin; j++ {
		t := s.toks[j]
		if t.kind == tNum || t.kind == tPunct && t.key != "." {
			break
		}
		b = append(b, t.key...)
		if e, ok := s.lx.words[string(b)]; ok {
			n, es = j-i+1, e
		}
		if !s.lx.prefix[string(b)] {
			break
		}
	}
	s.buf = b
	return n, es
}

// cat reports whether the key at token i has an entry of category c.
func (s *scanner) cat(i int, c string) (entry, int, bool) {
	if i >= len(s.toks) || s.toks[i].kind != tWord {
		return entry{}, 0, false
	}
	n, es := s.match(i)
	e, ok := has(es, c)
	return e, n, ok
}

func (s *scanner) isWord(i int, w string) bool {
	return i < len(s.toks) && s.toks[i].kind == tWord && s.toks[i].key == w
}

func (s *scanner) isPunct(i int, set string) bool {
	return i < len(s.toks) && s.toks[i].kind == tPunct && strings.Contains(set, s.toks[i].key)
}

// glued reports whether token i touches token i-1.
func (s *scanner) glued(i int) bool { return i > 0 && i < len(s.toks) && !s.toks[i].space }

// inNumber reports whether number token i is part of a larger figure
// written with separators ("12:30", "1/2/3", "2.5").
func (s *scanner) inNumber(i int) bool {
	if i >= 2 && s.glued(i) && s.isPunct(i-1, "/:.-") && s.glued(i-1) && s.toks[i-2].kind == tNum {
		return true
	}
	return i+2 < len(s.toks) && s.glued(i+1) && s.isPunct(i+1, "/:.-٫") && s.glued(i+2) && s.toks[i+2].kind == tNum
}

// notBefore reports whether the word before token i rules out a date.
func (s *scanner) notBefore(i int) bool {
	if i == 0 || s.toks[i-1].kind != tWord {
		return false
	}
	_, ok := has(s.lx.words[s.toks[i-1].key], "notbefore")
	return ok
}

// core is a date as the text writes it, before resolution.
type core struct {
	cal        string
	y, m, d    int
	yearRel    int // year counted from publication ("سال گذشته")
	hasYearRel bool
	prec       didar.Precision
}

// absolute parses "[daypart] [روز] [weekday][،] [cue] date [time]" at i.
func (s *scanner) absolute(i int) (Expr, int, bool) {
	start, j := i, i
	var wd time.Weekday
	hasWd, cued := false, false
	k := i
	if _, n, ok := s.cat(k, "daypart"); ok {
		k += n
	}
	if s.isWord(k, "روز") {
		k++
	}
	if e, n, ok := s.cat(k, "weekday"); ok && !s.notBefore(k) {
		wd, hasWd, cued = time.Weekday(e.val), true, true
		j = k + n
		if s.isPunct(j, "،,-–") {
			j++
		}
	}
	if _, n, ok := s.cat(j, "cue"); ok {
		cued = true
		j += n
		if s.isPunct(j, ":") {
			j++
		}
		if !hasWd {
			start = j
		}
	}
	c, next, ok := s.core(j, cued)
	if !ok {
		return Expr{}, 0, false
	}
	// A weekday may also follow in brackets: "۱۴ آذر ۱۴۰۲ (سه‌شنبه)".
	if !hasWd && s.isPunct(next, "(") {
		if e, n, ok := s.cat(next+1, "weekday"); ok && s.isPunct(next+1+n, ")") {
			wd, hasWd, next = time.Weekday(e.val), true, next+n+2
		}
	}
	e := Expr{Kind: Absolute, Calendar: c.cal, Weekday: wd, HasWeekday: hasWd, Precision: c.prec}
	e.Date = s.resolve(c)
	if e.Date.IsZero() {
		e.Precision = didar.PrecisionNone
	}
	if hasWd && !e.Date.IsZero() && e.Precision == didar.PrecisionDay && e.Date.Weekday() != wd {
		e.Mismatch = fmt.Sprintf("the text names %s but %s is a %s", wd, e.Date, e.Date.Weekday())
	}
	e.Time, next = s.clock(next)
	s.span(&e, start, next)
	return e, next, true
}

// span sets the offsets and text of e to tokens [a, b).
func (s *scanner) span(e *Expr, a, b int) {
	e.Start, e.End = s.toks[a].start, s.toks[b-1].end
	e.Text = s.text[s.toks[a].bstart:s.toks[b-1].bend]
}

// plausibleYear reports whether y can be a year of calendar cal written
// next to a month name.
func plausibleYear(cal string, y int) bool {
	if cal == gregorian {
		return y >= 1000 && y <= 2300
	}
	return y >= 1100 && y <= 1700
}

// yearCalendar guesses the calendar of a year written alone: Solar Hijri
// years of the last two centuries and Gregorian years are far apart.
// Lunar years (1430 and on today) need a marker.
func yearCalendar(y int) string {
	switch {
	case y >= 1250 && y <= 1430:
		return solar
	case y >= 1800 && y <= 2200:
		return gregorian
	}
	return ""
}

// core parses a date at j: numeric, day and month with or without a
// year, month and year, or a year alone. cued says a weekday or a cue
// such as "تاریخ" came before, which makes a weak month name sure.
func (s *scanner) core(j int, cued bool) (core, int, bool) {
	if c, next, ok := s.numeric(j); ok {
		return c, next, true
	}
	var c core
	k := j
	// Day: a number or an ordinal word.
	if k < len(s.toks) && s.toks[k].kind == tNum {
		t := s.toks[k]
		if t.ndig <= 2 && t.val >= 1 && t.val <= 31 && !s.inNumber(k) {
			if k > 0 && !cued {
				if _, ok := has(s.lx.words[s.toks[k-1].key], "notday"); ok && s.toks[k-1].kind == tWord {
					return c, 0, false
				}
			}
			c.d = t.val
			k++
		}
	} else if e, n, ok := s.cat(k, "ordinal"); ok && e.val <= 31 {
		c.d = e.val
		k += n
	}
	if c.d == 0 && s.isWord(k, "سال") {
		return s.yearOnly(k)
	}
	if c.d == 0 && k < len(s.toks) && s.toks[k].kind == tNum {
		return s.yearOnly(k)
	}
	// Month.
	mk := k
	var m entry
	var n int
	found := false
	if k < len(s.toks) && s.toks[k].kind == tWord {
		var es []entry
		n, es = s.match(k)
		for _, e := range es {
			if e.cat == solar || e.cat == gregorian || e.cat == lunar {
				m, found = e, true
				break
			}
		}
	}
	if !found {
		return c, 0, false
	}
	c.cal, c.m = m.cat, m.val
	k += n
	mah := m.arg == "ماه"
	if !mah && s.isWord(k, "ماه") {
		mah = true
		k++
	}
	// Year: a number, or "سال" with a direction, or امسال/پارسال.
	hasYear := false
	yk := k
	if s.isWord(yk, "سال") {
		yk++
	}
	if yk < len(s.toks) && s.toks[yk].kind == tNum {
		t := s.toks[yk]
		if t.ndig == 4 && plausibleYear(c.cal, t.val) && !s.inNumber(yk) {
			c.y, hasYear, k = t.val, true, yk+1
			if e, n, ok := s.cat(k, "marker"); ok && e.arg == c.cal {
				k += n
			}
		} else if y := s.shortYear(c, yk); y != 0 {
			c.y, hasYear, k = y, true, yk+1
		}
	} else if e, n, ok := s.cat(yk, "direction"); ok && yk > k {
		c.yearRel, c.hasYearRel, hasYear, k = e.val, true, true, yk+n
	} else if e, n, ok := s.cat(k, "thisyear"); ok {
		c.yearRel, c.hasYearRel, hasYear, k = e.val, true, true, k+n
	}
	// Month names that are also common words need support.
	if m.weak {
		if s.notBefore(j) || s.notBefore(mk) {
			return c, 0, false
		}
		if c.d == 0 && !hasYear && !mah {
			return c, 0, false
		}
		if c.d != 0 && !hasYear && !mah && !cued {
			if _, _, ok := s.cat(k, "notafter"); ok {
				return c, 0, false
			}
		}
	}
	if c.d == 0 && !hasYear && !mah {
		return c, 0, false
	}
	if c.d > monthLen(c.cal, c.y, c.m) {
		return c, 0, false
	}
	c.prec = didar.PrecisionDay
	if c.d == 0 {
		c.d, c.prec = 1, didar.PrecisionMonth
	}
	return c, k, true
}

// shortYear reads the two-digit Solar Hijri year of "۲۲ بهمن ۵۷" at k,
// or returns 0. Only a number that ends the phrase counts ("۱۴ آذر ۳۰ نفر"
// is thirty people). The century is the one that does not put the year
// after publication (after 1410 without one).
func (s *scanner) shortYear(c core, k int) int {
	t := s.toks[k]
	if c.cal != solar || c.d == 0 || t.ndig != 2 || s.inNumber(k) {
		return 0
	}
	if k+1 < len(s.toks) && s.toks[k+1].kind != tPunct {
		return 0
	}
	last := 1410
	if py := s.pubYear(solar); py != 0 {
		last = py
	}
	if y := 1400 + t.val; y <= last {
		return y
	}
	return 1300 + t.val
}

// yearOnly parses "سال ۱۴۰۲" or "۲۰۲۱ میلادی" at k.
func (s *scanner) yearOnly(k int) (core, int, bool) {
	sal := s.isWord(k, "سال")
	if sal {
		k++
	}
	if k >= len(s.toks) || s.toks[k].kind != tNum {
		return core{}, 0, false
	}
	t := s.toks[k]
	if t.ndig != 4 || s.inNumber(k) {
		return core{}, 0, false
	}
	c := core{y: t.val, m: 1, d: 1, prec: didar.PrecisionYear}
	k++
	if e, n, ok := s.cat(k, "marker"); ok {
		c.cal = e.arg
		k += n
	} else if sal {
		c.cal = yearCalendar(t.val)
	}
	if c.cal == "" || c.cal != gregorian && !plausibleYear(c.cal, c.y) {
		return core{}, 0, false
	}
	return c, k, true
}

// numeric parses "1402/09/14", "۱۴۰۲-۹-۱۴" or "14/9/1402" at j.
func (s *scanner) numeric(j int) (core, int, bool) {
	if j+4 >= len(s.toks) {
		return core{}, 0, false
	}
	t := s.toks[j : j+5]
	if t[0].kind != tNum || t[2].kind != tNum || t[4].kind != tNum ||
		t[1].kind != tPunct || t[3].key != t[1].key || !strings.Contains("/-.", t[1].key) ||
		!s.glued(j+1) || !s.glued(j+2) || !s.glued(j+3) || !s.glued(j+4) {
		return core{}, 0, false
	}
	if s.inNumber(j) && j > 0 && s.glued(j) || s.inNumber(j+4) && j+6 < len(s.toks) && s.glued(j+5) && s.toks[j+6].kind == tNum && s.glued(j+6) {
		return core{}, 0, false
	}
	var c core
	switch {
	case t[0].ndig == 4 && t[2].ndig <= 2 && t[4].ndig <= 2:
		c.y, c.m, c.d = t[0].val, t[2].val, t[4].val
	case t[4].ndig == 4 && t[0].ndig <= 2 && t[2].ndig <= 2:
		c.d, c.m, c.y = t[0].val, t[2].val, t[4].val
	default:
		return core{}, 0, false
	}
	k := j + 5
	if e, n, ok := s.cat(k, "marker"); ok {
		c.cal = e.arg
		k += n
	} else {
		c.cal = yearCalendar(c.y)
		if c.cal == "" && c.y > 1430 && c.y < 1500 {
			c.cal = solar // a numeric Solar Hijri date of the years ahead
		}
	}
	if c.cal == "" || c.d < 1 || c.d > monthLen(c.cal, c.y, c.m) {
		return core{}, 0, false
	}
	c.prec = didar.PrecisionDay
	return c, k, true
}

// pubYear returns the year of the publication date in calendar cal.
func (s *scanner) pubYear(cal string) int {
	y, _, _ := fromGregorian(cal, s.pub)
	return y
}

// resolve converts c to a Gregorian date, taking a missing year from the
// publication date. It returns the zero Date when it cannot.
func (s *scanner) resolve(c core) didar.Date {
	if c.y != 0 {
		d, err := toGregorian(c.cal, c.y, c.m, c.d)
		if err != nil {
			return didar.Date{}
		}
		return d
	}
	if s.pub.IsZero() {
		return didar.Date{}
	}
	py := s.pubYear(c.cal)
	if py == 0 {
		return didar.Date{}
	}
	if c.hasYearRel {
		d, err := toGregorian(c.cal, py+c.yearRel, c.m, c.d)
		if err != nil {
			return didar.Date{}
		}
		return d
	}
	// The latest such date on or before publication, allowing a few days
	// ahead for announcements.
	limit := s.pub.AddDays(7)
	for y := py + 1; y >= py-1; y-- {
		d, err := toGregorian(c.cal, y, c.m, c.d)
		if err == nil && !limit.Before(d) {
			return d
		}
	}
	return didar.Date{}
}

// clock reads a time of day after a date: "- 14:19", "، ساعت ۱۰:۳۰".
func (s *scanner) clock(k int) (string, int) {
	j := k
	for n := 0; n < 2; n++ {
		if s.isPunct(j, "-–—،,|") || s.isWord(j, "ساعت") {
			j++
		}
	}
	if j+2 >= len(s.toks) {
		return "", k
	}
	h, colon, mi := s.toks[j], s.toks[j+1], s.toks[j+2]
	if h.kind != tNum || colon.key != ":" || mi.kind != tNum || !s.glued(j+1) || !s.glued(j+2) ||
		h.ndig > 2 || h.val > 23 || mi.ndig != 2 || mi.val > 59 {
		return "", k
	}
	return fmt.Sprintf("%02d:%02d", h.val, mi.val), j + 3
}
