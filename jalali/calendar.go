package jalali

import (
	"fmt"
	"time"

	ptime "github.com/yaa110/go-persian-calendar"

	"github.com/didar-news/didar"
)

// solarMonthLen returns the number of days of month m of Solar Hijri year
// y, or 0 for a month outside 1-12.
func solarMonthLen(y, m int) int {
	switch {
	case m >= 1 && m <= 6:
		return 31
	case m >= 7 && m <= 11:
		return 30
	case m == 12:
		if ptime.Date(y, ptime.Esfand, 1, 0, 0, 0, 0, time.UTC).IsLeap() {
			return 30
		}
		return 29
	}
	return 0
}

// SolarToGregorian converts day d of month m of Solar Hijri year y.
// It refuses dates that do not exist, such as 30 Esfand of a common year.
func SolarToGregorian(y, m, d int) (didar.Date, error) {
	if y < 1 || y > 3000 {
		return didar.Date{}, fmt.Errorf("solar date %d/%d/%d: year out of range", y, m, d)
	}
	if n := solarMonthLen(y, m); n == 0 || d < 1 || d > n {
		return didar.Date{}, fmt.Errorf("solar date %d/%d/%d: no such day", y, m, d)
	}
	t := ptime.Date(y, ptime.Month(m), d, 12, 0, 0, 0, time.UTC).Time()
	return didar.DateOf(t), nil
}

// GregorianToSolar returns the Solar Hijri year, month and day of d. It
// returns zeros for the zero Date and for dates before 1097, which the
// conversion library does not cover.
func GregorianToSolar(d didar.Date) (y, m, day int) {
	if d.IsZero() || d.Year < 1097 {
		return 0, 0, 0
	}
	t := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	p := ptime.New(t)
	return p.Year(), int(p.Month()), p.Day()
}

// Fixed day numbers count days from 1 January of year 1 (proleptic
// Gregorian), which is day 1. The tabular Islamic calendar starts on
// 16 July 622 (Julian), fixed day 227015.
const lunarEpoch = 227015

func lunarLeap(y int) bool { return (14+11*y)%30 < 11 }

func lunarMonthLen(y, m int) int {
	switch {
	case m < 1 || m > 12:
		return 0
	case m%2 == 1, m == 12 && lunarLeap(y):
		return 30
	}
	return 29
}

// lunarFixed returns the fixed day number of a tabular Islamic date.
func lunarFixed(y, m, d int) int {
	return lunarEpoch - 1 + (y-1)*354 + (3+11*y)/30 + 29*(m-1) + m/2 + d
}

// unixFixed is the fixed day number of 1 January 1970. Going through Unix
// days keeps the arithmetic off time.Duration, which spans only 292 years.
const unixFixed = 719163

func fixedToDate(n int) didar.Date {
	return didar.DateOf(time.Unix(int64(n-unixFixed)*86400, 0).UTC())
}

func dateToFixed(d didar.Date) int {
	return int(floorDiv(d.Time().Unix(), 86400)) + unixFixed
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// LunarToGregorian converts day d of month m of lunar Hijri year y with the
// tabular Islamic calendar (see the package comment on its accuracy).
func LunarToGregorian(y, m, d int) (didar.Date, error) {
	if y < 1 || y > 3000 {
		return didar.Date{}, fmt.Errorf("lunar date %d/%d/%d: year out of range", y, m, d)
	}
	if n := lunarMonthLen(y, m); n == 0 || d < 1 || d > n {
		return didar.Date{}, fmt.Errorf("lunar date %d/%d/%d: no such day", y, m, d)
	}
	return fixedToDate(lunarFixed(y, m, d)), nil
}

// gregorianToLunar is the inverse of LunarToGregorian, for dates after the
// epoch.
func gregorianToLunar(d didar.Date) (y, m, day int) {
	n := dateToFixed(d)
	if n < lunarEpoch {
		return 0, 0, 0
	}
	y = (30*(n-lunarEpoch) + 10646) / 10631
	for lunarFixed(y, 1, 1) > n {
		y--
	}
	for lunarFixed(y+1, 1, 1) <= n {
		y++
	}
	m = 12
	for m > 1 && lunarFixed(y, m, 1) > n {
		m--
	}
	return y, m, n - lunarFixed(y, m, 1) + 1
}

// gregorianMonthLen returns the days of month m of year y, 0 if m is not a
// month.
func gregorianMonthLen(y, m int) int {
	if m < 1 || m > 12 {
		return 0
	}
	return time.Date(y, time.Month(m)+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// toGregorian converts a date of the named calendar.
func toGregorian(cal string, y, m, d int) (didar.Date, error) {
	switch cal {
	case solar:
		return SolarToGregorian(y, m, d)
	case lunar:
		return LunarToGregorian(y, m, d)
	case gregorian:
		if y < 1 || y > 9999 || d < 1 || d > gregorianMonthLen(y, m) {
			return didar.Date{}, fmt.Errorf("gregorian date %d-%d-%d: no such day", y, m, d)
		}
		return didar.Date{Year: y, Month: time.Month(m), Day: d}, nil
	}
	return didar.Date{}, fmt.Errorf("unknown calendar %q", cal)
}

// fromGregorian returns the year, month and day of d in calendar cal.
func fromGregorian(cal string, d didar.Date) (y, m, day int) {
	switch cal {
	case solar:
		return GregorianToSolar(d)
	case lunar:
		return gregorianToLunar(d)
	}
	return d.Year, int(d.Month), d.Day
}

// monthLen returns the days of a month of cal; for an unknown year (0) it
// gives the longest the month can be.
func monthLen(cal string, y, m int) int {
	switch cal {
	case solar:
		if y == 0 && m == 12 {
			return 30
		}
		return solarMonthLen(y, m)
	case lunar:
		if y == 0 && m == 12 {
			return 30
		}
		return lunarMonthLen(y, m)
	}
	if y == 0 {
		y = 2024 // a leap year, so 29 February passes
	}
	return gregorianMonthLen(y, m)
}
