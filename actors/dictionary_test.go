package actors

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"gopkg.in/yaml.v3"
)

func fixture(t testing.TB) *Dictionary {
	t.Helper()
	d, err := load(false, "testdata/fixture")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFixtureIsConsistent(t *testing.T) {
	d := fixture(t)
	for _, err := range d.Check() {
		t.Error(err)
	}
	if len(d.Entries()) < 50 {
		t.Errorf("fixture has %d entries, want at least 50", len(d.Entries()))
	}
}

// TestEmbeddedData checks the invariants of the dictionary shipped in the
// binary: it loads, ids are unique per file, and every reference resolves.
func TestEmbeddedData(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range d.Check() {
		t.Error(err)
	}
	names, _ := filepath.Glob("data/*.yaml")
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var ids []struct {
			ID string `yaml:"id"`
		}
		if err := yaml.Unmarshal(b, &ids); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		seen := map[string]bool{}
		for _, e := range ids {
			if seen[e.ID] {
				t.Errorf("%s: id %s appears twice", name, e.ID)
			}
			seen[e.ID] = true
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string // substrings of the error
	}{
		{"syntax", "- id: x\n  fa: [a\n", []string{"bad.yaml"}},
		{"no id", "- kind: person\n  fa: [علی]\n", []string{"bad.yaml:1", "no id"}},
		{"bad kind", "- id: x\n  kind: thing\n  fa: [علی]\n", []string{"bad.yaml:1", "entry x", "kind \"thing\""}},
		{"no name", "- id: x\n  kind: person\n", []string{"entry x", "no Persian name"}},
		{"empty name", "- id: x\n  kind: person\n  fa: [\"\u200c\"]\n", []string{"entry x", "empty Persian name"}},
		{"bad date", "- id: x\n  kind: person\n  fa: [علی]\n  roles:\n    - {office: president, from: 2020-13-01}\n", []string{"entry x", "role 1 (president)", "from"}},
		{"to before from", "- id: x\n  kind: person\n  fa: [علی]\n  roles:\n    - {office: president, from: 2020-01-01, to: 2019-01-01}\n", []string{"entry x", "before"}},
		{"second entry", "- id: a\n  kind: place\n  fa: [الف]\n- id: b\n  kind: nope\n  fa: [ب]\n", []string{"bad.yaml:4", "entry b"}},
		{"not a list", "id: x\n", []string{"bad.yaml:1", "list"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := load(false, dir)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
	if _, err := load(false, "testdata/no-such-dir"); err == nil {
		t.Error("a missing --dict folder is not an error")
	}
}

func TestUserFileExtendsEntry(t *testing.T) {
	dir := t.TempDir()
	extra := `- id: xi-jinping
  fa: [شی جی پینگ]
- id: chen-li
  kind: person
  en: Chen Li
  fa: [چن لی]
  country: CHN
`
	if err := os.WriteFile(filepath.Join(dir, "extra.yaml"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := load(false, "testdata/fixture", dir)
	if err != nil {
		t.Fatal(err)
	}
	e, ok := d.Entry("xi-jinping")
	if !ok || len(e.FA) != 3 || len(e.Roles) != 1 {
		t.Fatalf("xi-jinping = %+v, want 3 names and the fixture's role", e)
	}
	if _, ok := d.Entry("chen-li"); !ok {
		t.Error("new entry chen-li not loaded")
	}
	r := d.Link("دیدار با شی جی پینگ", didar.Date{})
	if len(r.Links) != 1 || r.Links[0].ActorID != "xi-jinping" {
		t.Errorf("added spelling not linked: %+v", r.Links)
	}
}

func TestSearch(t *testing.T) {
	d := fixture(t)
	tests := []struct{ q, first string }{
		{"xi-jinping", "xi-jinping"},
		{"Putin", "vladimir-putin"},
		{"putin", "vladimir-putin"},
		{"شی جینپینگ", "xi-jinping"},
		{"شی جين‌پينگ", "xi-jinping"}, // Arabic yeh
		{"پوتين", "vladimir-putin"},
		{"چین", "CHN"},
		{"CHN", "CHN"},
		{"ولودین", "vyacheslav-volodin"},
		{"Tehran", "tehran"},
	}
	for _, tt := range tests {
		got := d.Search(tt.q)
		if len(got) == 0 || got[0].ID != tt.first {
			ids := []string{}
			for _, e := range got {
				ids = append(ids, e.ID)
			}
			t.Errorf("Search(%q) = %v, want %s first", tt.q, ids, tt.first)
		}
	}
	if got := d.Search("zzzz"); len(got) != 0 {
		t.Errorf("Search(zzzz) = %d entries", len(got))
	}
}

func TestHolderOn(t *testing.T) {
	d := fixture(t)
	tests := []struct {
		office, country, at, want string
	}{
		{"president", "CHN", "2021-06-01", "xi-jinping"},
		{"president", "CHN", "2008-01-01", "hu-jintao"},
		{"president", "CHN", "", "xi-jinping"},
		{"foreign-minister", "CHN", "2023-03-01", "qin-gang"},
		{"foreign-minister", "CHN", "2023-09-01", "wang-yi"},
		{"president", "USA", "2022-01-01", "joe-biden"},
		{"president", "USA", "2025-02-01", "donald-trump"},
		{"president", "IRN", "2020-01-01", "hassan-rouhani"},
		{"president", "IRN", "2024-06-01", ""}, // between Raisi and Pezeshkian
		{"chancellor", "DEU", "2025-05-06", "friedrich-merz"},
		{"prime-minister", "PAK", "2023-10-01", ""},
	}
	for _, tt := range tests {
		var at didar.Date
		if tt.at != "" {
			at, _ = didar.ParseDate(tt.at)
		}
		e, ok := d.HolderOn(tt.office, tt.country, at)
		if e.ID != tt.want || ok != (tt.want != "") {
			t.Errorf("HolderOn(%s, %s, %s) = %s, %v; want %s", tt.office, tt.country, tt.at, e.ID, ok, tt.want)
		}
	}
}

func TestPlace(t *testing.T) {
	d := fixture(t)
	if p, ok := d.Place("sochi"); !ok || p.Country != "RUS" {
		t.Errorf("Place(sochi) = %+v, %v", p, ok)
	}
	if _, ok := d.Place("RUS"); ok {
		t.Error("Place(RUS) found a country")
	}
	r := d.Link("نشست در تهران و سوچی برگزار شد", didar.Date{})
	if len(r.Links) != 2 {
		t.Fatalf("links = %+v", r.Links)
	}
	fa, en, c, ok := d.PlaceOf(r.Links[0])
	if !ok || fa != "تهران" || en != "Tehran" || c != "IRN" || r.Links[0].ActorID != "IRN" {
		t.Errorf("PlaceOf(تهران) = %s %s %s %v, actor %s", fa, en, c, ok, r.Links[0].ActorID)
	}
	fa, en, c, ok = d.PlaceOf(r.Links[1])
	if !ok || en != "Sochi" || c != "RUS" || r.Actors["sochi"].Kind != didar.KindPlace {
		t.Errorf("PlaceOf(سوچی) = %s %s %s %v", fa, en, c, ok)
	}
}

func TestSkeleton(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{skeletonFA("ویاچسلاو ولودین"), skeletonFA("ویچسلاو والودین"), true},
		{skeletonFA("لیو جیانچائو"), skeletonFA("لیوجیان چانو"), true},
		{skeletonFA("لیو هایشینگ"), skeletonEN("Liu Haixing", "CHN"), true},
		{skeletonFA("تسونگ پیوو"), skeletonEN("Cong Peiwu", "CHN"), true},
		{skeletonFA("ولودین"), skeletonEN("Volodin", "RUS"), true},
		{skeletonFA("ولادیمیر پوتین"), skeletonFA("رجب طیب اردوغان"), false},
		{skeletonFA("هاکان فیدان"), skeletonFA("حسن روحانی"), false},
	}
	for _, tt := range tests {
		s := similarity(tt.a, tt.b)
		if (s >= 0.75) != tt.same {
			t.Errorf("similarity(%s, %s) = %.2f, same = %v", tt.a, tt.b, s, tt.same)
		}
	}
}

func FuzzAdd(f *testing.F) {
	for _, name := range []string{"people.yaml", "offices.yaml", "countries.yaml"} {
		b, err := os.ReadFile(filepath.Join("testdata/fixture", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("- id: x\n  kind: person\n  fa: [علی]\n  roles: [{office: a, from: 2020-01-01, to: 2019-01-01}]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d := &Dictionary{byID: map[string]int{}, offices: map[string]*Office{}, source: map[string]string{}}
		if err := d.add("fuzz.yaml", b); err != nil {
			if !strings.Contains(err.Error(), "fuzz.yaml") {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		d.build()
		d.Check()
		d.Link("شی جین‌پینگ و وزیر خارجه چین، کشورمان و دو کشور. وی و طرفین", didar.Date{})
	})
}

// Two offices sharing a phrase ("رئیس" of a party or of an organisation)
// give a pattern two hits, and the linker reads the first: the order must
// be the same on every load, not the order of a map.
func TestMatcherOrderIsStable(t *testing.T) {
	first, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for range 4 {
		d, err := Load()
		if err != nil {
			t.Fatal(err)
		}
		if len(d.m.pats) != len(first.m.pats) {
			t.Fatalf("%d patterns, then %d", len(first.m.pats), len(d.m.pats))
		}
		for i, p := range d.m.pats {
			q := first.m.pats[i]
			if p.key != q.key || !slices.Equal(p.hits, q.hits) {
				t.Fatalf("pattern %d: %q %v, then %q %v", i, q.key, q.hits, p.key, p.hits)
			}
		}
	}
}
