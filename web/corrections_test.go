package web

import (
	"reflect"
	"testing"

	"github.com/didar-news/didar"
)

// TestFillKeepsShownValues checks that an edit form, which sends back
// every value it showed, changes only what the user changed.
func TestFillKeepsShownValues(t *testing.T) {
	was := didar.Event{Type: didar.Visit, Status: didar.StatusOccurred, Date: didar.Date{Year: 2022, Month: 6, Day: 1}, DatePrecision: didar.PrecisionMonth,
		Participants: []string{"sergey-lavrov", "IRN"}, Source: "sergey-lavrov", Target: "IRN",
		Location: &didar.Location{NameFA: "تهران", NameEN: "Tehran", Country: "IRN", Venue: "کاخ"}}
	shown := correctionInput{Type: "visit", Status: "occurred", Date: was.Date.String(), Country: "IRN", Place: "تهران",
		Participants: []string{"IRN", "sergey-lavrov"}, Source: "sergey-lavrov", Target: "IRN"}
	tests := []struct {
		name string
		edit func(*correctionInput)
		want func(*didar.Event)
	}{
		{"nothing changed", func(*correctionInput) {}, func(*didar.Event) {}},
		{"type", func(in *correctionInput) { in.Type = "host" }, func(e *didar.Event) { e.Type = didar.Host }},
		{"date", func(in *correctionInput) { in.Date = "2022-06-23" }, func(e *didar.Event) {
			e.Date, e.DatePrecision = didar.Date{Year: 2022, Month: 6, Day: 23}, didar.PrecisionDay
		}},
		{"no date", func(in *correctionInput) { in.Date = "none" }, func(e *didar.Event) { e.Date, e.DatePrecision = didar.Date{}, didar.PrecisionNone }},
		{"place", func(in *correctionInput) { in.Place = "مشهد" }, func(e *didar.Event) {
			e.Location = &didar.Location{NameFA: "مشهد", Country: "IRN"}
		}},
		{"no place", func(in *correctionInput) { in.Country = "-" }, func(e *didar.Event) { e.Location = nil }},
		{"participants", func(in *correctionInput) { in.Participants = []string{"IRN", "wang-yi"} }, func(e *didar.Event) {
			e.Participants = []string{"IRN", "wang-yi", "sergey-lavrov"}
		}},
	}
	for _, tt := range tests {
		in := shown
		in.Participants = append([]string{}, shown.Participants...)
		tt.edit(&in)
		got := was
		loc := *was.Location
		got.Location = &loc
		got.Participants = append([]string{}, was.Participants...)
		if err := fillEvent(&got, in, "متن"); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		want := was
		want.Participants = append([]string{}, was.Participants...)
		tt.want(&want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v %+v\nwant %+v %+v", tt.name, got, got.Location, want, want.Location)
		}
	}
}
