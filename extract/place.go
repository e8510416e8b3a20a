package extract

import (
	"slices"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/jalali"
	"github.com/didar-news/didar/normalize"
)

// location reads "در X" phrases of the clause: a place, a capital, a
// country, or a venue of a national body, which lies in its country.
func (a *article) location(c clause, t trigger) *didar.Location {
	for i := c.t0; i < c.t1; i++ {
		if a.toks[i].key != "در" {
			continue
		}
		for j := i + 1; j < c.t1 && j <= i+7; j++ {
			if a.isVerb(j) || a.toks[j].key == "با" || a.toks[j].key == "،" {
				break
			}
			m, ok := a.mentionStart(j)
			if !ok {
				continue
			}
			l := a.links[m]
			act, _ := a.actorOf(m)
			if fa, en, country, ok := a.x.dict.PlaceOf(l); ok && (l.Via == "capital" || l.Via == "metonym" || act.Kind == didar.KindPlace) {
				return &didar.Location{NameFA: didar.NullString(fa), NameEN: didar.NullString(en), Country: didar.NullString(country)}
			}
			switch act.Kind {
			case didar.KindCountry:
				return &didar.Location{NameFA: didar.NullString(act.NameFA), NameEN: act.NameEN, Country: act.Country}
			case didar.KindOrganization:
				if act.Country != "" && j > i+1 {
					venue := a.span(a.toks[i+1].start, l.End).Text
					return &didar.Location{Country: act.Country, Venue: didar.NullString(venue)}
				}
			}
		}
	}
	return nil
}

// datesIn returns the date expressions inside runes [start, end).
func (a *article) datesIn(start, end int) []dateExpr {
	var out []dateExpr
	for _, d := range a.dates {
		if d.Start < start || d.End > end {
			continue
		}
		// "تا سال ۲۰۳۰"، "از سال ۱۳۹۸": the bounds of a period, not when
		// the event happened.
		if i, _ := a.tokRange(d.Start, d.Start); i > 0 && a.x.lex.is("bound", a.toks[i-1].key) {
			continue
		}
		out = append(out, dateExpr{d.Date, d.Precision, d.Start, d.Kind == jalali.Weekday})
	}
	return out
}

type dateExpr struct {
	Date      didar.Date
	Precision didar.Precision
	start     int
	weekday   bool // a bare weekday: weaker than any other date
}

// eventDate applies the spec's rule: a date in the sentence, else for
// occurred news the date of the occasion the lead reports, else the
// publication date; else none. own says the sentence gave the date.
func (a *article) eventDate(cStart, cEnd, at, start, end int, st didar.Status) (d didar.Date, p didar.Precision, own bool) {
	ds := a.datesIn(cStart, cEnd)
	if len(ds) == 0 {
		ds = a.datesIn(start, end)
	}
	// A bare weekday ("دوشنبه" may be the city) yields to any other date.
	if slices.ContainsFunc(ds, func(x dateExpr) bool { return !x.weekday }) {
		ds = slices.DeleteFunc(ds, func(x dateExpr) bool { return x.weekday })
	}
	if len(ds) > 0 {
		// The last date before the cue, else the first after it.
		best := ds[0]
		for _, x := range ds {
			if x.start < at {
				best = x
			}
		}
		if best.Date.IsZero() {
			return didar.Date{}, didar.PrecisionNone, false // a relative date with nothing to resolve it
		}
		// "روز چهارشنبه ... گفت‌وگو خواهد کرد": an announced event's
		// weekday is the coming one.
		if st == didar.StatusPlanned && best.weekday && best.Date.Before(a.date) {
			best.Date = best.Date.AddDays(7)
		}
		// "امسال"، "در آذر ۱۴۰۲" around news of the day: the day is known.
		if st == didar.StatusOccurred && best.Precision != didar.PrecisionDay {
			if day := a.occasion(); !day.IsZero() && within(day, best) {
				return day, didar.PrecisionDay, false
			}
		}
		return best.Date, best.Precision, true
	}
	if st == didar.StatusOccurred {
		if day := a.occasion(); !day.IsZero() {
			p := didar.PrecisionDay
			if day == a.leadDate {
				p = a.leadPrecision
			}
			return day, p, false
		}
	}
	return didar.Date{}, didar.PrecisionNone, false
}

// dateSource says where an event's date came from.
type dateSource int8

const (
	dateOwn       dateSource = iota // its sentence
	dateLead                        // the occasion an earlier sentence dated
	datePublished                   // the publication date alone
)

