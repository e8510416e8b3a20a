package normalize

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// The lists that are read into maps; data/fa-ir.txt is searched in place
// (wordset.go).
//
//go:embed data/words.txt data/compounds.txt data/joins.txt data/verbs.txt data/elements.txt data/tails.txt data/abbreviations.txt
var dataFS embed.FS

// lexicon is what ZWNJ restoration knows: words (keyed by their spelling
// without ZWNJ, valued by their display spelling) and verb stems.
type lexicon struct {
	words   map[string]string
	present map[string]bool
	past    map[string]bool
	heads   map[string]bool // first parts of words listed with one ZWNJ (بین of بین‌المللی)
	// names holds the words of AddNames (key → display spelling, "" when
	// the same), spaced their adjacent pairs glued; whole is data/fa-ir.txt.
	names  map[string]string
	spaced map[string]bool
	whole  *wordSet
	shared bool // words, heads and seams are another lexicon's (see share)
	// seams marks the byte pairs found across the ZWNJ of those words (see
	// seam), so that most pairs of words are ruled out without hashing.
	seams *[1 << 16 / 64]uint64
	// verbEnds marks the bytes a verb form can end with: the last bytes
	// of the personal endings and of the past stems (کرد).
	verbEnds [256]bool
}

// seam returns the index in lexicon.seams of the pair left, right: a
// hash of the length of left, the second and last bytes of left and the
// second byte of right, which for Persian letters tell most pairs apart
// at a constant cost. Pairs that share an index only cost a map lookup.
func seam(left, right []byte) int {
	k := uint32(len(left))<<24 | uint32(left[len(left)-1])
	if len(left) > 1 {
		k |= uint32(left[1]) << 8
	}
	if len(right) > 1 {
		k |= uint32(right[1]) << 16
	}
	return int((k * 2654435761) >> 16)
}

// maybeSeam reports whether some word listed with one ZWNJ may be left +
// ZWNJ + right.
func (lx *lexicon) maybeSeam(left, right []byte) bool {
	i := seam(left, right)
	return lx.seams[i/64]&(1<<(i%64)) != 0
}

// baseLexicon is the embedded lexicon, read once; Normalizers share it (see share).
var baseLexicon = sync.OnceValue(func() *lexicon {
	lx := &lexicon{words: map[string]string{}, present: map[string]bool{}, past: map[string]bool{}, heads: map[string]bool{},
		names: map[string]string{}, spaced: map[string]bool{}, whole: whole(), seams: new([1 << 16 / 64]uint64)}
	for _, name := range []string{"data/words.txt", "data/compounds.txt", "data/joins.txt"} {
		if err := readList(dataFS, name, lx.addWord); err != nil {
			panic(err) // embedded data is checked by the tests
		}
	}
	if err := readList(dataFS, "data/verbs.txt", lx.addVerb); err != nil {
		panic(err)
	}
	return lx
})

// joinKeys maps the key of each compound that Text joins across " و "
// (گفت و گو → گفت‌وگو) to its display form. It is fixed at build time so
// that Key, which has no Normalizer, agrees with every Normalizer.
var joinKeys = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	err := readList(dataFS, "data/joins.txt", func(w string) error {
		d := cleanWord(w)
		if !strings.ContainsRune(d, 'و') {
			return fmt.Errorf("%q has no و to join on", w)
		}
		m[foldWord(d)] = d
		return nil
	})
	if err != nil {
		panic(err)
	}
	return m
})

// joinLefts holds every key that can stand left of " و " in a join: the
// part of each compound before one of its و.
var joinLefts = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for k := range joinKeys() {
		for i := 0; i < len(k); i++ {
			if strings.HasPrefix(k[i:], "و") && i > 0 {
				m[k[:i]] = true
			}
		}
	}
	return m
})

