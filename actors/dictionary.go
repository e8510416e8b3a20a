package actors

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/normalize"
	"gopkg.in/yaml.v3"
)

// The whole folder is embedded (not data/*.yaml) so that the package
// builds before the first data file exists.
//
//go:embed data
var embedded embed.FS

// Office is an office that role phrases name: a generic one (Country empty)
// is read as a title followed by a country name or adjective; a
// country-specific one has complete phrases.
type Office struct {
	ID      string   `json:"id"`
	EN      string   `json:"en"`
	FA      []string `json:"fa"`
	Country string   `json:"country,omitempty"`
	Sector  string   `json:"sector,omitempty"`
}

// Dictionary holds every entry and office, and the matcher built from
// them. It is read-only after Load and safe for concurrent use.
type Dictionary struct {
	entries []didar.Entry
	byID    map[string]int
	offices map[string]*Office
	source  map[string]string // id → file that first defined it

	capitalOf map[string]string // place id → country id
	byOffice  map[string][]int  // office id → persons who held it
	byOrg     map[string][]int  // organisation id → persons who held a role in it
	m         *matcher
	persons   []personSkel
	given     map[string]bool // first words of persons' names: علی, محمد, ولادیمیر
	// Per entry index, computed once rather than for every article.
	keys      [][]string   // matching keys of the Persian names
	lastWords [][]lastWord // persons' last words, for localSurnames
	nameWords [][]string   // the words of the first key, for indexWords
	lex       lexicon      // the word classes of lexicon.yaml and users' ones
}

// rawEntry is an entry as written in YAML: dates as text so that errors
// can name the field, and offices in the same list.
type rawEntry struct {
	ID         string    `yaml:"id"`
	Kind       string    `yaml:"kind"`
	EN         string    `yaml:"en"`
	FA         []string  `yaml:"fa"`
	Country    string    `yaml:"country"`
	Sector     string    `yaml:"sector"`
	Roles      []rawRole `yaml:"roles"`
	Adjectives []string  `yaml:"adjectives"`
	Demonyms   []string  `yaml:"demonyms"`
	Capital    string    `yaml:"capital"`
	Metonyms   []string  `yaml:"metonyms"`
}

type rawRole struct {
	Office  string `yaml:"office"`
	Title   string `yaml:"title"`
	Org     string `yaml:"org"`
	Country string `yaml:"country"`
	Host    string `yaml:"host"`
	Sector  string `yaml:"sector"`
	From    string `yaml:"from"`
	To      string `yaml:"to"`
}

// Load reads the embedded dictionary and word lists, then every *.yaml
// file in each of dirs in name order. An entry whose id already exists
// extends it; a file named lexicon.yaml holds word lists (titles, stop
// words...) that extend the embedded lexicon.yaml.
func Load(dirs ...string) (*Dictionary, error) {
	return load(true, dirs...)
}

// load reads the embedded files when withEmbedded is set (tests use their
// own fixture alone), then dirs.
func load(withEmbedded bool, dirs ...string) (*Dictionary, error) {
	d := &Dictionary{
		byID:    map[string]int{},
		offices: map[string]*Office{},
		source:  map[string]string{},
	}
	lx, err := parseLexicon("embedded "+lexiconFile, embeddedLexicon)
	if err != nil {
		return nil, err
	}
	d.lex = lx
	names, err := fs.Glob(embedded, "data/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list embedded dictionary: %w", err)
	}
	if !withEmbedded {
		names = nil
	}
	for _, name := range names {
		b, err := embedded.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read embedded %s: %w", name, err)
		}
		if err := d.add(name, b); err != nil {
			return nil, err
		}
	}
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", dir, err)
		}
		if files == nil {
			if _, err := os.Stat(dir); err != nil {
				return nil, fmt.Errorf("dictionary folder: %w", err)
			}
		}
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("read dictionary: %w", err)
			}
			if filepath.Base(f) == lexiconFile {
				// Word classes, not entries: they extend the embedded ones.
				lx, err := parseLexicon(f, b)
				if err != nil {
					return nil, err
				}
				d.lex.extend(lx)
				continue
			}
			if err := d.add(f, b); err != nil {
				return nil, err
			}
		}
	}
	d.build()
	return d, nil
}

