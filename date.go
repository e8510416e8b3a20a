package didar

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar date without a time of day. The zero Date means
// "unknown" and is written as JSON null.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads an ISO date (2006-01-02). An impossible date is refused
// with what is wrong with it: "2024-02-30: February has 29 days in 2024".
func ParseDate(s string) (Date, error) {
	y, m, d, err := SplitDate(s)
	if err != nil {
		return Date{}, err
	}
	if n := (Date{y, time.Month(m) + 1, 1}).AddDays(-1).Day; d > n {
		return Date{}, fmt.Errorf("%s: %s has %d days in %d", s, time.Month(m), n, y)
	}
	return Date{y, time.Month(m), d}, nil
}

// SplitDate reads the year, month and day of YYYY-MM-DD, checking the
// month and the day only against the longest month, so that other
// calendars can check the day against their own months.
func SplitDate(s string) (y, m, d int, err error) {
	num := func(part string) int {
		n := 0
		for _, c := range []byte(part) {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	y, m, d = num(s[:4]), num(s[5:7]), num(s[8:])
	switch {
	case y < 0 || m < 0 || d < 0:
		return 0, 0, 0, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	case m < 1 || m > 12:
		return 0, 0, 0, fmt.Errorf("%s: there is no month %d (months are 01 to 12)", s, m)
	case d < 1 || d > 31:
		return 0, 0, 0, fmt.Errorf("%s: there is no day %d (days are 01 to 31 at most)", s, d)
	}
	return y, m, d, nil
}

// IsZero reports whether d is the unknown date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// String returns the ISO form, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

func (d *Date) UnmarshalJSON(b []byte) error {
	s, null, err := jsonString(b)
	if err != nil {
		return fmt.Errorf("date: %w", err)
	}
	if null || s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// jsonString reads a JSON string or null. Stored records hold many small
// dates and codes; the common plain string is read without reflection.
func jsonString(b []byte) (s string, null bool, err error) {
	if string(b) == "null" {
		return "", true, nil
	}
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' && bytes.IndexByte(b[1:len(b)-1], '\\') < 0 && bytes.IndexByte(b[1:len(b)-1], '"') < 0 {
		return string(b[1 : len(b)-1]), false, nil
	}
	err = json.Unmarshal(b, &s)
	return s, false, err
}

// Precision says how much of a Date the text fixed.
type Precision string

const (
	PrecisionNone  Precision = ""
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
)

func (p Precision) MarshalJSON() ([]byte, error) {
	if p == PrecisionNone {
		return []byte("null"), nil
	}
	return json.Marshal(string(p))
}

func (p *Precision) UnmarshalJSON(b []byte) error {
	s, _, err := jsonString(b)
	if err != nil {
		return fmt.Errorf("date precision: %w", err)
	}
	*p = Precision(s)
	return nil
}

// UnmarshalText reads an ISO date; an empty text is the zero Date. It lets
// YAML and flag values hold dates.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
