package extract

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/actors"
	"github.com/didar-news/didar/normalize"
)

//go:embed data/*.tsv
var dataFS embed.FS

// cue is one trigger of the lexicon: words in key form, the event type it
// signals and the markers that introduce the other party.
type cue struct {
	typ     didar.EventType
	cameo   string // refined CAMEO code, or "" for the type's default
	words   []string
	prefix  bool // the last word may take any ending
	markers []string
	with    []string // the cue counts only in a clause with one of these words
	without []string // and never in one with any of these
	text    string
}

// Lexicon holds the trigger cues, indexed by first word, and the topic
// cues.
type Lexicon struct {
	cues   map[string][]cue
	topics map[string][]topicCue // by the first word's first four bytes
	// topicOrder lists the topics in the order the files give them.
	topicOrder []string
	// words holds function words by role (prep, verb, subj, planned, past,
	// back, quote), each a list of word sequences in key form.
	words map[string]map[string][][]string // role → first word → sequences
	set   map[string]map[string]bool       // one-word entries of words, for lookups
	// spellings holds the normaliser word lists (*.txt) of the lexicon
	// dirs, read into every Extractor's Normalizer after the embedded ones.
	spellings []spelling
}

type spelling struct {
	path string
	text []byte
}

type topicCue struct {
	topic string
	words []string
}

