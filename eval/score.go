package eval

import (
	"strings"
	"unicode/utf8"

	"github.com/didar-news/didar"
)

// Counts holds the numerators and denominators of every score, so that
// articles add up to micro-averages.
type Counts struct {
	GoldEvents       int // non-optional gold events
	MatchedGold      int // of those, matched
	Extracted        int // extracted events
	MatchedExtracted int // extracted events matching any gold event
	DateTotal        int
	DateOK           int
	LocationTotal    int
	LocationOK       int
	StatusTotal      int
	StatusOK         int
	ActorsRequired   int
	ActorsFound      int
	Persons          int // extracted persons
	PersonsOK        int
	Speakers         int // non-optional gold speakers
	SpeakersFound    int
}

// Add returns the sum of c and o.
func (c Counts) Add(o Counts) Counts {
	return Counts{
		c.GoldEvents + o.GoldEvents, c.MatchedGold + o.MatchedGold,
		c.Extracted + o.Extracted, c.MatchedExtracted + o.MatchedExtracted,
		c.DateTotal + o.DateTotal, c.DateOK + o.DateOK,
		c.LocationTotal + o.LocationTotal, c.LocationOK + o.LocationOK,
		c.StatusTotal + o.StatusTotal, c.StatusOK + o.StatusOK,
		c.ActorsRequired + o.ActorsRequired, c.ActorsFound + o.ActorsFound,
		c.Persons + o.Persons, c.PersonsOK + o.PersonsOK,
		c.Speakers + o.Speakers, c.SpeakersFound + o.SpeakersFound,
	}
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

func (c Counts) EventRecall() float64    { return ratio(c.MatchedGold, c.GoldEvents) }
func (c Counts) EventPrecision() float64 { return ratio(c.MatchedExtracted, c.Extracted) }
func (c Counts) DateAccuracy() float64   { return ratio(c.DateOK, c.DateTotal) }
func (c Counts) LocationAccuracy() float64 {
	return ratio(c.LocationOK, c.LocationTotal)
}
func (c Counts) StatusAccuracy() float64  { return ratio(c.StatusOK, c.StatusTotal) }
func (c Counts) ActorRecall() float64     { return ratio(c.ActorsFound, c.ActorsRequired) }
func (c Counts) PersonPrecision() float64 { return ratio(c.PersonsOK, c.Persons) }
func (c Counts) QuoteRecall() float64     { return ratio(c.SpeakersFound, c.Speakers) }

// EventF1 is the harmonic mean of event precision and recall.
func (c Counts) EventF1() float64 {
	p, r := c.EventPrecision(), c.EventRecall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Result is the score of one article, with what was missed and what was
// extra, for people tuning the extractor.
type Result struct {
	Doc     string
	Counts  Counts
	Missed  []GoldEvent   // non-optional gold events with no match
	Extra   []didar.Event // extracted events matching no gold event
	Wrong   []string      // matched events with a wrong date, location or status
	Unfound []GoldActor   // required actors not found
	Persons []string      // extracted persons matching no gold actor
	Silent  []string      // non-optional gold speakers with no quote
}

// Score scores rec against g. A nil rec scores as an empty record.
func Score(g Gold, rec *didar.Record) Result {
	if rec == nil {
		rec = &didar.Record{}
	}
	res := Result{Doc: g.Doc}
	c := &res.Counts
	actors := map[string]*didar.Actor{}
	for i := range rec.Actors {
		actors[rec.Actors[i].ID] = &rec.Actors[i]
	}
	golds := map[string]GoldActor{}
	for _, a := range g.Actors {
		golds[a.Key] = a
	}
	matches := func(id, key string) bool {
		a, ok := actors[id]
		ga, ok2 := golds[key]
		return ok && ok2 && actorMatches(a, ga)
	}

	// Actors.
	for _, ga := range g.Actors {
		if !ga.Required {
			continue
		}
		c.ActorsRequired++
		found := false
		for i := range rec.Actors {
			if actorMatches(&rec.Actors[i], ga) {
				found = true
				break
			}
		}
		if found {
			c.ActorsFound++
		} else {
			res.Unfound = append(res.Unfound, ga)
		}
	}
	for i := range rec.Actors {
		a := &rec.Actors[i]
		if a.Kind != didar.KindPerson {
			continue
		}
		c.Persons++
		ok := false
		for _, ga := range g.Actors {
			if actorMatches(a, ga) {
				ok = true
				break
			}
		}
		if ok {
			c.PersonsOK++
		} else {
			res.Persons = append(res.Persons, a.ID)
		}
	}

	// Events: one-to-one, greedy in file order.
	used := make([]bool, len(rec.Events))
	c.Extracted = len(rec.Events)
	for _, ge := range g.Events {
		if !ge.Optional {
			c.GoldEvents++
		}
		j := -1
		for i := range rec.Events {
			if !used[i] && eventMatches(&rec.Events[i], ge, matches) {
				j = i
				break
			}
		}
		if j < 0 {
			if !ge.Optional {
				res.Missed = append(res.Missed, ge)
			}
			continue
		}
		used[j] = true
		c.MatchedExtracted++
		if ge.Optional {
			continue
		}
		c.MatchedGold++
		e := &rec.Events[j]
		if ge.hasDate {
			c.DateTotal++
			if dateMatches(e.Date, ge.Date, ge.DateApproxDays) {
				c.DateOK++
			} else {
				res.Wrong = append(res.Wrong, e.ID+" date "+e.Date.String()+" want "+deref(ge.Date))
			}
		}
		if ge.LocationCountry != nil {
			c.LocationTotal++
			got := ""
			if e.Location != nil {
				got = string(e.Location.Country)
			}
			if got == *ge.LocationCountry {
				c.LocationOK++
			} else {
				res.Wrong = append(res.Wrong, e.ID+" location "+got+" want "+*ge.LocationCountry)
			}
		}
		c.StatusTotal++
		if string(e.Status) == ge.Status {
			c.StatusOK++
		} else {
			res.Wrong = append(res.Wrong, e.ID+" status "+string(e.Status)+" want "+ge.Status)
		}
	}
	for i, u := range used {
		if !u {
			res.Extra = append(res.Extra, rec.Events[i])
		}
	}

	// Quotes.
	for _, gq := range g.Quotes {
		if gq.Optional {
			continue
		}
		c.Speakers++
		found := false
		for _, q := range rec.Quotes {
			if matches(q.Speaker, gq.Speaker) {
				found = true
				break
			}
		}
		if found {
			c.SpeakersFound++
		} else {
			res.Silent = append(res.Silent, gq.Speaker)
		}
	}
	return res
}

func deref(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

func eventMatches(e *didar.Event, ge GoldEvent, matches func(id, key string) bool) bool {
	typeOK := false
	for _, t := range ge.Type {
		if string(e.Type) == t {
			typeOK = true
		}
	}
	if !typeOK {
		return false
	}
	if len(ge.Actors) > 0 {
		for _, entry := range ge.Actors {
			hit := false
			for _, p := range e.Participants {
				for _, k := range entry {
					if matches(p, k) {
						hit = true
					}
				}
			}
			if !hit {
				return false
			}
		}
		return true
	}
	any := func(id string, keys []string) bool {
		for _, k := range keys {
			if matches(id, k) {
				return true
			}
		}
		return false
	}
	return any(string(e.Source), ge.Source) && any(string(e.Target), ge.Target)
}

func dateMatches(got didar.Date, want *string, approx int) bool {
	if want == nil {
		return got.IsZero()
	}
	w, err := didar.ParseDate(*want)
	if err != nil || got.IsZero() {
		return false
	}
	days := int(got.Time().Sub(w.Time()).Hours() / 24)
	if days < 0 {
		days = -days
	}
	return days <= approx
}

func actorMatches(a *didar.Actor, g GoldActor) bool {
	if g.EN != nil && a.NameEN != "" && foldEN(string(a.NameEN)) == foldEN(*g.EN) {
		return true
	}
	fa := FoldFA(a.NameFA)
	bothPersons := a.Kind == didar.KindPerson && g.Kind == string(didar.KindPerson)
	for _, n := range g.FA {
		n = FoldFA(n)
		if fa == "" || n == "" {
			continue
		}
		if fa == n {
			return true
		}
		if bothPersons && utf8.RuneCountInString(shorter(fa, n)) >= 3 && (strings.Contains(fa, n) || strings.Contains(n, fa)) {
			return true
		}
	}
	collective := func(k string) bool {
		return k == string(didar.KindCountry) || k == string(didar.KindOrganization) || k == string(didar.KindGroup)
	}
	if collective(g.Kind) && collective(string(a.Kind)) && g.Country != nil && *g.Country != "" &&
		string(a.Country) == *g.Country && (g.Sector == nil || string(a.Sector) == *g.Sector) {
		return true
	}
	return false
}

func shorter(a, b string) string {
	if len(a) < len(b) {
		return a
	}
	return b
}

func foldEN(s string) string {
	s = strings.ToLower(s)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '.' {
			return -1
		}
		return r
	}, s)
}

// FoldFA folds a Persian name as the gold rules say: Arabic ي ى ك ة to
// Persian, diacritics, tatweel, zero-width non-joiners and spaces removed.
func FoldFA(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'ي', 'ى':
			return 'ی'
		case 'ك':
			return 'ک'
		case 'ة':
			return 'ه'
		case 'ـ', '\u200c', '\u200d', ' ', '\u00a0':
			return -1
		}
		if r >= '\u064B' && r <= '\u065F' || r == '\u0670' {
			return -1
		}
		return r
	}, s)
}
