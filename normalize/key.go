package normalize

import (
	"strings"
	"unicode/utf8"
)

// ZWNJ is the zero-width non-joiner, the Persian half-space.
const ZWNJ = '\u200c'

// foldKey maps a rune of display text to its matching-key form; -1 drops it.
func foldKey(r rune) rune {
	switch {
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰')
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠')
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r >= '\u064B' && r <= '\u065F', r == '\u0670', r == 'ـ': // harakat, superscript alef, tatweel
		return -1
	case r == ZWNJ, r == '\u200d', r == '\u200e', r == '\u200f', r == '\ufeff':
		return -1
	}
	switch r {
	case 'ي', 'ى', 'ئ', 'ۍ', 'ې':
		return 'ی'
	case 'ك', 'ڪ':
		return 'ک'
	case 'ة', 'ۀ', 'ە', 'ہ':
		return 'ه'
	case 'أ', 'إ', 'ٱ', 'آ':
		return 'ا'
	case 'ؤ':
		return 'و'
	case 'ء', '\u0654', '\u0655':
		return -1
	case '\u00a0', '\t', '\n', '\r', '\u2009', '\u202f', '\u200a':
		return ' '
	}
	return r
}

// Key returns the matching key of s: ZWNJ and diacritics removed, letter
// forms and digits folded, Latin lower-cased, runs of space collapsed.
// "رئیس‌جمهور" and "رئیسجمهور" have the same key; "رئیس جمهور" keeps its
// space, so dictionaries list both spellings of a compound (the actors
// package does that for every name).
func Key(s string) string {
	k, _ := Fold(s)
	return k
}

// Fold returns Key(s) and, for every byte of the key, the rune index in s
// of the rune that produced it, plus one final entry for the key's end
// (the rune count of s), so that a match at key bytes [i, j) covers runes
// [pos[i], pos[j-1]+1) of s.
func Fold(s string) (key string, pos []int) {
	var b strings.Builder
	b.Grow(len(s))
	pos = make([]int, 0, len(s)+1)
	space := true // drop leading space
	ri := 0
	for _, r := range s {
		f := foldKey(r)
		if f == ' ' || (f != -1 && isSpace(f)) {
			if !space {
				b.WriteByte(' ')
				pos = append(pos, ri)
				space = true
			}
		} else if f != -1 {
			n := utf8.RuneLen(f)
			b.WriteRune(f)
			for range n {
				pos = append(pos, ri)
			}
			space = false
		}
		ri++
	}
	key = b.String()
	if space && len(key) > 0 { // trailing space
		key = key[:len(key)-1]
		pos = pos[:len(pos)-1]
	}
	pos = append(pos, ri)
	return key, pos
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\u2000' || r == '\u2001' || r == '\u2002' || r == '\u2003'
}
