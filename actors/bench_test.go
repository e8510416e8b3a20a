package actors

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/samples"
)

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	d, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/(1<<20), "heapMB")
	b.ReportMetric(float64(len(d.m.pats)), "patterns")
	runtime.KeepAlive(d)
}

// newsText writes about size bytes of news-like Persian: sentences built
// from the dictionary's names, offices and countries with ordinary words
// between them, glued and spaced the way scraped text is.
func newsText(d *Dictionary, size int) string {
	rng := rand.New(rand.NewPCG(1, 2))
	var persons, countries []didar.Entry
	for _, e := range d.entries {
		switch e.Kind {
		case didar.KindPerson:
			persons = append(persons, e)
		case didar.KindCountry:
			countries = append(countries, e)
		}
	}
	offices := d.Offices()
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	filler := []string{
		"در این دیدار", "با اشاره به", "روابط دوجانبه", "همکاری‌های اقتصادی", "تاکید کرد",
		"اظهار داشت", "در حاشیه نشست", "گفتگو کردند", "در ادامه", "همچنین", "افزود",
		"توسعه روابط", "در زمینه انرژی", "امنیت منطقه", "سفر کرد", "بیانیه مشترک",
	}
	var b strings.Builder
	for b.Len() < size {
		// News has about one name or title in ten words.
		for range 1 + rng.IntN(4) {
			b.WriteString(pick(filler) + " ")
		}
		p := persons[rng.IntN(len(persons))]
		c := countries[rng.IntN(len(countries))]
		o := offices[rng.IntN(len(offices))]
		switch rng.IntN(5) {
		case 0:
			b.WriteString("دکتر " + pick(p.FA) + "، " + pick(o.FA) + " " + pick(c.FA) + " " + pick(filler) + ". ")
		case 1:
			b.WriteString(pick(o.FA) + " " + pick(c.FA) + " " + pick(filler) + " " + pick(filler) + ". ")
		case 2:
			b.WriteString("وی " + pick(filler) + " " + pick(c.FA) + " و " + pick(filler) + "\n")
		case 3:
			if len(c.Adjectives) > 0 {
				b.WriteString("هیئت " + pick(c.Adjectives) + " " + pick(filler) + " ")
			}
			b.WriteString(pick(filler) + " «" + pick(p.FA) + "» " + pick(filler) + ". ")
		default:
			b.WriteString(pick(filler) + " " + pick(filler) + " " + pick(filler) + "، ")
		}
	}
	return b.String()
}

func BenchmarkLink(b *testing.B) {
	d, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	if len(d.entries) == 0 || len(d.offices) == 0 {
		d = fixture(b)
	}
	text := newsText(d, 200_000)
	at := didar.Date{Year: 2024, Month: 6, Day: 1}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Link(text, at)
	}
}

// BenchmarkLinkArticles links the sample corpus: real news has more
// names, roles and surnames per word than newsText.
func BenchmarkLinkArticles(b *testing.B) {
	d, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	all, err := samples.All()
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, s := range all {
		size += len(s.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range all {
			d.Link(s.Text, s.Published)
		}
	}
}
