package jalali

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// Calendar names used in Expr.Calendar and in lexicon.txt.
const (
	solar     = "solar"
	gregorian = "gregorian"
	lunar     = "lunar"
)

//go:embed lexicon.txt
var lexiconText []byte

// entry is one meaning of a lexicon key.
type entry struct {
	cat  string // the category of the line: solar, weekday, unit, ...
	arg  string // the non-numeric value (unit name, calendar)
	val  int    // the numeric value
	weak bool
}

// maxJoin is the most tokens one lexicon key may span ("بعد از ظهر" and
// "ه . ق" take three).
const maxJoin = 4

// Lexicon is the set of words the finder knows. The zero value is empty;
// NewLexicon returns the built-in one.
type Lexicon struct {
	words  map[string][]entry
	prefix map[string]bool // every proper prefix of a key
}

// NewLexicon returns a lexicon holding the embedded lexicon.txt.
func NewLexicon() *Lexicon {
	lx := &Lexicon{words: map[string][]entry{}, prefix: map[string]bool{}}
	if err := lx.Load(bytes.NewReader(lexiconText), "lexicon.txt"); err != nil {
		panic(err) // the embedded file is checked by the tests
	}
	return lx
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
)

func builtin() *Lexicon {
	defaultOnce.Do(func() { defaultLex = NewLexicon() })
	return defaultLex
}

// categories lists what each category's value is: a number, a word, or
// nothing.
var categories = map[string]string{
	solar: "int", gregorian: "int", lunar: "int", "weekday": "int",
	"ordinal": "int", "cardinal": "int", "deictic": "int", "thisyear": "int",
	"direction": "int", "unit": "word", "marker": "word",
	"daypart": "", "cue": "", "span": "", "this": "", "range": "", "anchor": "", "notday": "", "notafter": "", "notbefore": "",
	"label": "", "notdateline": "",
}

// Load adds the entries of r, in the format of lexicon.txt, to lx. name
// is used in error messages.
func (lx *Lexicon) Load(r io.Reader, name string) error {
	if lx.words == nil {
		lx.words = map[string][]entry{}
		lx.prefix = map[string]bool{}
	}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		head, list, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("%s:%d: want \"category [value]: words\"", name, n)
		}
		f := strings.Fields(head)
		if len(f) == 0 {
			return fmt.Errorf("%s:%d: missing category", name, n)
		}
		e := entry{cat: f[0]}
		kind, known := categories[e.cat]
		if !known {
			return fmt.Errorf("%s:%d: unknown category %q", name, n, e.cat)
		}
		rest := f[1:]
		if len(rest) > 0 && rest[len(rest)-1] == "weak" {
			e.weak = true
			rest = rest[:len(rest)-1]
		}
		switch {
		case kind == "" && len(rest) == 0:
		case kind == "word" && len(rest) == 1:
			e.arg = rest[0]
		case kind == "int" && len(rest) == 1:
			v, err := strconv.Atoi(rest[0])
			if err != nil {
				return fmt.Errorf("%s:%d: value %q: %w", name, n, rest[0], err)
			}
			e.val = v
		default:
			return fmt.Errorf("%s:%d: wrong value for category %s", name, n, e.cat)
		}
		for _, w := range strings.Split(list, ",") {
			k := foldKey(strings.TrimSpace(w))
			if k == "" {
				continue
			}
			lx.add(k, e)
			switch e.cat {
			case solar, gregorian, lunar:
				lx.add(k+"ماه", entry{cat: e.cat, val: e.val, arg: "ماه"})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	lx.compounds()
	return nil
}

func (lx *Lexicon) add(k string, e entry) {
	for _, old := range lx.words[k] {
		if old == e {
			return
		}
	}
	lx.words[k] = append(lx.words[k], e)
	for i := range k {
		if i > 0 {
			lx.prefix[k[:i]] = true
		}
	}
}

// compounds adds the ordinals "بیست و یکم" to "سی و یکم" built from the
// tens among the cardinals and the ordinals one to nine.
func (lx *Lexicon) compounds() {
	var tens, units []string
	var tv, uv []int
	for k, es := range lx.words {
		for _, e := range es {
			if e.cat == "cardinal" && (e.val == 20 || e.val == 30) {
				tens, tv = append(tens, k), append(tv, e.val)
			}
			if e.cat == "ordinal" && e.val >= 1 && e.val <= 9 && k != "نخست" {
				units, uv = append(units, k), append(uv, e.val)
			}
		}
	}
	for i, t := range tens {
		for j, u := range units {
			if v := tv[i] + uv[j]; v <= 31 {
				lx.add(t+"و"+u, entry{cat: "ordinal", val: v})
			}
		}
	}
}

// has reports whether es holds an entry of category cat, and returns it.
func has(es []entry, cat string) (entry, bool) {
	for _, e := range es {
		if e.cat == cat {
			return e, true
		}
	}
	return entry{}, false
}

// foldRune maps a rune to its key form; -1 drops it.
func foldRune(r rune) rune {
	switch r {
	case '\u200c', '\u200d', 'ـ', ' ', '\u00a0', '\u200e', '\u200f', '\u0654', '\u0655':
		return -1
	case 'ي', 'ى', 'ئ':
		return 'ی'
	case 'ك':
		return 'ک'
	case 'ة', 'ۀ', 'ە':
		return 'ه'
	case 'أ', 'إ', 'ٱ', 'آ':
		return 'ا'
	case 'ؤ':
		return 'و'
	}
	if r >= '\u064b' && r <= '\u065f' || r == '\u0670' {
		return -1
	}
	return r
}

// foldKey returns the key of s. It returns s itself, without copying,
// when nothing changes, which is the common case on display text.
func foldKey(s string) string {
	for i := 0; i < len(s); {
		r, n := decode(s, i)
		if foldRune(r) != r {
			var b strings.Builder
			b.Grow(len(s))
			b.WriteString(s[:i])
			for _, r := range s[i:] {
				if f := foldRune(r); f >= 0 {
					b.WriteRune(f)
				}
			}
			return b.String()
		}
		i += n
	}
	return s
}