// add decodes one file and merges its entries.
func (d *Dictionary) add(file string, b []byte) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if len(doc.Content) == 0 {
		return nil // an empty file
	}
	list := doc.Content[0]
	if list.Kind != yaml.SequenceNode {
		return fmt.Errorf("%s:%d: want a list of entries", file, list.Line)
	}
	for _, item := range list.Content {
		var r rawEntry
		if err := item.Decode(&r); err != nil {
			return fmt.Errorf("%s:%d: entry: %w", file, item.Line, err)
		}
		if err := d.merge(r); err != nil {
			name := r.ID
			if name == "" {
				name = "(no id)"
			}
			return fmt.Errorf("%s:%d: entry %s: %w", file, item.Line, name, err)
		}
		if _, ok := d.source[r.ID]; !ok {
			d.source[r.ID] = file
		}
	}
	return nil
}

var kinds = map[string]didar.Kind{
	"person":       didar.KindPerson,
	"organization": didar.KindOrganization,
	"country":      didar.KindCountry,
	"place":        didar.KindPlace,
	"group":        didar.KindGroup,
}

func (d *Dictionary) merge(r rawEntry) error {
	if r.ID == "" {
		return errors.New("no id")
	}
	for _, n := range r.FA {
		if normalize.Key(n) == "" {
			return errors.New("empty Persian name")
		}
	}
	if r.Kind == "office" {
		if o, ok := d.offices[r.ID]; ok {
			o.FA = append(o.FA, r.FA...)
			return nil
		}
		if len(r.FA) == 0 {
			return errors.New("office without Persian titles")
		}
		d.offices[r.ID] = &Office{ID: r.ID, EN: r.EN, FA: r.FA, Country: r.Country, Sector: r.Sector}
		return nil
	}
	roles := make([]didar.Role, 0, len(r.Roles))
	for i, rr := range r.Roles {
		role, err := rr.role()
		if err != nil {
			return fmt.Errorf("role %d (%s): %w", i+1, rr.Office, err)
		}
		roles = append(roles, role)
	}
	if i, ok := d.byID[r.ID]; ok {
		e := &d.entries[i]
		if r.Kind != "" && didar.Kind(r.Kind) != e.Kind {
			return fmt.Errorf("kind %q differs from the earlier %q", r.Kind, e.Kind)
		}
		e.FA = append(e.FA, r.FA...)
		e.Adjectives = append(e.Adjectives, r.Adjectives...)
		e.Demonyms = append(e.Demonyms, r.Demonyms...)
		e.Metonyms = append(e.Metonyms, r.Metonyms...)
		e.Roles = append(e.Roles, roles...)
		fill(&e.EN, r.EN)
		fill(&e.Country, r.Country)
		fill(&e.Sector, r.Sector)
		fill(&e.Capital, r.Capital)
		return nil
	}
	k, ok := kinds[r.Kind]
	if !ok {
		return fmt.Errorf("kind %q: want person, organization, country, place, group or office", r.Kind)
	}
	if len(r.FA) == 0 {
		return errors.New("no Persian name (fa)")
	}
	d.byID[r.ID] = len(d.entries)
	d.entries = append(d.entries, didar.Entry{
		ID: r.ID, Kind: k, EN: r.EN, FA: r.FA, Country: r.Country, Sector: r.Sector,
		Roles: roles, Adjectives: r.Adjectives, Demonyms: r.Demonyms, Capital: r.Capital,
		Metonyms: r.Metonyms,
	})
	return nil
}

func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func (rr rawRole) role() (didar.Role, error) {
	if rr.Office == "" {
		return didar.Role{}, errors.New("no office")
	}
	var from, to didar.Date
	var err error
	if rr.From != "" {
		if from, err = didar.ParseDate(rr.From); err != nil {
			return didar.Role{}, fmt.Errorf("from: %w", err)
		}
	}
	if rr.To != "" {
		if to, err = didar.ParseDate(rr.To); err != nil {
			return didar.Role{}, fmt.Errorf("to: %w", err)
		}
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return didar.Role{}, fmt.Errorf("to %s is before from %s", to, from)
	}
	return didar.Role{
		Office: rr.Office, Title: rr.Title, Org: rr.Org, Country: rr.Country,
		Host: rr.Host, Sector: rr.Sector, From: from, To: to,
	}, nil
}

