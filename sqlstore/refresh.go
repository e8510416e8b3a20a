package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/didar-news/didar"
)

// rank orders the reports of an event as a refresh reads them: those of
// dated articles first, by date, then by article and local id. The
// first report gives the merged event its body and wins a tie of dates.
type rank struct {
	published string
	seq       int64
	local     string
}

func (r rank) before(o rank) bool {
	if (r.published == "") != (o.published == "") {
		return r.published != ""
	}
	if r.published != o.published {
		return r.published < o.published
	}
	if r.seq != o.seq {
		return r.seq < o.seq
	}
	return r.local < o.local
}

// tally is what a batch knows of the reports of an event it reports
// again: enough to date it as the refresh at the end of the batch will.
type tally struct {
	dates     map[string]int
	first     rank
	firstDate string
	none      bool // no report left (after a recode)
}

// report is a report of an event already stored or created by the batch.
type report struct {
	id, key, date string
	order         rank
}

// tally starts the tally of an event the batch created.
func (b *batch) tally(id, date string, r rank) {
	if b.tallies == nil {
		b.tallies = map[string]*tally{}
	}
	b.tallies[id] = &tally{dates: map[string]int{date: 1}, first: r, firstDate: date}
}

// count queues a change of an event_tallies row.
func (b *batch) count(event, kind, value string, n int) {
	if b.counts == nil {
		b.counts = map[[3]string]int{}
	}
	b.counts[[3]string{event, kind, value}] += n
}

// countReports queues the tally rows of one article's reports, n = 1 for
// reports added, -1 for reports removed.
func (b *batch) countReports(outlet string, reps []storedReport, n int) {
	seen := map[string]bool{}
	for _, r := range reps {
		b.count(r.event, "d", r.date, n)
		if r.place != "" {
			b.count(r.event, "l", r.place, n)
		}
		if r.topics != "" {
			b.count(r.event, "t", r.topics, n)
		}
		if seen[r.event] {
			continue
		}
		seen[r.event] = true
		b.count(r.event, "a", "", n)
		if outlet != "" {
			b.count(r.event, "o", outlet, n)
		} else {
			b.count(r.event, "u", "", n)
		}
	}
}

// storedReport is what the tallies count of a report.
type storedReport struct{ event, date, place, topics string }

// flushCounts applies the queued tally changes.
func (s *Store) flushCounts(ctx context.Context, tx *sql.Tx, b *batch) error {
	var args []any
	for k, n := range b.counts {
		if n != 0 {
			args = append(args, k[0], k[1], k[2], n)
		}
	}
	b.counts = nil
	for start := 0; start < len(args); start += 4 * flushRows {
		part := args[start:min(len(args), start+4*flushRows)]
		_, err := s.exec(ctx, tx, `INSERT INTO event_tallies (event, kind, value, n) VALUES `+rows(len(part)/4, 4)+`
			ON CONFLICT (event, kind, value) DO UPDATE SET n = event_tallies.n + excluded.n`, part...)
		if err != nil {
			return fmt.Errorf("save event tallies: %w", err)
		}
	}
	return nil
}

// addReport counts a second report of an event, reading the stored
// tally the first time the batch sees it, marks the event for the
// refresh and moves it to its new date: an event is refreshed once a
// batch, however many of its articles report it.
func (s *Store) addReport(ctx context.Context, tx *sql.Tx, b *batch, r report) error {
	t, err := s.tallyOf(ctx, tx, b, r.id)
	if err != nil {
		return err
	}
	t.dates[r.date]++
	if t.none || r.order.before(t.first) {
		t.first, t.firstDate, t.none = r.order, r.date, false
	}
	date := mode(t.dates, t.firstDate)
	b.moveEvent(r.key, r.id, &date)
	if b.dirty == nil {
		b.dirty = map[string]bool{}
	}
	b.dirty[r.id] = true
	return nil
}

// tallyOf returns the tally of an event, read from the store the first
// time: what the batch adds is counted in memory as it goes.
func (s *Store) tallyOf(ctx context.Context, tx *sql.Tx, b *batch, id string) (*tally, error) {
	if t := b.tallies[id]; t != nil {
		return t, nil
	}
	r, err := s.query(ctx, tx, `SELECT value, n, '' AS published, 0 AS article, '' AS local_id FROM event_tallies WHERE event = ? AND kind = 'd' AND n > 0
		UNION ALL SELECT * FROM (SELECT date, -1, published, article, local_id FROM reports WHERE event = ? AND published <> '' ORDER BY published, article, local_id LIMIT 1) f
		UNION ALL SELECT * FROM (SELECT date, -2, published, article, local_id FROM reports WHERE event = ? AND published = '' ORDER BY article, local_id LIMIT 1) g`, id, id, id)
	if err != nil {
		return nil, fmt.Errorf("tally of %s: %w", id, err)
	}
	defer r.Close()
	t := &tally{dates: map[string]int{}, none: true}
	for r.Next() {
		var date string
		var n int
		var first rank
		if err := r.Scan(&date, &n, &first.published, &first.seq, &first.local); err != nil {
			return nil, fmt.Errorf("tally of %s: %w", id, err)
		}
		switch {
		case n >= 0:
			t.dates[date] = n
		case t.none: // the dated first report comes before the undated
			t.first, t.firstDate, t.none = first, date, false
		}
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("tally of %s: %w", id, err)
	}
	if b.tallies == nil {
		b.tallies = map[string]*tally{}
	}
	b.tallies[id] = t
	return t, nil
}

// sums are the aggregates of an event's reports that a refresh needs.
type sums struct {
	places            map[string]int
	topics            map[string]bool
	articles, sources int
}

