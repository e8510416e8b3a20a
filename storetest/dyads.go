package storetest

import (
	"context"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
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
	if err := Load(ctx, s, c, 300); err != nil {
		t.Fatal(err)
	}
	check := func(stage string) {
		all := allEvents(t, s)
		for _, d := range append(periods(t, all), []struct{ a, b, from, to string }{
			{"IRN", "CHN", "", ""},
			{"CHN", "IRN", "2020-01-20", "2020-03-01"},
			{"IRN", "IRN", "", ""},
			{"person-0000", "CHN", "", ""},
			{"person-0001", "person-0017", "", ""},
			{"RUS", "person-0002", "2020-02-01", ""},
		}...) {
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
			if d.a == "IRN" && d.b == "CHN" && d.from+d.to == "" && len(want) < 5 {
				t.Fatalf("%s: only %d IRN-CHN events of %d: the corpus is too sparse to test paging", stage, len(want), len(all))
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: dyad %s,%s %s..%s: got %d events %v, want %d %v", stage, d.a, d.b, d.from, d.to, len(got), got, len(want), want)
			}
			series, err := s.Dyad(ctx, didar.DyadFilter{A: d.a, B: d.b, From: day(d.from), To: day(d.to)})
			if err != nil {
				t.Fatal(err)
			}
			if w := monthsOf(all, want); !slices.Equal(series.Months, w) {
				t.Errorf("%s: dyad series %s,%s %s..%s:\n got %+v\nwant %+v", stage, d.a, d.b, d.from, d.to, series.Months, w)
			}
		}
		for _, id := range []string{"person-0000", "person-0003", "CHN"} {
			checkActorCounts(t, s, stage, id, all)
		}
		ps := periods(t, all)
		checkTopPairs(t, s, stage, ps[0].from, ps[0].to, all)
		checkTopPairs(t, s, stage, ps[0].from, "", all)
		checkNetwork(t, s, stage, all)
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
	// A correction that deletes an event takes it out of every count.
	rec5, err := s.Record(ctx, c.Article(5).Record.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Correct(ctx, didar.Correction{Article: rec5.Article.ID, Op: didar.OpDeleteEvent, User: "maryam", Before: &didar.Change{Event: &rec5.Events[0]}}); err != nil {
		t.Fatal(err)
	}
	check("corrected")
}

// periods returns dyads with periods that cut through months, on the
// pair of countries with the most events: from a third of the way
// through its events' dates, to two thirds, both, and two days of one
// month.
func periods(t *testing.T, all []didar.StoredEvent) []struct{ a, b, from, to string } {
	t.Helper()
	dates := map[[2]string][]string{}
	for _, e := range all {
		if e.Date.IsZero() {
			continue
		}
		seen := map[[2]string]bool{}
		for _, x := range e.Actors {
			for _, y := range e.Actors {
				if k := [2]string{x.Country, y.Country}; x.ID != y.ID && iso3.MatchString(k[0]) && iso3.MatchString(k[1]) && k[0] < k[1] && !seen[k] {
					seen[k] = true
					dates[k] = append(dates[k], e.Date.String())
				}
			}
		}
	}
	var top [2]string
	for k, ds := range dates {
		if len(ds) > len(dates[top]) || len(ds) == len(dates[top]) && k[0]+k[1] < top[0]+top[1] {
			top = k
		}
	}
	ds := dates[top]
	if len(ds) < 20 {
		t.Fatalf("the busiest pair of countries %v has %d dated events: too few to cut its months", top, len(ds))
	}
	slices.Sort(ds)
	lo, hi := ds[len(ds)/3], ds[2*len(ds)/3]
	if lo[:7] == hi[:7] || lo[8:] == "01" {
		t.Fatalf("dates %s and %s do not cut two different months", lo, hi)
	}
	one, _ := didar.ParseDate(lo)
	next := one.AddDays(1)
	if next.Month != one.Month {
		next = one
	}
	return []struct{ a, b, from, to string }{
		{top[0], top[1], lo, hi},
		{top[1], top[0], lo, ""},
		{top[0], top[1], "", hi},
		{top[0], top[1], lo, next.String()},
	}
}

// monthsOf is the monthly series of the events ids, by definition.
func monthsOf(all []didar.StoredEvent, ids []string) []didar.DyadMonth {
	in := map[string]bool{}
	for _, id := range ids {
		in[id] = true
	}
	byMonth := map[string]*didar.DyadMonth{}
	for _, e := range all {
		if !in[e.ID] || e.Date.IsZero() {
			continue
		}
		key := e.Date.String()[:7]
		m := byMonth[key]
		if m == nil {
			m = &didar.DyadMonth{Month: key}
			byMonth[key] = m
		}
		m.Events++
		m.Goldstein += e.Goldstein
		if e.QuadClass >= 1 && e.QuadClass <= 4 {
			m.QuadClass[e.QuadClass-1]++
		}
	}
	out := []didar.DyadMonth{}
	for _, m := range byMonth {
		m.Goldstein = math.Round(m.Goldstein*10) / 10
		out = append(out, *m)
	}
	slices.SortFunc(out, func(a, b didar.DyadMonth) int { return strings.Compare(a.Month, b.Month) })
	return out
}

// checkActorCounts compares an actor's pages of events, its counts by
// type and its partners with what its events say.
func checkActorCounts(t *testing.T, s didar.Store, stage, id string, all []didar.StoredEvent) {
	t.Helper()
	types, partners := map[didar.EventType]int{}, map[string]int{}
	var events []string
	for _, e := range all {
		if !slices.Contains(e.Participants, id) {
			continue
		}
		events = append(events, e.ID)
		types[e.Type]++
		for _, p := range e.Participants {
			if p != id {
				partners[p]++
			}
		}
	}
	var paged []string
	for f := (didar.EventFilter{Actor: id, Limit: 7}); ; {
		page, err := s.Events(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Events {
			paged = append(paged, e.ID)
		}
		if f.Cursor = page.Next; f.Cursor == "" {
			break
		}
	}
	if !slices.Equal(paged, events) {
		t.Errorf("%s: actor %s's events %v, want %v", stage, id, paged, events)
	}
	d, err := s.Actor(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var wantTypes []didar.TypeCount
	for ty, n := range types {
		wantTypes = append(wantTypes, didar.TypeCount{Type: ty, Count: n})
	}
	slices.SortFunc(wantTypes, func(a, b didar.TypeCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(string(a.Type), string(b.Type))
	})
	if !slices.Equal(d.ByType, wantTypes) && !(len(d.ByType) == 0 && len(wantTypes) == 0) {
		t.Errorf("%s: actor %s by type %+v, want %+v", stage, id, d.ByType, wantTypes)
	}
	ids := slices.Collect(maps.Keys(partners))
	slices.SortFunc(ids, func(a, b string) int {
		if partners[a] != partners[b] {
			return partners[b] - partners[a]
		}
		return strings.Compare(a, b)
	})
	var want []string
	for _, p := range ids[:min(len(ids), 20)] {
		want = append(want, fmt.Sprintf("%s:%d", p, partners[p]))
	}
	var got []string
	for _, p := range d.Partners {
		got = append(got, fmt.Sprintf("%s:%d", p.ID, p.Events))
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: actor %s partners %v, want %v", stage, id, got, want)
	}
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

// checkTopPairs compares the top pairs of a period's overview with the
// pairs of participants of its events (fewer than NetworkEvents here).
func checkTopPairs(t *testing.T, s didar.Store, stage, from, to string, all []didar.StoredEvent) {
	t.Helper()
	n := map[[2]string]int{}
	for _, e := range all {
		if d := e.Date.String(); d == "" || d < from || to != "" && d > to {
			continue
		}
		for i, a := range e.Actors {
			for _, b := range e.Actors[i+1:] {
				k := [2]string{a.ID, b.ID}
				if k[0] > k[1] {
					k[0], k[1] = k[1], k[0]
				}
				n[k]++
			}
		}
	}
	keys := slices.Collect(maps.Keys(n))
	slices.SortFunc(keys, func(a, b [2]string) int {
		if n[a] != n[b] {
			return n[b] - n[a]
		}
		return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1])
	})
	var want []string
	for _, k := range keys[:min(len(keys), 10)] {
		want = append(want, fmt.Sprintf("%s-%s:%d", k[0], k[1], n[k]))
	}
	st, err := s.Stats(context.Background(), didar.StatsFilter{From: day(from), To: day(to)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range st.TopDyads {
		got = append(got, fmt.Sprintf("%s-%s:%d", d.A.ID, d.B.ID, d.Events))
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: top pairs %s..%s %v, want %v", stage, from, to, got, want)
	}
}

// checkNetwork compares the network of every event (fewer than
// NetworkEvents here) with the ties its events make: source to target
// for a directed one, each pair of participants for a symmetric one.
func checkNetwork(t *testing.T, s didar.Store, stage string, all []didar.StoredEvent) {
	t.Helper()
	weight, goldstein, events := map[string]int{}, map[string]float64{}, map[string]int{}
	for _, e := range all {
		ps := slices.Clone(e.Participants)
		for _, p := range []didar.NullString{e.Source, e.Target} {
			if p != "" && !slices.Contains(ps, string(p)) {
				ps = append(ps, string(p))
			}
		}
		slices.Sort(ps)
		for _, p := range ps {
			events[p]++
		}
		var ties [][2]string
		if e.Source != "" && e.Target != "" && e.Source != e.Target {
			ties = append(ties, [2]string{string(e.Source), string(e.Target)})
		} else {
			for i, a := range ps {
				for _, b := range ps[i+1:] {
					ties = append(ties, [2]string{a, b})
				}
			}
		}
		for _, tie := range ties {
			k := tie[0] + ">" + tie[1] + " " + string(e.Type)
			weight[k]++
			goldstein[k] += e.Goldstein
		}
	}
	n, err := s.Network(context.Background(), didar.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Edges) != len(weight) {
		t.Errorf("%s: network has %d edges, want %d", stage, len(n.Edges), len(weight))
	}
	for _, e := range n.Edges {
		k := e.Source + ">" + e.Target + " " + string(e.Type)
		if e.Weight != weight[k] || math.Abs(e.Goldstein-goldstein[k]) > 1e-6 {
			t.Errorf("%s: edge %s weight %d Goldstein %.1f, want %d and %.1f", stage, k, e.Weight, e.Goldstein, weight[k], goldstein[k])
		}
	}
	for _, node := range n.Nodes {
		if node.Events != events[node.ID] {
			t.Errorf("%s: node %s in %d events, want %d", stage, node.ID, node.Events, events[node.ID])
		}
	}
}
