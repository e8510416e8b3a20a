package jalali

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/didar-news/didar"
)

// want is what a test expects of one expression; empty fields are not
// checked except Date and Precision, which are always.
type want struct {
	text     string
	date     string // ISO, "" for unresolved
	prec     didar.Precision
	kind     Kind
	cal      string
	mismatch bool
	clock    string
	approx   bool
}

const (
	day   = didar.PrecisionDay
	month = didar.PrecisionMonth
	year  = didar.PrecisionYear
	none  = didar.PrecisionNone
)

var findCases = []struct {
	name string
	text string
	pub  string // publication date, "" for unknown
	want []want
}{
	// Solar Hijri, every way of writing it.
	{"glued month and year", "عصر سه‌شنبه ۱۴ آذرماه۱۴۰۲ دیدار کردند", "", []want{{text: "عصر سه‌شنبه ۱۴ آذرماه۱۴۰۲", date: "2023-12-05", prec: day, kind: Absolute, cal: solar}}},
	{"ascii digits", "در 26 آبان 1404 گفت", "", []want{{text: "26 آبان 1404", date: "2025-11-17", prec: day, kind: Absolute}}},
	{"persian digits", "روز ۷ فروردین ۱۴۰۰ رسید", "", []want{{text: "۷ فروردین ۱۴۰۰", date: "2021-03-27", prec: day}}},
	{"first of year", "۱ فروردین ۱۴۰۴", "", []want{{date: "2025-03-21", prec: day}}},
	{"leap Esfand", "۳۰ اسفند ۱۴۰۳", "", []want{{date: "2025-03-20", prec: day}}},
	{"mixed digits", "۱4 آذر ۱۴02", "", []want{{date: "2023-12-05", prec: day}}},
	{"arabic-indic digits", "١٤ آذر ١٤٠٢", "", []want{{date: "2023-12-05", prec: day}}},
	{"month with zwnj", "۱۴ آذر‌ماه ۱۴۰۲", "", []want{{text: "۱۴ آذر‌ماه ۱۴۰۲", date: "2023-12-05", prec: day}}},
	{"month and spaced ماه", "۱۴ آذر ماه ۱۴۰۲", "", []want{{date: "2023-12-05", prec: day}}},
	{"day glued to month", "۱۴آذر ۱۴۰۲", "", []want{{date: "2023-12-05", prec: day}}},
	{"year after سال", "۲۶ آبان‌ماه سال ۱۴۰۴", "", []want{{date: "2025-11-17", prec: day}}},
	{"امرداد", "۱۰ امرداد ۱۴۰۲", "", []want{{date: "2023-08-01", prec: day}}},
	{"مرداد", "۱۰ مرداد ۱۴۰۲", "", []want{{date: "2023-08-01", prec: day}}},
	{"ordinal day", "بیستم آذر ۱۴۰۲", "", []want{{text: "بیستم آذر ۱۴۰۲", date: "2023-12-11", prec: day}}},
	{"compound ordinal", "سی و یکم شهریور ۱۴۰۲", "", []want{{date: "2023-09-22", prec: day}}},
	{"numeric", "مصوبه 1402/09/14 هیئت", "", []want{{text: "1402/09/14", date: "2023-12-05", prec: day, cal: solar}}},
	{"numeric short", "۱۴۰۲/۹/۱۴", "", []want{{date: "2023-12-05", prec: day}}},
	{"numeric day first", "۱۴/۰۹/۱۴۰۲", "", []want{{date: "2023-12-05", prec: day}}},
	{"numeric gregorian", "2023-12-05", "", []want{{date: "2023-12-05", prec: day, cal: gregorian}}},
	{"اردیبهشت", "۲ اردیبهشت ۱۴۰۳", "", []want{{date: "2024-04-21", prec: day}}},
	{"خرداد", "۵ خرداد ۱۴۰۳", "", []want{{date: "2024-05-25", prec: day}}},
	{"تیر with year", "۱۰ تیر ۱۴۰۳", "", []want{{date: "2024-06-30", prec: day}}},
	{"شهریور", "۲۰ شهریور ۱۴۰۳", "", []want{{date: "2024-09-10", prec: day}}},
	{"مهر with year", "۸ مهر ۱۴۰۳", "", []want{{date: "2024-09-29", prec: day}}},
	{"دی with year", "۱ دی ۱۴۰۲", "", []want{{date: "2023-12-22", prec: day}}},
	{"بهمن", "۲۲ بهمن ۱۳۵۷", "", []want{{date: "1979-02-11", prec: day}}},
	{"two-digit year", "در ۲۲ بهمن ۵۷.", "", []want{{text: "۲۲ بهمن ۵۷", date: "1979-02-11", prec: day}}},
	{"two-digit year of this century", "۱۴ آذر ۰۲", "2025-01-01", []want{{date: "2023-12-05", prec: day}}},
	{"count after a date", "۱۴ آذر ۱۲ نفر", "2023-12-10", []want{{text: "۱۴ آذر", date: "2023-12-05", prec: day}}},
	{"no such day keeps month", "۳۱ مهر ۱۴۰۲", "", []want{{text: "مهر ۱۴۰۲", date: "2023-09-23", prec: month}}},
	// Day and month alone take the year from publication.
	{"no year", "روز ۱۴ آذر", "2023-12-10", []want{{text: "۱۴ آذر", date: "2023-12-05", prec: day}}},
	{"no year, no publication", "روز ۱۴ آذر", "", []want{{text: "۱۴ آذر", date: "", prec: none, kind: Absolute}}},
	{"no year, last Esfand", "۲۸ اسفند", "2025-03-25", []want{{date: "2025-03-18", prec: day}}},
	{"no year, coming Farvardin", "۳ فروردین", "2025-03-18", []want{{date: "2025-03-23", prec: day}}},
	{"weak month with day", "۱۰ تیر", "2024-07-15", []want{{date: "2024-06-30", prec: day}}},
	{"current year", "۱۴ آذر سال جاری", "2023-12-10", []want{{text: "۱۴ آذر سال جاری", date: "2023-12-05", prec: day}}},
	{"last year", "آذر ماه سال گذشته", "2024-12-10", []want{{date: "2023-11-22", prec: month}}},
	// Month and year precision.
	{"month and year", "در آذر ۱۴۰۲ امضا شد", "", []want{{text: "آذر ۱۴۰۲", date: "2023-11-22", prec: month}}},
	{"weak month and year", "تیر ۱۴۰۲", "", []want{{date: "2023-06-22", prec: month}}},
	{"month with ماه", "در آبان‌ماه", "2025-11-20", []want{{date: "2025-10-23", prec: month}}},
	{"solar year", "در سال ۱۴۰۲ گفت", "", []want{{text: "سال ۱۴۰۲", date: "2023-03-21", prec: year, cal: solar}}},
	{"gregorian year", "در سال ۲۰۲۱ میلادی", "", []want{{text: "سال ۲۰۲۱ میلادی", date: "2021-01-01", prec: year, cal: gregorian}}},
	{"year with marker only", "۲۰۲۱ میلادی", "", []want{{date: "2021-01-01", prec: year}}},
	{"lunar year", "سال ۱۴۴۵ هجری قمری", "", []want{{date: "2023-07-19", prec: year, cal: lunar}}},
	{"bare number is not a year", "۱۴۰۲ نفر", "", nil},
	// Gregorian months.
	{"دسامبر", "۵ دسامبر ۲۰۲۳", "", []want{{date: "2023-12-05", prec: day, cal: gregorian}}},
	{"نوامبر ascii", "17 نوامبر 2025", "", []want{{date: "2025-11-17", prec: day}}},
	{"ژانویه", "۱ ژانویه ۲۰۲۴", "", []want{{date: "2024-01-01", prec: day}}},
	{"ژانویهٔ", "۱ ژانویهٔ ۲۰۲۴", "", []want{{date: "2024-01-01", prec: day}}},
	{"فوریه", "۱۴ فوریه ۲۰۲۴", "", []want{{date: "2024-02-14", prec: day}}},
	{"مارس", "۸ مارس ۲۰۲۴", "", []want{{date: "2024-03-08", prec: day}}},
	{"آوریل", "۲ آوریل ۲۰۲۴", "", []want{{date: "2024-04-02", prec: day}}},
	{"مه", "۹ مه ۲۰۲۴", "", []want{{date: "2024-05-09", prec: day}}},
	{"می", "۹ می ۲۰۲۴", "", []want{{date: "2024-05-09", prec: day}}},
	{"ژوئن", "۲۱ ژوئن ۲۰۲۴", "", []want{{date: "2024-06-21", prec: day}}},
	{"ژوئیه", "۴ ژوئیه ۲۰۲۴", "", []want{{date: "2024-07-04", prec: day}}},
	{"جولای", "۴ جولای ۲۰۲۴", "", []want{{date: "2024-07-04", prec: day}}},
	{"اوت", "۱۵ اوت ۲۰۲۴", "", []want{{date: "2024-08-15", prec: day}}},
	{"آگوست", "۱۵ آگوست ۲۰۲۴", "", []want{{date: "2024-08-15", prec: day}}},
	{"سپتامبر", "۱۱ سپتامبر ۲۰۰۱", "", []want{{date: "2001-09-11", prec: day}}},
	{"اکتبر", "۷ اکتبر ۲۰۲۳", "", []want{{date: "2023-10-07", prec: day}}},
	{"with میلادی", "۲۵ دسامبر ۲۰۲۳ میلادی", "", []want{{text: "۲۵ دسامبر ۲۰۲۳ میلادی", date: "2023-12-25", prec: day}}},
	{"29 February", "۲۹ فوریه ۲۰۲۳", "", []want{{date: "2023-02-01", prec: month}}},
	// Lunar Hijri (tabular).
	{"شعبان", "۱۵ شعبان ۱۴۴۵", "", []want{{date: "2024-02-25", prec: day, cal: lunar}}},
	{"رمضان", "۱ رمضان ۱۴۴۵ ه.ق", "", []want{{text: "۱ رمضان ۱۴۴۵ ه.ق", date: "2024-03-11", prec: day, cal: lunar}}},
	{"محرم", "۱ محرم ۱۴۴۵", "", []want{{date: "2023-07-19", prec: day}}},
	// Weekdays with a date are checked.
	{"weekday agrees", "سه‌شنبه ۱۴ آذر ۱۴۰۲", "", []want{{text: "سه‌شنبه ۱۴ آذر ۱۴۰۲", date: "2023-12-05", prec: day}}},
	{"weekday with comma", "دوشنبه، ۲۶ آبان ۱۴۰۴", "", []want{{date: "2025-11-17", prec: day}}},
	{"spaced weekday", "سه شنبه ۱۴ آذر ۱۴۰۲", "", []want{{text: "سه شنبه ۱۴ آذر ۱۴۰۲", date: "2023-12-05", prec: day}}},
	{"weekday mismatch", "چهارشنبه ۱۴ آذر ۱۴۰۲", "", []want{{date: "2023-12-05", prec: day, mismatch: true}}},
	{"یکشنبه mismatch", "یکشنبه ۱۴ آذر ۱۴۰۲", "", []want{{date: "2023-12-05", prec: day, mismatch: true}}},
	{"پنجشنبه", "پنجشنبه ۱۶ آذر ۱۴۰۲", "", []want{{date: "2023-12-07", prec: day}}},
	{"پنج‌شنبه mismatch", "پنج‌شنبه ۱۷ آذر ۱۴۰۲", "", []want{{date: "2023-12-08", prec: day, mismatch: true}}},
	{"جمعه", "جمعه ۱۷ آذر ۱۴۰۲", "", []want{{date: "2023-12-08", prec: day}}},
	{"شنبه", "شنبه ۱۸ آذر ۱۴۰۲", "", []want{{date: "2023-12-09", prec: day}}},
	{"یک‌شنبه", "یک‌شنبه ۱۹ آذر ۱۴۰۲", "", []want{{date: "2023-12-10", prec: day}}},
	{"weekday in brackets", "۱۴ آذر ۱۴۰۲ (چهارشنبه) گفت", "", []want{{text: "۱۴ آذر ۱۴۰۲ (چهارشنبه)", date: "2023-12-05", prec: day, mismatch: true}}},
	// Times of day.
	{"dateline time", "دوشنبه 26 آبان 1404 - 14:19", "", []want{{date: "2025-11-17", prec: day, clock: "14:19"}}},
	{"time after ساعت", "۱۴ آذر ۱۴۰۲، ساعت ۱۰:۳۰", "", []want{{date: "2023-12-05", prec: day, clock: "10:30"}}},
	// Relative expressions, published on Monday 26 Aban 1404.
	{"امروز", "امروز گفت", "2025-11-17", []want{{text: "امروز", date: "2025-11-17", prec: day, kind: Relative}}},
	{"صبح امروز", "صبح امروز گفت", "2025-11-17", []want{{text: "صبح امروز", date: "2025-11-17", prec: day}}},
	{"دیروز", "دیروز", "2025-11-17", []want{{date: "2025-11-16", prec: day}}},
	{"عصر دیروز", "عصر دیروز", "2025-11-17", []want{{text: "عصر دیروز", date: "2025-11-16", prec: day}}},
	{"پریروز", "پریروز", "2025-11-17", []want{{date: "2025-11-15", prec: day}}},
	{"فردا", "فردا", "2025-11-17", []want{{date: "2025-11-18", prec: day}}},
	{"پس‌فردا", "پس‌فردا", "2025-11-17", []want{{date: "2025-11-19", prec: day}}},
	{"پس فردا", "پس فردا", "2025-11-17", []want{{text: "پس فردا", date: "2025-11-19", prec: day}}},
	{"دیشب", "دیشب", "2025-11-17", []want{{date: "2025-11-16", prec: day}}},
	{"شب گذشته", "که شب گذشته به روسیه سفر کرد", "2025-11-17", []want{{text: "شب گذشته", date: "2025-11-16", prec: day, kind: Relative}}},
	{"امشب", "امشب", "2025-11-17", []want{{date: "2025-11-17", prec: day}}},
	{"هفته گذشته", "هفته گذشته", "2025-11-17", []want{{date: "2025-11-10", prec: day, approx: true}}},
	{"هفته پیش", "هفته پیش", "2025-11-17", []want{{date: "2025-11-10", prec: day, approx: true}}},
	{"هفته آینده", "هفته آینده", "2025-11-17", []want{{date: "2025-11-24", prec: day, approx: true}}},
	{"هفته آتی", "هفته آتی", "2025-11-17", []want{{date: "2025-11-24", prec: day, approx: true}}},
	{"ماه گذشته", "ماه گذشته", "2025-11-17", []want{{date: "2025-09-23", prec: month, cal: solar}}},
	{"ماه پیش", "ماه پیش", "2025-11-17", []want{{date: "2025-09-23", prec: month}}},
	{"ماه آینده", "ماه آینده", "2025-11-17", []want{{date: "2025-11-22", prec: month}}},
	{"سال گذشته", "سفر سال گذشته", "2025-11-17", []want{{date: "2024-03-20", prec: year}}},
	{"پارسال", "پارسال", "2025-11-17", []want{{date: "2024-03-20", prec: year}}},
	{"امسال", "امسال", "2025-11-17", []want{{date: "2025-03-21", prec: year}}},
	{"سال آینده", "سال آینده", "2025-11-17", []want{{date: "2026-03-21", prec: year}}},
	{"سال گذشته میلادی", "سال گذشته میلادی", "2025-11-17", []want{{date: "2024-01-01", prec: year, cal: gregorian}}},
	{"N روز پیش", "۳ روز پیش", "2025-11-17", []want{{text: "۳ روز پیش", date: "2025-11-14", prec: day}}},
	{"N روز قبل in words", "سه روز قبل", "2025-11-17", []want{{date: "2025-11-14", prec: day}}},
	{"دو روز گذشته", "طی دو روز گذشته", "2025-11-17", []want{{text: "دو روز گذشته", date: "2025-11-15", prec: day}}},
	{"روز دوشنبه on a Monday", "روز دوشنبه گفت", "2025-11-17", []want{{text: "روز دوشنبه", date: "2025-11-17", prec: day, kind: Weekday}}},
	{"دوشنبه alone", "رئیس‌جمهور دوشنبه گفت", "2025-11-20", []want{{text: "دوشنبه", date: "2025-11-17", prec: day, kind: Weekday}}},
	{"شنبه before", "روز شنبه", "2025-11-20", []want{{date: "2025-11-15", prec: day, kind: Weekday}}},
	{"weekday last week", "دوشنبه گذشته", "2025-11-17", []want{{date: "2025-11-10", prec: day, kind: Weekday}}},
	{"weekday next week", "سه‌شنبه هفته آینده", "2025-11-17", []want{{date: "2025-11-25", prec: day, kind: Weekday}}},
	{"relative unresolved", "دیروز گفت", "", []want{{text: "دیروز", date: "", prec: none, kind: Relative}}},
	{"weekday unresolved", "روز دوشنبه گفت", "", []want{{text: "روز دوشنبه", date: "", prec: none, kind: Weekday}}},
	{"years ago", "۵ سال پیش", "2025-11-17", []want{{date: "2020-03-20", prec: year}}},
	{"a period of years", "در ۵۰ سال گذشته", "2025-11-17", nil},
	{"هفته پیش رو", "در هفته پیش رو", "2025-11-17", []want{{text: "هفته پیش رو", date: "2025-11-24", prec: day, approx: true}}},
	{"before an event", "دو روز قبل از سفر", "2025-11-17", nil},
	{"این هفته", "این هفته", "2025-11-17", []want{{date: "2025-11-17", prec: day, approx: true}}},
	{"همین ماه", "همین ماه", "2025-11-17", []want{{date: "2025-10-23", prec: month}}},
	{"این روز", "در این روز", "2025-11-17", nil},
	// Ranges of days share the month and year of the last day.
	{"range with تا", "از ۱۳ تا ۱۵ آذر ۱۴۰۲", "", []want{
		{text: "۱۳", date: "2023-12-04", prec: day, kind: Absolute, cal: solar},
		{text: "۱۵ آذر ۱۴۰۲", date: "2023-12-06", prec: day}}},
	{"range with و, unresolved", "۲۲ و ۲۳ آبان", "", []want{
		{text: "۲۲", date: "", prec: none, kind: Absolute},
		{text: "۲۳ آبان", date: "", prec: none}}},
	{"not a range", "۲ و ۳ درصد", "", nil},
	// Words that are not dates.
	{"تیر اندازی", "ساعت 10 تیر اندازی شد", "2025-11-17", nil},
	{"تیراندازی", "۱۰ تیراندازی", "2025-11-17", nil},
	{"مهر seal", "اسناد مهر و موم شد", "2025-11-17", nil},
	{"مهر agency", "به گزارش خبرگزاری مهر ۱۴۰۴", "", nil},
	{"دی alone", "سی دی را دید", "2025-11-17", nil},
	{"تیر alone", "تیر خلاص", "2025-11-17", nil},
	{"Friday prayer", "امام جمعه تهران در نماز جمعه گفت", "2025-11-17", nil},
	{"رجب name", "رجب طیب اردوغان", "2025-11-17", nil},
	{"صفر zero", "به صفر رسید", "2025-11-17", nil},
	{"می verb", "او می گوید", "2025-11-17", nil},
	{"مه fog", "مه غلیظ", "2025-11-17", nil},
	{"percent", "۱۲ درصد", "2025-11-17", nil},
	{"clock", "ساعت ۱۰:۳۰", "2025-11-17", nil},
	// Several in one text, in order.
	{"several", "دیروز، ۱۴ آذر ۱۴۰۲، و سال ۲۰۲۱", "2023-12-06", []want{
		{text: "دیروز", date: "2023-12-05", prec: day},
		{text: "۱۴ آذر ۱۴۰۲", date: "2023-12-05", prec: day},
		{text: "سال ۲۰۲۱", date: "2021-01-01", prec: year},
	}},
	{"second line offsets", "عنوان\nدر ۱۴ آذر ۱۴۰۲", "", []want{{text: "۱۴ آذر ۱۴۰۲", date: "2023-12-05", prec: day}}},
}

