package actors

import (
	"fmt"
	"regexp"
	"sort"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/normalize"
)

var iso3 = regexp.MustCompile(`^[A-Z]{3}$`)

// Check returns every inconsistency between entries: unknown countries,
// capitals, offices and organisations; terms of one office that overlap;
// names that fold to nothing. Load checks each entry alone; Check checks
// them together, for tests and `didar actors --check`.
func (d *Dictionary) Check() []error {
	var errs []error
	bad := func(id, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: entry %s: %s", d.source[id], id, fmt.Sprintf(format, args...)))
	}
	country := func(c string) bool {
		e, ok := d.Entry(c)
		return ok && e.Kind == didar.KindCountry
	}
	type term struct {
		id       string
		from, to didar.Date
	}
	terms := map[roleKey][]term{}
	for _, e := range d.entries {
		if e.Kind == didar.KindCountry && !iso3.MatchString(e.ID) {
			bad(e.ID, "a country id must be an ISO 3166-1 alpha-3 code")
		}
		if e.Country != "" && !country(e.Country) {
			bad(e.ID, "country %s is not a country entry", e.Country)
		}
		if e.Capital != "" {
			if p, ok := d.Entry(e.Capital); !ok || p.Kind != didar.KindPlace {
				bad(e.ID, "capital %s is not a place entry", e.Capital)
			}
		}
		for _, n := range append(append(append([]string(nil), e.FA...), e.Adjectives...), append(e.Demonyms, e.Metonyms...)...) {
			if normalize.Key(n) == "" {
				bad(e.ID, "empty name %q", n)
			}
		}
		for _, r := range e.Roles {
			if _, ok := d.offices[r.Office]; !ok {
				bad(e.ID, "office %s does not exist", r.Office)
			}
			if r.Country != "" && !country(r.Country) {
				bad(e.ID, "role %s: country %s is not a country entry", r.Office, r.Country)
			}
			if r.Host != "" && r.Host != "UN" && !country(r.Host) {
				bad(e.ID, "role %s: host %s is not a country entry", r.Office, r.Host)
			}
			if r.Org != "" {
				if o, ok := d.Entry(r.Org); !ok || o.Kind != didar.KindOrganization {
					bad(e.ID, "role %s: org %s is not an organization entry", r.Office, r.Org)
				}
			}
			if !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
				bad(e.ID, "role %s ends before it starts", r.Office)
			}
			k := roleKey{office: r.Office, country: r.Country, host: r.Host, org: r.Org}
			terms[k] = append(terms[k], term{e.ID, r.From, r.To})
		}
	}
	for _, o := range d.offices {
		if o.Country != "" && !country(o.Country) {
			errs = append(errs, fmt.Errorf("%s: office %s: country %s is not a country entry", d.source[o.ID], o.ID, o.Country))
		}
	}
	keys := make([]roleKey, 0, len(terms))
	for k := range terms {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
	for _, k := range keys {
		ts := terms[k]
		if k.office == "party-leader" || k.office == "organization-head" || k.office == "ambassador" && k.host == "" {
			if k.org == "" && k.host == "" {
				continue // several parties or organisations share the office id
			}
		}
		sort.Slice(ts, func(i, j int) bool { return ts[i].from.Before(ts[j].from) })
		for i := 1; i < len(ts); i++ {
			a, b := ts[i-1], ts[i]
			// A handover on one day is not an overlap.
			if a.to.IsZero() || b.from.Before(a.to) {
				errs = append(errs, fmt.Errorf("%s: entry %s: %s %s overlaps %s's term", d.source[b.id], b.id, k.office, k.country, a.id))
			}
		}
	}
	return errs
}
