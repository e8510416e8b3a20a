package normalize

import (
	"bytes"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ZWNJ is the zero-width non-joiner, the Persian half-space.
const ZWNJ = '\u200c'

// foldKey maps a rune of display text to its matching-key form; -1 drops it.
// Presentation forms are expanded before this is called (see presentation).
func foldKey(r rune) rune {
	switch {
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰')
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠')
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r < 0x80:
		if r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' {
			return ' '
		}
		return r
	case r >= '\u064B' && r <= '\u065F', r == '\u0670', r == 'ـ': // harakat, superscript alef, tatweel
		return -1
	case isDropped(r):
		return -1
	case isOtherSpace(r):
		return ' '
	}
	switch r {
	case 'ي', 'ى', 'ئ', 'ۍ', 'ې':
		return 'ی'
	case 'ك', 'ڪ':
		return 'ک'
	case 'ة', 'ۀ', 'ە', 'ہ', 'ۂ':
		return 'ه'
	case 'أ', 'إ', 'ٱ', 'آ':
		return 'ا'
	case 'ؤ':
		return 'و'
	case 'ء':
		return -1
	}
	return r
}

// isDropped reports the invisible format characters that neither the display
// form nor the key keeps: ZWNJ (the key only), ZWJ, zero-width space, BOM and
// bidirectional controls.
func isDropped(r rune) bool {
	switch r {
	case ZWNJ, '\u200b', '\u200d', '\u200e', '\u200f', '\ufeff', '\u2060', '\u061c':
		return true
	}
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// isOtherSpace reports non-ASCII characters that the display form writes as
// a plain space or a line break.
func isOtherSpace(r rune) bool {
	switch r {
	case '\u00a0', '\u0085', '\u1680', '\u202f', '\u205f', '\u3000', '\u2028', '\u2029':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// isPresentation reports Arabic presentation forms, which both forms expand
// with NFKC.
func isPresentation(r rune) bool {
	return r >= '\uFB50' && r <= '\uFDFF' || r >= '\uFE70' && r <= '\uFEFF'
}

// presentationTable holds NFKC of every presentation-form rune, built once.
var presentationTable = sync.OnceValue(func() map[rune]string {
	m := make(map[rune]string, 1200)
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if !utf8.ValidRune(r) {
				continue
			}
			s := string(r)
			if t := norm.NFKC.String(s); t != s {
				m[r] = t
			}
		}
	}
	add(0xFB50, 0xFDFF)
	add(0xFE70, 0xFEFF)
	return m
})

// expandPresentation returns the NFKC expansion of a presentation form, or
// the rune itself when NFKC leaves it alone.
func expandPresentation(r rune) string {
	if t, ok := presentationTable()[r]; ok {
		return t
	}
	return string(r)
}

// isSpacingPunct reports the punctuation around which the display form
// fixes spacing. The key drops spaces next to these, so that Text's spacing
// changes never change the key.
func isSpacingPunct(r rune) bool {
	switch r {
	case '،', '؛', ':', '.', '!', '؟', '?', '»', ')', '«', '(':
		return true
	}
	return false
}

// Key returns the matching key of s: ZWNJ and diacritics removed, letter
// forms and digits folded, Latin lower-cased, runs of space collapsed.
// "رئیس‌جمهور" and "رئیسجمهور" have the same key; "رئیس جمهور" keeps its
// space, so dictionaries list both spellings of a compound (the actors
// package does that for every name).
//
// Two further rules keep Key(Text(s)) == Key(s): no space is kept next to
// the punctuation whose spacing Text fixes (، ؛ : . ! ؟ ? « » ( )), and the
// few compounds that Text joins across " و " (گفت و گو) are joined here too.
func Key(s string) string {
	if keyed(s) {
		return s
	}
	k, _ := fold(s, false)
	return k
}

// keyed reports whether s is already its own key: a word of Arabic-block
// letters that fold to themselves, as most words of display text are. It
// spares Key the copy and the positions Fold builds.
func keyed(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i += 2 {
		c := s[i]
		if c < 0xD8 || c > 0xDB || i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
			return false
		}
		if !foldSame[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)-0x0600] {
			return false
		}
	}
	return true
}

// Fold returns Key(s) and, for every byte of the key, the rune index in s
// of the rune that produced it, plus one final entry for the key's end
// (the rune count of s), so that a match at key bytes [i, j) covers runes
// [pos[i], pos[j-1]+1) of s.
func Fold(s string) (key string, pos []int) {
	return fold(s, true)
}

