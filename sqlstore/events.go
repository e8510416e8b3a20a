package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/didar-news/didar"
)

// mergeKey names an interaction regardless of date: its type, direction
// and participants. Reports with the same key and dates at most a day
// apart are one event (an article often dates a meeting by the day it
// reports it, the day after).
func mergeKey(e didar.Event) string {
	p := slices.Clone(e.Participants)
	sort.Strings(p)
	p = slices.Compact(p)
	return string(e.Type) + "|" + string(e.Source) + ">" + string(e.Target) + "|" + strings.Join(p, ",")
}

// mergeWindow is how many days apart two reports of one interaction may
// date it.
const mergeWindow = 1

func eventID(article, local string) string {
	h := sha256.Sum256([]byte(article + "\x00" + local))
	return "ev-" + hex.EncodeToString(h[:8])
}

// mergeEvents stores an article's events, each as a report of the
// merged event it belongs to: a stored one with the same key dated at
// most mergeWindow days apart (the nearest date winning), or one created
// for it. The statements are few and multi-row, whatever the number of
// events, since a round trip costs more than a row.
func (s *Store) mergeEvents(ctx context.Context, tx *sql.Tx, b *batch, art articleRef, events []didar.Event) error {
	if len(events) == 0 {
		return nil
	}
	if err := s.fetchEvents(ctx, tx, b, events); err != nil {
		return err
	}
	created := map[string]*didar.Event{}
	var order []string // created ids, in order
	refresh := map[string]bool{}
	var again []report // the reports of events already stored or created
	var counted []storedReport
	for _, e := range events {
		k, d := mergeKey(e), e.Date.String()
		at := rank{art.published.String(), art.seq, e.ID}
		id := ""
		for _, c := range b.events[k] {
			if d == "" && c.date == "" || d != "" && c.date != "" && daysApart(d, c.date) <= mergeWindow {
				if id == "" || c.date == d {
					id = c.id
				}
			}
		}
		if id == "" {
			// The key and date are part of the id, so that a recoded
			// article's new event never takes the id of its old one,
			// which other reports may keep alive.
			id = eventID(art.id, e.ID+"\x00"+k+"\x00"+d)
			ev := e
			ev.ID = id
			topics := map[string]bool{}
			for _, t := range e.Topics {
				topics[t] = true
			}
			ev.Topics = sortedKeys(topics)
			created[id] = &ev
			order = append(order, id)
			b.addEvent(k, id, d)
			b.tally(id, d, at)
			body, _ := json.Marshal(ev)
			b.add(eventsHead, 14, id, mergeKey(ev), string(ev.Type), ev.QuadClass, ev.Goldstein, string(ev.Status), ev.Date.String(), art.id, art.url, string(body), 1, 1, string(ev.Source), string(ev.Target))
		} else {
			refresh[id] = true // a second report, of this article or another
			again = append(again, report{id: id, key: k, date: d, order: at})
		}
		body, _ := json.Marshal(e)
		place := ""
		if e.Location != nil {
			b, _ := json.Marshal(e.Location)
			place = string(b)
		}
		topics := strings.Join(e.Topics, topicSep)
		b.add(`INSERT INTO reports (event, article, local_id, outlet, date, published, body, location, topics) VALUES `, 9,
			id, art.seq, e.ID, art.outlet, d, art.published.String(), string(body), place, topics)
		counted = append(counted, storedReport{id, d, place, topics})
		// An event's row is queued before its reports': flushed early,
		// a report never comes before its event.
		if err := s.bound(ctx, tx, b); err != nil {
			return err
		}
	}
	b.countReports(art.outlet, counted, 1)
	var fresh []didar.Event
	for _, id := range order {
		if !refresh[id] {
			fresh = append(fresh, *created[id])
		}
	}
	if err := s.indexEvents(ctx, tx, b, fresh, art.countries); err != nil {
		return err
	}
	// The events reported again are refreshed once, when the batch is
	// flushed; until then, later merges see the date a refresh would
	// give them.
	for _, r := range again {
		if err := s.addReport(ctx, tx, b, r); err != nil {
			return err
		}
	}
	return nil
}

// eventsHead inserts events; flush runs it before the rows that
// reference them.
const eventsHead = `INSERT INTO events (id, merge_key, type, quad_class, goldstein, status, date, article, url, event, num_articles, num_sources, source, target) VALUES `

