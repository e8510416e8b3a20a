package didar_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/didar-news/didar"
)

// TestWriteJSON checks that a record written element by element is the
// line a json.Encoder without HTML escaping writes for it whole.
func TestWriteJSON(t *testing.T) {
	recs := []didar.Record{
		{},
		{Article: didar.Article{ID: "a", Text: "«ایران» <b> & \u2028"}, Actors: []didar.Actor{}, Events: []didar.Event{}, Quotes: []didar.Quote{}, Topics: []string{}, Coder: "x/1"},
		{
			Article: didar.Article{ID: "b", Source: "ایرنا", Via: []string{"x"}, Published: didar.Date{Year: 2024, Month: 5, Day: 1}, Text: "ایران و چین"},
			Actors:  []didar.Actor{{ID: "IRN", Kind: didar.KindCountry, NameFA: "ایران", Mentions: []didar.Mention{{Start: 0, End: 5, Text: "ایران", Via: "name"}}}},
			Events:  []didar.Event{{ID: "e1", Type: didar.Visit, Goldstein: 1.9, Participants: []string{"IRN"}, Evidence: didar.Span{Start: 0, End: 5, Text: "ایران"}}},
			Quotes:  []didar.Quote{{Speaker: "IRN", Kind: "direct", Span: didar.Span{Text: `"سلام"`}}},
			Topics:  []string{"trade"},
		},
	}
	for _, rec := range recs {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
		if err := rec.WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("WriteJSON:\n%s\nwant\n%s", got.String(), want.String())
		}
	}
}
