package actors

import (
	"math/bits"
	"strings"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/normalize"
)

// A consonant skeleton is a name romanised with one symbol per consonant
// and the vowels dropped. Persian spellings of foreign names disagree on
// vowels (ویاچسلاو / ویچسلاو) far more than on consonants, so skeletons
// rank transliteration variants and typos.

var faSkel = map[rune]string{
	'ب': "b", 'پ': "p", 'ت': "t", 'ط': "t", 'ث': "s", 'س': "s", 'ص': "s",
	'ج': "j", 'چ': "c", 'ح': "h", 'ه': "h", 'خ': "x", 'د': "d", 'ذ': "z",
	'ز': "z", 'ض': "z", 'ظ': "z", 'ژ': "j", 'ر': "r", 'ش': "S", 'غ': "q",
	'ق': "q", 'ف': "f", 'ک': "k", 'گ': "g", 'ل': "l", 'م': "m", 'ن': "n",
}

// faSkelByte is faSkel by offset in the Arabic block, for speed: the
// skeleton of every long word of an article is looked up.
var faSkelByte = func() (t [256]byte) {
	for r, s := range faSkel {
		t[r-0x0600] = s[0]
	}
	return t
}()

// skeletonFA returns the skeleton of a Persian name (a matching key).
func skeletonFA(key string) string {
	var buf [64]byte
	return string(appendSkeletonFA(buf[:0], key))
}

// appendSkeletonFA appends the skeleton of key to dst, doubled symbols
// already dropped as collapse does.
func appendSkeletonFA(dst []byte, key string) []byte {
	n0 := len(dst)
	start := true
	for _, r := range key {
		if r == ' ' {
			start = true
			continue
		}
		c := byte(0)
		switch {
		case r >= 0x0600 && r < 0x0700 && faSkelByte[r-0x0600] != 0:
			c = faSkelByte[r-0x0600]
		case start && r == 'و':
			c = 'v'
		case start && r == 'ی':
			c = 'y'
		}
		start = false
		if c != 0 && (len(dst) == n0 || dst[len(dst)-1] != c) {
			dst = append(dst, c)
		}
	}
	return dst
}

// skeletonEN returns the skeleton of a romanised name; pinyin spellings
// (x, q, c, zh) are read as such for Chinese names.
func skeletonEN(name, country string) string {
	s := strings.ToLower(name)
	pinyin := country == "CHN" || country == "TWN"
	var b strings.Builder
	start := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		next := byte(0)
		if i+1 < len(s) {
			next = s[i+1]
		}
		if c < 'a' || c > 'z' {
			start = true
			continue
		}
		two := string([]byte{c, next})
		switch two {
		case "sh":
			b.WriteByte('S')
			i++
		case "ch":
			b.WriteByte('c')
			i++
		case "zh":
			b.WriteByte('j')
			i++
		case "kh":
			b.WriteByte('x')
			i++
		case "gh":
			b.WriteByte('q')
			i++
		case "th":
			b.WriteByte('t')
			i++
		case "ph":
			b.WriteByte('f')
			i++
		default:
			switch c {
			case 'a', 'e', 'i', 'o', 'u':
			case 'y':
				if start {
					b.WriteByte('y')
				}
			case 'w', 'v':
				b.WriteByte('v')
			case 'x':
				if pinyin {
					b.WriteByte('S')
				} else {
					b.WriteString("ks")
				}
			case 'q':
				if pinyin {
					b.WriteByte('c')
				} else {
					b.WriteByte('q')
				}
			case 'c':
				if pinyin {
					b.WriteString("ts")
				} else {
					b.WriteByte('k')
				}
			default:
				b.WriteByte(c)
			}
		}
		start = false
	}
	return collapse(b.String())
}

// collapse drops doubled symbols: ll, ss.
func collapse(s string) string {
	b := []byte(s)
	out := b[:0]
	for i, c := range b {
		if i > 0 && c == b[i-1] {
			continue
		}
		out = append(out, c)
	}
	return string(out)
}

// similarity is 1 minus the edit distance over the longer length.
func similarity(a, b string) float64 {
	if a == "" || b == "" {
		return 0
	}
	n := max(len(a), len(b))
	return 1 - float64(levenshtein(a, b))/float64(n)
}

func levenshtein(a, b string) int {
	d, _ := levenshteinWithin(a, b, max(len(a), len(b)))
	return d
}