// tripDates gives a meeting dated only by publication the date of a trip
// one of its parties made in the fortnight before, stated with its own
// date: "هفته گذشته به تاشکند سفر کرد و با مقام‌های ازبکستان دیدار کرد".
func (a *article) tripDates() {
	for i := range a.rec.Events {
		e := &a.rec.Events[i]
		if a.dateFrom[i] != datePublished || e.Date.IsZero() || e.Status != didar.StatusOccurred || (e.Type != didar.Meet && e.Type != didar.Negotiate && e.Type != didar.Host && e.Type != didar.Agree) {
			continue
		}
		for j, v := range a.rec.Events {
			if v.Type == didar.Visit && a.dateFrom[j] == dateOwn && v.Status == didar.StatusOccurred && slices.Contains(e.Participants, string(v.Source)) &&
				!e.Date.Before(v.Date) && !v.Date.Before(e.Date.AddDays(-14)) {
				e.Date, e.DatePrecision = v.Date, v.DatePrecision
				break
			}
		}
	}
}

// occasion is the day of the news: the lead's date, else publication.
func (a *article) occasion() didar.Date {
	if !a.leadDate.IsZero() {
		return a.leadDate
	}
	return a.date
}

// within reports whether day falls in the month or year x stands for.
func within(day didar.Date, x dateExpr) bool {
	switch x.Precision {
	case didar.PrecisionMonth:
		return !day.Before(x.Date) && day.Before(x.Date.AddDays(31))
	case didar.PrecisionYear:
		return !day.Before(x.Date) && day.Before(x.Date.AddDays(366))
	}
	return false
}

// readLead takes the date of the lead sentence, the occasion the article
// reports, when it lies within a week before publication (or when there
// is no publication date).
func (a *article) readLead(sents []normalize.Span) {
	for _, s := range sents[:min(2, len(sents))] {
		for _, d := range a.datesIn(s.Start, s.End) {
			if d.Date.IsZero() || d.Precision != didar.PrecisionDay || d.weekday {
				continue
			}
			if a.date.IsZero() || (!a.date.Before(d.Date) && !d.Date.Before(a.date.AddDays(-7))) {
				a.leadDate, a.leadPrecision = d.Date, d.Precision
				return
			}
		}
	}
}

// placeMeetings gives a meeting, a negotiation or a hosting with no place
// of its own the country one of its parties travelled to in the same
// article; else, for a hosting, the host's country; else, for news of the
// day, the city of the dateline ("تهران - ایرنا -").
func (a *article) placeMeetings() {
	for i := range a.rec.Events {
		e := &a.rec.Events[i]
		if e.Location != nil || (e.Type != didar.Meet && e.Type != didar.Negotiate && e.Type != didar.Host && e.Type != didar.Agree) {
			continue
		}
		for _, v := range a.rec.Events {
			if v.Type == didar.Visit && v.Status == e.Status && slices.Contains(e.Participants, string(v.Source)) && v.Location != nil {
				loc := *v.Location
				e.Location = &loc
				break
			}
		}
		if e.Location == nil && e.Type == didar.Host {
			if act, ok := a.actors[string(e.Source)]; ok && act.Country != "" {
				e.Location = &didar.Location{Country: act.Country}
			}
		}
		if e.Location == nil && e.Status == didar.StatusOccurred && a.dateline != nil {
			loc := *a.dateline
			e.Location = &loc
		}
		if e.Type == didar.Meet && e.Location != nil && e.Location.Country != "" && !a.anyFrom(e.Participants, string(e.Location.Country)) {
			e.Code("044")
		}
	}
}

// readDateline takes the place of a dateline such as "تهران - ایرنا -"
// at the head of the article.
func (a *article) readDateline() {
	dashes := 0
	for i := 0; i < len(a.toks) && i < 8; i++ {
		k := a.toks[i].key
		if k == "-" || k == "–" || k == "—" {
			dashes++
		}
		if m, ok := a.mentionStart(i); ok && dashes == 0 {
			if fa, en, country, ok := a.x.dict.PlaceOf(a.links[m]); ok && country != "" {
				if act, _ := a.actorOf(m); act.Kind != didar.KindCountry || a.links[m].Place != "" {
					a.dateline = &didar.Location{NameFA: didar.NullString(fa), NameEN: didar.NullString(en), Country: didar.NullString(country)}
				}
			}
		}
	}
	if dashes < 2 {
		a.dateline = nil
	}
}
