package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/didar-news/didar"
)

func (s *Store) SaveEntries(ctx context.Context, entries []didar.Entry) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		for _, e := range entries {
			if err := s.saveEntry(ctx, tx, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save entries: %w", err)
	}
	return nil
}

// saveEntry adds or replaces one dictionary entry. A country or sector
// the entry leaves empty keeps what saved records filled in, so that
// the store is the same whether the dictionary came before the records
// or after (a second queue worker loads it while the first saves).
func (s *Store) saveEntry(ctx context.Context, tx *sql.Tx, e didar.Entry) error {
	if e.ID == "" {
		return didar.Errorf(didar.EINVALID, "dictionary entry without id (%s)", e.EN)
	}
	body, err := json.Marshal(e)
	if err != nil {
		return err
	}
	fa := ""
	if len(e.FA) > 0 {
		fa = e.FA[0]
	}
	names := append(append(append([]string{}, e.FA...), e.Adjectives...), e.Metonyms...)
	_, err = s.exec(ctx, tx, `INSERT INTO actors (id, kind, name_fa, name_en, country, sector, in_dictionary, mentions, entry, names)
		VALUES (?, ?, ?, ?, ?, ?, 1, 0, ?, ?)
		ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name_fa = excluded.name_fa, name_en = excluded.name_en,
			country = CASE WHEN excluded.country = '' THEN actors.country ELSE excluded.country END,
			sector = CASE WHEN excluded.sector = '' THEN actors.sector ELSE excluded.sector END,
			in_dictionary = 1, entry = excluded.entry, names = excluded.names`,
		e.ID, string(e.Kind), fa, e.EN, e.Country, e.Sector, string(body), nameKeys(names, e.EN))
	if err != nil {
		return fmt.Errorf("entry %q: %w", e.ID, err)
	}
	return nil
}

const actorCols = `a.id, a.kind, a.name_fa, a.name_en, a.country, a.sector, a.in_dictionary, a.mentions,
	coalesce((SELECT x.n FROM actor_events x WHERE x.actor = a.id), 0)`

func scanActor(r interface{ Scan(...any) error }) (didar.ActorSummary, error) {
	var a didar.ActorSummary
	var dict int
	err := r.Scan(&a.ID, (*string)(&a.Kind), &a.NameFA, &a.NameEN, &a.Country, &a.Sector, &dict, &a.Mentions, &a.Events)
	a.InDictionary = dict == 1
	if a.Kind == didar.KindCountry && a.Country == "" {
		a.Country = a.ID
	}
	return a, err
}

