package jalali

import (
	"time"

	"github.com/didar-news/didar"
)

// relative parses a relative expression or a bare weekday at i, with an
// optional part of the day before it ("صبح امروز", "عصر دوشنبه"). When it
// fails, next is past tokens that must not be read again, or 0.
func (s *scanner) relative(i int) (Expr, int, bool) {
	if _, n, ok := s.cat(i, "daypart"); ok {
		if e, next, ok := s.relativeAt(i, i+n); ok {
			return e, next, true
		}
	}
	return s.relativeAt(i, i)
}

// relativeAt parses at k an expression that starts, with its prefix, at i.
func (s *scanner) relativeAt(i, k int) (Expr, int, bool) {
	if e, n, ok := s.cat(k, "deictic"); ok {
		next := k + n
		if _, n, ok := s.cat(next, "daypart"); ok {
			next += n // "امروز صبح"
		}
		return s.days(i, next, e.val), next, true
	}
	if e, n, ok := s.cat(k, "thisyear"); ok {
		return s.years(i, k+n, e.val)
	}
	if s.isWord(k, "روز") {
		if _, _, ok := s.cat(k+1, "weekday"); ok {
			k++
		}
	}
	if e, n, ok := s.cat(k, "weekday"); ok && !s.notBefore(k) {
		return s.weekday(i, k+n, time.Weekday(e.val))
	}
	return s.counted(i, k)
}

// days returns a day-precision Relative expression off days from
// publication.
func (s *scanner) days(a, b, off int) Expr {
	e := Expr{Kind: Relative}
	if !s.pub.IsZero() {
		e.Date, e.Precision = s.pub.AddDays(off), didar.PrecisionDay
	}
	s.span(&e, a, b)
	return e
}

// years returns a year-precision Relative expression off years from the
// publication year: Solar Hijri, or Gregorian when "میلادی" follows.
func (s *scanner) years(a, b, off int) (Expr, int, bool) {
	cal := solar
	if m, n, ok := s.cat(b, "marker"); ok && m.arg == gregorian {
		cal, b = gregorian, b+n
	}
	e := Expr{Kind: Relative, Calendar: cal}
	if y := s.pubYear(cal); !s.pub.IsZero() && y != 0 {
		if d, err := toGregorian(cal, y+off, 1, 1); err == nil {
			e.Date, e.Precision = d, didar.PrecisionYear
		}
	}
	s.span(&e, a, b)
	return e, b, true
}

// months returns a month-precision Relative expression off Solar Hijri
// (or Gregorian) months from the publication month.
func (s *scanner) months(a, b, off int) (Expr, int, bool) {
	cal := solar
	if m, n, ok := s.cat(b, "marker"); ok && m.arg == gregorian {
		cal, b = gregorian, b+n
	}
	e := Expr{Kind: Relative, Calendar: cal}
	if !s.pub.IsZero() {
		y, m, _ := fromGregorian(cal, s.pub)
		if y != 0 {
			n := y*12 + (m - 1) + off
			if d, err := toGregorian(cal, n/12, n%12+1, 1); err == nil {
				e.Date, e.Precision = d, didar.PrecisionMonth
			}
		}
	}
	s.span(&e, a, b)
	return e, b, true
}

// weekday parses what may follow a weekday at k ("گذشته", "هفته آینده")
// and resolves it: by default the latest such day on or before
// publication.
func (s *scanner) weekday(a, k int, wd time.Weekday) (Expr, int, bool) {
	e := Expr{Kind: Weekday, Weekday: wd, HasWeekday: true}
	dir, weeks := 0, false
	if u, n, ok := s.cat(k, "unit"); ok && u.arg == "week" {
		if d, m, ok := s.cat(k+n, "direction"); ok {
			dir, weeks, k = d.val, true, k+n+m
		}
	} else if d, n, ok := s.cat(k, "direction"); ok {
		dir, k = d.val, k+n
	}
	if !s.pub.IsZero() {
		p := s.pub
		switch {
		case weeks:
			// That weekday in the Saturday-to-Friday week dir weeks away.
			ref := p.AddDays(7 * dir)
			sat := ref.AddDays(-int((ref.Weekday() + 1) % 7))
			e.Date = sat.AddDays(int((wd + 1) % 7))
		case dir < 0:
			e.Date = p.AddDays(-1 - int((p.Weekday()-wd+6)%7))
		case dir > 0:
			e.Date = p.AddDays(1 + int((wd-p.Weekday()+6)%7))
		default:
			e.Date = p.AddDays(-int((p.Weekday() - wd + 7) % 7))
		}
		e.Precision = didar.PrecisionDay
	}
	s.span(&e, a, k)
	return e, k, true
}

// counted parses "[N] unit direction" at k: "سه روز پیش", "هفته گذشته",
// "ماه آینده", "سال جاری".
func (s *scanner) counted(a, k int) (Expr, int, bool) {
	count := 1
	if _, n, ok := s.cat(k, "this"); ok {
		u, m, ok := s.cat(k+n, "unit")
		if !ok || u.arg == "day" {
			return Expr{}, 0, false // "این روز" points into the story, not to publication
		}
		return s.unit(a, k+n+m, u.arg, 0)
	}
	if k < len(s.toks) && s.toks[k].kind == tNum {
		t := s.toks[k]
		if t.ndig > 3 || t.val == 0 || s.inNumber(k) {
			return Expr{}, 0, false
		}
		count = t.val
		k++
	} else if e, n, ok := s.cat(k, "cardinal"); ok {
		count = e.val
		k += n
	}
	u, n, ok := s.cat(k, "unit")
	if !ok {
		return Expr{}, 0, false
	}
	d, m, ok := s.cat(k+n, "direction")
	if !ok {
		return Expr{}, 0, false
	}
	if _, _, ok := s.cat(k+n, "span"); ok && count > 1 && (u.arg == "month" || u.arg == "year") {
		return Expr{}, k + n + m, false // skip it all, or "سال گذشته" would be read alone
	}
	if _, o, ok := s.cat(k+n+m, "anchor"); ok {
		return Expr{}, k + n + m + o, false
	}
	return s.unit(a, k+n+m, u.arg, count*d.val)
}

// unit resolves off units from publication for an expression on tokens
// [a, b).
func (s *scanner) unit(a, b int, unit string, off int) (Expr, int, bool) {
	switch unit {
	case "day":
		return s.days(a, b, off), b, true
	case "week":
		e := s.days(a, b, 7*off)
		e.Approx = true
		return e, b, true
	case "month":
		return s.months(a, b, off)
	case "year":
		return s.years(a, b, off)
	}
	return Expr{}, 0, false
}
