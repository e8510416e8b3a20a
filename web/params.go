package web

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/jalali"
	"github.com/didar-news/didar/normalize"
)

// params reads query parameters, remembering which were read so that an
// unknown one (usually a typo) can be reported instead of ignored.
type params struct {
	v    url.Values
	seen map[string]bool
	err  error
}

func newParams(v url.Values) *params { return &params{v: v, seen: map[string]bool{}} }

func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = didar.Errorf(didar.EINVALID, format, args...)
	}
}

func (p *params) str(name string) string {
	p.seen[name] = true
	vs := p.v[name]
	if len(vs) > 1 {
		p.fail("parameter %s is given %d times; give it once", name, len(vs))
	}
	if len(vs) == 0 {
		return ""
	}
	v := strings.TrimSpace(vs[0])
	switch {
	case !utf8.ValidString(v):
		p.fail("parameter %s is not valid UTF-8", name)
		return ""
	case utf8.RuneCountInString(v) > maxParam:
		p.fail("parameter %s is %d characters long; the limit is %d", name, utf8.RuneCountInString(v), maxParam)
		return ""
	}
	return v
}

// maxParam bounds every parameter's length: a name, a code or a search
// is far shorter, and a longer value only costs the database work (a
// LIKE pattern of 50 KB is an error in SQLite).
const maxParam = 200

func (p *params) date(name string) didar.Date {
	s := p.str(name)
	if s == "" {
		return didar.Date{}
	}
	d, err := parseDay(s)
	if err != nil {
		p.fail("%s=%q is not a date: %v", name, s, err)
	}
	return d
}

// parseDay reads a Gregorian date (2025-08-28) or a Solar Hijri one
// (1404-06-06, as the Persian page's date fields take it), in Latin,
// Persian or Arabic digits, with - or / between the parts. A year
// before 1700 is Solar Hijri: the corpus has no Gregorian date so old.
func parseDay(s string) (didar.Date, error) {
	const want = "want YYYY-MM-DD, Gregorian (2025-08-28) or Solar Hijri (1404-06-06)"
	s = strings.ReplaceAll(normalize.Key(s), "/", "-") // Latin digits
	parts := strings.Split(s, "-")
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) < 1 || len(parts[1]) > 2 || len(parts[2]) < 1 || len(parts[2]) > 2 {
		return didar.Date{}, errors.New(want)
	}
	var n [3]int
	for i, part := range parts {
		v, err := strconv.Atoi(part)
		if err != nil || v < 0 {
			return didar.Date{}, errors.New(want)
		}
		n[i] = v
	}
	if n[0] < 1700 {
		d, err := jalali.SolarToGregorian(n[0], n[1], n[2])
		if err != nil {
			return didar.Date{}, fmt.Errorf("%04d-%02d-%02d is not a day of the Solar Hijri calendar", n[0], n[1], n[2])
		}
		return d, nil
	}
	d, err := didar.ParseDate(fmt.Sprintf("%04d-%02d-%02d", n[0], n[1], n[2]))
	if err != nil {
		return didar.Date{}, fmt.Errorf("%v (%s)", err, want)
	}
	return d, nil
}

// dates reads from and to and checks their order.
func (p *params) dates() (from, to didar.Date) {
	from, to = p.date("from"), p.date("to")
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		p.fail("from=%s is after to=%s", from, to)
	}
	return from, to
}

func (p *params) int(name string, min, max int) int {
	s := p.str(name)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		p.fail("%s=%q is not a whole number", name, s)
		return 0
	}
	if n < min || n > max {
		p.fail("%s=%d is out of range: want %d to %d", name, n, min, max)
		return 0
	}
	return n
}

