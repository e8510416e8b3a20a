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

// rankOrder is rank as SQL over reports.
const rankOrder = `published = '', published, article, local_id`

// tally is what a batch knows of the reports of an event it reports
// again: enough to date it as the refresh at the end of the batch will.
type tally struct {
	dates     map[string]int
	first     rank
	firstDate string
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

// addReport counts a second report of an event, reading the stored
// reports the first time the batch sees it, marks the event for the
// refresh and moves it to its new date: an event is refreshed once a
// batch, however many of its articles report it.
func (s *Store) addReport(ctx context.Context, tx *sql.Tx, b *batch, r report) error {
	t := b.tallies[r.id]
	if t == nil {
		var err error
		if t, err = s.readTally(ctx, tx, r.id); err != nil {
			return fmt.Errorf("reports of %s: %w", r.id, err)
		}
		if b.tallies == nil {
			b.tallies = map[string]*tally{}
		}
		b.tallies[r.id] = t
	}
	t.dates[r.date]++
	if r.order.before(t.first) {
		t.first, t.firstDate = r.order, r.date
	}
	date := mode(t.dates, t.firstDate)
	b.moveEvent(r.key, r.id, &date)
	if b.dirty == nil {
		b.dirty = map[string]bool{}
	}
	b.dirty[r.id] = true
	return nil
}

// readTally reads the tally of a stored event: its reports were all
// stored before the batch, since the batch tallies those it adds.
func (s *Store) readTally(ctx context.Context, tx *sql.Tx, id string) (*tally, error) {
	r, err := s.query(ctx, tx, `SELECT date, count(*) AS n, '' AS published, 0 AS article, '' AS local_id FROM reports WHERE event = ? GROUP BY date
		UNION ALL SELECT * FROM (SELECT date, -1, published, article, local_id FROM reports WHERE event = ? ORDER BY `+rankOrder+` LIMIT 1) f`, id, id)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	t := &tally{dates: map[string]int{}}
	for r.Next() {
		var date string
		var n int
		var first rank
		if err := r.Scan(&date, &n, &first.published, &first.seq, &first.local); err != nil {
			return nil, err
		}
		if n < 0 {
			t.first, t.firstDate = first, date
		} else {
			t.dates[date] = n
		}
	}
	return t, r.Err()
}

// sums are the aggregates of an event's reports that a refresh needs.
type sums struct {
	dates, places      map[string]int
	topics             map[string]bool
	articles, sources  int
	body, article, url string // of the first report
}

// readSums reads the sums of events from their reports, one statement
// for them all whatever the number of reports.
func (s *Store) readSums(ctx context.Context, tx *sql.Tx, ids []string) (map[string]*sums, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	// An unknown outlet counts as its own source, one per article.
	r, err := tx.QueryContext(ctx, s.q(`WITH r AS (SELECT event, article, outlet, date, location, topics, published, local_id FROM reports WHERE event IN (`+placeholders(len(ids))+`))
		SELECT event, 'd', date, count(*), '', '' FROM r GROUP BY event, date
		UNION ALL SELECT event, 'l', location, count(*), '', '' FROM r WHERE location <> '' GROUP BY event, location
		UNION ALL SELECT event, 't', topics, 0, '', '' FROM r WHERE topics <> '' GROUP BY event, topics
		UNION ALL SELECT event, 'a', '', count(DISTINCT article), '', '' FROM r GROUP BY event
		UNION ALL SELECT event, 's', '', count(DISTINCT outlet), '', '' FROM r WHERE outlet <> '' GROUP BY event
		UNION ALL SELECT event, 's', '', count(DISTINCT article), '', '' FROM r WHERE outlet = '' GROUP BY event
		UNION ALL SELECT f.event, 'f', rep.body, 0, a.id, a.url FROM
			(SELECT event, article, local_id, row_number() OVER (PARTITION BY event ORDER BY `+rankOrder+`) AS n FROM r) f
			JOIN reports rep ON rep.article = f.article AND rep.local_id = f.local_id
			JOIN articles a ON a.seq = f.article WHERE f.n = 1`), args...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	out := map[string]*sums{}
	for r.Next() {
		var id, kind, value, article, url string
		var n int
		if err := r.Scan(&id, &kind, &value, &n, &article, &url); err != nil {
			return nil, err
		}
		m := out[id]
		if m == nil {
			m = &sums{dates: map[string]int{}, places: map[string]int{}, topics: map[string]bool{}}
			out[id] = m
		}
		switch kind {
		case "d":
			m.dates[value] = n
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
		case "s":
			m.sources += n
		case "f":
			m.body, m.article, m.url = value, article, url
		}
	}
	return out, r.Err()
}

// refreshEvents recomputes merged events from their reports: the
// counts, the best-supported date and location, and the index rows.
// An event left without reports is deleted.
func (s *Store) refreshEvents(ctx context.Context, tx *sql.Tx, b *batch, ids []string) error {
	// It reads the events' reports and replaces their index rows: those
	// queued must be in first.
	if err := s.flushQueued(ctx, tx, b); err != nil {
		return err
	}
	const chunk = 200
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(len(ids), start+chunk)]
		all, err := s.readSums(ctx, tx, part)
		if err != nil {
			return fmt.Errorf("read reports: %w", err)
		}
		args := make([]any, len(part))
		var gone []any
		for i, id := range part {
			args[i] = id
			if all[id] == nil {
				gone = append(gone, id)
			}
		}
		for _, table := range []string{"event_actors", "event_topics", "event_dyads"} {
			if _, err := s.exec(ctx, tx, `DELETE FROM `+table+` WHERE event IN (`+placeholders(len(args))+`)`, args...); err != nil {
				return err
			}
		}
		if len(gone) > 0 {
			if _, err := s.exec(ctx, tx, `DELETE FROM events WHERE id IN (`+placeholders(len(gone))+`)`, gone...); err != nil {
				return err
			}
			for _, id := range gone {
				for k := range b.events {
					b.moveEvent(k, id.(string), nil)
				}
			}
		}
		var evs []didar.Event
		for _, id := range part {
			m := all[id]
			if m == nil {
				continue
			}
			var ev didar.Event
			if err := json.Unmarshal([]byte(m.body), &ev); err != nil {
				return fmt.Errorf("report of %s: %w", id, err)
			}
			ev.ID = id
			if d := mode(m.dates, ev.Date.String()); d != "" {
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
			_, err = s.exec(ctx, tx, `UPDATE events SET type = ?, quad_class = ?, goldstein = ?, status = ?, date = ?, num_articles = ?, num_sources = ?, article = ?, url = ?, event = ? WHERE id = ?`,
				string(ev.Type), ev.QuadClass, ev.Goldstein, string(ev.Status), date, m.articles, m.sources, m.article, m.url, string(body), id)
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
