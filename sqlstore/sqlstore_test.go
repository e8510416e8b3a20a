package sqlstore

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/normalize"
)

func TestCursor(t *testing.T) {
	for _, n := range []int{0, 1, 50, 123456} {
		got, err := decodeCursor(encodeCursor(n))
		if err != nil || got != n {
			t.Errorf("cursor of %d decodes to %d, %v", n, got, err)
		}
	}
	for _, bad := range []string{"x", "o", "o-5", "o!", "50", "o99999999999999"} {
		if _, err := decodeCursor(bad); didar.ErrorCode(err) != didar.EINVALID {
			t.Errorf("cursor %q: %v, want invalid", bad, err)
		}
	}
}

func TestMergeKey(t *testing.T) {
	a := didar.Event{Type: didar.Meet, Participants: []string{"wang-yi", "abbas-araghchi"}}
	b := didar.Event{Type: didar.Meet, Participants: []string{"abbas-araghchi", "wang-yi", "wang-yi"}}
	if mergeKey(a) != mergeKey(b) {
		t.Errorf("participant order or repetition changes the key: %q, %q", mergeKey(a), mergeKey(b))
	}
	c := didar.Event{Type: didar.Visit, Source: "wang-yi", Target: "IRN", Participants: []string{"wang-yi", "IRN"}}
	d := didar.Event{Type: didar.Visit, Source: "IRN", Target: "wang-yi", Participants: []string{"wang-yi", "IRN"}}
	if mergeKey(c) == mergeKey(d) {
		t.Error("direction is not in the key")
	}
}

func TestMode(t *testing.T) {
	tests := []struct {
		counts map[string]int
		prefer string
		want   string
	}{
		{map[string]int{"2025-11-17": 2, "2025-11-18": 1}, "2025-11-18", "2025-11-17"},
		{map[string]int{"2025-11-17": 1, "2025-11-18": 1}, "2025-11-18", "2025-11-18"},
		{map[string]int{"2025-11-17": 1, "2025-11-18": 1}, "", "2025-11-17"},
		{map[string]int{"": 5, "2025-11-18": 1}, "", "2025-11-18"},
		{map[string]int{"": 5}, "", ""},
	}
	for _, tt := range tests {
		if got := mode(tt.counts, tt.prefer); got != tt.want {
			t.Errorf("mode(%v, %q) = %q, want %q", tt.counts, tt.prefer, got, tt.want)
		}
	}
}

func TestCompareEvents(t *testing.T) {
	day := func(s string) didar.Date { d, _ := didar.ParseDate(s); return d }
	meet := didar.Event{ID: "e1", Type: didar.Meet, Participants: []string{"a", "b"}, Date: day("2025-11-17"), Status: didar.StatusOccurred}
	renumbered := meet
	renumbered.ID = "e7"
	planned := meet
	planned.Status = didar.StatusPlanned
	later := meet
	later.Date = day("2025-11-20")
	call := meet
	call.Type = didar.Call
	got := compareEvents([]didar.Event{meet, call, later}, []didar.Event{renumbered, planned})
	// meet matches renumbered (same); planned has the same key and date
	// as meet but meet is taken, so it is added; call and later are gone.
	if got != (didar.RecodeResult{Same: 1, Added: 1, Removed: 2}) {
		t.Errorf("compare = %+v", got)
	}
	got = compareEvents([]didar.Event{meet}, []didar.Event{planned})
	if got != (didar.RecodeResult{Changed: 1}) {
		t.Errorf("status change: %+v", got)
	}
}

func TestDaysApart(t *testing.T) {
	if n := daysApart("2025-12-31", "2026-01-01"); n != 1 {
		t.Errorf("across a year end: %d", n)
	}
	if n := daysApart("2025-11-20", "2025-11-17"); n != 3 {
		t.Errorf("%d, want 3", n)
	}
}

func TestTerms(t *testing.T) {
	got := Terms("رئیس‌جمهور  ايران، و  چين")
	want := []string{normalize.Key("رئیسجمهور"), normalize.Key("ایران"), "و", normalize.Key("چین")}
	if len(got) != len(want) {
		t.Fatalf("Terms = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Terms = %q, want %q", got, want)
		}
	}
}

func TestDyads(t *testing.T) {
	countries := map[string]string{"IRN": "IRN", "abbas-araghchi": "IRN", "wang-yi": "CHN", "EUU": "", "nobody": ""}
	tests := []struct {
		participants []string
		want         string
	}{
		{[]string{"abbas-araghchi", "wang-yi"}, "CHN:IRN CHN:abbas-araghchi IRN:wang-yi abbas-araghchi:wang-yi"},
		// Sides are stored smaller first (bytes: capitals sort first). A
		// country actor counts once, by its code; two actors of one
		// country make the dyad of that country with itself.
		{[]string{"IRN", "abbas-araghchi"}, "IRN:IRN IRN:abbas-araghchi"},
		// An id that reads as a country code, with no country, names no side.
		{[]string{"EUU", "wang-yi"}, ""},
		{[]string{"nobody", "wang-yi"}, "CHN:nobody nobody:wang-yi"},
		{[]string{"wang-yi"}, ""},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range dyads(tt.participants, countries) {
			got = append(got, d[0]+":"+d[1])
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("dyads of %v = %q, want %q", tt.participants, g, tt.want)
		}
	}
}

// TestStoredJSON checks that the record's stored part, written element
// by element, is what json.Marshal writes for it whole, empty and
// missing lists and characters it escapes included.
func TestStoredJSON(t *testing.T) {
	recs := []didar.Record{
		{},
		{Actors: []didar.Actor{}, Events: []didar.Event{}, Quotes: []didar.Quote{}, Topics: []string{}},
		{
			Actors: []didar.Actor{{ID: "IRN", Kind: didar.KindCountry, NameFA: "ایران", Mentions: []didar.Mention{{Start: 0, End: 5, Text: "ایران"}}},
				{ID: "x<&>", NameFA: "\u2028\"q\""}},
			Events: []didar.Event{{ID: "e1", Type: didar.Visit, Goldstein: 1.9, Participants: []string{"IRN"}, Evidence: didar.Span{Start: 0, End: 5, Text: "ایران"}}},
			Quotes: []didar.Quote{{Speaker: "IRN", Kind: "direct", Span: didar.Span{Text: "«سلام»"}}},
			Topics: []string{"nuclear", "trade"},
		},
	}
	for _, rec := range recs {
		want, err := json.Marshal(stored{rec.Actors, rec.Events, rec.Quotes, rec.Topics})
		if err != nil {
			t.Fatal(err)
		}
		got, err := storedJSON(rec)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("storedJSON:\n%s\nwant\n%s", got, want)
		}
	}
}
