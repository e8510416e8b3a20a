package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/dedup"
)

// Corpus generates synthetic coded articles for load tests and
// benchmarks: seed-sized Persian-looking texts (about 4 KB) with actors
// and events drawn from a fixed population, so that dyad and date
// queries have realistic selectivity. The same seed gives the same
// corpus.
type Corpus struct {
	Seed    uint64
	Actors  int        // population of person actors; default 500
	Outlets int        // default 20
	Start   didar.Date // first event date; default 2020-01-01
	Days    int        // span of event dates; default 6 years
}

// Entries returns the dictionary of the corpus's actors: the countries
// and the persons.
func (c *Corpus) Entries() []didar.Entry {
	var es []didar.Entry
	for _, k := range countries {
		es = append(es, didar.Entry{ID: k, Kind: didar.KindCountry, EN: k, FA: []string{"کشور " + k}})
	}
	for i := range c.actors() {
		es = append(es, didar.Entry{ID: personID(i), Kind: didar.KindPerson, EN: fmt.Sprintf("Person %d", i),
			FA: []string{fmt.Sprintf("شخص %d", i)}, Country: countries[i%len(countries)], Sector: "GOV"})
	}
	return es
}

var countries = []string{"IRN", "CHN", "RUS", "IRQ", "TUR", "SAU", "QAT", "IND", "PAK", "AFG", "DEU", "FRA", "GBR", "USA", "JPN", "BRA"}

func personID(i int) string { return fmt.Sprintf("person-%04d", i) }

func (c *Corpus) actors() int  { return cmp(c.Actors, 500) }
func (c *Corpus) outlets() int { return cmp(c.Outlets, 20) }
func (c *Corpus) days() int    { return cmp(c.Days, 6*365) }

func cmp(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

var words = strings.Fields(`وزیر امور خارجه دیدار گفت‌وگو همکاری روابط دوجانبه منطقه تحولات اقتصادی
سیاسی نشست سفر رئیس‌جمهور مجلس سفیر کشور دولت بیانیه توافق مذاکره انرژی تجارت امنیت
صلح گسترش تأکید کرد افزود اعلام داشت همچنین درباره این آن با در به از برای که را و
هیئت پارلمانی فرهنگی علمی دانشگاه بندر راه‌آهن گاز نفت برق سرمایه‌گذاری بانک ارز
تحریم هسته‌ای سازمان ملل شانگهای بریکس همسایه مرز آب کشاورزی گردشگری ورزش رسانه`)

// Article returns the i-th article of the corpus: a unique text, three
// to five actors, and two to four events between them.
func (c *Corpus) Article(i int) didar.NewArticle {
	r := rand.New(rand.NewPCG(c.Seed, uint64(i)))
	start := c.Start
	if start.IsZero() {
		start = didar.Date{Year: 2020, Month: 1, Day: 1}
	}
	published := start.AddDays(r.IntN(c.days()))
	var b strings.Builder
	fmt.Fprintf(&b, "گزارش شماره %d. ", i)
	for b.Len() < 4000 {
		n := 8 + r.IntN(10)
		for j := range n {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		b.WriteString(". ")
	}
	text := b.String()
	ids := map[string]bool{}
	var actors []didar.Actor
	for len(actors) < 3+r.IntN(3) {
		k := r.IntN(c.actors())
		id := personID(k)
		if ids[id] {
			continue
		}
		ids[id] = true
		actors = append(actors, didar.Actor{ID: id, Kind: didar.KindPerson, NameFA: fmt.Sprintf("شخص %d", k),
			NameEN: didar.NullString(fmt.Sprintf("Person %d", k)), Country: didar.NullString(countries[k%len(countries)]),
			Roles: []string{}, InDictionary: true, Mentions: []didar.Mention{{Start: 0, End: 5, Text: "شخص", Via: "name"}}})
	}
	types := didar.EventTypes()
	var events []didar.Event
	for j := range 2 + r.IntN(3) {
		a, o := actors[r.IntN(len(actors))].ID, actors[r.IntN(len(actors))].ID
		if a == o {
			continue
		}
		t := types[r.IntN(len(types))]
		src, tgt := a, o
		if t.Symmetric() {
			src, tgt = "", ""
		}
		e := event(fmt.Sprintf("e%d", j+1), t, published.AddDays(-r.IntN(2)).String(), src, tgt, a, o)
		e.Evidence = didar.Span{Start: 0, End: 40, Text: text[:40]}
		events = append(events, e)
	}
	outlet := fmt.Sprintf("outlet-%02d", r.IntN(c.outlets()))
	rec := didar.Record{
		Article: didar.Article{ID: fmt.Sprintf("gen-%07d", i), Source: didar.NullString(outlet), Via: []string{},
			URL: didar.NullString(fmt.Sprintf("https://%s.example/%d", outlet, i)), Published: published,
			Title: didar.NullString(fmt.Sprintf("خبر %d", i)), Text: text},
		Actors: actors, Events: nonNil(events), Quotes: []didar.Quote{}, Topics: []string{}, Coder: "gen/1",
	}
	return didar.NewArticle{Record: rec, Raw: text, Outlet: outlet, Sketch: dedup.Sketch(text)}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Load saves the corpus's dictionary and its first n articles into s.
func Load(ctx context.Context, s didar.Store, c *Corpus, n int) error {
	if err := s.SaveEntries(ctx, c.Entries()); err != nil {
		return err
	}
	for i := range n {
		if _, err := s.SaveArticle(ctx, c.Article(i)); err != nil {
			return err
		}
	}
	return nil
}
