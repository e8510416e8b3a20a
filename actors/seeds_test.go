package actors

import (
	"github.com/didar-news/didar/internal/sharedtest"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/eval"
	"github.com/didar-news/didar/normalize"
)

// TestSeeds links the five shared seed articles and scores their actors
// with the rules of ../shared/gold/README.md (package eval): actor recall
// and person precision.
func TestSeeds(t *testing.T) {
	shared := sharedtest.Path(t)
	gold, err := os.Open(filepath.Join(shared, "gold", "seeds.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer gold.Close()
	golds, err := eval.ReadGold(gold, "seeds.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var total eval.Counts
	var missing []string
	for _, g := range golds {
		b, err := os.ReadFile(filepath.Join(shared, "seeds", g.Doc+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		var at didar.Date
		if g.Published != nil {
			at, _ = didar.ParseDate(*g.Published)
		}
		for _, ga := range g.Actors {
			if ga.Required && ga.Kind == "person" {
				if _, ok := d.Entry(ga.Key); !ok {
					missing = append(missing, ga.Key)
				}
			}
		}
		text := normalize.Text(string(b))
		r := d.Link(text, at)
		checkLinks(t, text, r)
		rec := didar.Record{Article: didar.Article{ID: g.Doc}}
		for _, a := range r.Actors {
			rec.Actors = append(rec.Actors, a)
		}
		sort.Slice(rec.Actors, func(i, j int) bool { return rec.Actors[i].ID < rec.Actors[j].ID })
		res := eval.Score(g, &rec)
		for _, a := range res.Unfound {
			t.Logf("%s: required %s (%s) not found", g.Doc, a.Key, a.Kind)
		}
		for _, p := range res.Persons {
			t.Logf("%s: person %s is not in the gold", g.Doc, p)
		}
		total = total.Add(res.Counts)
	}
	t.Logf("actor recall %.3f (%d/%d), person precision %.3f (%d/%d)", total.ActorRecall(), total.ActorsFound,
		total.ActorsRequired, total.PersonPrecision(), total.PersonsOK, total.Persons)
	if len(missing) > 0 {
		t.Skipf("the embedded dictionary lacks %v", missing)
	}
	if r := total.ActorRecall(); r < 0.95 {
		t.Errorf("actor recall %.3f, want at least 0.95", r)
	}
	if p := total.PersonPrecision(); p < 0.9 {
		t.Errorf("person precision %.3f, want at least 0.9", p)
	}
}
