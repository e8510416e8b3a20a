package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/dedup"
)

// Dictionary is the small dictionary the suite stores first.
var Dictionary = []didar.Entry{
	{ID: "IRN", Kind: didar.KindCountry, EN: "Iran", FA: []string{"ایران"}, Adjectives: []string{"ایرانی"}},
	{ID: "CHN", Kind: didar.KindCountry, EN: "China", FA: []string{"چین"}, Adjectives: []string{"چینی"}},
	{ID: "RUS", Kind: didar.KindCountry, EN: "Russia", FA: []string{"روسیه"}},
	{ID: "abbas-araghchi", Kind: didar.KindPerson, EN: "Abbas Araghchi", FA: []string{"عباس عراقچی", "عراقچی"}, Country: "IRN", Sector: "GOV",
		Roles: []didar.Role{
			{Office: "deputy-foreign-minister", Title: "Deputy Foreign Minister of Iran", Country: "IRN", From: date("2013-09-01"), To: date("2021-08-25")},
			{Office: "foreign-minister", Title: "Foreign Minister of Iran", Country: "IRN", From: date("2024-08-21")},
		}},
	{ID: "wang-yi", Kind: didar.KindPerson, EN: "Wang Yi", FA: []string{"وانگ یی"}, Country: "CHN", Sector: "GOV"},
	{ID: "sergey-lavrov", Kind: didar.KindPerson, EN: "Sergey Lavrov", FA: []string{"سرگئی لاوروف", "لاوروف"}, Country: "RUS", Sector: "GOV"},
	{ID: "khamenei-office", Kind: didar.KindOrganization, EN: "Office of the Leader", FA: []string{"دفتر رهبری"}, Country: "IRN"},
}

func date(s string) didar.Date {
	d, err := didar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// actor returns the record actor of a dictionary entry, mentioned once.
func actor(id string) didar.Actor {
	for _, e := range Dictionary {
		if e.ID == id {
			a := didar.Actor{ID: e.ID, Kind: e.Kind, NameFA: e.FA[0], NameEN: didar.NullString(e.EN),
				Country: didar.NullString(e.Country), Sector: didar.NullString(e.Sector), InDictionary: true, Roles: []string{},
				Mentions: []didar.Mention{{Start: 0, End: len([]rune(e.FA[0])), Text: e.FA[0], Via: "name"}}}
			if e.Kind == didar.KindCountry {
				a.Country = didar.NullString(e.ID)
			}
			return a
		}
	}
	// An actor found in the text, not in the dictionary.
	return didar.Actor{ID: id, Kind: didar.KindPerson, NameFA: strings.ReplaceAll(id, "-", " "), Roles: []string{},
		Mentions: []didar.Mention{{Start: 0, End: 3, Text: id}}}
}

// meet returns a symmetric event between a and b on day.
func meet(local string, day string, a, b string) didar.Event {
	return event(local, didar.Meet, day, "", "", a, b)
}

// event returns an event of type t; source and target are set for
// directed types.
func event(local string, t didar.EventType, day, source, target string, participants ...string) didar.Event {
	e := didar.Event{ID: local, Type: t, Status: didar.StatusOccurred, DatePrecision: didar.PrecisionDay,
		Participants: participants, Source: didar.NullString(source), Target: didar.NullString(target),
		Topics: []string{}, Evidence: didar.Span{Start: 0, End: 10, Text: "شاهد رویداد"}, Confidence: 0.8, Rule: "test"}
	if day != "" {
		e.Date = date(day)
	}
	e.Code("")
	return e
}

// article builds an article to save: its text, outlet, publication day,
// the actors it mentions and its events.
func article(id, outlet, published, title, text string, actors []string, events ...didar.Event) didar.NewArticle {
	rec := didar.Record{
		Article: didar.Article{ID: id, Source: didar.NullString(outlet), Via: []string{}, Title: didar.NullString(title),
			URL: didar.NullString("https://" + outlet + ".example/news/" + id), Text: text},
		Actors: []didar.Actor{}, Events: events, Quotes: []didar.Quote{}, Topics: []string{}, Coder: "test/1",
	}
	if published != "" {
		rec.Article.Published = date(published)
	}
	if rec.Events == nil {
		rec.Events = []didar.Event{}
	}
	for _, a := range actors {
		rec.Actors = append(rec.Actors, actor(a))
	}
	return didar.NewArticle{Record: rec, Raw: text, Outlet: outlet, Sketch: dedup.Sketch(text)}
}

// Seed stores the dictionary and three articles with four events between
// Iran, China and Russia and their ministers, for tests of packages that
// read a store (export, web).
func Seed(t testing.TB, s didar.Store) {
	t.Helper()
	if err := s.SaveEntries(context.Background(), Dictionary); err != nil {
		t.Fatal(err)
	}
	seedEvents(t, s)
}