// readList calls add for every entry of an embedded list: one entry a
// line, '#' starts a comment.
func readList(fsys embed.FS, name string, add func(string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	if err := scanList(f, add); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func scanList(r io.Reader, add func(string) error) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if i := strings.IndexByte(t, '#'); i >= 0 {
			t = t[:i]
		}
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if err := add(t); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	return sc.Err()
}

// cleanWord returns the display spelling of a list entry.
func cleanWord(w string) string {
	return string(clean(nil, w))
}

// foldWord is the key of a single word (no spaces), as Fold would give it.
func foldWord(w string) string {
	var b []byte
	for _, r := range w {
		if f := foldKey(r); f != -1 {
			b = utf8.AppendRune(b, f)
		}
	}
	return string(b)
}

func (lx *lexicon) addWord(w string) error {
	d := cleanWord(w)
	if strings.ContainsAny(d, " \n") {
		return fmt.Errorf("%q: one word a line (use ZWNJ inside compounds, not spaces)", w)
	}
	k := strings.ReplaceAll(d, "\u200c", "")
	if k == "" {
		return fmt.Errorf("%q: empty word", w)
	}
	if k == d {
		d = ""
	}
	if h, t, ok := strings.Cut(d, "\u200c"); ok && strings.Count(d, "\u200c") == 1 {
		lx.heads[h] = true
		if h != "" {
			i := seam([]byte(h), []byte(t))
			lx.seams[i/64] |= 1 << (i % 64)
		}
	}
	lx.words[k] = d
	return nil
}

// addVerb reads "present past", e.g. "کن کرد"; the past participle
// (کرده) becomes a word, so that کردهاند splits as کرده‌اند.
func (lx *lexicon) addVerb(line string) error {
	f := strings.Fields(cleanWord(line))
	if len(f) != 2 {
		return fmt.Errorf("%q: want a present and a past stem", line)
	}
	lx.present[f[0]] = true
	lx.past[f[1]] = true
	lx.verbEnds[f[1][len(f[1])-1]] = true
	for _, e := range slices.Concat(presentEndings, pastEndings) {
		if len(e) > 0 {
			lx.verbEnds[e[len(e)-1]] = true
		}
	}
	// The participle and the infinitive (کردن) are words too, so that
	// their glued forms with suffixes are never split as two words.
	for _, w := range []string{f[1] + "ه", f[1] + "ن"} {
		if _, ok := lx.words[w]; !ok {
			lx.words[w] = ""
		}
	}
	return nil
}

// share returns a copy of lx that shares its word maps, which the
// copy's own unshare makes its own before any word is added: most
// Normalizers only add names, and the maps cost a megabyte.
func (lx *lexicon) share() *lexicon {
	c := *lx
	c.names, c.spaced, c.shared = maps.Clone(lx.names), maps.Clone(lx.spaced), true
	return &c
}

func (lx *lexicon) unshare() {
	if !lx.shared {
		return
	}
	lx.words, lx.heads = maps.Clone(lx.words), maps.Clone(lx.heads)
	seams := *lx.seams
	lx.seams, lx.shared = &seams, false
}

// lookup returns the display spelling of a known word, "" when it is
// spelt as w.
func (lx *lexicon) lookup(w []byte) (string, bool) {
	d, ok := lx.words[string(w)]
	return d, ok
}

// stem reports whether w is a known word or a known word with the
// adjective/noun ending ی (چینی from چین, آمریکایی from آمریکا), which
// attaches without ZWNJ, and returns its display spelling, "" when that is
// w itself.
func (lx *lexicon) stem(w []byte) (string, bool) {
	if d, ok := lx.lookup(w); ok {
		return d, true
	}
	return lx.stemYeh(w)
}

// stemYeh is stem for a w that is not itself listed.
func (lx *lexicon) stemYeh(w []byte) (string, bool) {
	if b, ok := bytes.CutSuffix(w, yeh); ok && len(b) >= 4 {
		if d, ok := lx.lookup(b); ok {
			if d == "" {
				return "", true
			}
			return d + "ی", true
		}
		if bb, ok := bytes.CutSuffix(b, yeh); ok && len(bb) >= 4 {
			if d, ok := lx.lookup(bb); ok {
				if d == "" {
					return "", true
				}
				return d + "یی", true
			}
		}
	}
	return "", false
}

var (
	yeh = []byte("ی")
	heh = []byte("ه")
)

// suffixes that Persian writes apart from their stem, longest first within
// each family. afterVowel marks those written apart only after ه or ی
// (خانه‌ای, چینی‌اش, but کتابم, کشورشان); hehOnly those only after ه
// (علاقه‌مند, خانه‌شان). ات is left out: جزئیات and عملیات are single words
// far more often than جزئی‌ات.
type suffix struct {
	s                   []byte
	afterVowel, hehOnly bool
}

var suffixes = []suffix{
	{[]byte("هایشان"), false, false}, {[]byte("هایتان"), false, false}, {[]byte("هایمان"), false, false},
	{[]byte("هایش"), false, false}, {[]byte("هایم"), false, false}, {[]byte("هایت"), false, false},
	{[]byte("هایی"), false, false}, {[]byte("های"), false, false}, {[]byte("ها"), false, false},
	{[]byte("ترین"), false, false}, {[]byte("تر"), false, false},
	{[]byte("ایم"), true, true}, {[]byte("اید"), true, true}, {[]byte("اند"), true, true},
	{[]byte("ای"), true, false}, {[]byte("ام"), true, false}, {[]byte("اش"), true, false},
	{[]byte("مان"), true, true}, {[]byte("تان"), true, true}, {[]byte("شان"), true, true},
	{[]byte("مند"), true, true},
}

// suffixesByLastByte indexes suffixes and compound parts (elements.txt)
// by their last byte, so that most words are checked against a few of
// them, not all.
var suffixesByLastByte = sync.OnceValue(func() *[256][]suffix {
	var t [256][]suffix
	all := suffixes
	err := readList(dataFS, "data/elements.txt", func(w string) error {
		all = append(all, suffix{[]byte(cleanWord(w)), true, true})
		return nil
	})
	if err != nil {
		panic(err)
	}
	for _, sf := range all {
		c := sf.s[len(sf.s)-1]
		t[c] = append(t[c], sf)
	}
	for _, b := range t {
		// Stable, so that of two suffixes of one length the one listed
		// first still wins.
		slices.SortStableFunc(b, func(x, y suffix) int { return len(x.s) - len(y.s) })
	}
	return &t
})

var (
	presentEndings = byteList("یند", "ییم", "یید", "یم", "ید", "ند", "م", "ی", "د")
	pastEndings    = byteList("یم", "ید", "ند", "م", "ی", "ه", "")
	verbPrefixes   = byteList("نمی", "می")
)

func byteList(ss ...string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

// restore returns w (a word without ZWNJ) with its lost ZWNJs put back
// and true, or false when w is not recognised or needs no change. Order:
// a known word (or known word + ی); می/نمی + a verb form; a known stem +
// suffix, the longest stem winning (خانهای is خانه‌ای, not خان‌های).
func (lx *lexicon) restore(w []byte) (string, bool) {
	if d, ok := lx.stem(w); ok {
		return d, d != ""
	}
	return lx.restoreAffixed(w)
}

// restoreAffixed is restore for a w that is not a known word.
func (lx *lexicon) restoreAffixed(w []byte) (string, bool) {
	var buf [64]byte
	d, ok := lx.appendAffixed(buf[:0], w)
	if !ok {
		return "", false
	}
	return string(d), true
}

// appendAffixed appends to dst what restoreAffixed returns, so that Text
// writes it without building a string for each word.
func (lx *lexicon) appendAffixed(dst, w []byte) ([]byte, bool) {
	if len(w) < 6 { // three two-byte letters: nothing shorter needs a ZWNJ here
		return dst, false
	}
	for _, p := range verbPrefixes {
		if rest, ok := bytes.CutPrefix(w, p); ok {
			if lx.isVerb(rest) {
				dst = append(append(dst, p...), "\u200c"...)
				return append(dst, rest...), true
			}
			break
		}
	}
	// Each bucket is sorted by suffix length, so the first suffix that
	// fits leaves the longest stem.
	for _, sf := range (*suffixesByLastByte())[w[len(w)-1]] {
		st, ok := bytes.CutSuffix(w, sf.s)
		if !ok || len(st) < 4 {
			continue
		}
		if sf.hehOnly && !bytes.HasSuffix(st, heh) ||
			sf.afterVowel && !bytes.HasSuffix(st, heh) && !bytes.HasSuffix(st, yeh) {
			continue
		}
		d, ok := lx.stem(st)
		if !ok && lx.whole != nil && lx.whole.has(st) {
			// A word of data/fa-ir.txt (خبرنامه) is a stem too: the list
			// lacks the forms of its source that need a ZWNJ.
			d, ok = "", true
		}
		if !ok {
			continue
		}
		if lx.pluralEzafe(st, sf.s) {
			// روز + های as written; سال + ZWNJ + های.
			dst = append(dst, st[:len(st)-len(heh)]...)
			return appendSuffix(dst, w[len(st)-len(heh):]), true
		}
		if d == "" {
			dst = append(dst, st...)
		} else {
			dst = append(dst, d...)
		}
		return appendSuffix(dst, sf.s), true
	}
	return dst, false
}

// pluralEzafe reports whether stem + suffix, read as a word + ه + ای or
// ایم, is better read as that word + های or هایم, which its letters spell
// as they stand: روزهای is روز + های, not روزه‌ای, because روز is a
// listed word that does not join the ه (and سالهای is سال‌های, see
// unitAdjectives). Verb forms are the exception:
// کرده‌ایم (کرد) and سازنده‌ای (سازند) are far more often the participle
// or the agent noun.
func (lx *lexicon) pluralEzafe(stem, suffix []byte) bool {
	if !bytes.Equal(suffix, ai) && !bytes.Equal(suffix, aim) {
		return false
	}
	w, ok := bytes.CutSuffix(stem, heh)
	if !ok || len(w) < 4 || lx.isBareVerb(w) {
		return false
	}
	if r, _ := utf8.DecodeLastRune(w); joinsNext(r) && !unitAdjectives[string(stem)] {
		return false
	}
	_, ok = lx.lookup(w)
	return ok
}

// unitAdjectives are the adjectives of a unit of time that follow a number
// (سه‌ساله, شش‌ماهه): written bare with ای they are rarer than the plural
// of the unit, سال‌های and ماه‌های, which then wins though it needs a ZWNJ.
var unitAdjectives = map[string]bool{"ساله": true, "ماهه": true, "ساعته": true}

var (
	ai  = []byte("ای")
	aim = []byte("ایم")
)

// isVerb reports whether rest (what follows می) is a verb stem with a
// personal ending.
func (lx *lexicon) isVerb(rest []byte) bool {
	if len(rest) == 0 || !lx.verbEnds[rest[len(rest)-1]] {
		return false
	}
	for _, e := range presentEndings {
		if st, ok := bytes.CutSuffix(rest, e); ok && lx.present[string(st)] {
			return true
		}
	}
	for _, e := range pastEndings {
		if st, ok := bytes.CutSuffix(rest, e); ok && lx.past[string(st)] {
			return true
		}
	}
	return false
}

// appendSuffix appends suffix to dst, which ends with its stem, with a
// ZWNJ only where the stem's last letter would otherwise join the suffix.
func appendSuffix(dst, suffix []byte) []byte {
	if r, _ := utf8.DecodeLastRune(dst); joinsNext(r) {
		dst = append(dst, "\u200c"...)
	}
	return append(dst, suffix...)
}

// joinsNext reports whether an Arabic-script letter connects to the letter
// after it, i.e. whether a ZWNJ after it changes anything.
func joinsNext(r rune) bool {
	if r < 0x0620 || r > 0x06FF {
		return false
	}
	switch r {
	case 'ا', 'آ', 'أ', 'إ', 'ٱ', 'د', 'ذ', 'ر', 'ز', 'ژ', 'و', 'ؤ', 'ة', 'ء', 'ۀ', 'ە':
		return false
	}
	return r >= 'ء' && r <= 'ي' || r >= 'ٮ' && r <= 'ۓ' || r == 'ی' || r == 'ې'
}

// Normalizer produces the display form with a lexicon that users can
// extend. A Normalizer is not safe for AddWords concurrently with Text;
// Text alone may be called from many goroutines.
type Normalizer struct {
	lx *lexicon
}

// New returns a Normalizer with the embedded word lists.
func New() *Normalizer {
	return &Normalizer{lx: baseLexicon().share()}
}

// AddWords adds words from r, in the format of the embedded lists: one
// word a line, '#' starts a comment, compounds written with ZWNJ
// (نشان‌دهنده). Glued forms of these words then get their ZWNJ back.
func (n *Normalizer) AddWords(r io.Reader) error {
	n.lx.unshare()
	if err := scanList(r, n.lx.addWord); err != nil {
		return fmt.Errorf("normalize: add words: %w", err)
	}
	return nil
}

var defaultNormalizer = sync.OnceValue(func() *Normalizer {
	return &Normalizer{lx: baseLexicon()}
})