// done returns the first error, or names the parameters nobody read.
// ignore lists parameters that pages accept (lang).
func (p *params) done(ignore ...string) error {
	if p.err != nil {
		return p.err
	}
	var unknown []string
	for k := range p.v {
		if !p.seen[k] && !contains(ignore, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return didar.Errorf(didar.EINVALID, "unknown parameter %s", strings.Join(unknown, ", "))
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var countryCode = regexp.MustCompile(`^[A-Z]{3}$`)

// eventFilter reads the filters of /api/events, /events and /network.
// A dyad is "dyad=A,B" or "dyad=A&dyad=B" (two form fields).
func (p *params) eventFilter(maxLimit int) didar.EventFilter {
	var f didar.EventFilter
	f.From, f.To = p.dates()
	f.Actor = p.str("actor")
	if f.Country = strings.ToUpper(p.str("country")); f.Country != "" && !countryCode.MatchString(f.Country) {
		p.fail("country=%q: want an ISO 3166-1 alpha-3 code such as IRN", f.Country)
	}
	p.seen["dyad"] = true
	var sides []string
	for _, v := range p.v["dyad"] {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				sides = append(sides, s)
			}
		}
	}
	switch len(sides) {
	case 0:
	case 2:
		f.Dyad = [2]string{sides[0], sides[1]}
	default:
		p.fail("dyad needs exactly two sides, such as dyad=IRN,CHN; got %d", len(sides))
	}
	if t := p.str("type"); t != "" {
		et, err := didar.ParseEventType(t)
		if err != nil {
			p.fail("type=%q is not an event type: want one of %s", t, typeList())
		}
		f.Type = et
	}
	f.QuadClass = p.int("quad_class", 1, 4)
	switch s := didar.Status(p.str("status")); s {
	case "", didar.StatusOccurred, didar.StatusPlanned, didar.StatusPastReference:
		f.Status = s
	default:
		p.fail("status=%q: want occurred, planned or past-reference", s)
	}
	f.Topic = p.str("topic")
	f.Outlet = p.str("outlet")
	f.Q = p.str("q")
	switch s := didar.EventSort(p.str("sort")); s {
	case "", didar.SortDateDesc, didar.SortDateAsc, didar.SortArticles, didar.SortGoldstein:
		f.Sort = s
	default:
		p.fail("sort=%q: want -date, date, -articles or goldstein", s)
	}
	f.Cursor = p.str("cursor")
	f.Limit = p.int("limit", 1, maxLimit)
	return f
}

func typeList() string {
	var s []string
	for _, t := range didar.EventTypes() {
		s = append(s, string(t))
	}
	return strings.Join(s, ", ")
}

func (p *params) actorFilter(maxLimit int) didar.ActorFilter {
	var f didar.ActorFilter
	f.Q = p.str("q")
	switch k := didar.Kind(p.str("kind")); k {
	case "", didar.KindPerson, didar.KindOrganization, didar.KindCountry, didar.KindPlace, didar.KindGroup:
		f.Kind = k
	default:
		p.fail("kind=%q: want person, organization, country, place or group", k)
	}
	if f.Country = strings.ToUpper(p.str("country")); f.Country != "" && !countryCode.MatchString(f.Country) {
		p.fail("country=%q: want an ISO 3166-1 alpha-3 code such as IRN", f.Country)
	}
	f.Cursor = p.str("cursor")
	f.Limit = p.int("limit", 1, maxLimit)
	return f
}

func (p *params) articleFilter(maxLimit int) didar.ArticleFilter {
	var f didar.ArticleFilter
	f.Q = p.str("q")
	f.Outlet = p.str("outlet")
	f.From, f.To = p.dates()
	f.StoryID = p.str("story")
	f.Cursor = p.str("cursor")
	f.Limit = p.int("limit", 1, maxLimit)
	return f
}

func (p *params) dyadFilter() didar.DyadFilter {
	var f didar.DyadFilter
	f.A, f.B = p.str("a"), p.str("b")
	if f.A == "" || f.B == "" {
		p.fail("a dyad needs both sides: a= and b= (an actor id or a country code such as IRN)")
	} else if f.A == f.B {
		p.fail("a dyad needs two different sides; both are %q", f.A)
	}
	f.From, f.To = p.dates()
	return f
}
