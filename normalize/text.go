package normalize

import (
	"bytes"
	"math"
	"strings"
	"sync"
	"unicode/utf8"
)

// Text returns the display form of s using the embedded word lists. See
// Normalizer.Text.
func Text(s string) string {
	return defaultNormalizer().Text(s)
}

// token kinds of the second pass.
const (
	tkSpace  = iota // run of spaces
	tkBreak         // run of spaces holding line breaks
	tkDrop          // a ZWNJ outside a word
	tkWord          // letters and marks, ZWNJ inside
	tkNumber        // digits with separators: 3.5 12,500 1402/09/14 14:19 10%
	tkOpaque        // URL or e-mail address, copied as it is
	tkPunct         // punctuation whose spacing is fixed
	tkOther         // any other rune
)

// A token is 16 bytes, so that it is copied in one move.
type token struct {
	start, end int32
	r          rune   // the rune of tkPunct; ZWNJ for a tkWord holding one
	n          uint16 // line breaks (tkBreak), runes (tkWord), at most 65535
	kind       uint8
}

var tokenPool = sync.Pool{New: func() any { s := make([]token, 0, 2*chunkTokens); return &s }}
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// Text returns the display form of s: the form Didar stores and shows and
// to which every offset refers. It is idempotent, and Key(Text(s)) ==
// Key(s). In order: letter forms, digits, diacritics and spaces (clean);
// then, token by token, runs of space collapsed, line breaks kept (a blank
// line stays one), spacing around ، ؛ : . ! ؟ « » ( ) fixed outside numbers,
// URLs and e-mail addresses, and lost ZWNJs restored from the lexicon.
func (n *Normalizer) Text(s string) string {
	return n.text(s, chunkTokens)
}

// text is Text with chunks of about limit tokens.
func (n *Normalizer) text(s string, limit int) string {
	bp := bufPool.Get().(*[]byte)
	b := clean((*bp)[:0], s)
	tp := tokenPool.Get().(*[]token)

	var out strings.Builder
	out.Grow(len(b) + len(b)/16)
	e := emitter{n: n, b: b, out: &out, joins: joinKeys(), lefts: joinLefts()}
	// Tokens go through in chunks small enough to stay in cache; a token
	// slice for all of b would be several times its size.
	toks := (*tp)[:0]
	for i := 0; i < len(b); {
		toks, i = tokenize(toks[:0], b, i, limit)
		e.toks = toks
		e.run()
	}

	*bp = b
	bufPool.Put(bp)
	*tp = toks
	tokenPool.Put(tp)
	return out.String()
}

// chunkTokens is the number of tokens after which tokenize looks for a
// place to stop.
const chunkTokens = 1024

// tokenize appends to toks the tokens of the cleaned text b from i on and
// returns them with the offset where it stopped. It stops once toks holds
// limit tokens and the last is neither a word nor a space: the emitter
// joins only words separated by spaces, so what it does before such a
// token never depends on what comes after it.
func tokenize(toks []token, b []byte, i, limit int) ([]token, int) {
	for i < len(b) {
		if n := len(toks); n >= limit && toks[n-1].kind != tkWord && toks[n-1].kind != tkSpace {
			break
		}
		c := b[i]
		// The fields are kept in locals and stored in place at the end: a
		// token built field by field on the stack and then copied whole
		// stalls on the copy.
		var (
			kind uint8
			end  int
			n    int
			r    rune
		)
		switch {
		case c == ' ' || c == '\n':
			j, nl := i, 0
			for j < len(b) && (b[j] == ' ' || b[j] == '\n') {
				if b[j] == '\n' {
					nl++
				}
				j++
			}
			kind, end, n = tkSpace, j, nl
			if nl > 0 {
				kind = tkBreak
			}
		case c >= '0' && c <= '9':
			kind, end = tkNumber, scanNumber(b, i)
		case c < utf8.RuneSelf:
			if isLatinLetter(rune(c)) {
				if j := scanOpaque(b, i); j > i {
					kind, end = tkOpaque, j
					break
				}
				kind = tkWord
				end, n, _ = scanWord(b, i)
				break
			}
			kind, end, r = tkOther, i+1, rune(c)
			if isSpacingPunct(rune(c)) {
				kind = tkPunct
			}
		default:
			rr, sz := decode(b[i:])
			switch {
			case isDigit(rr):
				kind, end = tkNumber, scanNumber(b, i)
			case isWordRune(rr):
				var z bool
				kind = tkWord
				end, n, z = scanWord(b, i)
				if z {
					r = ZWNJ
				}
			case rr == ZWNJ:
				kind, end = tkDrop, i+sz
			default:
				kind, end, r = tkOther, i+sz, rr
				if isSpacingPunct(rr) {
					kind = tkPunct
				}
			}
		}
		toks = append(toks, token{})
		t := &toks[len(toks)-1]
		t.kind, t.start, t.end, t.n, t.r = kind, int32(i), int32(end), uint16(min(n, math.MaxUint16)), r
		i = end
	}
	return toks, i
}

