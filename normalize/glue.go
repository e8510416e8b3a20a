package normalize

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"
)

// Scraped text loses spaces as well as ZWNJs: "ازخانه احزاب" for "از خانه
// احزاب", "سفرکنند" for "سفر کنند". A token that is not a known word, nor a
// known word + suffix, nor a می/نمی verb, is split into two or three known
// words when exactly one best split exists. Names are never listed, so a
// name (امیرعبداللهیان, قالیباف) stays whole unless it happens to be two
// listed words; the lists therefore hold common words only.

// particles are the prepositions and conjunctions most often glued to the
// next word. A split after one of them is preferred to any other.
var particles = map[string]bool{
	"از": true, "با": true, "به": true, "در": true, "بر": true, "و": true, "که": true, "تا": true,
}

// preverbs are the particles and adverbs that prefix verbs.
var preverbs = map[string]bool{
	"بر": true, "در": true, "با": true, "به": true, "باز": true, "فرا": true, "فرو": true, "وا": true, "ور": true,
}

// split classes: higher wins; two splits of the best class make the token
// ambiguous and it is left alone.
const (
	splitNone = iota
	splitWord
	splitParticle

	// twoParts is added to the class of a split in two: fewer parts win
	// (وزیربینالملل is وزیر بین‌الملل, not و زیر بین‌الملل).
	twoParts = 4
)

// known reports whether w is a word ZWNJ restoration recognises: a listed
// word or stem + ی, a می/نمی verb, a stem + suffix, or a verb form of
// three letters or more without می (کنند, نمودند).
func (lx *lexicon) known(w []byte) bool {
	if _, ok := lx.stem(w); ok {
		return true
	}
	var buf [64]byte
	if _, ok := lx.appendAffixed(buf[:0], w); ok {
		return true
	}
	return utf8.RuneCount(w) >= 3 && lx.isVerb(w)
}

// display returns the display spelling of a known part.
func (lx *lexicon) display(w []byte) string {
	if d, ok := lx.stem(w); ok {
		if d == "" {
			return string(w)
		}
		return d
	}
	if d, ok := lx.restoreAffixed(w); ok {
		return d
	}
	return string(w)
}

// firstClass rates w, of n runes, as the first part of a split.
func (lx *lexicon) firstClass(w []byte, n int) int {
	// Particles are of one or two letters, listed words that count of
	// three or more: no map is consulted for most cuts.
	if n <= 2 {
		if particles[string(w)] {
			return splitParticle
		}
		return splitNone
	}
	// Only a listed word: a first part with a suffix (کارهای...) is
	// rarely glued to what follows, and this check runs at every cut.
	if _, ok := lx.lookup(w); ok && string(w) != "است" {
		// است starts many Arabic nouns (استقبال, استحضار).
		return splitWord
	}
	return splitNone
}

// lastOK reports whether w can end a split after a: a known word of three
// letters or more, or که or را (کردکه → کرد که). Other particles do not
// end one: many words end like them (جانباز, بنادر, اردو). A verb form
// ends one only after a word (سفرکنند) or و, که, تا, از; a compound part
// or family-name ending (data/tails.txt) only after a particle.
func (lx *lexicon) lastOK(a, w []byte) bool {
	switch string(w) {
	case "که", "را":
		return true // کردکه, خودرا
	case "آن", "هم", "او", "ما":
		return particles[string(a)] // درآن, باهم
	}
	if utf8.RuneCount(w) < 3 || !particles[string(a)] && isTail(w) {
		return false
	}
	// After a preverb a verb form makes one word: a prefixed verb
	// (درگذشته, برگرفتن, بازگردد).
	preverb := preverbs[string(a)]
	if lx.partKnown(w) {
		return !preverb || !lx.verbal(w) && !lx.isVerb(w)
	}
	return !preverb && lx.isBareVerb(w)
}