// readSums reads the sums of events from their tallies.
func (s *Store) readSums(ctx context.Context, tx *sql.Tx, ids []string) (map[string]*sums, error) {
	r, err := tx.QueryContext(ctx, s.q(`SELECT event, kind, value, n FROM event_tallies
		WHERE event IN (`+placeholders(len(ids))+`) AND kind <> 'd' AND n > 0`), anys(ids)...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out := map[string]*sums{}
	for r.Next() {
		var id, kind, value string
		var n int
		if err := r.Scan(&id, &kind, &value, &n); err != nil {
			return nil, err
		}
		m := out[id]
		if m == nil {
			m = &sums{places: map[string]int{}, topics: map[string]bool{}}
			out[id] = m
		}
		switch kind {
		case "l":
			m.places[value] = n
		case "t":
			for _, t := range strings.Split(value, topicSep) {
				if t != "" {
					m.topics[t] = true
				}
			}
		case "a":
			m.articles = n
		case "o":
			m.sources++
		case "u": // an unknown outlet counts as its own source
			m.sources += n
		}
	}
	return out, r.Err()
}

// firstReport is what a merged event takes from its first report.
type firstReport struct{ body, article, url string }

// readFirsts reads the first reports of events by their ranks.
func (s *Store) readFirsts(ctx context.Context, tx *sql.Tx, firsts map[string]rank) (map[string]firstReport, error) {
	out := map[string]firstReport{}
	if len(firsts) == 0 {
		return out, nil
	}
	var conds []string
	var args []any
	for _, f := range firsts {
		conds = append(conds, `(r.article = ? AND r.local_id = ?)`)
		args = append(args, f.seq, f.local)
	}
	r, err := tx.QueryContext(ctx, s.q(`SELECT r.event, r.body, a.id, a.url FROM reports r JOIN articles a ON a.seq = r.article
		WHERE `+strings.Join(conds, " OR ")), args...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	for r.Next() {
		var id string
		var f firstReport
		if err := r.Scan(&id, &f.body, &f.article, &f.url); err != nil {
			return nil, err
		}
		out[id] = f
	}
	return out, r.Err()
}

// refreshEvents recomputes merged events from the tallies of their
// reports: the counts, the best-supported date and location, and the
// index rows. An event left without reports is deleted.
func (s *Store) refreshEvents(ctx context.Context, tx *sql.Tx, b *batch, ids []string) error {
	// It reads the events' tallies and first reports and replaces their
	// index rows: those queued must be in first.
	if err := s.flushQueued(ctx, tx, b); err != nil {
		return err
	}
	const chunk = 200
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(len(ids), start+chunk)]
		firsts := map[string]rank{}
		var gone []string
		for _, id := range part {
			t, err := s.tallyOf(ctx, tx, b, id)
			if err != nil {
				return err
			}
			if t.none {
				gone = append(gone, id)
			} else {
				firsts[id] = t.first
			}
		}
		all, err := s.readSums(ctx, tx, part)
		if err != nil {
			return fmt.Errorf("read tallies: %w", err)
		}
		heads, err := s.readFirsts(ctx, tx, firsts)
		if err != nil {
			return fmt.Errorf("read first reports: %w", err)
		}
		for _, table := range []string{"event_actors", "event_topics", "event_dyads", "event_pairs"} {
			if _, err := s.exec(ctx, tx, `DELETE FROM `+table+` WHERE event IN (`+placeholders(len(part))+`)`, anys(part)...); err != nil {
				return err
			}
		}
		if len(gone) > 0 {
			if _, err := s.exec(ctx, tx, `DELETE FROM events WHERE id IN (`+placeholders(len(gone))+`)`, anys(gone)...); err != nil {
				return err
			}
			if _, err := s.exec(ctx, tx, `DELETE FROM event_tallies WHERE event IN (`+placeholders(len(gone))+`)`, anys(gone)...); err != nil {
				return err
			}
			for _, id := range gone {
				for k := range b.events {
					b.moveEvent(k, id, nil)
				}
				delete(b.tallies, id)
			}
		}
		var evs []didar.Event
		for _, id := range part {
			if _, ok := firsts[id]; !ok {
				continue // gone
			}
			head, t, m := heads[id], b.tallies[id], all[id]
			if head.body == "" || m == nil {
				return fmt.Errorf("event %s: its tallies disagree with its reports", id)
			}
			var ev didar.Event
			if err := json.Unmarshal([]byte(head.body), &ev); err != nil {
				return fmt.Errorf("report of %s: %w", id, err)
			}
			ev.ID = id
			if d := mode(t.dates, t.firstDate); d != "" {
				ev.Date, _ = didar.ParseDate(d)
			}
			if loc := mode(m.places, ""); loc != "" {
				ev.Location = new(didar.Location)
				json.Unmarshal([]byte(loc), ev.Location)
			}
			ev.Topics = sortedKeys(m.topics)
			// Later merges of the batch see the event's new date.
			date := ev.Date.String()
			b.moveEvent(mergeKey(ev), id, &date)
			body, _ := json.Marshal(ev)
			_, err = s.exec(ctx, tx, `UPDATE events SET type = ?, quad_class = ?, goldstein = ?, status = ?, date = ?, num_articles = ?, num_sources = ?, article = ?, url = ?, event = ?, source = ?, target = ? WHERE id = ?`,
				string(ev.Type), ev.QuadClass, ev.Goldstein, string(ev.Status), date, m.articles, m.sources, head.article, head.url, string(body), string(ev.Source), string(ev.Target), id)
			if err != nil {
				return err
			}
			evs = append(evs, ev)
		}
		if err := s.indexEvents(ctx, tx, b, evs, nil); err != nil {
			return err
		}
	}
	return nil
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