// build derives the lookup tables and the matcher once all files are read.
func (d *Dictionary) build() {
	d.capitalOf = map[string]string{}
	for _, e := range d.entries {
		if e.Kind == didar.KindCountry && e.Capital != "" {
			d.capitalOf[e.Capital] = e.ID
		}
	}
	d.byOffice = map[string][]int{}
	d.byOrg = map[string][]int{}
	for i, e := range d.entries {
		if e.Kind != didar.KindPerson {
			continue
		}
		for _, r := range e.Roles {
			d.byOffice[r.Office] = appendIndex(d.byOffice[r.Office], i)
			if r.Org != "" {
				d.byOrg[r.Org] = appendIndex(d.byOrg[r.Org], i)
			}
		}
	}
	d.keys = make([][]string, len(d.entries))
	d.lastWords = make([][]lastWord, len(d.entries))
	d.nameWords = make([][]string, len(d.entries))
	for i, e := range d.entries {
		for _, n := range e.FA {
			k := normalize.Key(n)
			d.keys[i] = append(d.keys[i], k)
			if len(d.keys[i]) == 1 {
				d.nameWords[i] = strings.Fields(k)
			}
			if lw, ok := lastWordOf(k); ok && e.Kind == didar.KindPerson {
				d.lastWords[i] = append(d.lastWords[i], lw)
			}
		}
	}
	d.persons = d.personSkels()
	d.given = map[string]bool{}
	for _, e := range d.entries {
		if e.Kind != didar.KindPerson {
			continue
		}
		for _, n := range e.FA {
			if f := strings.Fields(normalize.Key(n)); len(f) > 1 {
				d.given[f[0]] = true
			}
		}
	}
	d.m = d.buildMatcher()
}

// shortOfficePhrases returns the phrases of a country's own office with
// its organisation named by the country alone, as news often writes them:
// "وزیر بین‌الملل چین" for "وزیر بین‌الملل حزب کمونیست چین". Only titles of
// two words or more are shortened: "رئیس خانه احزاب ایران" must not give
// "رئیس ایران".
func (d *Dictionary) shortOfficePhrases(o *Office, orgKeys []string) []string {
	c, ok := d.Entry(o.Country)
	if o.Country == "" || !ok {
		return nil
	}
	var out []string
	for _, phrase := range o.FA {
		pk := normalize.Key(phrase)
		for _, org := range orgKeys {
			title, found := strings.CutSuffix(pk, " "+org)
			if !found || strings.Count(title, " ") < 1 {
				continue
			}
			for _, cn := range c.FA {
				out = append(out, title+" "+cn)
			}
		}
	}
	return out
}

// Entry returns the entry with id.
func (d *Dictionary) Entry(id string) (didar.Entry, bool) {
	i, ok := d.byID[id]
	if !ok {
		return didar.Entry{}, false
	}
	return d.entries[i], true
}

// Entries returns every entry in load order.
func (d *Dictionary) Entries() []didar.Entry {
	return append([]didar.Entry(nil), d.entries...)
}

// Office returns the office with id.
func (d *Dictionary) Office(id string) (Office, bool) {
	o, ok := d.offices[id]
	if !ok {
		return Office{}, false
	}
	return *o, true
}