// decode is utf8.DecodeRune with the two-byte case (the Arabic block)
// inlined.
func decode(b []byte) (rune, int) {
	if len(b) >= 2 && b[0] >= 0xC2 && b[0] < 0xE0 && b[1]&0xC0 == 0x80 {
		return rune(b[0]&0x1F)<<6 | rune(b[1]&0x3F), 2
	}
	return utf8.DecodeRune(b)
}

func isLatinLetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

// isDigit reports ASCII, Persian and Arabic-Indic digits.
func isDigit(r rune) bool {
	return '0' <= r && r <= '9' || '۰' <= r && r <= '۹' || '٠' <= r && r <= '٩'
}

// isNumberSep reports separators that stay inside a number when a digit
// follows: decimal and thousands marks, date slashes, time colons.
func isNumberSep(r rune) bool {
	switch r {
	case '.', ',', '/', ':', '٫', '٬':
		return true
	}
	return false
}

// scanNumber returns the end of the number starting at i.
func scanNumber(b []byte, i int) int {
	for i < len(b) {
		r, sz := decode(b[i:])
		if isDigit(r) {
			i += sz
			continue
		}
		if isNumberSep(r) {
			if r2, _ := decode(b[i+sz:]); i+sz < len(b) && isDigit(r2) {
				i += sz
				continue
			}
		}
		if r == '%' || r == '٪' {
			i += sz
		}
		break
	}
	return i
}

// scanWord returns the end of the word starting at i and its rune count
// (ZWNJ counted). A ZWNJ belongs to the word only between word runes.
func scanWord(b []byte, i int) (end, runes int, zwnj bool) {
	nr := 0
	for i < len(b) {
		if c := b[i]; c >= 0xD8 && c <= 0xDB && i+1 < len(b) && b[i+1]&0xC0 == 0x80 {
			// Arabic block fast path.
			if arabicWord[(rune(c&0x1F)<<6|rune(b[i+1]&0x3F))-0x0600] {
				i += 2
				nr++
				continue
			}
		}
		if c := b[i]; c < utf8.RuneSelf {
			// ASCII: a Latin letter, or the space or mark that ends the word.
			if !isLatinLetter(rune(c)) {
				break
			}
			i++
			nr++
			continue
		}
		r, sz := decode(b[i:])
		if isWordRune(r) {
			i += sz
			nr++
			continue
		}
		if r == ZWNJ {
			j := i + sz
			for j < len(b) {
				r2, sz2 := decode(b[j:])
				if r2 != ZWNJ {
					break
				}
				j += sz2
			}
			if r2, _ := decode(b[j:]); j < len(b) && isWordRune(r2) {
				i = j
				nr++
				zwnj = true
				continue
			}
		}
		break
	}
	return i, nr, zwnj
}

// scanOpaque returns the end of a URL or e-mail address starting at i, or
// i when there is none. Trailing sentence punctuation is left out.
func scanOpaque(b []byte, i int) int {
	j := i
	for j < len(b) {
		c := b[j]
		if c <= ' ' || c >= utf8.RuneSelf || opaqueStop[c] {
			break
		}
		j++
	}
	run := b[i:j]
	url := hasPrefixFold(run, "http://") || hasPrefixFold(run, "https://") || hasPrefixFold(run, "www.")
	if !url {
		at := strings.IndexByte(string(run), '@')
		if at <= 0 || strings.IndexByte(string(run[at:]), '.') < 0 {
			return i
		}
	}
	for j > i && strings.IndexByte(".,;:!?", b[j-1]) >= 0 {
		j--
	}
	return j
}