// levenshteinWithin returns the edit distance of a and b when it is at
// most limit; ok is false, and the distance unknown, when it is more.
func levenshteinWithin(a, b string, limit int) (d int, ok bool) {
	// Skeletons are short: keep the rows on the stack when they fit.
	var pb, cb [40]int
	prev, cur := pb[:0], cb[:0]
	if len(b)+1 > len(pb) {
		prev, cur = make([]int, 0, len(b)+1), make([]int, 0, len(b)+1)
	}
	prev, cur = prev[:len(b)+1], cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		// Row minima never decrease: past the limit, it stays past.
		if low > limit {
			return 0, false
		}
		prev, cur = cur, prev
	}
	if prev[len(b)] > limit {
		return 0, false
	}
	return prev[len(b)], true
}

// personSkel holds the skeletons a person can be recognised by.
type personSkel struct {
	i     int      // entry index
	full  []string // whole names
	parts []string // names without the first word, and long single words
	// The symbols each skeleton has, for a bound that skips most of the
	// dictionary without computing an edit distance.
	fullSyms, partSyms []uint64
}

// symbols returns the set of symbols of a skeleton: each symbol one of
// them lacks costs the other at least one edit.
func symbols(sk string) uint64 {
	var m uint64
	for i := 0; i < len(sk); i++ {
		m |= 1 << (sk[i] & 63) // a-z and S fall on distinct bits
	}
	return m
}

func (d *Dictionary) personSkels() []personSkel {
	var out []personSkel
	for i, e := range d.entries {
		if e.Kind != didar.KindPerson {
			continue
		}
		p := personSkel{i: i}
		for _, n := range e.FA {
			k := normalize.Key(n)
			p.full = append(p.full, skeletonFA(k))
			words := strings.Fields(k)
			if len(words) > 1 {
				p.parts = append(p.parts, skeletonFA(strings.Join(words[1:], " ")))
				p.parts = append(p.parts, skeletonFA(words[len(words)-1]))
			}
		}
		if e.EN != "" {
			p.full = append(p.full, skeletonEN(e.EN, e.Country))
			if f := strings.Fields(e.EN); len(f) > 1 {
				p.parts = append(p.parts, skeletonEN(strings.Join(f[1:], " "), e.Country))
			}
		}
		for _, f := range p.full {
			p.fullSyms = append(p.fullSyms, symbols(f))
		}
		for _, f := range p.parts {
			p.partSyms = append(p.partSyms, symbols(f))
		}
		out = append(out, p)
	}
	return out
}

// score is how well a name read from the text fits person p: a whole-name
// fit counts fully, a fit to a part of the name (a surname, a garbled
// given name dropped) a little less.
func (p *personSkel) score(sk string) float64 {
	return p.scoreAbove(sk, 0)
}

// scoreAbove is score, skipping the names whose length alone keeps them
// below min: most of the dictionary, for a name read from the text.
func (p *personSkel) scoreAbove(sk string, min float64) float64 {
	return p.scoreSyms(sk, symbols(sk), min)
}

// scoreSyms is scoreAbove with the symbols of sk given, for loops over
// the whole dictionary.
func (p *personSkel) scoreSyms(sk string, syms uint64, min float64) float64 {
	best := 0.0
	for i, f := range p.full {
		if s, ok := similarityAbove(sk, f, syms, p.fullSyms[i], min); ok {
			best = max(best, s)
		}
	}
	for i, f := range p.parts {
		if s, ok := similarityAbove(sk, f, syms, p.partSyms[i], min/0.95); ok {
			best = max(best, 0.95*s)
		}
	}
	return best
}

// similarityAbove returns similarity(a, b) when it can be at least min;
// ok is false when it is surely below. Most of the dictionary is far
// from a name read from the text, and the edit distance stops as soon as
// it exceeds what min allows.
// symsA and symsB are the symbols of a and b.
func similarityAbove(a, b string, symsA, symsB uint64, min float64) (float64, bool) {
	if a == "" || b == "" {
		return 0, min <= 0
	}
	n := max(len(a), len(b))
	// The margin keeps rounding from cutting a distance min allows.
	limit := int((1-min)*float64(n) + 1e-6)
	if limit < 0 || !reachable(a, b, min) {
		return 0, false
	}
	if max(bits.OnesCount64(symsA&^symsB), bits.OnesCount64(symsB&^symsA)) > limit {
		return 0, false
	}
	d, ok := levenshteinWithin(a, b, limit)
	if !ok {
		return 0, false
	}
	return 1 - float64(d)/float64(n), true
}

// reachable reports whether similarity(a, b) can be at least min: the
// edit distance is at least the difference in length.
func reachable(a, b string, min float64) bool {
	n := max(len(a), len(b))
	d := len(a) - len(b)
	if d < 0 {
		d = -d
	}
	return float64(d) <= (1-min)*float64(n)+1e-9
}