func (s *Store) Actors(ctx context.Context, f didar.ActorFilter) (*didar.ActorPage, error) {
	off, err := decodeCursor(f.Cursor)
	if err != nil {
		return nil, err
	}
	n := limit(f.Limit)
	var w where
	if k := SearchKey(f.Q); k != "" {
		w.add(`a.names LIKE ? ESCAPE '\'`, "%"+escapeLike(k)+"%")
	}
	if f.Kind != "" {
		w.add(`a.kind = ?`, string(f.Kind))
	}
	if f.Country != "" {
		w.add(`(a.country = ? OR a.id = ?)`, f.Country, f.Country)
	}
	// A name that starts with the query ranks before one that only
	// contains it.
	order := ` ORDER BY a.mentions DESC, a.id`
	args := w.args
	if k := SearchKey(f.Q); k != "" {
		order = ` ORDER BY CASE WHEN a.names LIKE ? ESCAPE '\' THEN 0 ELSE 1 END, a.mentions DESC, a.id`
		args = append(args, "%|"+escapeLike(k)+"%")
	}
	r, err := s.db.QueryContext(ctx, s.q(`SELECT `+actorCols+` FROM actors a`+w.String()+order+` LIMIT ? OFFSET ?`), append(args, n+1, off)...)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	defer r.Close()
	page := &didar.ActorPage{Actors: []didar.ActorSummary{}}
	for r.Next() {
		a, err := scanActor(r)
		if err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		page.Actors = append(page.Actors, a)
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	if len(page.Actors) > n {
		page.Actors = page.Actors[:n]
		page.Next = encodeCursor(off + n)
	}
	return page, nil
}

// escapeLike escapes the wildcards of LIKE with a backslash.
func escapeLike(s string) string {
	var b []rune
	for _, r := range s {
		if r == '%' || r == '_' || r == '\\' {
			b = append(b, '\\')
		}
		b = append(b, r)
	}
	return string(b)
}

func (s *Store) Actor(ctx context.Context, id string) (*didar.ActorDetail, error) {
	a, err := scanActor(s.readRow(ctx, `SELECT `+actorCols+` FROM actors a WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("actor", id)
	}
	if err != nil {
		return nil, fmt.Errorf("actor %q: %w", id, err)
	}
	d := &didar.ActorDetail{ActorSummary: a, Names: []string{}, Roles: []didar.Role{}, ByType: []didar.TypeCount{}, Partners: []didar.PartnerCount{}}
	var entry string
	if err := s.readRow(ctx, `SELECT entry FROM actors WHERE id = ?`, id).Scan(&entry); err != nil {
		return nil, fmt.Errorf("actor %q: %w", id, err)
	}
	if entry != "" {
		var e didar.Entry
		if err := json.Unmarshal([]byte(entry), &e); err != nil {
			return nil, fmt.Errorf("actor %q: entry: %w", id, err)
		}
		d.Names = append(d.Names, e.FA...)
		d.Roles = append(d.Roles, e.Roles...)
	} else if a.NameFA != "" {
		d.Names = append(d.Names, a.NameFA)
	}
	r, err := s.read(ctx, `SELECT type, n FROM actor_types WHERE actor = ? AND n > 0 ORDER BY 2 DESC, 1`, id)
	if err != nil {
		return nil, fmt.Errorf("actor %q: %w", id, err)
	}
	for r.Next() {
		var tc didar.TypeCount
		if err := r.Scan((*string)(&tc.Type), &tc.Count); err != nil {
			r.Close()
			return nil, fmt.Errorf("actor %q: %w", id, err)
		}
		d.ByType = append(d.ByType, tc)
	}
	r.Close()
	// The pair counts of migration 010 hold each pair once, smaller id
	// first: the actor's partners are on either side.
	r, err = s.read(ctx, `SELECT p, n FROM (SELECT b AS p, n FROM dyad_counts WHERE a = ? AND n > 0
		UNION ALL SELECT a, n FROM dyad_counts WHERE b = ? AND n > 0) x ORDER BY 2 DESC, 1 LIMIT 20`, id, id)
	if err != nil {
		return nil, fmt.Errorf("actor %q: %w", id, err)
	}
	var ids []string
	for r.Next() {
		var p didar.PartnerCount
		if err := r.Scan(&p.ID, &p.Events); err != nil {
			r.Close()
			return nil, fmt.Errorf("actor %q: %w", id, err)
		}
		d.Partners = append(d.Partners, p)
		ids = append(ids, p.ID)
	}
	r.Close()
	refs, err := s.refs(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("actor %q: %w", id, err)
	}
	for i := range d.Partners {
		d.Partners[i].ActorRef = refs[d.Partners[i].ID]
	}
	return d, nil
}

func (s *Store) UnknownActors(ctx context.Context, f didar.UnknownFilter) (*didar.UnknownPage, error) {
	off, err := decodeCursor(f.Cursor)
	if err != nil {
		return nil, err
	}
	n := limit(f.Limit)
	var w where
	w.add(`a.in_dictionary = 0`)
	w.add(`a.mentions > 0`)
	if f.Kind != "" {
		w.add(`a.kind = ?`, string(f.Kind))
	} else {
		w.add(`a.kind <> ?`, string(didar.KindGroup))
	}
	if k := SearchKey(f.Q); k != "" {
		w.add(`a.names LIKE ? ESCAPE '\'`, "%"+escapeLike(k)+"%")
	}
	if f.Country != "" {
		w.add(`a.country = ?`, f.Country)
	}
	r, err := s.db.QueryContext(ctx, s.q(`SELECT `+actorCols+` FROM actors a`+w.String()+` ORDER BY a.mentions DESC, a.id LIMIT ? OFFSET ?`), append(w.args, n+1, off)...)
	if err != nil {
		return nil, fmt.Errorf("unknown actors: %w", err)
	}
	page := &didar.UnknownPage{Actors: []didar.UnknownActor{}}
	for r.Next() {
		a, err := scanActor(r)
		if err != nil {
			r.Close()
			return nil, fmt.Errorf("unknown actors: %w", err)
		}
		page.Actors = append(page.Actors, didar.UnknownActor{ActorSummary: a, Names: []string{}, Roles: []string{}})
	}
	r.Close()
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("unknown actors: %w", err)
	}
	if len(page.Actors) > n {
		page.Actors = page.Actors[:n]
		page.Next = encodeCursor(off + n)
	}
	for i := range page.Actors {
		if err := s.describeUnknown(ctx, &page.Actors[i]); err != nil {
			return nil, fmt.Errorf("unknown actor %q: %w", page.Actors[i].ID, err)
		}
	}
	return page, nil
}

// describeUnknown fills the names, roles, article count and example of
// a provisional actor.
func (s *Store) describeUnknown(ctx context.Context, u *didar.UnknownActor) error {
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT count(DISTINCT article) FROM mentions WHERE actor = ?`), u.ID).Scan(&u.Articles); err != nil {
		return err
	}
	// Pronouns, role phrases and counterparts are not its names.
	names, err := s.texts(ctx, `SELECT text FROM mentions WHERE actor = ? AND via NOT IN ('pronoun', 'role', 'counterpart')
		GROUP BY text ORDER BY count(*) DESC, text LIMIT 10`, u.ID)
	if err != nil {
		return err
	}
	u.Names = append(u.Names, names...)
	roles, err := s.texts(ctx, `SELECT role FROM actor_roles WHERE actor = ? GROUP BY role ORDER BY count(*) DESC, role LIMIT 10`, u.ID)
	if err != nil {
		return err
	}
	u.Roles = append(u.Roles, roles...)
	var start, end int
	var text string
	err = s.db.QueryRowContext(ctx, s.q(`SELECT a.id, a.text, m.start, m.stop FROM mentions m JOIN articles a ON a.seq = m.article
		WHERE m.actor = ? ORDER BY CASE WHEN m.via IN ('pronoun', 'role', 'counterpart') THEN 1 ELSE 0 END, m.article, m.start LIMIT 1`), u.ID).Scan(&u.ExampleArticle, &text, &start, &end)
	if err != nil {
		return err
	}
	u.Example = sentenceAround(text, start, end)
	return nil
}

// texts runs a query of one text column.
func (s *Store) texts(ctx context.Context, query string, args ...any) ([]string, error) {
	r, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var out []string
	for r.Next() {
		var v string
		if err := r.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, r.Err()
}

// sentenceAround returns the sentence of text holding runes [start, end),
// cut to about 200 runes on each side of it.
func sentenceAround(text string, start, end int) string {
	rs := []rune(text)
	start, end = max(0, min(start, len(rs))), max(0, min(end, len(rs)))
	const reach = 200
	a := start
	for a > 0 && start-a < reach && !endsSentence(rs[a-1]) {
		a--
	}
	b := end
	for b < len(rs) && b-end < reach && !endsSentence(rs[b]) {
		b++
	}
	if b < len(rs) && rs[b] != '\n' {
		b++ // keep its full stop
	}
	return strings.TrimSpace(string(rs[a:b]))
}

func endsSentence(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '\n':
		return true
	}
	return false
}
