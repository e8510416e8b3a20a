package samples

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/didar-news/didar"
)

// The gold format of shared/gold/README.md. Decoding is strict, so a
// misspelt key fails the test instead of being ignored by the scorer.
type goldDoc struct {
	Doc       string      `json:"doc"`
	Published didar.Date  `json:"published"`
	Source    *string     `json:"source"`
	Actors    []goldActor `json:"actors"`
	Events    []goldEvent `json:"events"`
	Quotes    []goldQuote `json:"quotes"`
}

type goldActor struct {
	Key      string   `json:"key"`
	Kind     string   `json:"kind"`
	FA       []string `json:"fa"`
	EN       *string  `json:"en"`
	Country  *string  `json:"country"`
	Sector   *string  `json:"sector"`
	Required bool     `json:"required"`
}

type goldEvent struct {
	Type            []string          `json:"type"`
	Actors          []json.RawMessage `json:"actors"`
	Source          []string          `json:"source"`
	Target          []string          `json:"target"`
	Date            goldDate          `json:"date"`
	DateApproxDays  int               `json:"date_approx_days"`
	LocationCountry *string           `json:"location_country"`
	Status          didar.Status      `json:"status"`
	Optional        bool              `json:"optional"`
}

// goldDate is an event date that remembers whether the key was present:
// the gold writes null for "the text does not fix it", never leaves it out.
type goldDate struct {
	didar.Date
	Set bool
}

func (d *goldDate) UnmarshalJSON(b []byte) error {
	d.Set = true
	return d.Date.UnmarshalJSON(b)
}

type goldQuote struct {
	Speaker  string `json:"speaker"`
	Optional bool   `json:"optional"`
}

// keys returns every actor key the event names, alternatives included.
func (e goldEvent) keys() ([]string, error) {
	keys := append(append([]string{}, e.Source...), e.Target...)
	for _, raw := range e.Actors {
		var one string
		if err := json.Unmarshal(raw, &one); err == nil {
			keys = append(keys, one)
			continue
		}
		var alts []string
		if err := json.Unmarshal(raw, &alts); err != nil {
			return nil, fmt.Errorf("actors entry %s: want a key or a list of keys", raw)
		}
		if len(alts) == 0 {
			return nil, fmt.Errorf("actors entry %s: empty list", raw)
		}
		keys = append(keys, alts...)
	}
	return keys, nil
}

