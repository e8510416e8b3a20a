package actors

import (
	"slices"
	"testing"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
	"github.com/didar-news/didar/normalize"
	"github.com/didar-news/didar/samples"
)

type acHit struct{ end, n, pat int }

func (a *automaton) all(text []byte) []acHit {
	var out []acHit
	s := int32(0)
	for i, c := range text {
		var found bool
		if s, found = a.step(s, c); !found {
			continue
		}
		for _, x := range a.matches(s) {
			out = append(out, acHit{i, int(x.n), int(x.pat)})
		}
	}
	return out
}

// The automaton must report exactly what a plain Aho-Corasick trie
// reports, overlapping and nested matches included, in the same order.
func TestAutomatonMatchesTrie(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	m := d.m
	codes := make([][]byte, len(m.pats))
	b := ahocorasick.NewTrieBuilder()
	for i, p := range m.pats {
		for _, r := range squeeze(p.key) {
			codes[i] = append(codes[i], m.codeOf(r, false))
		}
		b.AddPattern(codes[i])
	}
	trie := b.Build()
	all, err := samples.All()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"جمهوری اسلامی ایران و جمهوری آذربایجان", "وزیر امور خارجه ایرانی‌ها"}
	for _, s := range all {
		texts = append(texts, s.Text)
	}
	total := 0
	for _, text := range texts {
		doc := m.prepare(normalize.Text(text))
		var want []acHit
		trie.Walk(doc.codes, func(end, n, p int64) bool {
			want = append(want, acHit{int(end), int(n), int(p)})
			return true
		})
		got := m.ac.all(doc.codes)
		if !slices.Equal(got, want) {
			t.Fatalf("%.40q: %d matches, the trie %d", text, len(got), len(want))
		}
		total += len(got)
	}
	if total == 0 {
		t.Fatal("no matches at all")
	}
}

func TestAutomatonOverlaps(t *testing.T) {
	pats := [][]byte{{1, 2, 3}, {2, 3}, {3}, {1, 2, 3, 4}, {3, 4, 1}}
	a := newAutomaton(pats, 5)
	got := a.all([]byte{1, 2, 3, 4, 1, 2, 0, 3})
	want := []acHit{{2, 3, 0}, {2, 2, 1}, {2, 1, 2}, {3, 4, 3}, {4, 3, 4}, {7, 1, 2}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
