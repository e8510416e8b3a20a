package normalize

import (
	"unicode/utf8"
)

// clean is the first pass of Text: it works rune by rune, appending to dst
// the letter-level display form of s. Presentation forms are expanded,
// Arabic letter variants and digits mapped, diacritics and invisible
// controls dropped, odd spaces turned into ' ' and line breaks into '\n'.
// Runs of spaces and punctuation spacing are left to the second pass.
func clean(dst []byte, s string) []byte {
	// Bytes that stay as they are, most of them, are copied in runs:
	// s[from:i] is the run not yet copied.
	from := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\r':
				dst = append(dst, s[from:i]...)
				if i+1 < len(s) && s[i+1] == '\n' {
					i++
					from = i
					continue
				}
				dst = append(dst, '\n')
			case '\t', '\v', '\f':
				dst = append(dst, s[from:i]...)
				dst = append(dst, ' ')
			default:
				i++
				continue
			}
			i++
			from = i
			continue
		}
		if c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// Arabic block: most letters are copied as they are.
			r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			if !cleanSame[r-0x0600] {
				dst = append(dst, s[from:i]...)
				dst = cleanRune(dst, r)
				from = i + 2
			}
			i += 2
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == ZWNJ {
			i += n
			continue
		}
		dst = append(dst, s[from:i]...)
		i += n
		from = i
		if isPresentation(r) {
			for _, x := range expandPresentation(r) {
				dst = cleanRune(dst, x)
			}
			continue
		}
		dst = cleanRune(dst, r)
	}
	return append(dst, s[from:]...)
}

// cleanSame marks the runes of the Arabic block that clean copies
// unchanged.
var cleanSame = func() (t [256]bool) {
	for i := range t {
		r := rune(0x0600 + i)
		t[i] = string(cleanRune(nil, r)) == string(r) && r != '\u0654' && r != '\u0655'
	}
	return t
}()

// cleanRune appends the display form of one non-presentation rune.
func cleanRune(dst []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		return append(dst, byte(r))
	case r >= '٠' && r <= '٩':
		return utf8.AppendRune(dst, r-'٠'+'۰')
	case r == '\u0654' || r == '\u0655':
		return composeHamza(dst, r)
	case r >= '\u064B' && r <= '\u065F', r == '\u0670', r == 'ـ':
		return dst
	case r == ZWNJ:
		return utf8.AppendRune(dst, r)
	case isDropped(r):
		return dst
	case r == '\u0085' || r == '\u2028' || r == '\u2029':
		return append(dst, '\n')
	case isOtherSpace(r):
		return append(dst, ' ')
	}
	switch r {
	case 'ي', 'ى':
		r = 'ی'
	case 'ك':
		r = 'ک'
	case 'ۂ':
		r = 'ۀ'
	}
	return utf8.AppendRune(dst, r)
}

// composeHamza writes a combining hamza as the precomposed letter it forms
// with the letter before it (so ه + ٔ is always ۀ, the one form Didar
// keeps), and drops it elsewhere.
func composeHamza(dst []byte, h rune) []byte {
	prev, n := utf8.DecodeLastRune(dst)
	var c rune
	if h == '\u0654' {
		switch prev {
		case 'ه', 'ە':
			c = 'ۀ'
		case 'ا':
			c = 'أ'
		case 'و':
			c = 'ؤ'
		case 'ی':
			c = 'ئ'
		}
	} else if prev == 'ا' {
		c = 'إ'
	}
	if c == 0 {
		return dst
	}
	return utf8.AppendRune(dst[:len(dst)-n], c)
}