// opaqueStop marks the ASCII bytes that end a URL or e-mail address
// besides spaces and controls.
var opaqueStop = func() (t [utf8.RuneSelf]bool) {
	for _, c := range []byte("\"'<>()[]{}") {
		t[c] = true
	}
	return t
}()

func hasPrefixFold(b []byte, p string) bool {
	return len(b) >= len(p) && strings.EqualFold(string(b[:len(p)]), p)
}

func isClosing(r rune) bool {
	switch r {
	case '،', '؛', ':', '.', '!', '؟', '?', '»', ')':
		return true
	}
	return false
}

func isOpening(r rune) bool { return r == '«' || r == '(' }

// emitter is the second pass: it writes tokens with fixed spacing.
type emitter struct {
	n    *Normalizer
	b    []byte
	toks []token
	out  *strings.Builder

	prev       token // last written token
	afterShort bool  // prev is '.' right after a one-letter word (ق.م)
	wrote      bool
	scratch    []byte
	buf        []byte // a word with its suffix, before it is written
	space      bool   // a space came after prev
	breaks     int    // line breaks after prev

	joins map[string]string // joinKeys and joinLefts, fetched once a call
	lefts map[string]bool
}

// run writes the tokens of e.toks; the state between tokens stays in e,
// so that the next chunk carries on from it.
func (e *emitter) run() {
	for i := 0; i < len(e.toks); i++ {
		t := e.toks[i]
		switch t.kind {
		case tkSpace:
			e.space = true
			continue
		case tkBreak:
			e.breaks += int(t.n)
			continue
		case tkDrop:
			continue
		}
		if e.wrote {
			if e.breaks > 0 {
				e.out.WriteString("\n\n"[:min(e.breaks, 2)])
			} else if e.spaceBefore(t, e.space) {
				e.out.WriteByte(' ')
			}
		}
		e.space, e.breaks = false, 0
		short := e.prev.kind == tkWord && e.prev.n == 1
		if t.kind == tkWord {
			i = e.word(i) // may consume a joined compound
		} else {
			e.out.Write(e.b[t.start:t.end])
		}
		e.afterShort = t.kind == tkPunct && t.r == '.' && short
		e.prev = e.toks[i]
		e.wrote = true
	}
}

// spaceBefore decides whether one space goes between e.prev and t; space
// says whether the input had one.
func (e *emitter) spaceBefore(t token, space bool) bool {
	p := e.prev
	if t.kind == tkPunct && isClosing(t.r) {
		// Keep a space before a point or colon that starts a number (.5).
		if (t.r == '.' || t.r == ':') && int(t.end) < len(e.b) {
			if r, _ := utf8.DecodeRune(e.b[t.end:]); isDigit(r) {
				return space
			}
		}
		return false
	}
	if p.kind == tkPunct && isOpening(p.r) {
		return false
	}
	if t.kind == tkPunct && isOpening(t.r) {
		switch {
		case p.kind == tkWord && e.b[p.start] >= utf8.RuneSelf, p.kind == tkNumber:
			return true
		case p.kind == tkPunct && isClosing(p.r):
			return true
		}
		return space
	}
	if p.kind == tkPunct && isClosing(p.r) && t.kind == tkWord && e.b[t.start] >= utf8.RuneSelf {
		if e.afterShort {
			return space // abbreviation such as ق.م or آ.ی.ا
		}
		return true
	}
	// A Persian word and a number glued lose their space in scraping
	// (آذرماه۱۴۰۲, ۱۴آذر), except ordinal and plural endings (۱۲مین,
	// ۱۳۶۰ها). Latin keeps its digits (F35, G20).
	switch {
	case p.kind == tkWord && t.kind == tkNumber:
		return space || e.b[p.start] >= utf8.RuneSelf
	case p.kind == tkNumber && t.kind == tkWord && e.b[t.start] >= utf8.RuneSelf:
		return space || !numberEndings[string(e.b[t.start:t.end])]
	}
	return space
}

// numberEndings are the endings written glued to a number.
var numberEndings = map[string]bool{
	"م": true, "ام": true, "مین": true, "امین": true, "ین": true, "ها": true, "های": true, "ای": true,
}

