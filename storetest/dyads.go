package storetest

import (
	"context"
	"regexp"
	"slices"
	"testing"

	"github.com/didar-news/didar"
)

// testDyadPages checks dyad pages against the definition, over a corpus
// dense enough that sides share many events: an event belongs to dyad
// (a, b) when one participant matches a and another matches b, a side
// matching an actor by id or a country by code. Pages are compared in
// order (newest first, then id), in both orders of the sides, with and
// without dates, and again after an article is recoded so that its
// events move.
func testDyadPages(t *testing.T, s didar.Store) {
	ctx := context.Background()
	c := &Corpus{Seed: 7, Actors: 24, Days: 90}
	if err := Load(ctx, s, c, 60); err != nil {
		t.Fatal(err)
	}
	check := func(stage string) {
		all := allEvents(t, s)
		for _, d := range []struct {
			a, b     string
			from, to string
		}{
			{"IRN", "CHN", "", ""},
			{"CHN", "IRN", "2020-01-20", "2020-03-01"},
			{"IRN", "IRN", "", ""},
			{"person-0000", "CHN", "", ""},
			{"person-0001", "person-0017", "", ""},
			{"RUS", "person-0002", "2020-02-01", ""},
		} {
			f := didar.EventFilter{Dyad: [2]string{d.a, d.b}, From: day(d.from), To: day(d.to), Limit: 4}
			var want []string
			for _, e := range all {
				if inDyad(e, d.a, d.b) && (d.from == "" || e.Date.String() >= d.from) && (d.to == "" || e.Date.String() != "" && e.Date.String() <= d.to) {
					want = append(want, e.ID)
				}
			}
			var got []string
			for {
				page, err := s.Events(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range page.Events {
					got = append(got, e.ID)
				}
				if page.Next == "" {
					break
				}
				f.Cursor = page.Next
			}
			if d.a == "IRN" && d.b == "CHN" && len(want) < 5 {
				t.Fatalf("%s: only %d IRN-CHN events of %d: the corpus is too sparse to test paging", stage, len(want), len(all))
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: dyad %s,%s %s..%s: got %d events %v, want %d %v", stage, d.a, d.b, d.from, d.to, len(got), got, len(want), want)
			}
			series, err := s.Dyad(ctx, didar.DyadFilter{A: d.a, B: d.b, From: day(d.from), To: day(d.to)})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, m := range series.Months {
				n += m.Events
			}
			if n != len(want) {
				t.Errorf("%s: dyad series %s,%s counts %d events, want %d", stage, d.a, d.b, n, len(want))
			}
		}
	}
	check("saved")
	// Recode one article so that its first event joins two other people:
	// the dyad rows of its old event must go and the new ones come.
	a := c.Article(3)
	rec := a.Record
	rec.Events = slices.Clone(rec.Events)
	rec.Events[0].Participants = []string{"person-0005", "person-0006"}
	rec.Events[0].Source, rec.Events[0].Target = "", ""
	rec.Events[0].Type = didar.Meet
	rec.Coder = "gen/2"
	if _, err := s.Recode(ctx, rec.Article.ID, rec); err != nil {
		t.Fatal(err)
	}
	check("recoded")
}

// allEvents returns every stored event, newest first, then by id.
func allEvents(t *testing.T, s didar.Store) []didar.StoredEvent {
	var all []didar.StoredEvent
	f := didar.EventFilter{Limit: didar.MaxLimit}
	for {
		page, err := s.Events(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page.Events...)
		if page.Next == "" {
			break
		}
		f.Cursor = page.Next
	}
	return all
}

var iso3 = regexp.MustCompile(`^[A-Z]{3}$`)

// inDyad holds when two different participants of e match a and b.
func inDyad(e didar.StoredEvent, a, b string) bool {
	match := func(v string, r didar.ActorRef) bool {
		if iso3.MatchString(v) {
			return r.Country == v
		}
		return r.ID == v
	}
	for _, x := range e.Actors {
		for _, y := range e.Actors {
			if x.ID != y.ID && match(a, x) && match(b, y) {
				return true
			}
		}
	}
	return false
}

// day is date with "" for no date.
func day(s string) didar.Date {
	if s == "" {
		return didar.Date{}
	}
	return date(s)
}