// Offices returns every office sorted by id.
func (d *Dictionary) Offices() []Office {
	out := make([]Office, 0, len(d.offices))
	for _, o := range d.offices {
		out = append(out, *o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Place returns the place entry with id.
func (d *Dictionary) Place(id string) (didar.Entry, bool) {
	e, ok := d.Entry(id)
	if !ok || e.Kind != didar.KindPlace {
		return didar.Entry{}, false
	}
	return e, true
}

// PlaceOf returns the location a link names: the place it mentions (a
// capital or a city), else the country. ok is false for persons,
// organisations and groups.
func (d *Dictionary) PlaceOf(l Link) (nameFA, nameEN, country string, ok bool) {
	if l.Place != "" {
		if p, found := d.Place(l.Place); found {
			return p.FA[0], p.EN, p.Country, true
		}
	}
	e, found := d.Entry(l.ActorID)
	if !found || (e.Kind != didar.KindCountry && e.Kind != didar.KindPlace) {
		return "", "", "", false
	}
	c := e.Country
	if e.Kind == didar.KindCountry {
		c = e.ID
	}
	return e.FA[0], e.EN, c, true
}

// HolderOn returns the person who held office for country on at; a zero
// at means the current holder. For ambassadors country is the sending
// state; see HolderOf to give the host too.
func (d *Dictionary) HolderOn(office, country string, at didar.Date) (didar.Entry, bool) {
	hs := d.holders(roleKey{office: office, country: country}, at)
	if len(hs) == 0 {
		return didar.Entry{}, false
	}
	return d.entries[hs[0]], true
}

// roleKey names an office as a role phrase reads it.
type roleKey struct {
	office, country, host, org string
}

// holders returns the indexes of persons holding k on at, the latest
// appointed first; with a zero at, current holders come first.
func (d *Dictionary) holders(k roleKey, at didar.Date) []int {
	type cand struct {
		i       int
		from    didar.Date
		current bool
	}
	var cs []cand
	idx := d.byOffice[k.office]
	if k.office == "" {
		idx = d.byOrg[k.org]
	}
	for _, i := range idx {
		e := &d.entries[i]
		for ri := range e.Roles {
			r := &e.Roles[ri]
			if k.office != "" && r.Office != k.office {
				continue
			}
			if k.office == "" && r.Org != k.org {
				continue
			}
			if k.country != "" && r.Country != "" && r.Country != k.country {
				continue
			}
			if k.host != "" && r.Host != "" && r.Host != k.host {
				continue
			}
			if k.org != "" && r.Org != "" && r.Org != k.org {
				continue
			}
			if !r.Holds(at) {
				continue
			}
			cs = append(cs, cand{i, r.From, r.To.IsZero()})
			break
		}
	}
	sort.SliceStable(cs, func(a, b int) bool {
		if cs[a].current != cs[b].current && at.IsZero() {
			return cs[a].current
		}
		return cs[b].from.Before(cs[a].from)
	})
	out := make([]int, len(cs))
	for i, c := range cs {
		out[i] = c.i
	}
	return out
}

func appendIndex(s []int, i int) []int {
	if len(s) > 0 && s[len(s)-1] == i {
		return s
	}
	return append(s, i)
}

// Search returns the entries whose id, English or Persian name matches q,
// best first: exact matches, then prefixes, then substrings. Persian is
// compared on the matching key without spaces, so ZWNJ, spacing and
// letter forms do not matter.
func (d *Dictionary) Search(q string) []didar.Entry {
	k := squeeze(normalize.Key(q))
	lq := strings.ToLower(strings.TrimSpace(q))
	if k == "" && lq == "" {
		return nil
	}
	type scored struct {
		i, score int
	}
	var out []scored
	for i, e := range d.entries {
		best := 0
		try := func(s int) {
			if s > best {
				best = s
			}
		}
		if strings.ToLower(e.ID) == lq {
			try(100)
		}
		en := strings.ToLower(e.EN)
		switch {
		case en == lq:
			try(95)
		case lq != "" && strings.HasPrefix(en, lq):
			try(60)
		case lq != "" && strings.Contains(en, lq):
			try(40)
		case lq != "" && strings.Contains(e.ID, lq):
			try(35)
		}
		names := append(append(append([]string(nil), e.FA...), e.Adjectives...), e.Metonyms...)
		for _, n := range names {
			nk := squeeze(normalize.Key(n))
			switch {
			case k == "":
			case nk == k:
				try(90)
			case strings.HasPrefix(nk, k):
				try(55)
			case strings.Contains(nk, k):
				try(30)
			}
		}
		if best > 0 {
			out = append(out, scored{i, best})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].score > out[b].score })
	res := make([]didar.Entry, len(out))
	for i, s := range out {
		res[i] = d.entries[s.i]
	}
	return res
}

// squeeze drops the spaces of a key: "رئیس جمهور" and "رئیسجمهور" are
// the same name.
func squeeze(k string) string { return strings.ReplaceAll(k, " ", "") }
