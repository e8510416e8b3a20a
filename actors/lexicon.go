package actors

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/didar-news/didar/normalize"
	"gopkg.in/yaml.v3"
)

// The closed word classes of Persian news that the linker reads around
// dictionary names live in lexicon.yaml, outside data/ (whose files are
// entries). A user's lexicon.yaml in a --dict folder extends it.
//
//go:embed lexicon.yaml
var embeddedLexicon []byte

// lexiconFile is the name of the word-list file, embedded and in user
// folders.
const lexiconFile = "lexicon.yaml"

// lexicon is lexicon.yaml as written.
type lexicon struct {
	Titles            []string          `yaml:"titles"`
	TitleImplies      []titleImplies    `yaml:"title_implies"`
	Pronouns          []string          `yaml:"pronouns"`
	GroupNouns        map[string]string `yaml:"group_nouns"`
	Counterparts      []string          `yaml:"counterparts"`
	CounterpartsIn    map[string]string `yaml:"counterparts_in"`
	PairPersons       []string          `yaml:"pair_persons"`
	PairCountries     []string          `yaml:"pair_countries"`
	HomeWords         []string          `yaml:"home_words"`
	Heads             map[string]string `yaml:"heads"`
	Deputies          map[string]string `yaml:"deputies"`
	ListNouns         map[string]string `yaml:"list_nouns"`
	ListTitles        []string          `yaml:"list_titles"`
	PluralRoles       map[string]string `yaml:"plural_roles"`
	GluePrefixes      []string          `yaml:"glue_prefixes"`
	Suffixes          []string          `yaml:"suffixes"`
	AdjectiveSuffixes []string          `yaml:"adjective_suffixes"`
	ZWNJSuffixes      []string          `yaml:"zwnj_suffixes"`
	Fillers           []string          `yaml:"fillers"`
	FormerWords       []string          `yaml:"former_words"`
	RoleModifiers     []string          `yaml:"role_modifiers"`
	SurnameEndings    []string          `yaml:"surname_endings"`
	FamilyNameFirst   []string          `yaml:"family_name_first"`
	LightVerbs        []string          `yaml:"light_verbs"`
	SayingVerbs       []string          `yaml:"saying_verbs"`
	LeadingWords      []string          `yaml:"leading_words"`
	StopWords         []string          `yaml:"stop_words"`
}

// titleImplies says that a title starting with Prefix makes a new person
// of this country and sector.
type titleImplies struct {
	Prefix  string `yaml:"prefix"`
	Country string `yaml:"country"`
	Sector  string `yaml:"sector"`
}

// parseLexicon decodes one lexicon file; unknown keys are errors, so that
// a misspelt class is not silently ignored.
func parseLexicon(file string, b []byte) (lexicon, error) {
	var lx lexicon
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&lx); err != nil && !errors.Is(err, io.EOF) {
		return lexicon{}, fmt.Errorf("%s: %w", file, err)
	}
	for _, t := range lx.TitleImplies {
		if t.Prefix == "" {
			return lexicon{}, fmt.Errorf("%s: title_implies: entry without prefix", file)
		}
	}
	return lx, nil
}

// extend adds the words of o to lx; o's map values replace lx's.
func (lx *lexicon) extend(o lexicon) {
	lx.Titles = append(lx.Titles, o.Titles...)
	lx.TitleImplies = append(lx.TitleImplies, o.TitleImplies...)
	lx.Pronouns = append(lx.Pronouns, o.Pronouns...)
	lx.Counterparts = append(lx.Counterparts, o.Counterparts...)
	lx.PairPersons = append(lx.PairPersons, o.PairPersons...)
	lx.PairCountries = append(lx.PairCountries, o.PairCountries...)
	lx.HomeWords = append(lx.HomeWords, o.HomeWords...)
	lx.ListTitles = append(lx.ListTitles, o.ListTitles...)
	lx.GluePrefixes = append(lx.GluePrefixes, o.GluePrefixes...)
	lx.Suffixes = append(lx.Suffixes, o.Suffixes...)
	lx.AdjectiveSuffixes = append(lx.AdjectiveSuffixes, o.AdjectiveSuffixes...)
	lx.ZWNJSuffixes = append(lx.ZWNJSuffixes, o.ZWNJSuffixes...)
	lx.Fillers = append(lx.Fillers, o.Fillers...)
	lx.FormerWords = append(lx.FormerWords, o.FormerWords...)
	lx.RoleModifiers = append(lx.RoleModifiers, o.RoleModifiers...)
	lx.SurnameEndings = append(lx.SurnameEndings, o.SurnameEndings...)
	lx.FamilyNameFirst = append(lx.FamilyNameFirst, o.FamilyNameFirst...)
	lx.LightVerbs = append(lx.LightVerbs, o.LightVerbs...)
	lx.SayingVerbs = append(lx.SayingVerbs, o.SayingVerbs...)
	lx.LeadingWords = append(lx.LeadingWords, o.LeadingWords...)
	lx.StopWords = append(lx.StopWords, o.StopWords...)
	for _, p := range []struct {
		to   *map[string]string
		from map[string]string
	}{
		{&lx.GroupNouns, o.GroupNouns}, {&lx.Heads, o.Heads}, {&lx.Deputies, o.Deputies},
		{&lx.ListNouns, o.ListNouns}, {&lx.PluralRoles, o.PluralRoles}, {&lx.CounterpartsIn, o.CounterpartsIn},
	} {
		if *p.to == nil {
			*p.to = map[string]string{}
		}
		for k, v := range p.from {
			(*p.to)[k] = v
		}
	}
}

// keySet returns the matching keys of words as a set.
func keySet(words []string) map[string]bool {
	s := make(map[string]bool, len(words))
	for _, w := range words {
		s[normalize.Key(w)] = true
	}
	return s
}

// titleInfo gives the country and sector a title (its key) implies, if any.
func (m *matcher) titleInfo(k string) (country, sector string) {
	for _, t := range m.implies {
		if strings.HasPrefix(k, t.Prefix) {
			return t.Country, t.Sector
		}
	}
	return "", ""
}

// surnameShape reports whether w ends like a Persian family name.
func (m *matcher) surnameShape(w string) bool {
	if len([]rune(w)) < 4 {
		return false
	}
	for _, end := range m.endings {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}
