package jalali

import (
	"testing"
	"time"

	jalaali "github.com/jalaali/go-jalaali"

	"github.com/didar-news/didar"
)

func TestSolarChecks(t *testing.T) {
	cases := []struct {
		y, m, d int
		want    string
		wd      time.Weekday
	}{
		{1402, 9, 14, "2023-12-05", time.Tuesday},
		{1404, 8, 26, "2025-11-17", time.Monday},
		{1404, 1, 1, "2025-03-21", time.Friday},
		{1403, 12, 30, "2025-03-20", time.Thursday},
		{1400, 1, 7, "2021-03-27", time.Saturday},
	}
	for _, c := range cases {
		got, err := SolarToGregorian(c.y, c.m, c.d)
		if err != nil || got.String() != c.want || got.Weekday() != c.wd {
			t.Errorf("SolarToGregorian(%d, %d, %d) = %v %v, %v; want %s %v", c.y, c.m, c.d, got, got.Weekday(), err, c.want, c.wd)
		}
		if y, m, d := GregorianToSolar(got); y != c.y || m != c.m || d != c.d {
			t.Errorf("GregorianToSolar(%v) = %d/%d/%d, want %d/%d/%d", got, y, m, d, c.y, c.m, c.d)
		}
	}
}

func TestSolarInvalid(t *testing.T) {
	for _, c := range [][3]int{{1402, 12, 30}, {1402, 7, 31}, {1402, 13, 1}, {1402, 0, 1}, {1402, 1, 0}, {0, 1, 1}} {
		if d, err := SolarToGregorian(c[0], c[1], c[2]); err == nil {
			t.Errorf("SolarToGregorian%v = %v, want an error", c, d)
		}
	}
	if y, m, d := GregorianToSolar(didar.Date{}); y != 0 || m != 0 || d != 0 {
		t.Errorf("GregorianToSolar(zero) = %d/%d/%d", y, m, d)
	}
}

// TestSolarAgainstOracle compares both directions with go-jalaali on every
// day from 1900 to 2100.
func TestSolarAgainstOracle(t *testing.T) {
	d := didar.Date{Year: 1900, Month: time.January, Day: 1}
	end := didar.Date{Year: 2101, Month: time.January, Day: 1}
	for t0 := d.Time(); t0.Before(end.Time()); t0 = t0.AddDate(0, 0, 1) {
		g := didar.DateOf(t0)
		jy, jm, jd, err := jalaali.ToJalaali(g.Year, g.Month, g.Day)
		if err != nil {
			t.Fatal(err)
		}
		y, m, day := GregorianToSolar(g)
		if y != jy || m != int(jm) || day != jd {
			t.Fatalf("GregorianToSolar(%v) = %d/%d/%d, oracle %d/%d/%d", g, y, m, day, jy, jm, jd)
		}
		back, err := SolarToGregorian(jy, int(jm), jd)
		if err != nil || back != g {
			t.Fatalf("SolarToGregorian(%d, %d, %d) = %v, %v; want %v", jy, jm, jd, back, err, g)
		}
	}
}

func TestLunarChecks(t *testing.T) {
	cases := []struct {
		y, m, d int
		want    string
	}{
		{1, 1, 1, "0622-07-19"}, // the epoch: 16 July 622 Julian
		{1445, 1, 1, "2023-07-19"},
		{1445, 9, 1, "2024-03-11"},
	}
	for _, c := range cases {
		got, err := LunarToGregorian(c.y, c.m, c.d)
		if err != nil || got.String() != c.want {
			t.Errorf("LunarToGregorian(%d, %d, %d) = %v, %v; want %s", c.y, c.m, c.d, got, err, c.want)
		}
	}
	for _, c := range [][3]int{{1445, 2, 30}, {1445, 13, 1}, {1445, 12, 31}, {0, 1, 1}} {
		if d, err := LunarToGregorian(c[0], c[1], c[2]); err == nil {
			t.Errorf("LunarToGregorian%v = %v, want an error", c, d)
		}
	}
}

// TestLunarRoundTrip walks every day of 1900-2100 and checks that the
// lunar date steps by one day at a time and converts back.
func TestLunarRoundTrip(t *testing.T) {
	start := didar.Date{Year: 1900, Month: time.January, Day: 1}
	py, pm, pd := gregorianToLunar(start.AddDays(-1))
	for g := start; g.Year <= 2100; g = g.AddDays(1) {
		y, m, d := gregorianToLunar(g)
		back, err := LunarToGregorian(y, m, d)
		if err != nil || back != g {
			t.Fatalf("%v -> %d/%d/%d -> %v, %v", g, y, m, d, back, err)
		}
		next := d == pd+1 && m == pm && y == py ||
			d == 1 && pd == lunarMonthLen(py, pm) && (m == pm+1 && y == py || m == 1 && pm == 12 && y == py+1)
		if !next {
			t.Fatalf("%v: %d/%d/%d does not follow %d/%d/%d", g, y, m, d, py, pm, pd)
		}
		py, pm, pd = y, m, d
	}
}

func TestSolarRoundTrip(t *testing.T) {
	for y := 1300; y <= 1500; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= solarMonthLen(y, m); d++ {
				g, err := SolarToGregorian(y, m, d)
				if err != nil {
					t.Fatal(err)
				}
				if y2, m2, d2 := GregorianToSolar(g); y2 != y || m2 != m || d2 != d {
					t.Fatalf("%d/%d/%d -> %v -> %d/%d/%d", y, m, d, g, y2, m2, d2)
				}
			}
		}
	}
}
