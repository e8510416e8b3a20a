package didar

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinLetters is the fewest letters an article's text may have; less is a
// caption, a menu or an error page, not news.
const MinLetters = 40

// CheckText tells whether text can be stored as an article's text. Every
// entry point (files, feeds, pages, the API) applies this one check, so
// that none accepts what another refuses. U+FFFD is refused with invalid
// bytes: it is what a lenient decoder leaves where bytes were lost.
func CheckText(text string) error {
	if !utf8.ValidString(text) {
		return Errorf(EINVALID, "text is not valid UTF-8")
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		return Errorf(EINVALID, "text has a NUL byte at offset %d", i)
	}
	if i := strings.IndexRune(text, utf8.RuneError); i >= 0 {
		line := 1 + strings.Count(text[:i], "\n")
		return Errorf(EINVALID, "text has U+FFFD (bytes lost in decoding) on line %d", line)
	}
	n := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			if n++; n >= MinLetters {
				return nil
			}
		}
	}
	if n == 0 {
		return Errorf(EINVALID, "no text")
	}
	return Errorf(EINVALID, "too little text (%d letters, %d needed)", n, MinLetters)
}