// fetchEvents reads into b the stored events that events may merge
// with, those of their keys not read before for their dates.
func (s *Store) fetchEvents(ctx context.Context, tx *sql.Tx, b *batch, events []didar.Event) error {
	var keys []any
	seen := map[string]bool{}
	lo, hi := "", ""
	for _, e := range events {
		k := mergeKey(e)
		a, z := "", ""
		if !e.Date.IsZero() {
			a, z = e.Date.AddDays(-mergeWindow).String(), e.Date.AddDays(mergeWindow).String()
		}
		if b.covered(k, a, z) {
			continue
		}
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
		if a != "" && (lo == "" || a < lo) {
			lo = a
		}
		if z > hi {
			hi = z
		}
	}
	for start := 0; start < len(keys); start += 500 {
		chunk := keys[start:min(len(keys), start+500)]
		r, err := s.query(ctx, tx, `SELECT id, merge_key, date FROM events WHERE merge_key IN (`+placeholders(len(chunk))+`)
		AND (date = '' OR date >= ? AND date <= ?) ORDER BY date, id`, append(chunk, lo, hi)...)
		if err != nil {
			return err
		}
		for r.Next() {
			var id, k, date string
			if err := r.Scan(&id, &k, &date); err != nil {
				r.Close()
				return err
			}
			b.addEvent(k, id, date)
		}
		r.Close()
		if err := r.Err(); err != nil {
			return err
		}
	}
	for _, k := range keys {
		b.fetched(k.(string), lo, hi)
	}
	return nil
}

// topicSep joins a report's topics in its topics column.
const topicSep = "\x1f"

// daysApart returns how many days lie between two ISO dates.
func daysApart(a, b string) int {
	da, err1 := didar.ParseDate(a)
	db, err2 := didar.ParseDate(b)
	if err1 != nil || err2 != nil {
		return 1 << 30
	}
	n := int(da.Time().Sub(db.Time()).Hours() / 24)
	if n < 0 {
		n = -n
	}
	return n
}

// rowsWith is rows with constant values appended to each row.
func rowsWith(n, m int, constants string) string {
	one := "(" + placeholders(m) + ", " + constants + ")"
	return strings.TrimSuffix(strings.Repeat(one+",", n), ",")
}

// indexEvents writes the participant and topic rows of merged events.
// known gives the countries of actors already known; the others are read
// from the actors table.
func (s *Store) indexEvents(ctx context.Context, tx *sql.Tx, b *batch, evs []didar.Event, known map[string]string) error {
	var missing []string
	for _, ev := range evs {
		for _, p := range participants(ev) {
			if _, ok := known[p]; !ok {
				missing = append(missing, p)
			}
		}
	}
	countries := known
	if len(missing) > 0 {
		sort.Strings(missing)
		// The actors table answers only once the queued actors are in.
		if err := s.flushActors(ctx, tx, b); err != nil {
			return err
		}
		found, err := s.countries(ctx, tx, slices.Compact(missing))
		if err != nil {
			return err
		}
		countries = map[string]string{}
		for k, v := range known {
			countries[k] = v
		}
		for k, v := range found {
			countries[k] = v
		}
	}
	var actorArgs, topicArgs, dyadArgs, pairArgs []any
	for _, ev := range evs {
		ps := participants(ev)
		for i, p := range ps {
			actorArgs = append(actorArgs, ev.ID, p, countries[p], ev.Date.String(), string(ev.Type))
			for _, q := range ps[i+1:] {
				if !ev.Date.IsZero() {
					pairArgs = append(pairArgs, ev.Date.String(), ev.ID, p, q)
				}
			}
		}
		for _, t := range ev.Topics {
			topicArgs = append(topicArgs, ev.ID, t)
		}
		for _, d := range dyads(ps, countries) {
			dyadArgs = append(dyadArgs, d[0], d[1], ev.Date.String(), ev.ID, ev.QuadClass, ev.Goldstein)
		}
	}
	for i := 0; i < len(actorArgs); i += 5 {
		b.add(`INSERT INTO event_actors (event, actor, country, date, type) VALUES `, 5, actorArgs[i:i+5]...)
	}
	for i := 0; i < len(dyadArgs); i += 6 {
		b.add(`INSERT INTO event_dyads (a, b, date, event, quad_class, goldstein) VALUES `, 6, dyadArgs[i:i+6]...)
	}
	for i := 0; i < len(pairArgs); i += 4 {
		b.add(`INSERT INTO event_pairs (date, event, a, b) VALUES `, 4, pairArgs[i:i+4]...)
	}
	for i := 0; i < len(topicArgs); i += 2 {
		b.add(`INSERT INTO event_topics (event, topic) VALUES `, 2, topicArgs[i:i+2]...)
	}
	return nil
}

