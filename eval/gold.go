package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/didar-news/didar"
)

// Gold is the annotation of one article.
type Gold struct {
	Doc       string      `json:"doc"`
	Published *string     `json:"published"`
	Source    *string     `json:"source"`
	Actors    []GoldActor `json:"actors"`
	Events    []GoldEvent `json:"events"`
	Quotes    []GoldQuote `json:"quotes"`
	line      int
}

// GoldActor is an annotated actor; Key is the annotation's own name for it.
type GoldActor struct {
	Key      string   `json:"key"`
	Kind     string   `json:"kind"`
	FA       []string `json:"fa"`
	EN       *string  `json:"en"`
	Country  *string  `json:"country"`
	Sector   *string  `json:"sector"`
	Required bool     `json:"required"`
}

// GoldEvent is an annotated event. Symmetric events list Actors, directed
// ones Source and Target.
type GoldEvent struct {
	Type            []string `json:"type"`
	Actors          []Entry  `json:"actors"`
	Source          []string `json:"source"`
	Target          []string `json:"target"`
	Date            *string  `json:"date"`
	DateApproxDays  int      `json:"date_approx_days"`
	LocationCountry *string  `json:"location_country"`
	Status          string   `json:"status"`
	Optional        bool     `json:"optional"`
	hasDate         bool
}

// Entry is one required participant of a symmetric event: any of its
// keys matches.
type Entry []string

func (e *Entry) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*e = Entry{s}
		return nil
	}
	var l []string
	if err := json.Unmarshal(b, &l); err != nil {
		return fmt.Errorf("an actors entry must be a key or a list of keys")
	}
	*e = l
	return nil
}

func (e *GoldEvent) UnmarshalJSON(b []byte) error {
	type plain GoldEvent
	var p plain
	if err := strictUnmarshal(b, &p); err != nil {
		return err
	}
	*e = GoldEvent(p)
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(b, &keys); err != nil {
		return err
	}
	_, e.hasDate = keys["date"]
	return nil
}

// GoldQuote names a speaker that should have at least one quote.
type GoldQuote struct {
	Speaker  string `json:"speaker"`
	Optional bool   `json:"optional"`
}

func strictUnmarshal(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// ReadGold reads a gold JSON Lines file. Errors name the file and line and
// say what is wrong: a malformed line, an unknown key, a missing doc, an
// event key that no actor declares, an unknown event type.
func ReadGold(r io.Reader, name string) ([]Gold, error) {
	var golds []Gold
	seen := map[string]int{}
	err := eachLine(r, func(n int, line []byte) error {
		var g Gold
		if err := strictUnmarshal(line, &g); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		g.line = n
		if err := g.check(); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if prev, ok := seen[g.Doc]; ok {
			return fmt.Errorf("%s:%d: doc %q already annotated on line %d", name, n, g.Doc, prev)
		}
		seen[g.Doc] = n
		golds = append(golds, g)
		return nil
	})
	return golds, err
}

func (g *Gold) check() error {
	if g.Doc == "" {
		return fmt.Errorf(`missing "doc"`)
	}
	keys := map[string]bool{}
	for i, a := range g.Actors {
		if a.Key == "" {
			return fmt.Errorf("actors[%d]: missing \"key\"", i)
		}
		if keys[a.Key] {
			return fmt.Errorf("actors[%d]: key %q declared twice", i, a.Key)
		}
		keys[a.Key] = true
		switch didar.Kind(a.Kind) {
		case didar.KindPerson, didar.KindOrganization, didar.KindCountry, didar.KindPlace, didar.KindGroup:
		default:
			return fmt.Errorf("actors[%d] (%s): unknown kind %q", i, a.Key, a.Kind)
		}
	}
	known := func(field string, i int, k string) error {
		if !keys[k] {
			return fmt.Errorf("events[%d].%s: key %q is not declared in actors", i, field, k)
		}
		return nil
	}
	for i, e := range g.Events {
		if len(e.Type) == 0 {
			return fmt.Errorf("events[%d]: missing \"type\"", i)
		}
		for _, t := range e.Type {
			if _, err := didar.ParseEventType(t); err != nil {
				return fmt.Errorf("events[%d]: %w", i, err)
			}
		}
		if len(e.Actors) == 0 && (len(e.Source) == 0 || len(e.Target) == 0) {
			return fmt.Errorf("events[%d]: needs \"actors\", or \"source\" and \"target\"", i)
		}
		for _, en := range e.Actors {
			for _, k := range en {
				if err := known("actors", i, k); err != nil {
					return err
				}
			}
		}
		for _, k := range e.Source {
			if err := known("source", i, k); err != nil {
				return err
			}
		}
		for _, k := range e.Target {
			if err := known("target", i, k); err != nil {
				return err
			}
		}
		switch didar.Status(e.Status) {
		case didar.StatusOccurred, didar.StatusPlanned, didar.StatusPastReference:
		default:
			return fmt.Errorf("events[%d]: unknown status %q", i, e.Status)
		}
		if e.Date != nil {
			if _, err := didar.ParseDate(*e.Date); err != nil {
				return fmt.Errorf("events[%d].date: %w", i, err)
			}
		}
	}
	for i, q := range g.Quotes {
		if !keys[q.Speaker] {
			return fmt.Errorf("quotes[%d].speaker: key %q is not declared in actors", i, q.Speaker)
		}
	}
	return nil
}

// ReadRecords reads article records, one JSON object a line.
func ReadRecords(r io.Reader, name string) ([]didar.Record, error) {
	var recs []didar.Record
	err := eachLine(r, func(n int, line []byte) error {
		var rec didar.Record
		if err := json.Unmarshal(line, &rec); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if rec.Article.ID == "" {
			return fmt.Errorf("%s:%d: record has no article.id", name, n)
		}
		recs = append(recs, rec)
		return nil
	})
	return recs, err
}

func eachLine(r io.Reader, f func(n int, line []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		if err := f(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}
