package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchSentences are written for the benchmark: news-like Persian with the
// usual noise of scraped text (glued words, loose spacing, Arabic letters,
// mixed digits, NBSP).
var benchSentences = []string{
	"به گزارش خبرگزاری ما، وزیر امور خارجه صبح امروز وارد پکن شد و با همتای چینی خود دیدار و گفتوگو کرد.",
	"در این دیدار دو طرف بر گسترش همکاریهای دوجانبه و بینالمللی تاکید کردند .",
	"رئیسجمهور گفت : « ما از هر ابتکاری که به صلح منطقه کمک کند حمایت میکنیم »",
	"بر اساس این گزارش ، حجم تجارت دو کشور در سال 1402 به ۱۲٬۵۰۰ میلیون دلار رسید که رشدی 3.5 درصدی را نشان میدهد.",
	"سخنگوی وزارت خارجه روز ۱۴ آذر ۱۴۰۲ ساعت 14:19 در نشست خبری هفتگی اعلام کرد که هیئتی ۱۲ نفره به مسکو میرود.",
	"نمایندگان مجلس در نامهای به رئیس قوه قضاییه خواستار بررسی فوری این پرونده شدند؛ آنها تاکید کردند که نمیتوان سکوت کرد.",
	"وي افزود: كشورهاي منطقه بايد با همكاري يكديگر امنيت را تأمین كنند.",
	"این توافقنامه شامل بیست و پنج بند است و تا پایان سال آینده اجرا خواهد شد.",
	"کارشناسان میگویند تحریمهای یکجانبه آمریکا نشاندهنده شکست سیاستهای این کشور است.",
	"دبیرکل سازمان ملل متحد نیز در بیانیهای از طرفین خواست تا از هرگونه اقدام تحریکآمیز خودداری کنند.",
	"Tehran Times reported the visit at https://www.example.com/news/2023/12/05.html on Tuesday.",
	"مذاکرات هستهای در وین با حضور نمایندگان\u00a0پنج کشور ادامه دارد و دور بعدی هفته آینده برگزار میشود.",
	"به گفته مقامات محلی ، دستکم ۲۵ نفر در این حادثه زخمی شدند و ۱۴۰ خانه آسیب دید.",
	"علاقهمندان میتوانند متن کامل سخنرانی را در پایگاه اطلاعرسانی دولت بخوانند.",
}

// benchText builds about 1 MB of text from benchSentences, in paragraphs.
func benchText() string {
	var b strings.Builder
	for i := 0; b.Len() < 1<<20; i++ {
		b.WriteString(benchSentences[i%len(benchSentences)])
		if i%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func BenchmarkText(b *testing.B) {
	s := benchText()
	Text("") // build the lexicon outside the timing
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for b.Loop() {
		Text(s)
	}
}

func BenchmarkKey(b *testing.B) {
	s := benchText()
	Key("")
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for b.Loop() {
		Key(s)
	}
}

func BenchmarkSentences(b *testing.B) {
	s := Text(benchText())
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for b.Loop() {
		Sentences(s)
	}
}

// BenchmarkTextReal runs Text over the real articles of ../shared, as
// scraped (ZWNJ lost, furniture, glued words); it skips without them.
func BenchmarkTextReal(b *testing.B) {
	files, _ := filepath.Glob("../../shared/real/*/*.txt")
	more, _ := filepath.Glob("../../shared/real/unlabeled/texts/*.txt")
	files = append(files, more...)
	if len(files) == 0 {
		b.Skip("../../shared/real not found")
	}
	var sb strings.Builder
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(t)
		sb.WriteString("\n\n")
	}
	s := sb.String()
	Text("")
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for b.Loop() {
		Text(s)
	}
}
