package jalali

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord = iota + 1
	tNum
	tPunct
)

// token is a word, a run of digits or one punctuation rune of a line.
type token struct {
	kind         int
	start, end   int    // rune offsets in the whole text
	bstart, bend int    // byte offsets in the whole text
	key          string // folded word, or the punctuation rune
	val          int    // value of a number, capped
	ndig         int    // digits in a number
	space        bool   // white space separates it from the token before

	// The lexicon match starting here, worked out once.
	matched bool
	mlen    int
	mes     []entry
}

// digitValue returns the value of an ASCII, Persian or Arabic-Indic digit,
// or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '۰' && r <= '۹':
		return int(r - '۰')
	case r >= '٠' && r <= '٩':
		return int(r - '٠')
	}
	return -1
}

func isJoiner(r rune) bool { return r == '\u200c' || r == '\u200d' }

// isLetter is unicode.IsLetter with a fast path for ASCII and the Arabic
// block, which is most of the text.
func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	case r >= 0x0600 && r <= 0x06ff:
		return r >= 0x0620 && r <= 0x064a || r >= 0x066e && r <= 0x06d3 && r != 0x0670 ||
			r == 0x06d5 || r >= 0x06ee && r <= 0x06ef || r >= 0x06fa
	}
	return unicode.IsLetter(r)
}

func inWord(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	case r >= 0x0600 && r <= 0x06ff:
		// Letters, and the marks written on them.
		return isLetter(r) || r >= 0x064b && r <= 0x065f || r == 0x0670 || r >= 0x06d6 && r <= 0x06ed && r != 0x06dd && r != 0x06de && r != 0x06e9
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || isJoiner(r)
}

// decode is utf8.DecodeRuneInString with a fast path for the two-byte
// runes of Persian.
func decode(s string, i int) (rune, int) {
	if b := s[i]; b < 0x80 {
		return rune(b), 1
	} else if b >= 0xc2 && b < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
		return rune(b&0x1f)<<6 | rune(s[i+1]&0x3f), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// tokenize appends the tokens of line to toks. base and bbase are the
// rune and byte offsets of the line in the text. It returns the rune
// offset of the line's end.
func tokenize(line string, base, bbase int, toks []token) ([]token, int) {
	ri := base
	space := true
	for i := 0; i < len(line); {
		r, size := decode(line, i)
		switch {
		case digitValue(r) >= 0:
			t := token{kind: tNum, start: ri, bstart: bbase + i, space: space}
			for i < len(line) {
				r, size = decode(line, i)
				v := digitValue(r)
				if v < 0 {
					break
				}
				if t.val < 1e8 {
					t.val = t.val*10 + v
				}
				t.ndig++
				i += size
				ri++
			}
			t.end, t.bend = ri, bbase+i
			toks = append(toks, t)
			space = false
		case isLetter(r):
			t := token{kind: tWord, start: ri, bstart: bbase + i, space: space}
			j, rj := i, ri
			end, rend := i, ri // after the last rune that is not a joiner
			for j < len(line) {
				r, size = decode(line, j)
				if !inWord(r) {
					break
				}
				j += size
				rj++
				if !isJoiner(r) {
					end, rend = j, rj
				}
			}
			t.key = foldKey(line[i:end])
			t.end, t.bend = rend, bbase+end
			toks = append(toks, t)
			// A trailing joiner is not part of the word.
			i, ri = end, rend
			space = false
		case r == ' ' || isJoiner(r) || unicode.IsSpace(r) || r == '\u200e' || r == '\u200f' || r == '\ufeff':
			i += size
			ri++
			space = true
		default:
			toks = append(toks, token{kind: tPunct, start: ri, end: ri + 1, bstart: bbase + i, bend: bbase + i + size,
				key: line[i : i+size], space: space})
			i += size
			ri++
			space = false
		}
	}
	return toks, ri
}