// LoadLexicon reads the embedded lists, then every *.tsv file in dirs:
// files named topics*.tsv are topic cues, words*.tsv function words, the
// others trigger cues. Every *.txt file in dirs is a normaliser word list
// (normalize.Normalizer.AddWords): its words are never split and get their
// ZWNJ back, and win over the embedded lists.
func LoadLexicon(dirs ...string) (*Lexicon, error) {
	lx := &Lexicon{cues: map[string][]cue{}, topics: map[string][]topicCue{}, words: map[string]map[string][][]string{}, set: map[string]map[string]bool{}}
	for _, name := range []string{"data/triggers.tsv", "data/topics.tsv", "data/words.tsv"} {
		f, err := dataFS.Open(name)
		if err != nil {
			return nil, fmt.Errorf("open embedded %s: %w", name, err)
		}
		err = lx.read(f, name)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	for _, dir := range dirs {
		paths, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
		if err != nil {
			return nil, fmt.Errorf("lexicon dir %s: %w", dir, err)
		}
		for _, p := range paths {
			f, err := os.Open(p)
			if err != nil {
				return nil, fmt.Errorf("lexicon: %w", err)
			}
			err = lx.read(f, p)
			f.Close()
			if err != nil {
				return nil, err
			}
		}
		if err := lx.readSpellings(dir); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// readSpellings reads the normaliser word lists of dir, checking them now
// so that a bad line is reported when the lexicon loads.
func (lx *Lexicon) readSpellings(dir string) error {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return fmt.Errorf("lexicon dir %s: %w", dir, err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("lexicon: %w", err)
		}
		if err := normalize.New().AddWords(bytes.NewReader(b)); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		lx.spellings = append(lx.spellings, spelling{p, b})
	}
	return nil
}

// normalizer returns a Normalizer with the lexicon's word lists and the
// names of dict, so that Text splits no name (مهرداد) and splits glued
// names as the dictionary spells them (وزارت امورخارجه).
func (lx *Lexicon) normalizer(dict *actors.Dictionary) (*normalize.Normalizer, error) {
	n := normalize.New()
	for _, s := range lx.spellings {
		if err := n.AddWords(bytes.NewReader(s.text)); err != nil {
			return nil, fmt.Errorf("%s: %w", s.path, err)
		}
	}
	var names []string
	for _, e := range dict.Entries() {
		names = append(names, e.FA...)
		names = append(names, e.Adjectives...)
		names = append(names, e.Demonyms...)
		names = append(names, e.Metonyms...)
	}
	for _, o := range dict.Offices() {
		names = append(names, o.FA...)
	}
	n.AddNames(names)
	return n, nil
}

func (lx *Lexicon) read(r io.Reader, name string) error {
	base := filepath.Base(name)
	topics := strings.HasPrefix(base, "topics")
	words := strings.HasPrefix(base, "words")
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if words {
			if len(fields) != 2 {
				return fmt.Errorf("%s:%d: want role<TAB>word, got %d fields", name, n, len(fields))
			}
			w := strings.Fields(normalize.Key(fields[1]))
			if len(w) == 0 {
				return fmt.Errorf("%s:%d: empty word", name, n)
			}
			lx.addWords(fields[0], w)
			// "گفت" is also said "گفته" and "گفته است": a quote or judging
			// verb in the simple past stands for its perfect forms.
			if last := w[len(w)-1]; (fields[0] == "quote" || fields[0] == "judge") && slices.Contains(pastStems, last) {
				perfect := append(slices.Clone(w[:len(w)-1]), last+"ه")
				lx.addWords(fields[0], perfect)
				lx.addWords(fields[0], append(slices.Clone(perfect), "است"))
			}
			continue
		}
		if topics {
			if len(fields) != 2 {
				return fmt.Errorf("%s:%d: want topic<TAB>cue, got %d fields", name, n, len(fields))
			}
			tc := topicCue{topic: fields[0], words: strings.Fields(normalize.Key(fields[1]))}
			if len(tc.words) == 0 {
				return fmt.Errorf("%s:%d: empty topic cue", name, n)
			}
			lx.topics[topicIndex(tc.words[0])] = append(lx.topics[topicIndex(tc.words[0])], tc)
			if !slices.Contains(lx.topicOrder, tc.topic) {
				lx.topicOrder = append(lx.topicOrder, tc.topic)
			}
			continue
		}
		if len(fields) != 3 {
			return fmt.Errorf("%s:%d: want type<TAB>cue<TAB>markers, got %d fields", name, n, len(fields))
		}
		typ, cameo, _ := strings.Cut(fields[0], ":")
		t, err := didar.ParseEventType(typ)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		c := cue{typ: t, cameo: cameo, text: fields[1]}
		words := fields[1]
		if strings.HasSuffix(words, "*") {
			c.prefix = true
			words = strings.TrimSuffix(words, "*")
		}
		c.words = strings.Fields(normalize.Key(words))
		if len(c.words) == 0 {
			return fmt.Errorf("%s:%d: empty cue", name, n)
		}
		if fields[2] != "-" {
			for _, mk := range strings.Fields(fields[2]) {
				if ws, ok := strings.CutPrefix(mk, "with="); ok {
					for _, w := range strings.Split(ws, "|") {
						c.with = append(c.with, normalize.Key(w))
					}
					continue
				}
				if ws, ok := strings.CutPrefix(mk, "without="); ok {
					for _, w := range strings.Split(ws, "|") {
						c.without = append(c.without, normalize.Key(w))
					}
					continue
				}
				c.markers = append(c.markers, mk)
			}
		}
		lx.cues[c.words[0]] = append(lx.cues[c.words[0]], c)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// match returns the longest cues starting at token i of keys (several
// when cues of one length differ in type), and their length in tokens.
// cueHit is what match found at one token.
type cueHit struct {
	cues []cue
	n    int
	done bool
}

// cuesAt is lex.match at token i of the whole text, found once: the rules
// ask again and again whether a cue ends before a word.
func (a *article) cuesAt(i int) ([]cue, int) {
	if a.cueHits == nil {
		a.cueHits = make([]cueHit, len(a.allKeys))
	}
	h := &a.cueHits[i]
	if !h.done {
		h.cues, h.n = a.x.lex.match(a.allKeys, i)
		h.done = true
	}
	return h.cues, h.n
}

// cuesIn is cuesAt for token i of a clause whose keys end at t1: a cue that
// would run past the clause is looked for again within it.
func (a *article) cuesIn(i, t1 int) ([]cue, int) {
	cus, n := a.cuesAt(i)
	if i+n > t1 {
		return a.x.lex.match(a.allKeys[:t1], i)
	}
	return cus, n
}

func (lx *Lexicon) match(keys []string, i int) ([]cue, int) {
	var best []cue
	bestN := 0
	for _, first := range firstWordForms(keys[i]) {
		for _, c := range lx.cues[first] {
			n := len(c.words)
			if n < bestN || i+n > len(keys) {
				continue
			}
			ok := true
			for j, w := range c.words {
				k := keys[i+j]
				switch {
				case j == 0:
					ok = ok && (first == w || (c.prefix && n == 1 && strings.HasPrefix(k, w)))
				case j == n-1 && c.prefix:
					ok = ok && strings.HasPrefix(k, w)
				default:
					ok = ok && k == w
				}
			}
			if !ok {
				continue
			}
			if n > bestN {
				best, bestN = nil, n
			}
			if !slices.ContainsFunc(best, func(b cue) bool { return b.typ == c.typ }) {
				best = append(best, c)
			}
		}
	}
	return best, bestN
}

// pastStems are the simple-past verbs whose perfect forms quote cues take.
var pastStems = []string{"گفت", "کرد", "نوشت", "داشت", "داد", "افزود", "خواند", "دانست", "نامید", "شد"}

// addWords records word sequence w under role.
func (lx *Lexicon) addWords(role string, w []string) {
	if lx.words[role] == nil {
		lx.words[role] = map[string][][]string{}
	}
	lx.words[role][w[0]] = append(lx.words[role][w[0]], w)
	if len(w) == 1 {
		if lx.set[role] == nil {
			lx.set[role] = map[string]bool{}
		}
		lx.set[role][w[0]] = true
	}
}

// firstWordForms lists the forms under which a token can start a cue: as
// it is, and without a plural, ezafe or indefinite ending (دیدارهای →
// دیدار، دعوت‌نامه‌ای → دعوت‌نامه), so that the lexicon need not list every
// inflection.
func firstWordForms(k string) []string {
	forms := []string{k}
	for _, suf := range []string{"های", "ها", "ات"} {
		if s, ok := strings.CutSuffix(k, suf); ok && len(s) >= 4 {
			forms = append(forms, s)
			break
		}
	}
	// "نامه‌ای" keys as "نامهای", like "نام‌های": try both.
	if s, ok := strings.CutSuffix(k, "های"); ok && len(s) >= 4 {
		forms = append(forms, s+"ه")
	}
	return forms
}

// topicIndex keys topic cues by a short prefix of their first word, so
// that a cue whose last word takes endings is still found.
func topicIndex(w string) string {
	if len(w) > 6 {
		return w[:6]
	}
	return w
}

// topicsAt returns the topic cues that may start at a word.
func (lx *Lexicon) topicsAt(k string) []topicCue { return lx.topics[topicIndex(k)] }

// is reports whether the one-word key k has the role.
func (lx *Lexicon) is(role, k string) bool { return lx.set[role][k] }

// seqAt reports the length of the word sequence of the role that starts at
// keys[i], or 0.
func (lx *Lexicon) seqAt(role string, keys []string, i int) int {
	best := 0
	if i >= len(keys) {
		return 0
	}
	for _, w := range lx.words[role][keys[i]] {
		if len(w) <= best || i+len(w) > len(keys) {
			continue
		}
		ok := true
		for j := range w {
			if keys[i+j] != w[j] {
				ok = false
				break
			}
		}
		if ok {
			best = len(w)
		}
	}
	return best
}