// word writes the word token at i, restoring ZWNJ, and joins the compounds
// of the join list written with " و " (گفت و گو). It returns the index of
// the last token consumed.
func (e *emitter) word(i int) int {
	t := e.toks[i]
	w := e.b[t.start:t.end]
	afterNumber := e.wrote && e.prev.kind == tkNumber
	w = e.writeWord(w, t.r == ZWNJ)
	// Join what was written apart (تحریم های, می کنیم); a run of suffixes
	// joins whole, so that a second pass finds nothing left to join.
	joined := false
	for i+2 < len(e.toks) && e.toks[i+1].kind == tkSpace && e.toks[i+2].kind == tkWord {
		r := e.toks[i+2]
		rw := e.b[r.start:r.end]
		if joined && !detached[string(rw)] || !joined && !e.n.lx.joinDetached(w, rw, afterNumber) {
			break
		}
		if last, _ := utf8.DecodeLastRuneInString(e.out.String()); joinsNext(last) {
			e.out.WriteRune(ZWNJ)
		}
		e.out.Write(rw)
		i += 2
		joined = true
	}
	if joined {
		return i
	}
	if len(e.joins) == 0 || e.b[t.start] < utf8.RuneSelf {
		return i
	}
	var left []byte // the left side so far, in key form
	for i+4 < len(e.toks) {
		v := &e.toks[i+2]
		if v.n != 1 || v.kind != tkWord || e.toks[i+1].kind != tkSpace || e.toks[i+3].kind != tkSpace || e.toks[i+4].kind != tkWord {
			break
		}
		w2 := &e.toks[i+4]
		if vw := string(e.b[v.start:v.end]); vw != "و" && vw != "ؤ" {
			break
		}
		// Compare keys, as Key does (رفت و آمد is رفتوامد), so that both
		// join the same compounds.
		if left == nil {
			left = appendFold(e.scratch[:0], w)
			if !e.lefts[string(left)] {
				e.scratch = left[:0]
				left = nil
				break
			}
		}
		cand := appendFold(append(left, "و"...), e.b[w2.start:w2.end])
		if _, ok := e.joins[string(cand)]; !ok {
			break
		}
		left = cand
		if last, _ := utf8.DecodeLastRune(e.b[e.toks[i].start:e.toks[i].end]); joinsNext(last) {
			e.out.WriteRune(ZWNJ)
		}
		e.out.Write(e.b[v.start:v.end])
		e.writeWord(e.b[w2.start:w2.end], w2.r == ZWNJ)
		i += 4
	}
	if left != nil {
		e.scratch = left[:0]
	}
	return i
}

// appendFold appends the key of the word b to dst, as foldWord gives it.
func appendFold(dst, b []byte) []byte {
	for len(b) > 0 {
		r, n := decode(b)
		b = b[n:]
		if f := foldKey(r); f != -1 {
			dst = utf8.AppendRune(dst, f)
		}
	}
	return dst
}

// writeWord writes one word with its ZWNJs restored; hasZWNJ says whether
// the writer already put some in. It returns the last word written, which
// is w unless w was split as glued words.
func (e *emitter) writeWord(w []byte, hasZWNJ bool) []byte {
	switch {
	case w[0] < utf8.RuneSelf || len(w) <= 4:
		// Latin, or one or two letters: nothing to restore.
		e.out.Write(w)
	case hasZWNJ:
		// The writer already placed ZWNJs: trust them, only collapse runs,
		// but split a glued first part (درسازمان‌های → در سازمان‌های).
		if i := bytes.IndexRune(w, ZWNJ); i >= 8 {
			if d, ok := e.n.lx.unglueHead(w[:i]); ok {
				e.out.WriteString(d)
				w = w[i:]
			}
		}
		prevZ := false
		for _, r := range string(w) {
			if r == ZWNJ && prevZ {
				continue
			}
			prevZ = r == ZWNJ
			e.out.WriteRune(r)
		}
	default:
		d, ok := e.n.lx.stem(w)
		if !ok {
			d, ok = e.n.lx.name(w)
		}
		if ok {
			if d == "" {
				e.out.Write(w)
			} else {
				e.out.WriteString(d)
			}
		} else if d, ok := e.n.lx.appendAffixed(e.buf[:0], w); ok {
			e.out.Write(d)
			e.buf = d[:0]
		} else if d, ok := e.n.lx.unglue(w); ok {
			e.out.WriteString(d)
			// What follows attaches to the last of the split words.
			last := d[strings.LastIndexByte(d, ' ')+1:]
			return []byte(strings.ReplaceAll(last, "\u200c", ""))
		} else {
			e.out.Write(w)
		}
	}
	return w
}
