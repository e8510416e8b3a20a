package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/didar-news/didar/dedup"
)

// batch holds the rows of a transaction's articles that no later
// statement of the save reads back: they are inserted together when the
// batch is flushed, a few multi-row statements for the whole batch
// instead of several per article, since a round trip costs more than
// a row. Whatever reads such a table in the transaction flushes first.
type batch struct {
	heads []string         // INSERT heads, in first-use order
	cols  map[string]int   // columns of each head
	rows  map[string][]any // arguments, cols per row
	nargs int              // arguments in rows
	// actors are merged by id: one upsert row per actor, as a statement
	// may not update the same row twice.
	actors   map[string][]any
	actorIDs []string
	// events are the candidates of merges by key: the stored events
	// read for the batch and those it created.
	events   map[string][]cand
	eventIDs map[string]bool
	ranges   map[string][2]string // the dates read of each key ("" none)
	// byHash holds the id and story of the stored articles read or
	// saved, by hash; ids their ids. hashRead and idRead say what was
	// looked up: what is absent from byHash and ids is not stored.
	byHash           map[string][2]string
	ids              map[string]bool
	hashRead, idRead map[string]bool
	// stories holds the story candidates read for the batch's texts,
	// by hash.
	stories map[string][]storyCand
	// sketches of the batch's stored articles, for story lookups that
	// cannot see their bands yet.
	sketches []batchSketch
	// tallies date the events reported again; dirty are those to
	// refresh when the batch is flushed.
	tallies map[string]*tally
	dirty   map[string]bool
	// counts are the queued changes of event_tallies rows.
	counts map[[3]string]int
}

type batchSketch struct {
	seq    int64
	story  string
	sketch []uint32
	bands  map[int64]bool
}

type cand struct{ id, date string }

func (b *batch) addEvent(key, id, date string) {
	if b.events == nil {
		b.events, b.eventIDs = map[string][]cand{}, map[string]bool{}
	}
	if b.eventIDs[id] {
		return
	}
	b.eventIDs[id] = true
	// In the order the table gives them (by date, then id): the merge
	// takes the first candidate in range.
	c := cand{id, date}
	cs := b.events[key]
	i, _ := slices.BinarySearchFunc(cs, c, func(x, y cand) int {
		return cmp.Or(strings.Compare(x.date, y.date), strings.Compare(x.id, y.id))
	})
	b.events[key] = slices.Insert(cs, i, c)
}

// moveEvent changes the date of a candidate, or drops it when date is
// nil, after a refresh has changed or deleted its event.
func (b *batch) moveEvent(key, id string, date *string) {
	cs := b.events[key]
	i := slices.IndexFunc(cs, func(c cand) bool { return c.id == id })
	if i < 0 {
		return
	}
	b.events[key] = slices.Delete(cs, i, i+1)
	delete(b.eventIDs, id)
	if date != nil {
		b.addEvent(key, id, *date)
	}
}

// covered reports whether the stored events of key were read for the
// dates lo to hi (both "" for an undated event).
func (b *batch) covered(key, lo, hi string) bool {
	r, ok := b.ranges[key]
	if !ok {
		return false
	}
	return lo == "" || r[0] != "" && r[0] <= lo && hi <= r[1]
}

// fetched records that the stored events of key were read for the
// dates lo to hi. Only the last read counts: two reads need not be
// contiguous.
func (b *batch) fetched(key, lo, hi string) {
	if b.ranges == nil {
		b.ranges = map[string][2]string{}
	}
	b.ranges[key] = [2]string{lo, hi}
}

// stored records a stored article.
func (b *batch) stored(hash, id, story string) {
	b.initArticles()
	b.byHash[hash] = [2]string{id, story}
	b.ids[id] = true
	b.hashRead[hash], b.idRead[id] = true, true
}

func (b *batch) initArticles() {
	if b.byHash == nil {
		b.byHash, b.ids = map[string][2]string{}, map[string]bool{}
		b.hashRead, b.idRead = map[string]bool{}, map[string]bool{}
	}
}

// add queues a row for the statement head (INSERT INTO t (cols) VALUES).
func (b *batch) add(head string, cols int, args ...any) {
	if b.rows == nil {
		b.rows, b.cols = map[string][]any{}, map[string]int{}
	}
	if _, ok := b.cols[head]; !ok {
		b.heads = append(b.heads, head)
		b.cols[head] = cols
	}
	b.rows[head] = append(b.rows[head], args...)
	b.nargs += len(args)
}

