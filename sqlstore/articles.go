package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/dedup"
	"github.com/didar-news/didar/normalize"
)

// SearchKey is the form in which text is indexed and queried: the
// matching key without spaces, so that a compound written with a ZWNJ, a
// space or neither is the same string.
func SearchKey(s string) string {
	return strings.ReplaceAll(normalize.Key(s), " ", "")
}

// Terms splits a query into search keys, one per word; punctuation
// separates words and is dropped.
func Terms(q string) []string {
	return strings.FieldsFunc(normalize.Key(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// stored is the part of a record kept as JSON beside the article columns.
type stored struct {
	Actors []didar.Actor `json:"actors"`
	Events []didar.Event `json:"events"`
	Quotes []didar.Quote `json:"quotes"`
	Topics []string      `json:"topics"`
}

// storedJSON is the JSON of rec's stored part, encoded one element at a
// time into the string kept: marshalling it whole and converting it to
// a string held the record about four times over, hundreds of megabytes
// for a text of a few tens.
func storedJSON(rec didar.Record) (string, error) {
	var b strings.Builder
	b.Grow(len(rec.Article.Text)) // a fair guess: a record is about as long as its text
	if err := rec.WriteListsJSON(&b); err != nil {
		return "", err
	}
	return b.String(), nil
}

// Outlet returns who published an article: its source, else its URL's
// host without "www.".
func Outlet(a didar.Article) string {
	if a.Source != "" {
		return string(a.Source)
	}
	if u, err := url.Parse(string(a.URL)); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}

func (s *Store) SaveArticle(ctx context.Context, in didar.NewArticle) (didar.SaveResult, error) {
	if err := check(in); err != nil {
		return didar.SaveResult{}, err
	}
	var res saved
	err := s.write(ctx, func(tx *sql.Tx) (err error) {
		end, err := s.longWrite(ctx, tx, []didar.NewArticle{in})
		if err != nil {
			return err
		}
		defer end(&err)
		var b batch
		if res, err = s.save(ctx, tx, &b, in); err != nil {
			return err
		}
		if err := s.flush(ctx, tx, &b); err != nil {
			return err
		}
		return s.index(ctx, tx, []saved{res})
	})
	if err != nil {
		return didar.SaveResult{}, fmt.Errorf("save article %q: %w", in.Record.Article.ID, err)
	}
	return res.SaveResult, nil
}

// SaveArticles saves a batch in one transaction: whole articles only,
// and one commit for all of them.
func (s *Store) SaveArticles(ctx context.Context, ins []didar.NewArticle) ([]didar.SaveResult, error) {
	for _, in := range ins {
		if err := check(in); err != nil {
			return nil, err
		}
	}
	out := make([]didar.SaveResult, len(ins))
	err := s.write(ctx, func(tx *sql.Tx) (err error) {
		end, err := s.longWrite(ctx, tx, ins)
		if err != nil {
			return err
		}
		defer end(&err)
		done := make([]saved, len(ins))
		var b batch
		// One read of the events the batch may merge with, not one per
		// article.
		var events []didar.Event
		for _, in := range ins {
			events = append(events, in.Record.Events...)
		}
		if err := s.fetchEvents(ctx, tx, &b, events); err != nil {
			return err
		}
		var hashes, ids []string
		for _, in := range ins {
			h := didar.ContentHash(in.Record.Article.Text)
			id := in.Record.Article.ID
			if id == "" {
				id = h[:16]
			}
			hashes, ids = append(hashes, h), append(ids, id)
		}
		if err := s.lookup(ctx, tx, &b, hashes, ids); err != nil {
			return err
		}
		if s.d.Remote {
			if err := s.fetchStories(ctx, tx, &b, ins); err != nil {
				return err
			}
		}
		for i, in := range ins {
			res, err := s.save(ctx, tx, &b, in)
			if err != nil {
				return fmt.Errorf("article %q: %w", in.Record.Article.ID, err)
			}
			done[i], out[i] = res, res.SaveResult
		}
		if err := s.flush(ctx, tx, &b); err != nil {
			return err
		}
		return s.index(ctx, tx, done)
	})
	if err != nil {
		return nil, fmt.Errorf("save articles: %w", err)
	}
	return out, nil
}

// longWrite runs the dialect's LongWrite statement when one of ins is
// long, and returns what runs its end statement, setting *err if that
// fails and nothing failed before.
func (s *Store) longWrite(ctx context.Context, tx *sql.Tx, ins []didar.NewArticle) (func(*error), error) {
	nothing := func(*error) {}
	if s.d.LongWrite[0] == "" || !slices.ContainsFunc(ins, func(in didar.NewArticle) bool { return len(in.Record.Article.Text) >= partsFrom }) {
		return nothing, nil
	}
	if _, err := tx.ExecContext(ctx, s.d.LongWrite[0]); err != nil {
		return nothing, fmt.Errorf("start a long write: %w", err)
	}
	return func(err *error) {
		if _, e := tx.ExecContext(ctx, s.d.LongWrite[1]); e != nil && *err == nil {
			*err = fmt.Errorf("end a long write: %w", e)
		}
	}, nil
}

func check(in didar.NewArticle) error {
	text := in.Record.Article.Text
	if strings.TrimSpace(text) == "" {
		return didar.Errorf(didar.EINVALID, "article %q has no text", in.Record.Article.ID)
	}
	a := in.Record.Article
	for _, f := range []struct{ name, v string }{{"text", text}, {"title", string(a.Title)}, {"source", string(a.Source)}, {"url", string(a.URL)}, {"raw input", in.Raw}} {
		if !utf8.ValidString(f.v) {
			return didar.Errorf(didar.EINVALID, "article %q: %s is not valid UTF-8", a.ID, f.name)
		}
		// PostgreSQL cannot store NUL in text; refuse it on both engines.
		if strings.IndexByte(f.v, 0) >= 0 {
			return didar.Errorf(didar.EINVALID, "article %q: %s contains a NUL byte", a.ID, f.name)
		}
	}
	return nil
}

// saved is what save did: the result, and the row to index (seq 0 when
// the article was already stored).
type saved struct {
	didar.SaveResult
	seq         int64
	title, text string
}

// index indexes saved articles for search. Called after every other
// write of the transaction: FTS5 flushes its pending terms whenever a
// later statement opens a savepoint, so indexing last flushes once per
// commit, not once per article.
func (s *Store) index(ctx context.Context, tx *sql.Tx, done []saved) error {
	if s.d.Index == nil {
		return nil
	}
	for _, d := range done {
		if d.seq == 0 {
			continue
		}
		if err := s.d.Index(ctx, tx, d.seq, d.title, d.text, false); err != nil {
			return fmt.Errorf("index article %q: %w", d.ID, err)
		}
	}
	return nil
}

// save stores one checked article in tx.
func (s *Store) save(ctx context.Context, tx *sql.Tx, b *batch, in didar.NewArticle) (saved, error) {
	rec := in.Record
	text := rec.Article.Text
	hash := didar.ContentHash(text)
	outlet := in.Outlet
	if outlet == "" {
		outlet = Outlet(rec.Article)
	}
	res := saved{title: string(rec.Article.Title), text: text}
	err := func() error {
		id := rec.Article.ID
		if id == "" {
			id = hash[:16]
		}
		if !b.hashRead[hash] || !b.idRead[id] {
			if err := s.lookup(ctx, tx, b, []string{hash}, []string{id}); err != nil {
				return err
			}
		}
		prev, found := b.byHash[hash]
		if found {
			res.ID, res.StoryID = prev[0], prev[1]
		}
		taken := b.ids[id]
		if found {
			return nil // already stored
		}
		if taken { // another text under this id: keep both
			id += "-" + hash[:8]
		}
		rec.Article.ID = id
		story, err := s.story(ctx, tx, b, text, in.Sketch)
		if err != nil {
			return fmt.Errorf("find story: %w", err)
		}
		if story == "" {
			story = id
		}
		// A long article's record and raw input go in parts once its
		// row has its seq.
		long := len(text) >= partsFrom
		body, raw := "", rawOf(in.Raw, text)
		if !long {
			if body, err = storedJSON(rec); err != nil {
				return err
			}
		}
		rawCol := raw
		if long {
			rawCol = ""
		}
		via, _ := json.Marshal(nonNil(rec.Article.Via))
		var sketch []byte
		if len(in.Sketch) > 0 {
			sketch = dedup.Encode(in.Sketch)
		}
		var seq int64
		err = s.queryRow(ctx, tx, `INSERT INTO articles (id, hash, source, via, url, published, title, text, raw, charset, outlet, coder, story_id, sketch, record, num_events, ingested_at, search)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
			id, hash, string(rec.Article.Source), string(via), string(rec.Article.URL), rec.Article.Published.String(),
			string(rec.Article.Title), text, rawCol, in.Charset, outlet, rec.Coder, story, sketch, body, len(rec.Events),
			s.now().UTC().Format(time.RFC3339), s.d.SearchColumn(string(rec.Article.Title), text)).Scan(&seq)
		if err != nil {
			return fmt.Errorf("insert article: %w", err)
		}
		res.seq = seq
		if long {
			if err := s.storeRecordParts(ctx, tx, seq, rec); err != nil {
				return err
			}
			if raw != "" {
				if err := s.storeRawParts(ctx, tx, seq, raw); err != nil {
					return err
				}
			}
		}
		if keys := dedup.Bands(in.Sketch); len(keys) > 0 {
			bands := make(map[int64]bool, len(keys))
			for _, k := range keys {
				b.add(`INSERT INTO article_bands (key, article) VALUES `, 2, k, seq)
				bands[k] = true
			}
			b.sketches = append(b.sketches, batchSketch{seq: seq, story: story, sketch: in.Sketch, bands: bands})
		}
		if err := s.insertRecord(ctx, tx, b, seq, id, outlet, rec); err != nil {
			return err
		}
		res.SaveResult = didar.SaveResult{ID: id, Created: true, StoryID: story, Events: len(rec.Events)}
		b.stored(hash, id, story)
		return nil
	}()
	return res, err
}

// lookup reads into b the stored articles with one of hashes or ids:
// one read tells, for a whole batch, which texts are stored and which
// ids taken.
func (s *Store) lookup(ctx context.Context, tx *sql.Tx, b *batch, hashes, ids []string) error {
	b.initArticles()
	for start := 0; start < max(len(hashes), len(ids)); start += 200 {
		hs, is := hashes[min(start, len(hashes)):min(len(hashes), start+200)], ids[min(start, len(ids)):min(len(ids), start+200)]
		args := make([]any, 0, len(hs)+len(is))
		for _, h := range hs {
			args = append(args, h)
		}
		for _, id := range is {
			args = append(args, id)
		}
		cond := `hash IN (` + placeholders(len(hs)) + `)`
		if len(hs) == 0 {
			cond = `false`
		}
		if len(is) > 0 {
			cond += ` OR id IN (` + placeholders(len(is)) + `)`
		}
		r, err := s.query(ctx, tx, `SELECT id, story_id, hash FROM articles WHERE `+cond, args...)
		if err != nil {
			return err
		}
		for r.Next() {
			var id, story, hash string
			if err := r.Scan(&id, &story, &hash); err != nil {
				r.Close()
				return err
			}
			b.stored(hash, id, story)
		}
		r.Close()
		if err := r.Err(); err != nil {
			return err
		}
	}
	for _, h := range hashes {
		b.hashRead[h] = true
	}
	for _, id := range ids {
		b.idRead[id] = true
	}
	return nil
}

// rawOf is the raw column: empty when the input was the text itself,
// which is most text files, to keep it once.
func rawOf(raw, text string) string {
	if raw == text {
		return ""
	}
	return raw
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// rows returns n groups of m placeholders for a multi-row VALUES.
func rows(n, m int) string {
	one := "(" + placeholders(m) + ")"
	return strings.TrimSuffix(strings.Repeat(one+",", n), ",")
}

// story returns the story of the most similar stored article whose
// similarity passes dedup.Threshold, or "".
func (s *Store) story(ctx context.Context, tx *sql.Tx, b *batch, text string, sketch []uint32) (string, error) {
	keys := dedup.Bands(sketch)
	if len(keys) == 0 {
		return "", nil
	}
	best, bestSim := "", dedup.Threshold
	cands, ok := b.stories[didar.ContentHash(text)]
	if !ok {
		var err error
		if cands, err = s.storyCands(ctx, tx, keys); err != nil {
			return "", err
		}
	}
	for _, c := range cands {
		if sim := dedup.Similarity(sketch, c.sketch); sim >= bestSim && (best == "" || sim > bestSim) {
			best, bestSim = c.story, sim
		}
	}
	// The batch's own articles have their bands still queued.
	best, _ = b.similar(sketch, keys, best, bestSim)
	return best, nil
}

// storyCand is a stored article that may be of an article's story.
type storyCand struct {
	story  string
	sketch []uint32
}

// storyCands returns the stored articles sharing the most bands of keys,
// most first.
func (s *Store) storyCands(ctx context.Context, tx *sql.Tx, keys []int64) ([]storyCand, error) {
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	// The articles sharing the most bands are the most similar: compare
	// only those, among the first band rows found, so that a story
	// reprinted a thousand times costs no more than one reprinted twice.
	// (ORDER BY key keeps PostgreSQL on the index: with a bare LIMIT it
	// may scan the table hoping to stop early.)
	r, err := s.query(ctx, tx, `SELECT a.story_id, a.sketch FROM articles a JOIN
		(SELECT article, count(*) AS shared FROM (SELECT article FROM article_bands WHERE key IN (`+placeholders(len(keys))+`) ORDER BY key LIMIT 128) b
			GROUP BY article ORDER BY shared DESC, article LIMIT 16) c
		ON a.seq = c.article ORDER BY c.shared DESC, a.seq`, args...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var out []storyCand
	for r.Next() {
		var c storyCand
		var raw []byte
		if err := r.Scan(&c.story, &raw); err != nil {
			return nil, err
		}
		c.sketch = dedup.Decode(raw)
		out = append(out, c)
	}
	return out, r.Err()
}

// fetchStories reads into b the story candidates of a batch's articles
// (by text hash), a few statements for the batch instead of one per
// article: storyCands' query for each, joined.
func (s *Store) fetchStories(ctx context.Context, tx *sql.Tx, b *batch, ins []didar.NewArticle) error {
	if b.stories == nil {
		b.stories = map[string][]storyCand{}
	}
	const per = 16 // articles a statement
	for start := 0; start < len(ins); start += per {
		var args []any
		var hashes, parts []string
		for _, in := range ins[start:min(len(ins), start+per)] {
			h := didar.ContentHash(in.Record.Article.Text)
			if _, ok := b.stories[h]; ok {
				continue
			}
			b.stories[h] = nil
			keys := dedup.Bands(in.Sketch)
			if len(keys) == 0 {
				continue
			}
			// storyCands' query, tagged with the article's place.
			parts = append(parts, `SELECT `+strconv.Itoa(len(hashes))+` AS n, c.shared AS shared, a.seq AS seq, a.story_id AS story_id, a.sketch AS sketch
				FROM articles a JOIN (SELECT article, count(*) AS shared FROM (SELECT article FROM article_bands WHERE key IN (`+placeholders(len(keys))+`) ORDER BY key LIMIT 128) b
				GROUP BY article ORDER BY shared DESC, article LIMIT 16) c ON a.seq = c.article`)
			hashes = append(hashes, h)
			for _, k := range keys {
				args = append(args, k)
			}
		}
		if len(parts) == 0 {
			continue
		}
		// Through the statement cache, which then plans it once: its
		// text depends only on the number of articles, as every sketch
		// has the same number of bands.
		r, err := s.query(ctx, tx, `SELECT n, story_id, sketch FROM (`+strings.Join(parts, ` UNION ALL `)+`) u ORDER BY n, shared DESC, seq`, args...)
		if err != nil {
			return err
		}
		for r.Next() {
			var n int
			var c storyCand
			var raw []byte
			if err := r.Scan(&n, &c.story, &raw); err != nil {
				r.Close()
				return err
			}
			c.sketch = dedup.Decode(raw)
			b.stories[hashes[n]] = append(b.stories[hashes[n]], c)
		}
		r.Close()
		if err := r.Err(); err != nil {
			return err
		}
	}
	return nil
}

// insertRecord stores the actors, mentions, quotes, topics and events of
// a record for the article seq.
// articleRef is what an article's events need to know of it.
type articleRef struct {
	seq       int64
	id        string
	outlet    string
	url       string
	published didar.Date
	countries map[string]string // of the record's actors that have one
}

func (s *Store) insertRecord(ctx context.Context, tx *sql.Tx, b *batch, seq int64, id, outlet string, rec didar.Record) error {
	art := articleRef{seq: seq, id: id, outlet: outlet, url: string(rec.Article.URL), published: rec.Article.Published,
		countries: map[string]string{}}
	// One row per actor, even if the record lists it twice.
	byID := map[string]int{}
	var actorArgs [][]any
	for _, a := range rec.Actors {
		if a.ID == "" {
			continue
		}
		country := string(a.Country)
		if a.Kind == didar.KindCountry && country == "" {
			country = a.ID
		}
		if country != "" {
			art.countries[a.ID] = country
		}
		for _, m := range a.Mentions {
			b.add(`INSERT INTO mentions (article, actor, start, stop, text, via) VALUES `, 6, seq, a.ID, m.Start, m.End, m.Text, m.Via)
			if err := s.bound(ctx, tx, b); err != nil {
				return err
			}
		}
		if k, ok := byID[a.ID]; ok {
			actorArgs[k][7] = actorArgs[k][7].(int) + len(a.Mentions)
			continue
		}
		dict := 0
		if a.InDictionary {
			dict = 1
		} else {
			for _, r := range a.Roles {
				b.add(`INSERT INTO actor_roles (article, actor, role) VALUES `, 3, seq, a.ID, r)
			}
		}
		byID[a.ID] = len(actorArgs)
		actorArgs = append(actorArgs, []any{a.ID, string(a.Kind), a.NameFA, string(a.NameEN), country, string(a.Sector), dict, len(a.Mentions),
			nameKeys([]string{a.NameFA}, string(a.NameEN))})
	}
	for _, a := range actorArgs {
		b.addActor(a)
	}
	for _, q := range rec.Quotes {
		b.add(`INSERT INTO quotes (article, speaker, kind, cue, start, stop, text) VALUES `, 7, seq, q.Speaker, q.Kind, q.Cue, q.Start, q.End, q.Text)
		if err := s.bound(ctx, tx, b); err != nil {
			return err
		}
	}
	for _, t := range rec.Topics {
		b.add(`INSERT INTO article_topics (article, topic) VALUES `, 2, seq, t)
	}
	// A long article queues a row a mention: insert them before its
	// events queue theirs, so that a batch holds a bounded number.
	if b.queued() > flushArgs {
		if err := s.flushActors(ctx, tx, b); err != nil {
			return err
		}
		if err := s.flushQueued(ctx, tx, b); err != nil {
			return err
		}
	}
	if err := s.mergeEvents(ctx, tx, b, art, rec.Events); err != nil {
		return fmt.Errorf("save events: %w", err)
	}
	return nil
}

// upsertActors inserts actor rows (id, kind, name_fa, name_en, country,
// sector, in_dictionary, mentions, names), each id once.
func (s *Store) upsertActors(ctx context.Context, tx *sql.Tx, actorArgs [][]any) error {
	for start := 0; start < len(actorArgs); start += flushRows {
		end := min(len(actorArgs), start+flushRows)
		var args []any
		for _, a := range actorArgs[start:end] {
			args = append(args, a...)
		}
		// Dictionary data saved by SaveEntries wins over what a record
		// says; a record fills only what is still empty.
		_, err := s.exec(ctx, tx, `INSERT INTO actors (id, kind, name_fa, name_en, country, sector, in_dictionary, mentions, names)
			VALUES `+rows(end-start, 9)+`
			ON CONFLICT (id) DO UPDATE SET mentions = actors.mentions + excluded.mentions,
				name_fa = CASE WHEN actors.name_fa = '' THEN excluded.name_fa ELSE actors.name_fa END,
				name_en = CASE WHEN actors.name_en = '' THEN excluded.name_en ELSE actors.name_en END,
				country = CASE WHEN actors.country = '' THEN excluded.country ELSE actors.country END,
				sector = CASE WHEN actors.sector = '' THEN excluded.sector ELSE actors.sector END,
				names = CASE WHEN actors.names = '' THEN excluded.names ELSE actors.names END`, args...)
		if err != nil {
			return fmt.Errorf("save actors: %w", err)
		}
	}
	return nil
}

// nameKeys is the actor search column: the search key of every name
// between bars, so that LIKE '%|key%' finds a name by its start and
// LIKE '%key%' anywhere.
func nameKeys(fa []string, en string) string {
	var b strings.Builder
	b.WriteByte('|')
	for _, n := range append(fa, en) {
		if k := SearchKey(n); k != "" {
			b.WriteString(k)
			b.WriteByte('|')
		}
	}
	return b.String()
}

func (s *Store) Article(ctx context.Context, id string) (*didar.StoredArticle, error) {
	a, _, err := s.article(ctx, id)
	return a, err
}

// article is Article with the article's seq.
func (s *Store) article(ctx context.Context, id string) (*didar.StoredArticle, int64, error) {
	r, err := s.db.QueryContext(ctx, s.q(`SELECT `+articleCols+`, a.text, a.raw, a.charset, a.seq,
		EXISTS (SELECT 1 FROM article_parts p WHERE p.article = a.seq AND p.field = 'raw') FROM articles a WHERE a.id = ?`), id)
	if err != nil {
		return nil, 0, fmt.Errorf("article %q: %w", id, err)
	}
	defer r.Close()
	if !r.Next() {
		if err := r.Err(); err != nil {
			return nil, 0, fmt.Errorf("article %q: %w", id, err)
		}
		return nil, 0, notFound("article", id)
	}
	var a scanned
	var seq int64
	var rawParts bool
	dest := append(articleDest(&a), &a.Text, &a.Raw, &a.Charset, &seq, &rawParts)
	if err := r.Scan(dest...); err != nil {
		return nil, 0, fmt.Errorf("article %q: %w", id, err)
	}
	r.Close()
	if err := a.finish(); err != nil {
		return nil, 0, err
	}
	if rawParts {
		if a.Raw, err = s.rawParts(ctx, s.db, seq); err != nil {
			return nil, 0, fmt.Errorf("article %q: %w", id, err)
		}
	}
	if a.Raw == "" {
		a.Raw = a.Text
	}
	return &a.StoredArticle, seq, nil
}

const articleCols = `a.id, a.hash, a.source, a.via, a.url, a.published, a.title, a.outlet, a.coder, a.story_id, a.num_events, a.ingested_at, substr(a.text, 1, 200)`

// scanned is a StoredArticle with its columns still as text.
type scanned struct {
	didar.StoredArticle
	via, published, ingested string
}

func (a *scanned) finish() error {
	if err := json.Unmarshal([]byte(a.via), &a.Via); err != nil {
		return fmt.Errorf("article %q: via: %w", a.ID, err)
	}
	if a.published != "" {
		d, err := didar.ParseDate(a.published)
		if err != nil {
			return fmt.Errorf("article %q: %w", a.ID, err)
		}
		a.Published = d
	}
	a.IngestedAt, _ = time.Parse(time.RFC3339, a.ingested)
	return nil
}

func articleDest(a *scanned) []any {
	return []any{&a.ID, &a.Hash, (*string)(&a.Source), &a.via, (*string)(&a.URL), &a.published, (*string)(&a.Title),
		&a.Outlet, &a.Coder, &a.StoryID, &a.NumEvents, &a.ingested, &a.Snippet}
}

func (s *Store) Record(ctx context.Context, id string) (*didar.Record, error) {
	a, seq, err := s.article(ctx, id)
	if err != nil {
		return nil, err
	}
	var body string
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT record FROM articles WHERE seq = ?`), seq).Scan(&body); err != nil {
		return nil, fmt.Errorf("record %q: %w", id, err)
	}
	st, err := s.storedRecord(ctx, s.db, seq, body)
	if err != nil {
		return nil, fmt.Errorf("record %q: %w", id, err)
	}
	rec := &didar.Record{Article: a.Article, Actors: nonNil(st.Actors), Events: nonNil(st.Events),
		Quotes: nonNil(st.Quotes), Topics: nonNil(st.Topics), Coder: a.Coder}
	return rec, nil
}

func (s *Store) Articles(ctx context.Context, f didar.ArticleFilter) (*didar.ArticlePage, error) {
	off, err := decodeCursor(f.Cursor)
	if err != nil {
		return nil, err
	}
	n := limit(f.Limit)
	var w where
	if terms := Terms(f.Q); len(terms) > 0 {
		cond, args := s.d.Search(terms)
		w.add(cond, args...)
	}
	if f.Outlet != "" {
		w.add(`a.outlet = ?`, f.Outlet)
	}
	if !f.From.IsZero() {
		w.add(`a.published >= ?`, f.From.String())
	}
	if !f.To.IsZero() {
		w.add(`a.published <> '' AND a.published <= ?`, f.To.String())
	}
	if f.StoryID != "" {
		w.add(`a.story_id = ?`, f.StoryID)
	}
	if f.NotCoder != "" {
		w.add(`a.coder <> ?`, f.NotCoder)
	}
	args := append(w.args, n+1, off)
	list, err := s.articles(ctx, `SELECT `+articleCols+` FROM articles a`+w.String()+` ORDER BY a.published DESC, a.seq DESC LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	page := &didar.ArticlePage{Articles: list}
	if len(list) > n {
		page.Articles = list[:n]
		page.Next = encodeCursor(off + n)
	}
	return page, nil
}

func (s *Store) articles(ctx context.Context, query string, args ...any) ([]didar.StoredArticle, error) {
	r, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	list := []didar.StoredArticle{}
	for r.Next() {
		var a scanned
		if err := r.Scan(articleDest(&a)...); err != nil {
			return nil, err
		}
		if err := a.finish(); err != nil {
			return nil, err
		}
		list = append(list, a.StoredArticle)
	}
	return list, r.Err()
}

// Recode replaces the record of an article.
func (s *Store) Recode(ctx context.Context, id string, rec didar.Record) (didar.RecodeResult, error) {
	var res didar.RecodeResult
	err := s.write(ctx, func(tx *sql.Tx) error {
		var seq int64
		var body, outlet, published, text string
		err := s.queryRow(ctx, tx, `SELECT seq, record, outlet, published, text FROM articles WHERE id = ?`, id).Scan(&seq, &body, &outlet, &published, &text)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("article", id)
		}
		if err != nil {
			return err
		}
		// A changed normaliser changes the text the offsets refer to:
		// store the new text, unless another article already has it.
		if rec.Article.Text != "" && rec.Article.Text != text {
			hash := didar.ContentHash(rec.Article.Text)
			var n int
			if err := s.queryRow(ctx, tx, `SELECT count(*) FROM articles WHERE hash = ?`, hash).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return didar.Errorf(didar.ECONFLICT, "recode %q: its new text is that of another stored article", id)
			}
			var title string
			if err := s.queryRow(ctx, tx, `SELECT title FROM articles WHERE seq = ?`, seq).Scan(&title); err != nil {
				return err
			}
			_, err := s.exec(ctx, tx, `UPDATE articles SET text = ?, hash = ?, search = ? WHERE seq = ?`,
				rec.Article.Text, hash, s.d.SearchColumn(title, rec.Article.Text), seq)
			if err != nil {
				return err
			}
			if s.d.Index != nil {
				if err := s.d.Index(ctx, tx, seq, title, rec.Article.Text, true); err != nil {
					return fmt.Errorf("index article: %w", err)
				}
			}
		}
		old, err := s.storedRecord(ctx, tx, seq, body)
		if err != nil {
			return fmt.Errorf("old record: %w", err)
		}
		res = compareEvents(old.Events, rec.Events)
		rec.Article.ID = id
		pub := didar.Date{}
		if published != "" {
			pub, _ = didar.ParseDate(published)
		}
		rec.Article.Published = pub
		if rec.Article.Text == "" {
			rec.Article.Text = text
		}
		if err := s.deleteParts(ctx, tx, seq, fieldRecord); err != nil {
			return err
		}
		nb := ""
		if len(rec.Article.Text) < partsFrom {
			if nb, err = storedJSON(rec); err != nil {
				return err
			}
		}
		if _, err := s.exec(ctx, tx, `UPDATE articles SET record = ?, coder = ? WHERE seq = ?`, nb, rec.Coder, seq); err != nil {
			return err
		}
		if nb == "" {
			if err := s.storeRecordParts(ctx, tx, seq, rec); err != nil {
				return err
			}
		}
		// The derived rows show the records with the users' corrections.
		cs, err := s.articleCorrections(ctx, tx, id)
		if err != nil {
			return err
		}
		was, _ := didar.ApplyCorrections(didar.Record{Article: didar.Article{ID: id, Text: text}, Actors: old.Actors, Events: old.Events, Quotes: old.Quotes, Topics: old.Topics}, cs)
		now, unapplied := didar.ApplyCorrections(rec, cs)
		res.Unapplied = len(unapplied)
		return s.rederive(ctx, tx, seq, outlet, was, now)
	})
	if err != nil {
		return didar.RecodeResult{}, fmt.Errorf("recode %q: %w", id, err)
	}
	return res, nil
}

// dropReports deletes the reports of the article seq, from outlet, and
// their counts, returning the events they reported.
func (s *Store) dropReports(ctx context.Context, tx *sql.Tx, b *batch, seq int64, outlet string) ([]string, error) {
	r, err := s.query(ctx, tx, `SELECT event, date, location, topics FROM reports WHERE article = ?`, seq)
	if err != nil {
		return nil, err
	}
	var reps []storedReport
	events := map[string]bool{}
	for r.Next() {
		var rep storedReport
		if err := r.Scan(&rep.event, &rep.date, &rep.place, &rep.topics); err != nil {
			r.Close()
			return nil, err
		}
		reps = append(reps, rep)
		events[rep.event] = true
	}
	r.Close()
	if err := r.Err(); err != nil {
		return nil, err
	}
	if _, err := s.exec(ctx, tx, `DELETE FROM reports WHERE article = ?`, seq); err != nil {
		return nil, err
	}
	b.countReports(outlet, reps, -1)
	if err := s.flushCounts(ctx, tx, b); err != nil {
		return nil, err
	}
	ids := sortedKeys(events)
	if len(ids) > 0 {
		if _, err := s.exec(ctx, tx, `DELETE FROM event_tallies WHERE n <= 0 AND event IN (`+placeholders(len(ids))+`)`, anys(ids)...); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// compareEvents matches old and new events by interaction (type,
// participants, direction, date) and counts what changed.
func compareEvents(old, new []didar.Event) didar.RecodeResult {
	var res didar.RecodeResult
	left := map[string][]didar.Event{}
	for _, e := range old {
		k := mergeKey(e) + "|" + e.Date.String()
		left[k] = append(left[k], e)
	}
	for _, e := range new {
		k := mergeKey(e) + "|" + e.Date.String()
		olds := left[k]
		if len(olds) == 0 {
			res.Added++
			continue
		}
		o := olds[0]
		left[k] = olds[1:]
		if sameEvent(o, e) {
			res.Same++
		} else {
			res.Changed++
		}
	}
	for _, l := range left {
		res.Removed += len(l)
	}
	return res
}

func sameEvent(a, b didar.Event) bool {
	a.ID, b.ID = "", "" // ids are numbered per record
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}
