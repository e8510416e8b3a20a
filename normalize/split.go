package normalize

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Span is a range of runes of a text, End exclusive.
type Span struct{ Start, End int }

// Token is a word, number or punctuation mark of a text, with its rune
// range.
type Token struct {
	Start, End int
	Text       string
}

// abbreviations lists words that end with a point without ending the
// sentence (Dr., Prof.); single letters (ق.م, U.S.) are always taken as
// abbreviations.
var abbreviations = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	if err := readList(dataFS, "data/abbreviations.txt", func(w string) error {
		m[strings.ToLower(cleanWord(w))] = true
		return nil
	}); err != nil {
		panic(err)
	}
	return m
})

func isTerminator(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '؟' || r == '…'
}

// Sentences splits text into sentences: after . ! ? ؟ … followed by space
// or the end, and at line breaks. It does not split inside numbers (3.5),
// after abbreviations (ق.م, آ.ی.ا, U.S., Dr.), or inside « » and " "
// quotes, which may hold several sentences; a line break ends a quote that
// was never closed. Spans leave out surrounding space.
func Sentences(text string) []Span {
	rs := []rune(text)
	var spans []Span
	start := 0
	add := func(end int) {
		s, e := start, end
		for s < e && unicode.IsSpace(rs[s]) {
			s++
		}
		for e > s && (unicode.IsSpace(rs[e-1]) || rs[e-1] == ZWNJ) {
			e--
		}
		if e > s {
			spans = append(spans, Span{s, e})
		}
		start = end
	}
	depth, straight := 0, false // « » nesting, inside "..."
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\n':
			add(i)
			depth, straight = 0, false
			continue
		case r == '«':
			depth++
		case r == '»':
			if depth > 0 {
				depth--
			}
		case r == '"':
			straight = !straight
		}
		if !isTerminator(r) {
			continue
		}
		j := i + 1
		for j < len(rs) && (isTerminator(rs[j]) || rs[j] == '»' || rs[j] == '"' || rs[j] == ')') {
			switch rs[j] {
			case '»':
				if depth > 0 {
					depth--
				}
			case '"':
				straight = !straight
			}
			j++
		}
		if j < len(rs) && !unicode.IsSpace(rs[j]) {
			continue // 3.5, ق.م, U.S.A
		}
		if depth > 0 || straight {
			continue
		}
		if r == '.' && isAbbreviation(rs, i) {
			continue
		}
		add(j)
		i = j - 1
	}
	add(len(rs))
	return spans
}

// isAbbreviation reports whether the point at i ends an abbreviation: a
// single letter (ق.م. or U.S.) or a listed word (Dr.).
func isAbbreviation(rs []rune, i int) bool {
	s := i
	for s > 0 && isWordRune(rs[s-1]) {
		s--
	}
	if s == i {
		return false
	}
	if i-s == 1 {
		return true
	}
	return abbreviations()[strings.ToLower(string(rs[s:i]))]
}

// Words splits text into tokens: words (a ZWNJ inside keeps one word),
// numbers with their separators (12,500 ۳٫۵ 1402/09/14) and punctuation
// marks, each its own token. Spaces are skipped.
func Words(text string) []Token {
	b := []byte(text)
	var out []Token
	ri := 0 // rune index of byte i
	for i := 0; i < len(b); {
		var j int
		r := rune(b[i])
		if r >= 0x80 {
			r, _ = utf8.DecodeRune(b[i:])
		}
		switch {
		case isDigit(r):
			j = scanNumber(b, i)
		case isWordRune(r):
			j, _, _ = scanWord(b, i)
		default:
			_, sz := utf8.DecodeRune(b[i:])
			j = i + sz
		}
		n := utf8.RuneCount(b[i:j])
		if !unicode.IsSpace(r) && r != ZWNJ && !isDropped(r) {
			out = append(out, Token{Start: ri, End: ri + n, Text: string(b[i:j])})
		}
		ri += n
		i = j
	}
	return out
}