// fold is Fold, with the positions only when withPos: they take eight
// bytes a byte of key, which for the key of a whole long text (a search
// index, a sketch) is most of its memory.
func fold(s string, withPos bool) (key string, pos []int) {
	f := folder{b: make([]byte, 0, len(s))}
	if withPos {
		f.pos = make([]int, 0, len(s)+1)
	}
	ri := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			f.add(foldKey(rune(c)), ri)
			i++
			ri++
			continue
		}
		if c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			if foldSame[r-0x0600] {
				// A letter that folds to itself: the common case.
				f.letter(c, s[i+1], ri)
			} else {
				f.add(foldKey(r), ri)
			}
			i += 2
			ri++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isPresentation(r) {
			for _, x := range expandPresentation(r) {
				f.add(foldKey(x), ri)
			}
		} else {
			f.add(foldKey(r), ri)
		}
		ri++
	}
	b, pos := f.b, f.pos
	if j := joinKeys(); len(j) > 0 {
		b, pos = joinSpaced(b, pos, j)
	}
	if withPos {
		pos = append(pos, ri)
	}
	return string(b), pos
}

// folder accumulates the key and its positions.
type folder struct {
	b         []byte
	pos       []int
	space     bool // a space is pending
	spaceAt   int  // rune index of the pending space
	lastPunct bool // the last byte written ends a spacing punctuation rune
}

// foldSame marks the runes of the Arabic block that fold to themselves
// and are neither space nor spacing punctuation.
var foldSame = func() (t [256]bool) {
	for i := range t {
		r := rune(0x0600 + i)
		t[i] = foldKey(r) == r && !isSpacingPunct(r)
	}
	return t
}()

// at records that the last n bytes of key came from rune at, when
// positions are kept.
func (f *folder) at(at, n int) {
	if f.pos == nil {
		return
	}
	for range n {
		f.pos = append(f.pos, at)
	}
}

// letter adds a two-byte rune that folds to itself.
func (f *folder) letter(c0, c1 byte, at int) {
	if f.space {
		if !f.lastPunct {
			f.b = append(f.b, ' ')
			f.at(f.spaceAt, 1)
		}
		f.space = false
	}
	f.b = append(f.b, c0, c1)
	f.at(at, 2)
	f.lastPunct = false
}

func (f *folder) add(r rune, at int) {
	switch {
	case r == -1:
		return
	case r == ' ':
		if len(f.b) > 0 && !f.space {
			f.space = true
			f.spaceAt = at
		}
		return
	}
	punct := isSpacingPunct(r)
	if f.space {
		if !f.lastPunct && !punct {
			f.b = append(f.b, ' ')
			f.at(f.spaceAt, 1)
		}
		f.space = false
	}
	n := len(f.b)
	f.b = utf8.AppendRune(f.b, r)
	f.at(at, len(f.b)-n)
	f.lastPunct = punct
}

// joinSpaced removes the spaces of " و " where the letters on both sides
// form a compound from the join list, reading left to right so that the
// joined word is the left side of the next candidate, as Text does. It
// copies only when it joins something.
func joinSpaced(b []byte, pos []int, joins map[string]string) ([]byte, []int) {
	var out, scratch []byte
	var op []int
	copied := 0 // b[copied:] is not yet in out (once out is in use)
	sep := []byte(" و ")
	for i := 0; ; {
		k := bytes.Index(b[i:], sep)
		if k < 0 {
			break
		}
		k += i
		i = k + 1
		var left []byte
		if out != nil {
			out = append(out, b[copied:k]...)
			op = appendPos(op, pos, copied, k)
			copied = k
			left = wordBefore(out)
		} else {
			left = wordBefore(b[:k])
		}
		right := wordAfter(b[k+len(sep):])
		if len(left) == 0 || len(right) == 0 {
			continue
		}
		scratch = append(append(append(scratch[:0], left...), "و"...), right...)
		if _, ok := joins[string(scratch)]; !ok {
			continue
		}
		if out == nil {
			out = append(make([]byte, 0, len(b)), b[:k]...)
			op = appendPos(make([]int, 0, len(pos)+1), pos, 0, k)
		}
		out = append(out, b[k+1:k+3]...)
		op = appendPos(op, pos, k+1, k+3)
		copied = k + len(sep)
		i = copied
	}
	if out == nil {
		return b, pos
	}
	return append(out, b[copied:]...), appendPos(op, pos, copied, len(b))
}

// appendPos appends pos[i:j] to op, or nothing when there are no
// positions.
func appendPos(op, pos []int, i, j int) []int {
	if pos == nil {
		return op
	}
	return append(op, pos[i:j]...)
}

// isWordRune reports the runes that make up a word for joining and
// restoration: letters and combining marks.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case r >= 0x0600 && r <= 0x06FF:
		return arabicWord[r-0x0600]
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// arabicWord caches isWordRune for the Arabic block, the hot path.
var arabicWord = func() (t [256]bool) {
	for i := range t {
		r := rune(0x0600 + i)
		t[i] = unicode.IsLetter(r) || unicode.IsMark(r)
	}
	return t
}()

func wordBefore(b []byte) []byte {
	i := len(b)
	for i > 0 {
		r, n := utf8.DecodeLastRune(b[:i])
		if !isWordRune(r) {
			break
		}
		i -= n
	}
	return b[i:]
}

func wordAfter(b []byte) []byte {
	i := 0
	for i < len(b) {
		r, n := utf8.DecodeRune(b[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return b[:i]
}
