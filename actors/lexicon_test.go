package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didar-news/didar"
)

// TestUserLexiconAddsTitle checks that a lexicon.yaml in a --dict folder
// extends the embedded word lists and that the linker uses the new title.
func TestUserLexiconAddsTitle(t *testing.T) {
	const text = "استاد مهدی کاظمی در این نشست گفت"
	linked := func(d *Dictionary) bool {
		for _, l := range d.Link(text, didar.Date{}).Links {
			if l.Text == "مهدی کاظمی" && l.Via == "title" {
				return true
			}
		}
		return false
	}
	if linked(fixture(t)) {
		t.Fatal("استاد is already a title; the test cannot tell the user file works")
	}
	dir := t.TempDir()
	lex := "# a user's word lists\ntitles: [استاد]\n"
	if err := os.WriteFile(filepath.Join(dir, "lexicon.yaml"), []byte(lex), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := load(false, "testdata/fixture", dir)
	if err != nil {
		t.Fatal(err)
	}
	if !linked(d) {
		t.Errorf("title from the user's lexicon.yaml not used: %s", dump(d.Link(text, didar.Date{})))
	}
	// The embedded titles are still there.
	if r := d.Link("دکتر محمد حسینی گفت", didar.Date{}); len(r.Links) == 0 {
		t.Error("embedded title دکتر lost after extending the lexicon")
	}
}

func TestUserLexiconErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"unknown class", "titels: [استاد]\n", "titels"},
		{"wrong type", "titles: {استاد: 1}\n", "lexicon.yaml"},
		{"implies without prefix", "title_implies:\n  - {country: IRN}\n", "prefix"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "lexicon.yaml"), []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := load(false, "testdata/fixture", dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one naming %q", err, tc.want)
			}
		})
	}
}

// TestEmbeddedLexicon checks that every word class is filled, so that a
// renamed key in lexicon.yaml does not empty a class unnoticed.
func TestEmbeddedLexicon(t *testing.T) {
	lx, err := parseLexicon(lexiconFile, embeddedLexicon)
	if err != nil {
		t.Fatal(err)
	}
	for name, n := range map[string]int{
		"titles": len(lx.Titles), "title_implies": len(lx.TitleImplies), "pronouns": len(lx.Pronouns),
		"group_nouns": len(lx.GroupNouns), "counterparts": len(lx.Counterparts),
		"pair_persons": len(lx.PairPersons), "pair_countries": len(lx.PairCountries),
		"home_words": len(lx.HomeWords), "heads": len(lx.Heads), "deputies": len(lx.Deputies),
		"list_nouns": len(lx.ListNouns), "list_titles": len(lx.ListTitles),
		"plural_roles": len(lx.PluralRoles), "glue_prefixes": len(lx.GluePrefixes),
		"suffixes": len(lx.Suffixes), "adjective_suffixes": len(lx.AdjectiveSuffixes),
		"zwnj_suffixes": len(lx.ZWNJSuffixes), "fillers": len(lx.Fillers),
		"former_words": len(lx.FormerWords), "role_modifiers": len(lx.RoleModifiers),
		"surname_endings": len(lx.SurnameEndings), "family_name_first": len(lx.FamilyNameFirst),
		"light_verbs": len(lx.LightVerbs), "stop_words": len(lx.StopWords),
	} {
		if n == 0 {
			t.Errorf("lexicon.yaml: %s is empty", name)
		}
	}
}
