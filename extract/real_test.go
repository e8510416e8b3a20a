package extract

import (
	"github.com/didar-news/didar/internal/sharedtest"
	"os"
	"path/filepath"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/eval"
)

// realFloors hold the scores on the real-news development set
// (../shared/real), a little below what was measured when they were last
// raised. Raise them as the extractor improves.
var realFloors = floors{f1: 0.82, date: 0.98, status: 0.98, location: 0.70, quote: 0.97, actor: 0.94, person: 0.98}

// sharedDir returns ../shared when ../shared/what is there (see package
// sharedtest for when the test skips instead).
func sharedDir(t *testing.T, what string) string {
	t.Helper()
	return filepath.Dir(sharedtest.Path(t, what))
}

// TestReal extracts the real articles of ../shared/real as scraped, with
// the gold's publication date as metadata (as `didar eval --articles`
// does), and holds the real-news floors.
func TestReal(t *testing.T) {
	dir := filepath.Join(sharedDir(t, "real"), "real")
	golds := readGold(t, filepath.Join(dir, "gold.jsonl"))
	var inputs []Input
	for _, g := range golds {
		b, err := os.ReadFile(filepath.Join(dir, "texts", g.Doc+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		in := Input{ID: g.Doc, Text: string(b)}
		if g.Published != nil {
			if in.Published, err = didar.ParseDate(*g.Published); err != nil {
				t.Fatalf("gold %s: published: %v", g.Doc, err)
			}
		}
		inputs = append(inputs, in)
	}
	score(t, "real", golds, inputs, realFloors, testing.Verbose())
}

func readGold(t *testing.T, path string) []eval.Gold {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	golds, err := eval.ReadGold(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return golds
}
