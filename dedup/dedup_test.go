package dedup

import (
	"strings"
	"testing"
)

const report = `به گزارش خبرنگار سیاسی، وزیر امور خارجه کشورمان صبح امروز در سفری دو روزه وارد پایتخت چین شد و در فرودگاه مورد استقبال معاون وزیر خارجه این کشور قرار گرفت.
وی در این سفر با همتای چینی خود درباره اجرای برنامه همکاری جامع، گسترش مبادلات تجاری و همکاری در حوزه انرژی گفت‌وگو خواهد کرد.
دو طرف همچنین درباره تحولات منطقه، امنیت خلیج فارس و نشست آینده سازمان همکاری شانگهای تبادل نظر می‌کنند.
وزیر امور خارجه پیش از ترک تهران به خبرنگاران گفت که روابط دو کشور در مسیر رو به رشدی قرار دارد و این سفر فرصتی برای پیگیری توافق‌های پیشین است.`

const other = `رئیس کل بانک مرکزی در نشست شورای پول و اعتبار از کاهش نرخ تورم نقطه به نقطه در سه ماه گذشته خبر داد و گفت سیاست‌های انقباضی ادامه خواهد یافت.
او افزود که رشد نقدینگی در شش ماه نخست سال کمتر از هدف تعیین شده بوده و بازار ارز نیز آرام‌تر از سال گذشته است.
به گفته وی بانک‌ها موظف شده‌اند تسهیلات تولیدی را در اولویت قرار دهند و از خرید دارایی‌های غیرمولد خودداری کنند.`

func TestSimilarity(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"same", report, report, 1, 1},
		{"spelling only: ZWNJ, Arabic yeh and kaf, punctuation",
			report, strings.NewReplacer("\u200c", "", "ی", "ي", "ک", "ك", "،", " ، ").Replace(report), 1, 1},
		{"reprint with another lead and an extra paragraph", report,
			strings.Replace(report, "به گزارش خبرنگار سیاسی،", "به نقل از ایرنا،", 1) + "\nسفر قبلی وزیر به چین سال گذشته انجام شده بود و در آن چند سند همکاری امضا شد.",
			0.6, 0.95},
		{"unrelated", report, other, 0, 0.1},
		{"first paragraph only", report, strings.SplitN(report, "\n", 2)[0], 0.1, 0.45},
	}
	for _, tt := range tests {
		sim := Similarity(Sketch(tt.a), Sketch(tt.b))
		if sim < tt.min || sim > tt.max {
			t.Errorf("%s: similarity %.2f, want %.2f to %.2f", tt.name, sim, tt.min, tt.max)
		}
	}
}

func TestBands(t *testing.T) {
	a := Sketch(report)
	b := Sketch(report + "\nیک جمله افزوده در پایان گزارش که متن را کمی تغییر می‌دهد.")
	c := Sketch(other)
	shared := func(x, y []uint32) int {
		keys := map[int64]bool{}
		for _, k := range Bands(x) {
			keys[k] = true
		}
		n := 0
		for _, k := range Bands(y) {
			if keys[k] {
				n++
			}
		}
		return n
	}
	if len(Bands(a)) != Size/Rows {
		t.Fatalf("%d bands, want %d", len(Bands(a)), Size/Rows)
	}
	if shared(a, b) == 0 {
		t.Error("a near duplicate shares no band")
	}
	if shared(a, c) != 0 {
		t.Error("an unrelated text shares a band")
	}
	if Bands(nil) != nil || Sketch("دو کلمه") != nil || Similarity(nil, a) != 0 {
		t.Error("short text or missing sketch should give nothing")
	}
}

func TestEncode(t *testing.T) {
	a := Sketch(report)
	if got := Decode(Encode(a)); Similarity(a, got) != 1 {
		t.Error("Decode(Encode(s)) != s")
	}
}

func FuzzSketch(f *testing.F) {
	f.Add(report)
	f.Add("")
	f.Add("\u200c\u200c ، ، ،")
	f.Fuzz(func(t *testing.T, s string) {
		sig := Sketch(s)
		if sig != nil && (len(sig) != Size || Similarity(sig, sig) != 1) {
			t.Fatalf("sketch of %q: %v", s, sig)
		}
	})
}
