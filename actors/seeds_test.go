package actors

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/normalize"
)

// goldActor is an actor of ../shared/gold/seeds.jsonl.
type goldActor struct {
	Key      string   `json:"key"`
	Kind     string   `json:"kind"`
	FA       []string `json:"fa"`
	EN       *string  `json:"en"`
	Country  *string  `json:"country"`
	Sector   *string  `json:"sector"`
	Required bool     `json:"required"`
}

type goldDoc struct {
	Doc       string      `json:"doc"`
	Published *string     `json:"published"`
	Actors    []goldActor `json:"actors"`
}

// goldKey folds a Persian name as the gold rules say: Arabic letter forms,
// diacritics, tatweel, ZWNJ and spaces do not count.
func goldKey(s string) string { return squeeze(normalize.Key(s)) }

func enKey(s string) string {
	return strings.NewReplacer(" ", "", "-", "", ".", "").Replace(strings.ToLower(s))
}

// matches applies the actor rules of ../shared/gold/README.md.
func matches(a didar.Actor, g goldActor) bool {
	if g.EN != nil && a.NameEN != "" && enKey(string(a.NameEN)) == enKey(*g.EN) {
		return true
	}
	fa := goldKey(a.NameFA)
	for _, n := range g.FA {
		gk := goldKey(n)
		if gk == fa {
			return true
		}
		if a.Kind == didar.KindPerson && g.Kind == "person" && len([]rune(gk)) >= 3 && len([]rune(fa)) >= 3 &&
			(strings.Contains(fa, gk) || strings.Contains(gk, fa)) {
			return true
		}
	}
	collective := func(k string) bool { return k == "country" || k == "organization" || k == "group" }
	if collective(g.Kind) && collective(string(a.Kind)) {
		gc := ""
		if g.Country != nil {
			gc = *g.Country
		}
		if string(a.Country) == gc && (g.Sector == nil || string(a.Sector) == *g.Sector) {
			return true
		}
	}
	return false
}

func TestSeeds(t *testing.T) {
	gold, err := os.Open("../../shared/gold/seeds.jsonl")
	if err != nil {
		t.Skip("../shared is absent: ", err)
	}
	defer gold.Close()
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var required, found, persons, good int
	var missing []string
	sc := bufio.NewScanner(gold)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g goldDoc
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join("../../shared/seeds", g.Doc+".txt"))
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
		for _, ga := range g.Actors {
			if !ga.Required {
				continue
			}
			required++
			ok := false
			for _, a := range r.Actors {
				if matches(a, ga) {
					ok = true
					break
				}
			}
			if ok {
				found++
			} else {
				t.Logf("%s: required %s (%s) not found", g.Doc, ga.Key, ga.Kind)
			}
		}
		for _, a := range r.Actors {
			if a.Kind != didar.KindPerson {
				continue
			}
			persons++
			ok := false
			for _, ga := range g.Actors {
				if matches(a, ga) {
					ok = true
					break
				}
			}
			if ok {
				good++
			} else {
				t.Logf("%s: person %s (%s) is not in the gold", g.Doc, a.ID, a.NameFA)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	recall := float64(found) / float64(max(required, 1))
	precision := float64(good) / float64(max(persons, 1))
	t.Logf("actor recall %.3f (%d/%d), person precision %.3f (%d/%d)", recall, found, required, precision, good, persons)
	if len(missing) > 0 {
		t.Skipf("the embedded dictionary lacks %v", missing)
	}
	if recall < 0.95 {
		t.Errorf("actor recall %.3f, want at least 0.95", recall)
	}
	if precision < 0.9 {
		t.Errorf("person precision %.3f, want at least 0.9", precision)
	}
}

func TestGoldMatcher(t *testing.T) {
	s := func(v string) *string { return &v }
	tests := []struct {
		a    didar.Actor
		g    goldActor
		want bool
	}{
		{didar.Actor{Kind: "person", NameEN: "Liu Jian-chao"}, goldActor{Kind: "person", EN: s("liu jianchao")}, true},
		{didar.Actor{Kind: "person", NameFA: "حشمتیان"}, goldActor{Kind: "person", FA: []string{"قدرت‌علی حشمتیان"}}, true},
		{didar.Actor{Kind: "person", NameFA: "امانی"}, goldActor{Kind: "person", FA: []string{"حسین مرعشی"}}, false},
		{didar.Actor{Kind: "group", Country: "CHN", Sector: "PTY"}, goldActor{Kind: "group", Country: s("CHN"), Sector: s("PTY")}, true},
		{didar.Actor{Kind: "group", Country: "CHN", Sector: "GOV"}, goldActor{Kind: "group", Country: s("CHN"), Sector: s("PTY")}, false},
		{didar.Actor{Kind: "person", Country: "CHN"}, goldActor{Kind: "country", Country: s("CHN")}, false},
	}
	for i, tt := range tests {
		if got := matches(tt.a, tt.g); got != tt.want {
			t.Errorf("%d: matches = %v, want %v", i, got, tt.want)
		}
	}
}
