package jalali

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/didar-news/didar"
)

// newsText builds about n bytes of news-like Persian: mostly ordinary
// words, some numbers, and a date expression every few sentences, as in
// real articles.
func newsText(n int) string {
	words := strings.Fields("وزیر امور خارجه ایران با همتای چینی خود در پکن دیدار و درباره روابط دوجانبه " +
		"گفت‌وگو کرد رئیس‌جمهور گفت این همکاری راهبردی به نفع دو کشور است مجلس شورای اسلامی " +
		"قرارداد همکاری‌های اقتصادی را تصویب کرد سخنگوی دولت اعلام کرد هیئت نمایندگی روسیه " +
		"تهران مسکو نشست سازمان همکاری شانگهای تحریم‌های آمریکا را محکوم کرد و خواستار " +
		"گسترش مبادلات تجاری شد مهر تیر دی جمعه نماز صفر می‌گوید")
	dates := []string{"۱۴ آذر ۱۴۰۲", "دوشنبه 26 آبان 1404 - 14:19", "دیروز", "هفته گذشته",
		"۱۷ نوامبر ۲۰۲۵", "سال ۱۴۰۲", "۱۴۰۲/۹/۱۴", "روز سه‌شنبه", "۱۵ شعبان ۱۴۴۵", "سه روز پیش"}
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < n {
		for range 8 + r.IntN(12) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
			if r.IntN(15) == 0 {
				b.WriteString("۱۲ ")
			}
		}
		if r.IntN(4) == 0 {
			b.WriteString(dates[r.IntN(len(dates))])
			b.WriteByte(' ')
		}
		b.WriteString(".")
		if r.IntN(5) == 0 {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	text := newsText(1 << 20)
	pub := didar.Date{Year: 2025, Month: 11, Day: 17}
	if len(Find(text, pub)) == 0 {
		b.Fatal("no dates in the generated text")
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, pub)
	}
}

func BenchmarkDateline(b *testing.B) {
	text := "خبرگزاری مهر دوشنبه 26 آبان 1404 - 14:19\n" + newsText(8<<10)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Dateline(text)
	}
}
