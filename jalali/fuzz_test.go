package jalali

import (
	"testing"
	"time"

	"github.com/didar-news/didar"
)

func FuzzFind(f *testing.F) {
	for _, c := range findCases {
		f.Add(c.text, int64(0))
	}
	f.Add("دوشنبه 26 آبان 1404 - 14:19\n۱۴۰۲/۹/۱۴", int64(20000))
	f.Add("۳۰ اسفند ۱۴۰۳ و ۱/۲/۳/۴ و ساعت ۹:", int64(-5000))
	f.Fuzz(func(t *testing.T, text string, days int64) {
		pub := didar.Date{}
		if days%3 != 0 {
			pub = didar.DateOf(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days%40000)))
		}
		es := Find(text, pub)
		checkSpans(t, text, es)
		for _, e := range es {
			if pub.IsZero() && e.Kind != Absolute && !e.Date.IsZero() {
				t.Fatalf("%q resolved without a publication date", e.Text)
			}
		}
	})
}

func FuzzDateline(f *testing.F) {
	f.Add("خبرگزاری مهر دوشنبه 26 آبان 1404 - 14:19")
	f.Add("تاریخ انتشار: ۱۴۰۲/۰۹/۱۴")
	f.Add("مصوب ۱۳۸۲/۱۰/۱۷")
	f.Fuzz(func(t *testing.T, text string) {
		d, e, ok := Dateline(text)
		if !ok {
			if !d.IsZero() {
				t.Fatalf("no dateline but date %v", d)
			}
			return
		}
		if d.IsZero() || e.Date != d || e.Precision != didar.PrecisionDay {
			t.Fatalf("dateline %v from %+v", d, e)
		}
		checkSpans(t, text, []Expr{e})
	})
}