// lightVerbs are the present stems that end compound verbs without می
// (سفر کنند, اجرا شود, پایان دهد); other present stems with an ending
// are too often parts of other words (نامی, جنگی).
var lightVerbs = map[string]bool{
	"کن": true, "شو": true, "ده": true, "دار": true, "گیر": true, "ساز": true, "نما": true,
	"گرد": true, "یاب": true, "خواه": true, "توان": true, "باش": true, "زن": true, "آور": true,
	"رس": true, "بخش": true, "گذار": true, "فرما": true,
}

// isBareVerb reports a verb form without می: a past stem with a personal
// ending (کرد, نمودند) or a light verb's present stem with one (کنند).
func (lx *lexicon) isBareVerb(w []byte) bool {
	for _, e := range pastEndings {
		if st, ok := bytes.CutSuffix(w, e); ok && lx.past[string(st)] {
			return true
		}
	}
	for _, e := range presentEndings {
		if st, ok := bytes.CutSuffix(w, e); ok && lightVerbs[string(st)] {
			return true
		}
	}
	return false
}

// verbal reports whether w starts with a past stem followed by nothing, a
// personal ending, ه (participle) or ن (infinitive): گذشته, گرفتن.
func (lx *lexicon) verbal(w []byte) bool {
	for i := 0; i < len(w); {
		_, sz := utf8.DecodeRune(w[i:])
		i += sz
		if !lx.past[string(w[:i])] {
			continue
		}
		rest := w[i:]
		if len(rest) == 0 || bytes.HasPrefix(rest, heh) || bytes.HasPrefix(rest, []byte("ن")) {
			return true
		}
		for _, e := range pastEndings {
			if len(e) > 0 && bytes.Equal(rest, e) {
				return true
			}
		}
	}
	return false
}

// partKnown reports whether w is a word that may stand as a part of a
// split: listed, or a listed word of three letters or more with ی or a
// suffix (راستای, کارهایم, but not نه‌ایم from نه).
func (lx *lexicon) partKnown(w []byte) bool {
	if _, ok := lx.lookup(w); ok {
		return true
	}
	if _, ok := lx.stemYeh(w); ok {
		return utf8.RuneCount(w) >= 4
	}
	d, ok := lx.restoreAffixed(w)
	if !ok {
		return false
	}
	if i := strings.IndexRune(d, ZWNJ); i >= 0 {
		return utf8.RuneCountInString(d[:i]) >= 3
	}
	return true
}

// tails holds the compound parts of data/tails.txt.
var tails = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	if err := readList(dataFS, "data/tails.txt", func(w string) error {
		m[cleanWord(w)] = true
		return nil
	}); err != nil {
		panic(err)
	}
	return m
})

// isTail reports whether w is a compound part of tails.txt, bare or with
// ی, ای, ها, های or ان.
func isTail(w []byte) bool {
	t := tails()
	if t[string(w)] {
		return true
	}
	for _, e := range tailEndings {
		if b, ok := bytes.CutSuffix(w, e); ok && t[string(b)] {
			return true
		}
	}
	return false
}

var tailEndings = byteList("ی", "ای", "ها", "های", "ان")

// splitGlued returns w split into known words with spaces, or false. w is
// a Persian word without ZWNJ that is not itself known.
func (lx *lexicon) splitGlued(w []byte) (string, bool) {
	best, n, out := lx.bestSplit(w, true)
	if best == splitNone || n != 1 {
		return "", false
	}
	return out, true
}