func readGold(t *testing.T) []goldDoc {
	t.Helper()
	b, err := Gold()
	if err != nil {
		t.Fatal(err)
	}
	var docs []goldDoc
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		var d goldDoc
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("gold.jsonl:%d: %v", n, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestAllSorted(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 60 {
		t.Errorf("corpus has %d articles, want at least 60", len(all))
	}
	for i, s := range all {
		if i > 0 && all[i-1].ID >= s.ID {
			t.Errorf("ids out of order: %s before %s", all[i-1].ID, s.ID)
		}
		if s.Source == "" {
			t.Errorf("%s: no source in meta.jsonl", s.ID)
		}
		words := len(strings.Fields(s.Text))
		if words < 120 || words > 320 {
			t.Errorf("%s: %d words, want 120-300", s.ID, words)
		}
	}
}

var (
	kinds    = map[string]bool{"person": true, "organization": true, "country": true, "place": true, "group": true}
	statuses = map[didar.Status]bool{didar.StatusOccurred: true, didar.StatusPlanned: true, didar.StatusPastReference: true}
	iso3     = regexp.MustCompile(`^[A-Z]{3}$`)
)

// TestGoldValid checks every gold line against the README and the
// articles: ids match one to one, published dates agree with the metadata,
// every key an event or quote uses is declared, types and statuses are
// known.
func TestGoldValid(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	byID := make(map[string]Sample)
	for _, s := range all {
		byID[s.ID] = s
	}
	seen := make(map[string]bool)
	for i, d := range readGold(t) {
		where := fmt.Sprintf("gold.jsonl:%d (%s)", i+1, d.Doc)
		s, ok := byID[d.Doc]
		if !ok {
			t.Errorf("%s: no article with this id", where)
			continue
		}
		if seen[d.Doc] {
			t.Errorf("%s: duplicate doc", where)
		}
		seen[d.Doc] = true
		if d.Published != s.Published {
			t.Errorf("%s: published %v, meta.jsonl has %v", where, d.Published, s.Published)
		}
		if d.Source == nil || *d.Source != s.Source {
			t.Errorf("%s: source differs from meta.jsonl %q", where, s.Source)
		}
		declared := make(map[string]goldActor)
		for _, a := range d.Actors {
			if a.Key == "" || !kinds[a.Kind] || len(a.FA) == 0 {
				t.Errorf("%s: actor %+v needs key, a known kind and Persian names", where, a)
			}
			if _, dup := declared[a.Key]; dup {
				t.Errorf("%s: actor %s declared twice", where, a.Key)
			}
			if a.Country != nil && !iso3.MatchString(*a.Country) {
				t.Errorf("%s: actor %s: country %q is not ISO3", where, a.Key, *a.Country)
			}
			if a.Kind == "country" && (a.Country == nil || *a.Country != a.Key) {
				t.Errorf("%s: country actor %s must have its ISO3 code as key and country", where, a.Key)
			}
			declared[a.Key] = a
		}
		if len(d.Events) == 0 {
			t.Errorf("%s: no events", where)
		}
		for j, e := range d.Events {
			ew := fmt.Sprintf("%s event %d", where, j+1)
			if len(e.Type) == 0 {
				t.Errorf("%s: no type", ew)
			}
			for _, ty := range e.Type {
				if _, err := didar.ParseEventType(ty); err != nil {
					t.Errorf("%s: %v", ew, err)
				}
			}
			symmetric := len(e.Actors) > 0
			if symmetric == (len(e.Source) > 0 || len(e.Target) > 0) {
				t.Errorf("%s: want either actors or source and target", ew)
			}
			if !symmetric && (len(e.Source) == 0 || len(e.Target) == 0) {
				t.Errorf("%s: directed event needs source and target", ew)
			}
			if symmetric && len(e.Actors) < 2 {
				t.Errorf("%s: symmetric event needs two actors", ew)
			}
			keys, err := e.keys()
			if err != nil {
				t.Errorf("%s: %v", ew, err)
			}
			for _, k := range keys {
				if _, ok := declared[k]; !ok {
					t.Errorf("%s: actor key %q not declared in actors", ew, k)
				}
			}
			if !statuses[e.Status] {
				t.Errorf("%s: status %q", ew, e.Status)
			}
			if !e.Date.Set {
				t.Errorf("%s: date missing (write null when the text does not fix it)", ew)
			}
			if e.LocationCountry != nil && !iso3.MatchString(*e.LocationCountry) {
				t.Errorf("%s: location_country %q is not ISO3", ew, *e.LocationCountry)
			}
			// The date rules of shared/spec/output.md: news with no date of
			// its own takes the publication date, and a plan is never dated
			// before the article that announces it.
			if e.Status == didar.StatusOccurred && e.Date.IsZero() && !d.Published.IsZero() {
				t.Errorf("%s: occurred event without a date, want at least the publication date", ew)
			}
			if e.Status == didar.StatusPlanned && !e.Date.IsZero() && !d.Published.IsZero() && e.Date.Before(d.Published) {
				t.Errorf("%s: planned for %v, before publication on %v", ew, e.Date.Date, d.Published)
			}
			if e.DateApproxDays < 0 {
				t.Errorf("%s: negative date_approx_days", ew)
			}
		}
		for _, q := range d.Quotes {
			if _, ok := declared[q.Speaker]; !ok {
				t.Errorf("%s: quote speaker %q not declared in actors", where, q.Speaker)
			}
		}
	}
	for id := range byID {
		if !seen[id] {
			t.Errorf("article %s has no gold line", id)
		}
	}
}

// Patterns the coverage rules count in the article texts.
var (
	jalaliDate    = regexp.MustCompile(`[0-9۰-۹]{1,2} (فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند)(ماه| ماه)? [0-9۰-۹]{4}`)
	gregorianDate = regexp.MustCompile(`[0-9۰-۹]{1,2} (ژانویه|فوریه|مارس|آوریل|مه|می|ژوئن|ژوئیه|ژوئیه|اوت|آگوست|سپتامبر|اکتبر|نوامبر|دسامبر) [0-9۰-۹]{4}`)
	relativeDate  = regexp.MustCompile(`(روز )?(شنبه|یکشنبه|یک‌شنبه|دوشنبه|سه‌شنبه|سهشنبه|چهارشنبه|پنجشنبه|پنج‌شنبه|جمعه)|دیروز|امروز|شب گذشته|هفته گذشته|بامداد امروز`)
	// Negated interaction verbs: the gold has no event for them.
	negation = regexp.MustCompile(`(^|\s)(دیدار|ملاقات|تماس|گفت‌وگو|مذاکره|سفر|تحریم|رد|حمایت|محکوم|دعوت|توافق|پاسخ|بیانیه)[^.]{0,40}(نکرد|نکردند|نکرده|صورت نگرفت|انجام نشد|نداشت|نداشتند|ندارد|نخواهد کرد|نخواهم داد|حاصل نشد|صادر نشد)`)
	// Noise of scraped pages: Arabic letter forms, ASCII digits next to
	// Persian text, glued forms that lost their ZWNJ.
	noise = regexp.MustCompile(`[يك]|[0-9]|(می|نمی)(کند|کنند|شود|شوند|گوید|دهد|باشد|کرد|خواهد)|همکاریها|رئیسجمهور|گفتوگو|بینالمللی|کشورها ی|ولادمیر|اردغان|سرگی لاوروف|وانگ ئی`)
)

// TestCoverage enforces the coverage rules of the corpus: every event type
// at least three times as a non-optional event, enough foreign parties,
// articles without an Iranian party, planned and past-reference events,
// negations, each kind of date, noisy text and quotes.
func TestCoverage(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	text := make(map[string]Sample)
	for _, s := range all {
		text[s.ID] = s
	}
	perType := make(map[string]int)
	perStatus := make(map[didar.Status]int)
	countries := make(map[string]bool)
	noIran := 0
	for _, d := range readGold(t) {
		country := make(map[string]string)
		for _, a := range d.Actors {
			if a.Country != nil {
				country[a.Key] = *a.Country
			}
		}
		iranian := false
		for _, e := range d.Events {
			perStatus[e.Status]++
			if !e.Optional {
				for _, ty := range e.Type {
					perType[ty]++
				}
			}
			keys, _ := e.keys()
			for _, k := range keys {
				c := country[k]
				if c == "IRN" {
					iranian = true
				} else if c != "" && !e.Optional {
					countries[c] = true
				}
			}
		}
		if !iranian {
			noIran++
		}
	}
	for _, ty := range didar.EventTypes() {
		if perType[string(ty)] < 3 {
			t.Errorf("type %s: %d non-optional gold events, want at least 3", ty, perType[string(ty)])
		}
	}
	if len(countries) < 10 {
		t.Errorf("%d countries besides Iran as event parties, want at least 10", len(countries))
	}
	if noIran < 8 {
		t.Errorf("%d articles without an Iranian party, want at least 8", noIran)
	}
	if perStatus[didar.StatusPlanned] < 6 || perStatus[didar.StatusPastReference] < 6 {
		t.Errorf("planned %d, past-reference %d events, want at least 6 each",
			perStatus[didar.StatusPlanned], perStatus[didar.StatusPastReference])
	}

	var nJalali, nGregorian, nRelative, nNegation, nNoisy, nDirect, nIndirect int
	for _, s := range all {
		if jalaliDate.MatchString(s.Text) {
			nJalali++
		}
		if gregorianDate.MatchString(s.Text) {
			nGregorian++
		}
		if relativeDate.MatchString(s.Text) && !s.Published.IsZero() {
			nRelative++
		}
		nNegation += len(negation.FindAllString(s.Text, -1))
		if noise.MatchString(s.Text) {
			nNoisy++
		}
		if strings.Contains(s.Text, "«") {
			nDirect++
		}
		if strings.Contains(s.Text, "گفت که") || strings.Contains(s.Text, "تصریح کرد") || strings.Contains(s.Text, "افزود") {
			nIndirect++
		}
	}
	for _, c := range []struct {
		what string
		n    int
		min  int
	}{
		{"articles with a Solar Hijri date", nJalali, 10},
		{"articles with a Gregorian date in Persian", nGregorian, 10},
		{"articles with a relative date and a publication date", nRelative, 10},
		{"negated interactions", nNegation, 5},
		{"noisy articles", nNoisy, 15},
		{"articles with a direct quote", nDirect, 10},
		{"articles with an indirect quote", nIndirect, 10},
	} {
		if c.n < c.min {
			t.Errorf("%s: %d, want at least %d", c.what, c.n, c.min)
		}
	}
	t.Logf("types %v", perType)
	t.Logf("statuses %v, countries %d, articles without Iran %d", perStatus, len(countries), noIran)
	t.Logf("jalali %d, gregorian %d, relative %d, negations %d, noisy %d", nJalali, nGregorian, nRelative, nNegation, nNoisy)
}
