package sqlstore_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/sqlite"
	"github.com/didar-news/didar/sqlstore"
	"github.com/didar-news/didar/storetest"
)

// recount is event_tallies computed afresh from the reports, as the
// migration that made the table fills it.
const recount = `SELECT event, 'd', date, count(*) FROM reports GROUP BY event, date
	UNION ALL SELECT event, 'l', location, count(*) FROM reports WHERE location <> '' GROUP BY event, location
	UNION ALL SELECT event, 't', topics, count(*) FROM reports WHERE topics <> '' GROUP BY event, topics
	UNION ALL SELECT event, 'a', '', count(DISTINCT article) FROM reports GROUP BY event
	UNION ALL SELECT event, 'o', outlet, count(DISTINCT article) FROM reports WHERE outlet <> '' GROUP BY event, outlet
	UNION ALL SELECT event, 'u', '', count(DISTINCT article) FROM reports WHERE outlet = '' GROUP BY event`

func tallyRows(t *testing.T, s *sqlstore.Store, query string) []string {
	t.Helper()
	r, err := s.DB().Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out []string
	for r.Next() {
		var event, kind, value string
		var n int
		if err := r.Scan(&event, &kind, &value, &n); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s %s %q %d", event, kind, value, n))
	}
	slices.Sort(out)
	return out
}

// TestTalliesMatchReports: the running counts a refresh reads stay those
// of the reports through batches, reprints, copies and recodes that add,
// move and remove reports.
func TestTalliesMatchReports(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "didar.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	in := storetest.BatchInput()
	// Some articles without an outlet: each counts as its own source.
	for i := range in {
		if i%5 == 0 {
			in[i].Outlet = ""
			in[i].Record.Article.Source = ""
			in[i].Record.Article.URL = ""
		}
	}
	storetest.SaveInBatches(t, s, in, 5)
	check := func(when string) {
		t.Helper()
		want := tallyRows(t, s, recount)
		got := tallyRows(t, s, `SELECT event, kind, value, n FROM event_tallies WHERE n > 0`)
		if !slices.Equal(want, got) {
			t.Fatalf("%s: tallies\n%s\nwant, from the reports,\n%s", when, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if len(want) == 0 {
			t.Fatalf("%s: no reports", when)
		}
	}
	check("after the batches")
	// Recode articles: one loses its events, one has them a day later,
	// one reports its first event twice.
	for i, id := range []string{in[0].Record.Article.ID, in[1].Record.Article.ID, in[2].Record.Article.ID} {
		rec, err := s.Record(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		switch i {
		case 0:
			rec.Events = []didar.Event{}
		case 1:
			for j := range rec.Events {
				rec.Events[j].Date = rec.Events[j].Date.AddDays(1)
			}
		case 2:
			again := rec.Events[0]
			again.ID = "again"
			rec.Events = append(rec.Events, again)
		}
		if _, err := s.Recode(ctx, id, *rec); err != nil {
			t.Fatal(err)
		}
		check("after recoding " + id)
	}
	var stale int
	if err := s.DB().QueryRow(`SELECT count(*) FROM event_tallies WHERE n <= 0`).Scan(&stale); err != nil || stale != 0 {
		t.Errorf("%d tally rows at zero left (%v)", stale, err)
	}
}
