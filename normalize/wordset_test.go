package normalize

import (
	"bufio"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
)

var wordList = flag.String("wordlist", "", "rebuild "+wholeFile+" from this list of word forms (see data/fa-ir.sh)")

// wholeHeader opens data/fa-ir.txt.
const wholeHeader = `# Real words that two shorter words happen to spell: Text never splits
# them (بامداد is not بام داد). Derived from the word forms of the npm
# package @cspell/dict-fa-ir 4.0.5 (Copyright Street Side Software,
# Apache License 2.0, see fa-ir.LICENSE; its words come from the Hunspell
# dictionary b00f/lilak): of its 730,277 forms, those that Text without
# this list would split, except splits after a preposition or conjunction
# (from a glued از با به در بر و که تا the list holds many phrases) and
# before است. Rebuild with data/fa-ir.sh after changing the other lists.
# Sorted in byte order, one word a line, no ZWNJ.
`

// TestWholeList rebuilds data/fa-ir.txt with -wordlist; without it, it
// checks the list: sorted, and every word one that Text without the list
// would split (a word Text keeps anyway is dead weight, a sign that the
// list is stale).
func TestWholeList(t *testing.T) {
	bare := baseLexicon().share()
	bare.whole = nil
	splits := func(w string) (string, bool) {
		b := []byte(w)
		if bare.known(b) {
			return "", false
		}
		return bare.unglue(b)
	}
	if *wordList != "" {
		writeWholeList(t, splits)
	}
	ws := whole()
	if ws.len() < 1000 {
		t.Fatalf("%s: only %d words", wholeFile, ws.len())
	}
	for i := range ws.len() {
		if w := ws.word(i); !isSplit(splits, w) {
			t.Errorf("%s: %q is not split without the list: rebuild it", wholeFile, w)
		}
	}
}

// isSplit reports whether w is split by Text without the list in a way
// the list is to prevent.
func isSplit(splits func(string) (string, bool), w string) bool {
	d, ok := splits(w)
	if !ok {
		return false
	}
	f := strings.Fields(d)
	return !particles[f[0]] && f[len(f)-1] != "است"
}

func writeWholeList(t *testing.T, splits func(string) (string, bool)) {
	f, err := os.Open(*wordList)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// cspell-trie marks with ~ the forms it adds without diacritics
		// and hamza (ازاردن for آزاردن), which glue real phrases (از اردن).
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "~") {
			continue
		}
		if w := strings.ReplaceAll(cleanWord(line), "\u200c", ""); isSplit(splits, w) {
			out = append(out, w)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	body := wholeHeader + strings.Join(out, "\n") + "\n"
	if err := os.WriteFile(wholeFile, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d words", wholeFile, len(out))
	// Re-read what was written, for the checks that follow.
	ws, err := newWordSet(wholeFile, body)
	if err != nil {
		t.Fatal(err)
	}
	*whole() = *ws
}