// sides returns the values a dyad side matches an actor by: its id,
// unless that reads as a country code, and its country when known.
func sides(actor, country string) []string {
	var out []string
	if !countryCode.MatchString(actor) {
		out = append(out, actor)
	}
	if countryCode.MatchString(country) {
		out = append(out, country)
	}
	return out
}

// dyads returns the rows of event_dyads for an event's participants:
// every pair of sides of two different participants, the smaller first,
// each once.
func dyads(ps []string, countries map[string]string) [][2]string {
	var out [][2]string
	for i, p := range ps {
		for _, q := range ps[i+1:] {
			for _, x := range sides(p, countries[p]) {
				for _, y := range sides(q, countries[q]) {
					out = append(out, dyadKey(x, y))
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b [2]string) int {
		if c := strings.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return strings.Compare(a[1], b[1])
	})
	return slices.Compact(out)
}

// dyadKey orders the two sides of a dyad as event_dyads stores them.
func dyadKey(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// mode returns the most frequent key, preferring prefer on a tie and then
// the smallest key; "" counts only when nothing else does.
func mode(counts map[string]int, prefer string) string {
	best, n := "", 0
	for _, k := range sortedKeys(counts) {
		c := counts[k]
		if k == "" {
			continue
		}
		if c > n || c == n && k == prefer {
			best, n = k, c
		}
	}
	return best
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// participants returns every actor of an event once, source and target
// included.
func participants(e didar.Event) []string {
	p := slices.Clone(e.Participants)
	if e.Source != "" {
		p = append(p, string(e.Source))
	}
	if e.Target != "" {
		p = append(p, string(e.Target))
	}
	sort.Strings(p)
	p = slices.Compact(p)
	if len(p) > 0 && p[0] == "" {
		p = p[1:]
	}
	return p
}

// countries returns the country of each actor: its own code for a
// country, its country for anyone else, "" when unknown.
func (s *Store) countries(ctx context.Context, tx *sql.Tx, ids []string) (map[string]string, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	r, err := s.query(ctx, tx, `SELECT id, kind, country FROM actors WHERE id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	m := map[string]string{}
	for r.Next() {
		var id, kind, country string
		if err := r.Scan(&id, &kind, &country); err != nil {
			return nil, err
		}
		if kind == string(didar.KindCountry) && country == "" {
			country = id
		}
		m[id] = country
	}
	return m, r.Err()
}

var countryCode = regexp.MustCompile(`^[A-Z]{3}$`)

// via names the index rows a page of events is read through, in date
// order: none (the events table), a dyad's (event_dyads d) or an
// actor's (event_actors x).
type via int

const (
	viaEvents via = iota
	viaDyad
	viaActor
)

// eventWhere makes the conditions of a filter on events e. Read via a
// dyad's or an actor's rows, the side or the actor and the dates are
// conditions on those rows, which their index answers in date order.
func (s *Store) eventWhere(f didar.EventFilter, v via) (*where, error) {
	var w where
	date := "e.date"
	switch v {
	case viaDyad:
		w.add(`e.id = d.event`)
		date = "d.date"
	case viaActor:
		w.add(`e.id = x.event AND x.actor = ?`, f.Actor)
		date = "x.date"
	}
	if !f.From.IsZero() {
		w.add(date+` >= ?`, f.From.String())
	}
	if !f.To.IsZero() {
		w.add(date+` <> '' AND `+date+` <= ?`, f.To.String())
	}
	if f.Actor != "" && v != viaActor {
		w.add(`e.id IN (SELECT event FROM event_actors WHERE actor = ?)`, f.Actor)
	}
	if f.Country != "" {
		if !countryCode.MatchString(f.Country) {
			return nil, didar.Errorf(didar.EINVALID, "country %q: want an ISO 3166-1 alpha-3 code such as IRN", f.Country)
		}
		w.add(`e.id IN (SELECT event FROM event_actors WHERE country = ?)`, f.Country)
	}
	if f.Dyad[0] != "" || f.Dyad[1] != "" {
		if f.Dyad[0] == "" || f.Dyad[1] == "" {
			return nil, didar.Errorf(didar.EINVALID, "a dyad needs two sides")
		}
		if v == viaDyad {
			k := dyadKey(f.Dyad[0], f.Dyad[1])
			w.add(`d.a = ? AND d.b = ?`, k[0], k[1])
		} else {
			cond, args := dyadCond(f.Dyad[0], f.Dyad[1], f.From, f.To)
			w.add(cond, args...)
		}
	}
	if f.Type != "" {
		if _, err := didar.ParseEventType(string(f.Type)); err != nil {
			return nil, didar.Errorf(didar.EINVALID, "%v", err)
		}
		w.add(`e.type = ?`, string(f.Type))
	}
	if f.QuadClass != 0 {
		if f.QuadClass < 1 || f.QuadClass > 4 {
			return nil, didar.Errorf(didar.EINVALID, "quad class %d: want 1 to 4", f.QuadClass)
		}
		w.add(`e.quad_class = ?`, f.QuadClass)
	}
	if f.Status != "" {
		switch f.Status {
		case didar.StatusOccurred, didar.StatusPlanned, didar.StatusPastReference:
		default:
			return nil, didar.Errorf(didar.EINVALID, "status %q: want occurred, planned or past-reference", f.Status)
		}
		w.add(`e.status = ?`, string(f.Status))
	}
	if f.Topic != "" {
		w.add(`e.id IN (SELECT event FROM event_topics WHERE topic = ?)`, f.Topic)
	}
	if f.Outlet != "" {
		w.add(`e.id IN (SELECT event FROM reports WHERE outlet = ?)`, f.Outlet)
	}
	if terms := Terms(f.Q); len(terms) > 0 {
		cond, args := s.d.Search(terms)
		w.add(`e.id IN (SELECT r.event FROM reports r JOIN articles a ON a.seq = r.article WHERE `+cond+`)`, args...)
	}
	return &w, nil
}

// dyadCond holds for events with one participant on side a and another
// on side b. The date bounds are repeated inside so that the key of
// event_dyads narrows the search.
func dyadCond(a, b string, from, to didar.Date) (string, []any) {
	k := dyadKey(a, b)
	cond := `e.id IN (SELECT d.event FROM event_dyads d WHERE d.a = ? AND d.b = ?`
	args := []any{k[0], k[1]}
	if !from.IsZero() {
		cond += ` AND d.date >= ?`
		args = append(args, from.String())
	}
	if !to.IsZero() {
		cond += ` AND d.date <> '' AND d.date <= ?`
		args = append(args, to.String())
	}
	return cond + `)`, args
}

func orderBy(sort didar.EventSort) (string, error) {
	switch sort {
	case "", didar.SortDateDesc:
		return ` ORDER BY e.date DESC, e.id`, nil
	case didar.SortDateAsc:
		return ` ORDER BY e.date = '', e.date, e.id`, nil
	case didar.SortArticles:
		return ` ORDER BY e.num_articles DESC, e.date DESC, e.id`, nil
	case didar.SortGoldstein:
		return ` ORDER BY e.goldstein, e.date DESC, e.id`, nil
	}
	return "", didar.Errorf(didar.EINVALID, "sort %q: want date, -date, -articles or goldstein", sort)
}

const eventCols = `e.event, e.num_articles, e.num_sources, e.article, e.url`

func (s *Store) Events(ctx context.Context, f didar.EventFilter) (*didar.EventPage, error) {
	off, err := decodeCursor(f.Cursor)
	if err != nil {
		return nil, err
	}
	order, err := orderBy(f.Sort)
	if err != nil {
		return nil, err
	}
	// A dyad's or an actor's page, newest first, is read in order from
	// the key of event_dyads or the actor index of event_actors (each
	// holds an event once per pair or actor); CROSS JOIN keeps SQLite's
	// planner from starting at events and sorting.
	v, from := viaEvents, ` FROM events e`
	if f.Sort == "" || f.Sort == didar.SortDateDesc {
		switch {
		case f.Dyad[0] != "" && f.Dyad[1] != "":
			v, from, order = viaDyad, ` FROM event_dyads d CROSS JOIN events e`, ` ORDER BY d.date DESC, d.event`
		case f.Actor != "":
			v, from, order = viaActor, ` FROM event_actors x CROSS JOIN events e`, ` ORDER BY x.date DESC, x.event`
		}
	}
	w, err := s.eventWhere(f, v)
	if err != nil {
		return nil, err
	}
	n := limit(f.Limit)
	list, err := s.events(ctx, `SELECT `+eventCols+from+w.String()+order+` LIMIT ? OFFSET ?`, append(w.args, n+1, off)...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	page := &didar.EventPage{Events: list}
	if len(list) > n {
		page.Events = list[:n]
		page.Next = encodeCursor(off + n)
	}
	return page, nil
}

func (s *Store) events(ctx context.Context, query string, args ...any) ([]didar.StoredEvent, error) {
	// Prepared once: a page of a busy endpoint should not pay for
	// parsing and planning each time.
	r, err := s.read(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	list := []didar.StoredEvent{}
	for r.Next() {
		var e didar.StoredEvent
		var body string
		if err := r.Scan(&body, &e.NumArticles, &e.NumSources, &e.ArticleID, &e.URL); err != nil {
			r.Close()
			return nil, err
		}
		if err := json.Unmarshal([]byte(body), &e.Event); err != nil {
			r.Close()
			return nil, err
		}
		list = append(list, e)
	}
	r.Close()
	if err := r.Err(); err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range list {
		ids = append(ids, participants(e.Event)...)
	}
	refs, err := s.refs(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range list {
		list[i].Actors = []didar.ActorRef{}
		for _, p := range participants(list[i].Event) {
			list[i].Actors = append(list[i].Actors, refs[p])
		}
	}
	if err := s.markEvents(ctx, list); err != nil {
		return nil, fmt.Errorf("event marks: %w", err)
	}
	return list, nil
}

// refs looks up the names of actors; an unknown id gets a reference with
// only its id.
func (s *Store) refs(ctx context.Context, ids []string) (map[string]didar.ActorRef, error) {
	sort.Strings(ids)
	ids = slices.Compact(ids)
	m := make(map[string]didar.ActorRef, len(ids))
	for _, id := range ids {
		m[id] = didar.ActorRef{ID: id}
	}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(len(ids), start+500)]
		// The list is padded to a power of two with its first id, so
		// that a few prepared statements serve every length.
		n := 1
		for n < len(chunk) {
			n *= 2
		}
		args := make([]any, n)
		for i := range args {
			args[i] = chunk[0]
		}
		for i, id := range chunk {
			args[i] = id
		}
		r, err := s.read(ctx, `SELECT id, kind, name_fa, name_en, country, sector FROM actors WHERE id IN (`+placeholders(n)+`)`, args...)
		if err != nil {
			return nil, err
		}
		for r.Next() {
			var a didar.ActorRef
			if err := r.Scan(&a.ID, (*string)(&a.Kind), &a.NameFA, &a.NameEN, &a.Country, &a.Sector); err != nil {
				r.Close()
				return nil, err
			}
			if a.Kind == didar.KindCountry && a.Country == "" {
				a.Country = a.ID
			}
			m[a.ID] = a
		}
		r.Close()
		if err := r.Err(); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func (s *Store) Event(ctx context.Context, id string) (*didar.EventDetail, error) {
	list, err := s.events(ctx, `SELECT `+eventCols+` FROM events e WHERE e.id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("event %q: %w", id, err)
	}
	if len(list) == 0 {
		return nil, notFound("event", id)
	}
	d := &didar.EventDetail{StoredEvent: list[0], Reports: []didar.Report{}}
	r, err := s.db.QueryContext(ctx, s.q(`SELECT r.body, r.local_id, a.id, a.title, r.outlet, a.url, a.published FROM reports r JOIN articles a ON a.seq = r.article
		WHERE r.event = ? ORDER BY r.published = '', r.published, r.article, r.local_id`), id)
	if err != nil {
		return nil, fmt.Errorf("event %q: %w", id, err)
	}
	defer r.Close()
	for r.Next() {
		var body, published string
		var rep didar.Report
		if err := r.Scan(&body, &rep.LocalID, &rep.ArticleID, &rep.Title, &rep.Outlet, &rep.URL, &published); err != nil {
			return nil, fmt.Errorf("event %q: %w", id, err)
		}
		var e didar.Event
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			return nil, fmt.Errorf("event %q: %w", id, err)
		}
		rep.Published, _ = didar.ParseDate(published)
		rep.Date, rep.Status, rep.Location, rep.Evidence, rep.Confidence = e.Date, e.Status, e.Location, e.Evidence, e.Confidence
		rep.Corrections, rep.Checked = e.Corrections, e.Checked
		d.Reports = append(d.Reports, rep)
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("event %q: %w", id, err)
	}
	return d, nil
}

func (s *Store) Dyad(ctx context.Context, f didar.DyadFilter) (*didar.DyadSeries, error) {
	if f.A == "" || f.B == "" {
		return nil, didar.Errorf(didar.EINVALID, "a dyad needs two sides")
	}
	return remember(ctx, s, fmt.Sprintf("dyad %q %q %s %s", f.A, f.B, f.From, f.To), func() (*didar.DyadSeries, error) { return s.dyad(ctx, f) },
		func(d *didar.DyadSeries) *didar.DyadSeries {
			c := *d
			c.Months = slices.Clone(d.Months)
			return &c
		})
}

func (s *Store) dyad(ctx context.Context, f didar.DyadFilter) (*didar.DyadSeries, error) {
	k := dyadKey(f.A, f.B)
	// Whole months come from the counts of migration 014; the months of
	// the period's two ends, which it may take only part of, from the
	// pair's rows of event_dyads. A date's month is its first seven
	// characters, and a month after the first one's (before the last
	// one's) holds only dates after the period's start (before its end).
	from, to := f.From.String(), f.To.String()
	months := where{}
	months.add(`a = ? AND b = ? AND n > 0`, k[0], k[1])
	var edges []didar.Date
	if !f.From.IsZero() {
		months.add(`month > ?`, monthOf(f.From))
		edges = append(edges, f.From)
	}
	if !f.To.IsZero() {
		months.add(`month < ?`, monthOf(f.To))
		if len(edges) == 0 || monthOf(edges[0]) != monthOf(f.To) {
			edges = append(edges, f.To)
		}
	}
	query := `SELECT month, quad_class, n, goldstein10 / 10.0 FROM dyad_months` + months.String()
	args := months.args
	for _, d := range edges {
		w := where{}
		next := didar.Date{Year: d.Year, Month: d.Month, Day: 1}.AddDays(31)
		w.add(`a = ? AND b = ? AND date >= ? AND date < ?`, k[0], k[1], monthOf(d), monthOf(next))
		if !f.From.IsZero() {
			w.add(`date >= ?`, from)
		}
		if !f.To.IsZero() {
			w.add(`date <= ?`, to)
		}
		query += ` UNION ALL SELECT substr(date, 1, 7), quad_class, count(*), sum(goldstein) FROM event_dyads` + w.String() + ` GROUP BY substr(date, 1, 7), quad_class`
		args = append(args, w.args...)
	}
	r, err := s.read(ctx, `SELECT * FROM (`+query+`) m ORDER BY 1, 2`, args...)
	if err != nil {
		return nil, fmt.Errorf("dyad: %w", err)
	}
	defer r.Close()
	series := &didar.DyadSeries{A: f.A, B: f.B, Months: []didar.DyadMonth{}}
	for r.Next() {
		var month string
		var qc, n int
		var g float64
		if err := r.Scan(&month, &qc, &n, &g); err != nil {
			return nil, fmt.Errorf("dyad: %w", err)
		}
		if len(series.Months) == 0 || series.Months[len(series.Months)-1].Month != month {
			series.Months = append(series.Months, didar.DyadMonth{Month: month})
		}
		m := &series.Months[len(series.Months)-1]
		m.Events += n
		m.Goldstein += g
		if qc >= 1 && qc <= 4 {
			m.QuadClass[qc-1] += n
		}
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("dyad: %w", err)
	}
	for i := range series.Months {
		// Sums of one-decimal scores, in tenths as they are kept.
		series.Months[i].Goldstein = math.Round(series.Months[i].Goldstein*10) / 10
	}
	return series, nil
}

// monthOf is the month key of a date, as dyad_months keeps it.
func monthOf(d didar.Date) string { return d.String()[:7] }

func (s *Store) Network(ctx context.Context, f didar.EventFilter) (*didar.Network, error) {
	return remember(ctx, s, fmt.Sprintf("network %#v", f), func() (*didar.Network, error) { return s.network(ctx, f) },
		func(n *didar.Network) *didar.Network {
			return &didar.Network{Nodes: slices.Clone(n.Nodes), Edges: slices.Clone(n.Edges)}
		})
}

func (s *Store) network(ctx context.Context, f didar.EventFilter) (*didar.Network, error) {
	w, err := s.eventWhere(f, viaEvents)
	if err != nil {
		return nil, err
	}
	// The ties come from columns and participant rows: decoding 5,000
	// stored events cost ten times as much.
	r, err := s.read(ctx, `SELECT l.id, l.type, l.goldstein, l.source, l.target, x.actor
		FROM (SELECT e.id, e.type, e.goldstein, e.source, e.target FROM events e`+w.String()+` ORDER BY e.date DESC, e.id LIMIT ?) l
		JOIN event_actors x ON x.event = l.id`, append(w.args, didar.NetworkEvents)...)
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	ties := map[string]*didar.Event{}
	var order []string // the sums below add in one order every time
	for r.Next() {
		var id, actor string
		var e didar.Event
		if err := r.Scan(&id, (*string)(&e.Type), &e.Goldstein, (*string)(&e.Source), (*string)(&e.Target), &actor); err != nil {
			r.Close()
			return nil, fmt.Errorf("network: %w", err)
		}
		if ties[id] == nil {
			ties[id] = &e
			order = append(order, id)
		}
		ties[id].Participants = append(ties[id].Participants, actor)
	}
	r.Close()
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	type edgeKey struct {
		a, b string
		t    didar.EventType
	}
	edges := map[edgeKey]*didar.NetworkEdge{}
	events := map[string]int{}
	for _, id := range order {
		e := ties[id]
		for _, p := range participants(*e) {
			events[p]++
		}
		for _, pair := range pairs(*e) {
			k := edgeKey{pair[0], pair[1], e.Type}
			if edges[k] == nil {
				edges[k] = &didar.NetworkEdge{Source: pair[0], Target: pair[1], Type: e.Type}
			}
			edges[k].Weight++
			edges[k].Goldstein += e.Goldstein
		}
	}
	net := &didar.Network{Nodes: []didar.NetworkNode{}, Edges: []didar.NetworkEdge{}}
	for _, e := range edges {
		e.Goldstein = math.Round(e.Goldstein*10) / 10 // scores have one decimal
		net.Edges = append(net.Edges, *e)
	}
	sort.Slice(net.Edges, func(i, j int) bool {
		a, b := net.Edges[i], net.Edges[j]
		if a.Weight != b.Weight {
			return a.Weight > b.Weight
		}
		return a.Source+a.Target+string(a.Type) < b.Source+b.Target+string(b.Type)
	})
	if f.Limit > 0 && len(net.Edges) > f.Limit {
		net.Edges = net.Edges[:f.Limit]
	}
	used := map[string]bool{}
	for _, e := range net.Edges {
		used[e.Source], used[e.Target] = true, true
	}
	refs, err := s.refs(ctx, sortedKeys(used))
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	for _, id := range sortedKeys(used) {
		net.Nodes = append(net.Nodes, didar.NetworkNode{ActorRef: refs[id], Events: events[id]})
	}
	return net, nil
}

// pairs returns the edges an event makes: source to target for a
// directed event; every pair of participants, in sorted order, for a
// symmetric one (or a directed one missing a side).
func pairs(e didar.Event) [][2]string {
	if e.Source != "" && e.Target != "" && e.Source != e.Target {
		return [][2]string{{string(e.Source), string(e.Target)}}
	}
	p := participants(e)
	var out [][2]string
	for i := range p {
		for j := i + 1; j < len(p); j++ {
			out = append(out, [2]string{p[i], p[j]})
		}
	}
	return out
}

func (s *Store) Stats(ctx context.Context, f didar.StatsFilter) (*didar.Stats, error) {
	if f.From.IsZero() && f.To.IsZero() {
		return s.stats(ctx, f) // from kept counts: cheap
	}
	return remember(ctx, s, "stats "+f.From.String()+" "+f.To.String(), func() (*didar.Stats, error) { return s.stats(ctx, f) },
		func(st *didar.Stats) *didar.Stats {
			c := *st
			c.ByType, c.TopDyads, c.Recent = slices.Clone(st.ByType), slices.Clone(st.TopDyads), slices.Clone(st.Recent)
			return &c
		})
}

func (s *Store) stats(ctx context.Context, f didar.StatsFilter) (*didar.Stats, error) {
	st := &didar.Stats{ByType: []didar.TypeCount{}, TopDyads: []didar.DyadCount{}}
	var ids []string
	var err error
	if f.From.IsZero() && f.To.IsZero() {
		ids, err = s.countedStats(ctx, st)
	} else {
		ids, err = s.countStats(ctx, st, f)
	}
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	refs, err := s.refs(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	for i := range st.TopDyads {
		st.TopDyads[i].A, st.TopDyads[i].B = refs[st.TopDyads[i].A.ID], refs[st.TopDyads[i].B.ID]
	}
	page, err := s.Events(ctx, didar.EventFilter{From: f.From, To: f.To, Limit: 10})
	if err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	st.Recent = page.Events
	return st, nil
}

// countedStats reads the whole corpus's counts from the rows the
// triggers of migration 010 keep, and returns the ids of the top dyads.
func (s *Store) countedStats(ctx context.Context, st *didar.Stats) ([]string, error) {
	r, err := s.read(ctx, `SELECT kind, key, n FROM overview_counts WHERE n > 0 ORDER BY n DESC, key`)
	if err != nil {
		return nil, err
	}
	for r.Next() {
		var kind, key string
		var n int
		if err := r.Scan(&kind, &key, &n); err != nil {
			r.Close()
			return nil, err
		}
		switch {
		case kind == "type":
			st.ByType = append(st.ByType, didar.TypeCount{Type: didar.EventType(key), Count: n})
			st.Events += n
		case key == "articles":
			st.Articles = n
		case key == "outlets":
			st.Outlets = n
		case key == "stories":
			st.Stories = n
		case key == "actors":
			st.Actors = n
		}
	}
	r.Close()
	if err := r.Err(); err != nil {
		return nil, err
	}
	r, err = s.read(ctx, `SELECT a, b, n FROM dyad_counts ORDER BY n DESC, a, b LIMIT 10`)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var ids []string
	for r.Next() {
		var d didar.DyadCount
		if err := r.Scan(&d.A.ID, &d.B.ID, &d.Events); err != nil {
			return nil, err
		}
		if d.Events > 0 {
			st.TopDyads = append(st.TopDyads, d)
			ids = append(ids, d.A.ID, d.B.ID)
		}
	}
	return ids, r.Err()
}

// countStats sums the articles and events of a period's days from the
// rows the triggers of migration 011 keep,
// and returns the ids of its top dyads.
func (s *Store) countStats(ctx context.Context, st *didar.Stats, f didar.StatsFilter) ([]string, error) {
	// Days are never '', and no day is before the lowest date.
	from, to := f.From.String(), f.To.String()
	if f.From.IsZero() {
		from = "0000"
	}
	if f.To.IsZero() {
		to = "9999-99-99"
	}
	r, err := s.read(ctx, `SELECT d.kind, d.key, CAST(sum(d.n) AS BIGINT) FROM day_counts d
		WHERE d.kind IN ('articles', 'type') AND d.day BETWEEN ? AND ? GROUP BY d.kind, d.key HAVING sum(d.n) > 0 ORDER BY 3 DESC, 2`, from, to)
	if err != nil {
		return nil, err
	}
	for r.Next() {
		var kind, key string
		var n int
		if err := r.Scan(&kind, &key, &n); err != nil {
			r.Close()
			return nil, err
		}
		if kind == "articles" {
			st.Articles = n
			continue
		}
		st.ByType = append(st.ByType, didar.TypeCount{Type: didar.EventType(key), Count: n})
		st.Events += n
	}
	r.Close()
	if err := r.Err(); err != nil {
		return nil, err
	}
	// A story is counted on its first day in the period: the one whose
	// day before (or '' for none) comes before the period.
	err = s.readRow(ctx, `SELECT (SELECT count(DISTINCT key) FROM day_counts WHERE kind = 'outlet' AND day BETWEEN ? AND ?),
		(SELECT count(*) FROM story_days WHERE day BETWEEN ? AND ? AND prev < ?),
		(SELECT n FROM overview_counts WHERE kind = 'total' AND key = 'actors')`, from, to, from, to, from).Scan(&st.Outlets, &st.Stories, &st.Actors)
	if err != nil {
		return nil, err
	}
	// The top dyads of a period are counted over its latest
	// NetworkEvents pairs of participants, read newest first from the
	// key of event_pairs: over every pair of a long period the count
	// costs seconds at 100,000 articles.
	r, err = s.read(ctx, `SELECT a, b, count(*) FROM (SELECT a, b FROM event_pairs WHERE date >= ? AND date <= ?
		ORDER BY date DESC, event DESC, a DESC, b DESC LIMIT ?) l GROUP BY a, b ORDER BY 3 DESC, 1, 2 LIMIT 10`, from, to, didar.NetworkEvents)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var ids []string
	for r.Next() {
		var d didar.DyadCount
		if err := r.Scan(&d.A.ID, &d.B.ID, &d.Events); err != nil {
			return nil, err
		}
		st.TopDyads = append(st.TopDyads, d)
		ids = append(ids, d.A.ID, d.B.ID)
	}
	return ids, r.Err()
}
