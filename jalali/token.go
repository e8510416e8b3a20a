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

func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || isJoiner(r)
}

// tokenize appends the tokens of line to toks. base and bbase are the
// rune and byte offsets of the line in the text. It returns the rune
// offset of the line's end.
func tokenize(line string, base, bbase int, toks []token) ([]token, int) {
	ri := base
	space := true
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case digitValue(r) >= 0:
			t := token{kind: tNum, start: ri, bstart: bbase + i, space: space}
			for i < len(line) {
				r, size = utf8.DecodeRuneInString(line[i:])
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
		case unicode.IsLetter(r):
			t := token{kind: tWord, start: ri, bstart: bbase + i, space: space}
			j, rj := i, ri
			end, rend := i, ri // after the last rune that is not a joiner
			for j < len(line) {
				r, size = utf8.DecodeRuneInString(line[j:])
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
		case unicode.IsSpace(r) || isJoiner(r) || r == '\u200e' || r == '\u200f' || r == '\ufeff':
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