// flushArgs is the most queued arguments a save lets wait for the end of
// its batch: a batch of news articles queues far fewer.
const flushArgs = 100_000

// queued counts the queued arguments of rows but the actors'.
func (b *batch) queued() int { return b.nargs }

// bound inserts the queued rows when there are more than flushArgs
// arguments: a long article queues rows by the hundred thousand.
func (s *Store) bound(ctx context.Context, tx *sql.Tx, b *batch) error {
	if b.queued() <= flushArgs {
		return nil
	}
	return s.flushQueued(ctx, tx, b)
}

// addActor queues an actor row (id first, mentions at index 7): a second
// row of the same id adds its mentions and fills what is still empty,
// as a second upsert would.
func (b *batch) addActor(row []any) {
	if b.actors == nil {
		b.actors = map[string][]any{}
	}
	id := row[0].(string)
	old, ok := b.actors[id]
	if !ok {
		b.actors[id] = row
		b.actorIDs = append(b.actorIDs, id)
		return
	}
	old[7] = old[7].(int) + row[7].(int)
	for _, i := range []int{2, 3, 4, 5, 8} { // name_fa, name_en, country, sector, names
		if old[i].(string) == "" {
			old[i] = row[i]
		}
	}
}

func b2i(v bool) int {
	if v {
		return 1
	}
	return 0
}

// flushRows is the most rows a flushed statement carries: it keeps the
// statements under the engines' placeholder limits.
const flushRows = 200

// flush refreshes the events reported again and inserts the queued
// rows.
func (s *Store) flush(ctx context.Context, tx *sql.Tx, b *batch) error {
	if len(b.dirty) > 0 {
		ids := sortedKeys(b.dirty)
		b.dirty = nil
		if err := s.refreshEvents(ctx, tx, b, ids); err != nil {
			return err
		}
	}
	if err := s.flushActors(ctx, tx, b); err != nil {
		return err
	}
	return s.flushQueued(ctx, tx, b)
}

// flushActors inserts the queued actors.
func (s *Store) flushActors(ctx context.Context, tx *sql.Tx, b *batch) error {
	if len(b.actorIDs) == 0 {
		return nil
	}
	var rows [][]any
	for _, id := range b.actorIDs {
		rows = append(rows, b.actors[id])
	}
	if err := s.upsertActors(ctx, tx, rows); err != nil {
		return err
	}
	b.actors, b.actorIDs = nil, nil
	return nil
}

// flushQueued inserts the queued rows but the actors'.
func (s *Store) flushQueued(ctx context.Context, tx *sql.Tx, b *batch) error {
	if err := s.flushCounts(ctx, tx, b); err != nil {
		return err
	}
	// Events first: the other rows may reference them.
	heads := slices.Clone(b.heads)
	slices.SortStableFunc(heads, func(x, y string) int {
		return cmp.Compare(b2i(y == eventsHead), b2i(x == eventsHead))
	})
	for _, head := range heads {
		args, m := b.rows[head], b.cols[head]
		n := len(args) / m
		for start := 0; start < n; start += flushRows {
			end := min(n, start+flushRows)
			if _, err := s.exec(ctx, tx, head+rows(end-start, m), args[m*start:m*end]...); err != nil {
				return fmt.Errorf("%s: %w", head, err)
			}
		}
		delete(b.rows, head)
		delete(b.cols, head)
	}
	b.heads, b.nargs = nil, 0
	return nil
}

// similar returns the story of the batch article sharing a band with
// sketch that is most similar to it, when more similar than best (of
// similarity bestSim) already found in the table; else best.
func (b *batch) similar(sketch []uint32, keys []int64, best string, bestSim float64) (string, float64) {
	for _, o := range b.sketches {
		shared := false
		for _, k := range keys {
			if o.bands[k] {
				shared = true
				break
			}
		}
		if !shared {
			continue
		}
		if sim := dedup.Similarity(sketch, o.sketch); sim >= bestSim && (best == "" || sim > bestSim) {
			best, bestSim = o.story, sim
		}
	}
	return best, bestSim
}