// bestSplit returns the best class of split of w, how many splits reach
// it, and the split text. With deeper, the second part may itself be
// split once (تشکرازدکتر → تشکر از دکتر).
func (lx *lexicon) bestSplit(w []byte, deeper bool) (best, n int, out string) {
	cut, rest := 0, "" // of the best split so far; its text is built at the end
	for i, runes := 0, 0; i < len(w); {
		_, sz := utf8.DecodeRune(w[i:])
		i += sz
		runes++
		if i >= len(w) {
			break
		}
		a, b := w[:i], w[i:]
		c := lx.firstClass(a, runes)
		if c == splitNone {
			continue
		}
		r := ""
		switch {
		case lx.lastOK(a, b):
			c += twoParts
		case deeper:
			bc, bn, bs := lx.bestSplit(b, false)
			if bc == splitNone || bn != 1 {
				continue
			}
			r = bs
		default:
			continue
		}
		if c < best {
			continue
		}
		if c > best {
			best, n = c, 0
		}
		n++
		cut, rest = i, r
	}
	if n != 1 {
		return best, n, ""
	}
	if rest == "" {
		rest = lx.display(w[cut:])
	}
	return best, n, lx.display(w[:cut]) + " " + rest
}

// detached are the suffixes that scraped text writes as words of their
// own (تحریم های, بزرگ ترین); they are joined back to the word before.
var detached = map[string]bool{
	"ها": true, "های": true, "هایی": true, "ای": true, "ترین": true, "تر": true,
	"اش": true, "ام": true, "ات": true,
}

// joinDetached reports whether the word right, written after left with a
// space, belongs to left: a detached suffix, a verb after می/نمی, or the
// second half of a listed compound that is no word by itself (بین المللی).
// afterNumber says a number came just before left (۱۰ می ۲۰۲۴). It runs
// on every pair of words, so the common case costs one map lookup.
func (lx *lexicon) joinDetached(left, right []byte, afterNumber bool) bool {
	if left[0] < utf8.RuneSelf || right[0] < utf8.RuneSelf {
		return false
	}
	switch string(left) {
	case "می", "نمی":
		return !afterNumber && !bytes.ContainsRune(right, ZWNJ) && lx.isVerb(right)
	}
	switch string(right) {
	case "ای", "ام", "اش", "ات":
		// Apart from its word, this suffix follows ه or ی (منطقه ای);
		// after a consonant ای is the vocative (گفت ای مردم).
		if !bytes.HasSuffix(left, heh) && !bytes.HasSuffix(left, yeh) {
			return false
		}
		fallthrough
	case "ها", "های", "هایی", "ترین", "تر":
		return len(left) > 2 && !particles[string(left)] && !detached[string(left)]
	}
	if !lx.maybeSeam(left, right) || !lx.heads[string(left)] {
		return false
	}
	var buf [64]byte
	if len(left)+len(right) > len(buf) {
		return false
	}
	glued := append(append(buf[:0], left...), right...)
	d, ok := lx.lookup(glued)
	if !ok || len(d) != len(glued)+len("\u200c") || d[:len(left)] != string(left) || d[len(left):len(left)+3] != "\u200c" {
		return false
	}
	return !bytes.ContainsRune(right, ZWNJ) && !lx.known(right)
}

// unglue returns w split into words when it is an unknown run of Persian
// letters (neither listed nor a listed word + suffix, which the caller has
// checked) that splits in exactly one best way. Latin, digits and URLs are
// separate tokens and never reach it.
func (lx *lexicon) unglue(w []byte) (string, bool) {
	// Four two-byte letters at least (وگفت); at most 30, which bounds the
	// quadratic search of three-part splits.
	if len(w) < 8 || len(w) > 60 {
		return "", false
	}
	for _, c := range w {
		if c < utf8.RuneSelf {
			return "", false
		}
	}
	if lx.isVerb(w) {
		return "", false
	}
	d, ok := lx.splitGlued(w)
	if !ok || lx.keepWhole(w) {
		// Checked last: few words split, and most are not real words.
		return "", false
	}
	return d, true
}

// unglueHead splits the part of a word before its first ZWNJ when that part
// is unknown, as unglue does for a whole word.
func (lx *lexicon) unglueHead(w []byte) (string, bool) {
	if _, ok := lx.stem(w); ok {
		return "", false
	}
	var buf [64]byte
	if _, ok := lx.appendAffixed(buf[:0], w); ok {
		return "", false
	}
	return lx.unglue(w)
}