func mustDate(t *testing.T, s string) didar.Date {
	t.Helper()
	if s == "" {
		return didar.Date{}
	}
	d, err := didar.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFind(t *testing.T) {
	for _, c := range findCases {
		t.Run(c.name, func(t *testing.T) {
			got := Find(c.text, mustDate(t, c.pub))
			checkSpans(t, c.text, got)
			if len(got) != len(c.want) {
				t.Fatalf("Find(%q) = %d expressions %v, want %d", c.text, len(got), texts(got), len(c.want))
			}
			for i, w := range c.want {
				g := got[i]
				if g.Date.String() != w.date || g.Precision != w.prec {
					t.Errorf("%q: date %q %q, want %q %q", g.Text, g.Date, g.Precision, w.date, w.prec)
				}
				if w.text != "" && g.Text != w.text {
					t.Errorf("text %q, want %q", g.Text, w.text)
				}
				if w.kind != 0 && g.Kind != w.kind {
					t.Errorf("%q: kind %v, want %v", g.Text, g.Kind, w.kind)
				}
				if w.cal != "" && g.Calendar != w.cal {
					t.Errorf("%q: calendar %q, want %q", g.Text, g.Calendar, w.cal)
				}
				if (g.Mismatch != "") != w.mismatch {
					t.Errorf("%q: mismatch %q, want %v", g.Text, g.Mismatch, w.mismatch)
				}
				if g.Time != w.clock {
					t.Errorf("%q: time %q, want %q", g.Text, g.Time, w.clock)
				}
				if g.Approx != w.approx {
					t.Errorf("%q: approx %v, want %v", g.Text, g.Approx, w.approx)
				}
			}
		})
	}
}

func texts(es []Expr) []string {
	var s []string
	for _, e := range es {
		s = append(s, e.Text)
	}
	return s
}

// checkSpans checks what must hold of any result: spans in order, inside
// the text, matching Text, and valid dates.
func checkSpans(t *testing.T, text string, es []Expr) {
	t.Helper()
	runes := []rune(text)
	last := 0
	for _, e := range es {
		if e.Start < last || e.Start >= e.End || e.End > len(runes) {
			t.Fatalf("bad span [%d,%d) after %d in %d runes", e.Start, e.End, last, len(runes))
		}
		// Compared as runes: invalid UTF-8 in the input stays as it is in
		// Text but reads as U+FFFD in runes.
		if s := string(runes[e.Start:e.End]); s != string([]rune(e.Text)) {
			t.Fatalf("span [%d,%d) is %q, Text is %q", e.Start, e.End, s, e.Text)
		}
		if !e.Date.IsZero() && didar.DateOf(e.Date.Time()) != e.Date {
			t.Fatalf("%q: invalid date %+v", e.Text, e.Date)
		}
		if e.Date.IsZero() != (e.Precision == didar.PrecisionNone) {
			t.Fatalf("%q: date %q with precision %q", e.Text, e.Date, e.Precision)
		}
		if e.Kind < Absolute || e.Kind > Weekday {
			t.Fatalf("%q: kind %d", e.Text, e.Kind)
		}
		last = e.End
	}
}

func TestMismatchNamesBoth(t *testing.T) {
	es := Find("چهارشنبه ۱۴ آذر ۱۴۰۲", didar.Date{})
	if len(es) != 1 {
		t.Fatalf("got %v", texts(es))
	}
	e := es[0]
	if !e.HasWeekday || e.Weekday != time.Wednesday {
		t.Errorf("weekday %v %v, want Wednesday", e.HasWeekday, e.Weekday)
	}
	if !strings.Contains(e.Mismatch, "Wednesday") || !strings.Contains(e.Mismatch, "Tuesday") {
		t.Errorf("mismatch %q should name the weekday given and the real one", e.Mismatch)
	}
}

func TestOffsets(t *testing.T) {
	text := "به گزارش ایرنا، ۱۴ آذر ۱۴۰۲ و دیروز"
	es := Find(text, mustDate(t, "2023-12-06"))
	if len(es) != 2 {
		t.Fatalf("got %v", texts(es))
	}
	if es[0].Start != 16 || es[0].End != 27 || es[1].Start != 30 || es[1].End != 35 {
		t.Errorf("spans [%d,%d) [%d,%d), want [16,27) [30,35)", es[0].Start, es[0].End, es[1].Start, es[1].End)
	}
}

func TestLexiconLoad(t *testing.T) {
	lx := NewLexicon()
	if err := lx.Load(strings.NewReader("gregorian 1: جنیوری\n"), "extra.txt"); err != nil {
		t.Fatal(err)
	}
	es := lx.Find("۳ جنیوری ۲۰۲۴", didar.Date{})
	if len(es) != 1 || es[0].Date.String() != "2024-01-03" {
		t.Errorf("extended lexicon: got %+v", es)
	}
	if got := Find("۳ جنیوری ۲۰۲۴", didar.Date{}); len(got) != 0 {
		t.Errorf("the built-in lexicon changed: %v", texts(got))
	}
	for _, bad := range []string{"no colon here", "planet 3: مریخ", "solar x: آذر", "unit: روز"} {
		err := NewLexicon().Load(strings.NewReader("# c\n"+bad+"\n"), "bad.txt")
		if err == nil || !strings.Contains(err.Error(), "bad.txt:2") {
			t.Errorf("Load(%q) = %v, want an error naming bad.txt:2", bad, err)
		}
	}
}

// TestLunarMonths reads every lunar month name, in the spellings news
// use, and checks it against the month number it stands for.
func TestLunarMonths(t *testing.T) {
	names := []struct {
		text string
		m    int
	}{
		{"محرم", 1}, {"صفر", 2}, {"ربیع‌الاول", 3}, {"ربیع الاول", 3}, {"ربیع‌الثانی", 4},
		{"جمادی‌الاول", 5}, {"جمادی الاولی", 5}, {"جمادی‌الثانی", 6}, {"رجب", 7}, {"شعبان", 8},
		{"رمضان", 9}, {"شوال", 10}, {"ذی‌القعده", 11}, {"ذی القعده", 11}, {"ذی‌الحجه", 12}, {"ذیحجه", 12},
	}
	for _, n := range names {
		want, err := LunarToGregorian(1445, n.m, 2)
		if err != nil {
			t.Fatal(err)
		}
		text := "۲ " + n.text + " ۱۴۴۵ قمری"
		es := Find(text, didar.Date{})
		if len(es) != 1 || es[0].Date != want || es[0].Calendar != lunar || es[0].Text != text {
			t.Errorf("Find(%q) = %+v, want %v", text, es, want)
		}
	}
}

// TestFindLongLine checks that a text of one line much longer than the
// stretch tokenized at once gives every date, at its offset, as the same
// sentences on lines of their own do.
func TestFindLongLine(t *testing.T) {
	var b strings.Builder
	n := 0
	for b.Len() < 3*maxLine+1000 {
		fmt.Fprintf(&b, "هیئت ایرانی روز %d آبان ۱۴۰۴ در نشست مشترک دو کشور شرکت کرد. ", n%28+1)
		n++
	}
	line := b.String()
	lines := strings.ReplaceAll(line, ". ", ".\n")
	got, want := Find(line, didar.Date{}), Find(lines, didar.Date{})
	if len(got) != n || len(want) != n {
		t.Fatalf("%d and %d dates found in %d sentences", len(got), len(want), n)
	}
	for i := range got {
		if got[i].Start != want[i].Start || got[i].Date != want[i].Date {
			t.Fatalf("date %d: %+v on one line, %+v on lines of their own", i, got[i], want[i])
		}
	}
	if d, _, ok := Dateline(line); !ok || d != want[0].Date {
		t.Errorf("dateline of the long line: %v %v, want %v", d, ok, want[0].Date)
	}
}
