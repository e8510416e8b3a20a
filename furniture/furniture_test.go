package furniture

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/didar-news/didar/normalize"
)

// The articles are written for these tests in the manner of scraped agency
// pages; lines marked with a leading "-" are furniture, the others are
// the article.
var pageCases = []struct {
	name string
	page string
}{
	{"share buttons, comments and the end mark", `
وزیر امور خارجه کشورمان امروز با همتای ترکیه‌ای خود در آنکارا دیدار کرد.
دو طرف درباره گسترش روابط اقتصادی گفت‌وگو کردند.
-انتهای پیام/
-منبع: خبرگزاری نمونه
-وزیر خارجه ترکیه از دعوت ایران استقبال کرد.
-نظر شما
-ارسال نظر`},
	{"related stories, a menu and a repeated headline", `
سفیر سوئد به وزارت خارجه احضار شد
-کد خبر: ۴۴۱۲۹۰
به گزارش خبرنگار ما، سفیر سوئد در تهران امروز به وزارت امور خارجه احضار شد.
-سفیر سوئد به وزارت خارجه احضار شد
مدیرکل اروپای غربی اعتراض شدید ایران را به او ابلاغ کرد.
-اخبار مرتبط
-رئیس‌جمهور فرانسه با صدراعظم آلمان تلفنی گفت‌وگو کرد
-سفر وزیر خارجه عراق به دمشق
-صفحه اصلی
-سیاسی
-اقتصادی
-ورزشی`},
	{"advertising, a channel, copyright", `
-[ad_1]
نخست‌وزیر پاکستان وارد تهران شد و با رئیس‌جمهور دیدار کرد.
-به کانال تلگرام ما بپیوندید
-تبلیغات
-© ۲۰۲۴ کلیه حقوق این سایت محفوظ است
-Share on Facebook
-• twitter`},
	{"a list at the top ends at the article", `
-رویدادهای اخیر
-نشست وزیران خارجه اکو در تاشکند برگزار شد
وزارت خارجه افغانستان روز دوشنبه اعلام کرد سفیر پاکستان در کابل به این وزارت فراخوانده شد.
این وزارت حملات اخیر را محکوم کرد.`},
	{"a dateline stays, ending a list", `
-مطالب مرتبط
-قیمت طلا
-آب و هوا
چهارشنبه، ۲۲ شهریور ۱۴۰۲ ساعت ۱۰:۲۵
دیدار وزیران خارجه ایران و عراق در بغداد
وزیر امور خارجه عراق از همتای ایرانی خود در بغداد استقبال کرد.`},
	{"article lines like furniture phrases stay", `
منبع آگاهی در وزارت خارجه گفت این سفر به تعویق افتاده است.
نظر شما درباره این توافق چیست، آقای وزیر؟ او پاسخ داد که توافق به سود هر دو کشور است.
او گفت کشورش این مسیر را دنبال می‌کند و از گفت‌وگو دست نمی‌کشد.
دو طرف آخرین اخبار مذاکرات را بررسی کردند.`},
}

func TestFind(t *testing.T) {
	for _, c := range pageCases {
		var text strings.Builder
		var want []string
		for i, l := range strings.Split(strings.TrimPrefix(c.page, "\n"), "\n") {
			if i > 0 {
				text.WriteByte('\n')
			}
			if s, ok := strings.CutPrefix(l, "-"); ok {
				want = append(want, s)
				l = s
			}
			text.WriteString(l)
		}
		s := normalize.Text(text.String())
		pg := Find(s)
		var got []string
		runes := []rune(s)
		for _, sp := range pg.Spans {
			for _, l := range strings.Split(string(runes[sp.Start:sp.End]), "\n") {
				if l != "" {
					got = append(got, l)
				}
			}
		}
		for i := range want {
			want[i] = normalize.Text(want[i])
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: furniture\n%s\nwant\n%s", c.name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		checkMask(t, s, pg)
	}
}

func TestLeadingDate(t *testing.T) {
	s := normalize.Text(" date 2025-12-26 وزارت امور خارجه چین از تحریم شرکت‌های نظامی آمریکا خبر داد.\n\nدر این بیانیه آمده است که تحریم‌ها از امروز اجرا می‌شود.")
	pg := Find(s)
	if got := pg.Published.Format("2006-01-02"); got != "2025-12-26" {
		t.Errorf("published %s, want 2025-12-26", got)
	}
	if len(pg.Spans) != 1 || string([]rune(s)[pg.Spans[0].Start:pg.Spans[0].End]) != "date 2025-12-26" {
		t.Errorf("spans %v of %q, want the date alone", pg.Spans, s)
	}
	masked := pg.Mask(s)
	if !strings.HasPrefix(strings.TrimSpace(masked), "وزارت امور خارجه چین") {
		t.Errorf("masked text %q", masked)
	}
	for _, s := range []string{"date 2025-13-40 متن خبر", "متن خبر date 2025-12-26", "update 2025-12-26 متن"} {
		if pg := Find(s); !pg.Published.IsZero() {
			t.Errorf("Find(%q): published %v, want none", s, pg.Published)
		}
	}
}

// checkMask checks that the masked text keeps the length in runes and the
// line breaks, and blanks exactly the spans.
func checkMask(t *testing.T, s string, pg Page) {
	t.Helper()
	m := []rune(pg.Mask(s))
	r := []rune(s)
	if len(m) != len(r) {
		t.Fatalf("mask changed the length: %d runes, was %d", len(m), len(r))
	}
	in := func(i int) bool {
		for _, sp := range pg.Spans {
			if i >= sp.Start && i < sp.End {
				return true
			}
		}
		return false
	}
	for i := range r {
		switch {
		case r[i] == '\n' && m[i] != '\n':
			t.Fatalf("mask dropped the line break at %d", i)
		case in(i) && r[i] != '\n' && m[i] != ' ':
			t.Fatalf("rune %d (%q) of a span not masked", i, r[i])
		case !in(i) && m[i] != r[i]:
			t.Fatalf("rune %d (%q) outside the spans changed", i, r[i])
		}
	}
	for i, sp := range pg.Spans {
		if sp.Start >= sp.End || sp.End > len(r) || i > 0 && pg.Spans[i-1].End >= sp.Start {
			t.Fatalf("bad spans %v", pg.Spans)
		}
	}
}

func TestRead(t *testing.T) {
	for _, bad := range []string{"line\n", "lines\tنظر شما\n", "نظر شما\n"} {
		if _, err := Read(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("Read(%q): error %v, want one naming line 1", bad, err)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, c := range pageCases {
		f.Add(strings.ReplaceAll(c.page, "\n-", "\n"))
	}
	f.Add("date 2024-01-02")
	f.Add("date 2024-01-02\nانتهای پیام")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		s = normalize.Text(s)
		checkMask(t, s, Find(s))
	})
}

func TestCountWords(t *testing.T) {
	for _, s := range []string{"", " ", "یک", " یک  دو\tسه ", "کد خبر: ۱۲۳", "a\u00a0b"} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}
