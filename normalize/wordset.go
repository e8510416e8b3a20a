package normalize

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// wordSet is a sorted list of words, one a line, searched in place: the
// embedded list of real words that must not be split (data/fa-ir.txt)
// costs its own bytes and an index of line starts, not a map.
type wordSet struct {
	blob   string
	starts []int32 // offset of each line in blob
}

// newWordSet reads a list of the format of data/fa-ir.txt: '#' comment
// lines first, then words in byte order, one a line.
func newWordSet(name, s string) (*wordSet, error) {
	ws := &wordSet{}
	for strings.HasPrefix(s, "#") {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			s = ""
			break
		}
		s = s[i+1:]
	}
	ws.blob = s
	prev := ""
	for i, line := 0, 1; i < len(s); line++ {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			j = len(s) - i
		}
		w := s[i : i+j]
		if w == "" || w <= prev {
			return nil, fmt.Errorf("%s: word %d (%q): empty, repeated or out of order", name, line, w)
		}
		ws.starts = append(ws.starts, int32(i))
		prev = w
		i += j + 1
	}
	return ws, nil
}

func (ws *wordSet) word(i int) string {
	s := ws.blob[ws.starts[i]:]
	if j := strings.IndexByte(s, '\n'); j >= 0 {
		s = s[:j]
	}
	return s
}

func (ws *wordSet) has(w []byte) bool {
	i := sort.Search(len(ws.starts), func(i int) bool { return ws.word(i) >= string(w) })
	return i < len(ws.starts) && ws.word(i) == string(w)
}

func (ws *wordSet) len() int { return len(ws.starts) }

// whole is the embedded list of words that are never split into two:
// real words that two shorter words happen to spell (بامداد is not بام
// داد). data/fa-ir.txt says where it comes from and how to rebuild it.
var whole = sync.OnceValue(func() *wordSet {
	ws, err := newWordSet(wholeFile, wholeText)
	if err != nil {
		panic(err) // embedded data is checked by the tests
	}
	return ws
})

const wholeFile = "data/fa-ir.txt"

// wholeText is embedded as a string, which stays in the binary's read-only
// data: only the index of line starts is built on the heap.
//
//go:embed data/fa-ir.txt
var wholeText string

// keepWhole reports whether the unknown glued word w is to stay whole: a
// name the Normalizer was given, or a word of the embedded list that no
// name of several words spells glued (وزارت امورخارجه is وزارت امور
// خارجه when a dictionary names the ministry so).
func (lx *lexicon) keepWhole(w []byte) bool {
	if _, ok := lx.names[string(w)]; ok {
		return true
	}
	return lx.whole != nil && lx.whole.has(w) && !lx.spaced[string(w)]
}

// AddNames tells the Normalizer the names of a dictionary, one name a
// string, words separated by spaces: a glued word that spells one of their
// words is left whole (مهرداد, not مهر داد), and two of their words glued
// together are split as the name spells them even when a real word is
// spelt so too.
func (n *Normalizer) AddNames(names []string) {
	var buf []byte
	for _, name := range names {
		buf = clean(buf[:0], name)
		prev := ""
		for w := range strings.FieldsSeq(string(buf)) {
			k := dropZWNJ(w)
			if _, known := n.lx.words[k]; !known && len(k) >= 6 { // three letters
				d := w
				if d == k {
					d = ""
				}
				n.lx.names[k] = d
			}
			// Only the pairs that the list would keep whole matter.
			if pair := prev + k; prev != "" && n.lx.whole != nil && n.lx.whole.has([]byte(pair)) {
				n.lx.spaced[pair] = true
			}
			prev = k
		}
	}
}

func dropZWNJ(s string) string {
	if !strings.Contains(s, "\u200c") {
		return s
	}
	return strings.ReplaceAll(s, "\u200c", "")
}

// name returns the display spelling of w when it is a word of a name given
// to AddNames, "" when that is w itself.
func (lx *lexicon) name(w []byte) (string, bool) {
	d, ok := lx.names[string(w)]
	return d, ok
}
