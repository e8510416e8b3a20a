package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/didar-news/didar"
)

// rederive replaces the rows derived from an article's record (mentions,
// quotes, topics, reports and the merged events) shown as was by those
// of rec, and marks the reports of corrected and checked events.
func (s *Store) rederive(ctx context.Context, tx *sql.Tx, seq int64, outlet string, was, rec didar.Record) error {
	for _, a := range was.Actors {
		if _, err := s.exec(ctx, tx, `UPDATE actors SET mentions = mentions - ? WHERE id = ?`, len(a.Mentions), a.ID); err != nil {
			return err
		}
	}
	for _, table := range []string{"mentions", "actor_roles", "quotes", "article_topics"} {
		if _, err := s.exec(ctx, tx, `DELETE FROM `+table+` WHERE article = ?`, seq); err != nil {
			return err
		}
	}
	var b batch
	affected, err := s.dropReports(ctx, tx, &b, seq, outlet)
	if err != nil {
		return err
	}
	if err := s.refreshEvents(ctx, tx, &b, affected); err != nil {
		return err
	}
	if _, err := s.exec(ctx, tx, `UPDATE articles SET num_events = ? WHERE seq = ?`, len(rec.Events), seq); err != nil {
		return err
	}
	if err := s.insertRecord(ctx, tx, &b, seq, rec.Article.ID, outlet, rec); err != nil {
		return err
	}
	if err := s.flush(ctx, tx, &b); err != nil {
		return err
	}
	for _, e := range rec.Events {
		marks := 0
		if len(e.Corrections) > 0 {
			marks |= 1
		}
		if e.Checked {
			marks |= 2
		}
		if marks == 0 {
			continue
		}
		if _, err := s.exec(ctx, tx, `UPDATE reports SET marks = ? WHERE article = ? AND local_id = ?`, marks, seq, e.ID); err != nil {
			return err
		}
	}
	return nil
}

const correctionCols = `id, article, op, before_json, after_json, reason, username, made_at, undoes, undone_by`

func scanCorrections(r *sql.Rows) ([]didar.Correction, error) {
	defer r.Close()
	out := []didar.Correction{}
	for r.Next() {
		var c didar.Correction
		var before, after, at string
		if err := r.Scan(&c.ID, &c.Article, &c.Op, &before, &after, &c.Reason, &c.User, &at, &c.Undoes, &c.UndoneBy); err != nil {
			return nil, err
		}
		for _, f := range []struct {
			raw string
			dst **didar.Change
		}{{before, &c.Before}, {after, &c.After}} {
			if f.raw == "" {
				continue
			}
			*f.dst = new(didar.Change)
			if err := json.Unmarshal([]byte(f.raw), *f.dst); err != nil {
				return nil, fmt.Errorf("correction %d: %w", c.ID, err)
			}
		}
		c.At, _ = time.Parse(time.RFC3339Nano, at)
		out = append(out, c)
	}
	return out, r.Err()
}

func (s *Store) articleCorrections(ctx context.Context, tx *sql.Tx, article string) ([]didar.Correction, error) {
	r, err := s.query(ctx, tx, `SELECT `+correctionCols+` FROM corrections WHERE article = ? ORDER BY id`, article)
	if err != nil {
		return nil, fmt.Errorf("read corrections: %w", err)
	}
	return scanCorrections(r)
}

func changeJSON(c *didar.Change) string {
	if c == nil {
		return ""
	}
	b, _ := json.Marshal(c)
	return string(b)
}

// stateOf locks an article and reads its stored record and its
// corrections.
func (s *Store) stateOf(ctx context.Context, tx *sql.Tx, article string) (seq int64, outlet string, rec didar.Record, cs []didar.Correction, err error) {
	var body, published, url string
	// Lock the article's row first: two corrections of one article at
	// once would each rederive from a state without the other.
	if _, err := s.exec(ctx, tx, `UPDATE articles SET coder = coder WHERE id = ?`, article); err != nil {
		return 0, "", rec, nil, err
	}
	err = s.queryRow(ctx, tx, `SELECT seq, record, outlet, published, text, url FROM articles WHERE id = ?`, article).Scan(&seq, &body, &outlet, &published, &rec.Article.Text, &url)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", rec, nil, notFound("article", article)
	}
	if err != nil {
		return 0, "", rec, nil, err
	}
	st, err := s.storedRecord(ctx, tx, seq, body)
	if err != nil {
		return 0, "", rec, nil, fmt.Errorf("record: %w", err)
	}
	rec.Article.ID, rec.Article.URL = article, didar.NullString(url)
	if published != "" {
		rec.Article.Published, _ = didar.ParseDate(published)
	}
	rec.Actors, rec.Events, rec.Quotes, rec.Topics = st.Actors, st.Events, st.Quotes, st.Topics
	if cs, err = s.articleCorrections(ctx, tx, article); err != nil {
		return 0, "", rec, nil, err
	}
	return seq, outlet, rec, cs, nil
}

func (s *Store) insertCorrection(ctx context.Context, tx *sql.Tx, c *didar.Correction) error {
	c.At = s.now().UTC()
	return s.queryRow(ctx, tx, `INSERT INTO corrections (article, op, before_json, after_json, reason, username, made_at, undoes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		c.Article, string(c.Op), changeJSON(c.Before), changeJSON(c.After), c.Reason, c.User, c.At.Format(time.RFC3339Nano), c.Undoes).Scan(&c.ID)
}

func (s *Store) Correct(ctx context.Context, c didar.Correction) (didar.Correction, error) {
	if c.Op == didar.OpUndo {
		return c, didar.Errorf(didar.EINVALID, "an undo is made by Undo")
	}
	if c.User == "" {
		return c, didar.Errorf(didar.EINVALID, "a correction needs a user")
	}
	c.Undoes, c.UndoneBy = 0, 0
	if c.Article == "" {
		return s.correctDictionary(ctx, c)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		seq, outlet, coded, cs, err := s.stateOf(ctx, tx, c.Article)
		if err != nil {
			return err
		}
		if err := s.insertCorrection(ctx, tx, &c); err != nil {
			return err
		}
		was, _ := didar.ApplyCorrections(coded, cs)
		// It must apply to the record as the user saw it.
		now, un := didar.ApplyCorrections(was, []didar.Correction{c})
		if len(un) > 0 {
			return didar.Errorf(didar.EINVALID, "correction of %s: %s", c.Article, un[0].Reason)
		}
		if c.Op == didar.OpNewActor {
			if c.After.Entry == nil || c.After.Entry.ID != c.After.Actor.ID {
				return didar.Errorf(didar.EINVALID, "a new actor needs its dictionary entry, under the actor's id")
			}
			var n int
			if err := s.queryRow(ctx, tx, `SELECT count(*) FROM actors WHERE id = ?`, c.After.Entry.ID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return didar.Errorf(didar.ECONFLICT, "an actor %q exists already: relink the mention to it", c.After.Entry.ID)
			}
			if err := s.saveEntry(ctx, tx, *c.After.Entry); err != nil {
				return err
			}
		}
		return s.rederive(ctx, tx, seq, outlet, was, now)
	})
	if err != nil {
		return didar.Correction{}, fmt.Errorf("correct %q: %w", c.Article, err)
	}
	return c, nil
}

// correctDictionary makes a correction of the dictionary alone.
func (s *Store) correctDictionary(ctx context.Context, c didar.Correction) (didar.Correction, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		switch {
		case c.Op == didar.OpAddEntry && c.After != nil && c.After.Entry != nil:
			if err := s.saveEntry(ctx, tx, *c.After.Entry); err != nil {
				return err
			}
		case c.Op == didar.OpMergeActor && c.Before != nil && c.Before.Actor != nil && c.After != nil && c.After.Actor != nil:
			var body string
			err := s.queryRow(ctx, tx, `SELECT entry FROM actors WHERE id = ? AND in_dictionary = 1`, c.After.Actor.ID).Scan(&body)
			if errors.Is(err, sql.ErrNoRows) {
				return didar.Errorf(didar.EINVALID, "%q is not a dictionary actor", c.After.Actor.ID)
			}
			if err != nil {
				return err
			}
			var e didar.Entry
			if err := json.Unmarshal([]byte(body), &e); err != nil {
				return fmt.Errorf("entry %q: %w", c.After.Actor.ID, err)
			}
			for _, n := range didar.SplitNames(c.Before.Actor.NameFA) {
				if !slices.Contains(e.FA, n) {
					e.FA = append(e.FA, n)
				}
			}
			if err := s.saveEntry(ctx, tx, e); err != nil {
				return err
			}
		default:
			return didar.Errorf(didar.EINVALID, "a correction of no article must add a dictionary entry or merge an actor into one")
		}
		return s.insertCorrection(ctx, tx, &c)
	})
	if err != nil {
		return didar.Correction{}, fmt.Errorf("correct the dictionary: %w", err)
	}
	return c, nil
}

func (s *Store) Undo(ctx context.Context, id int64, user, reason string) (didar.Correction, error) {
	var u didar.Correction
	err := s.write(ctx, func(tx *sql.Tx) error {
		r, err := s.query(ctx, tx, `SELECT `+correctionCols+` FROM corrections WHERE id = ?`, id)
		if err != nil {
			return err
		}
		one, err := scanCorrections(r)
		if err != nil {
			return err
		}
		if len(one) == 0 {
			return didar.Errorf(didar.ENOTFOUND, "correction %d not found", id)
		}
		c := one[0]
		if c.Article == "" {
			return didar.Errorf(didar.EINVALID, "correction %d changed the dictionary: edit the entry instead", id)
		}
		if !c.Active() {
			return didar.Errorf(didar.ECONFLICT, "correction %d is an undo or undone already", id)
		}
		seq, outlet, coded, cs, err := s.stateOf(ctx, tx, c.Article)
		if err != nil {
			return err
		}
		for _, o := range cs {
			if o.ID > id && o.Active() {
				return didar.Errorf(didar.ECONFLICT, "correction %d was made after %d: undo it first", o.ID, id)
			}
		}
		was, _ := didar.ApplyCorrections(coded, cs)
		u = didar.Correction{Article: c.Article, Op: didar.OpUndo, Before: c.After, After: c.Before, Reason: reason, User: user, Undoes: id}
		if err := s.insertCorrection(ctx, tx, &u); err != nil {
			return err
		}
		if _, err := s.exec(ctx, tx, `UPDATE corrections SET undone_by = ? WHERE id = ?`, u.ID, id); err != nil {
			return err
		}
		for i := range cs {
			if cs[i].ID == id {
				cs[i].UndoneBy = u.ID
			}
		}
		now, _ := didar.ApplyCorrections(coded, cs)
		return s.rederive(ctx, tx, seq, outlet, was, now)
	})
	if err != nil {
		return didar.Correction{}, fmt.Errorf("undo %d: %w", id, err)
	}
	return u, nil
}

func (s *Store) Corrections(ctx context.Context, f didar.CorrectionFilter) (*didar.CorrectionPage, error) {
	off, err := decodeCursor(f.Cursor)
	if err != nil {
		return nil, err
	}
	n := limit(f.Limit)
	var w where
	if f.Article != "" {
		w.add(`article = ?`, f.Article)
	}
	if f.User != "" {
		w.add(`username = ?`, f.User)
	}
	if !f.From.IsZero() {
		w.add(`made_at >= ?`, f.From.String())
	}
	if !f.To.IsZero() {
		w.add(`made_at < ?`, f.To.AddDays(1).String())
	}
	r, err := s.db.QueryContext(ctx, s.q(`SELECT `+correctionCols+` FROM corrections`+w.String()+` ORDER BY id LIMIT ? OFFSET ?`), append(w.args, n+1, off)...)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	list, err := scanCorrections(r)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	page := &didar.CorrectionPage{Corrections: list}
	if len(list) > n {
		page.Corrections = list[:n]
		page.Next = encodeCursor(off + n)
	}
	return page, nil
}

// markEvents sets the Corrected and Checked marks of events from their
// marked reports.
func (s *Store) markEvents(ctx context.Context, list []didar.StoredEvent) error {
	if len(list) == 0 {
		return nil
	}
	ids := make([]any, len(list))
	for i, e := range list {
		ids[i] = e.ID
		list[i].Checked = false
	}
	r, err := s.read(ctx, `SELECT event, marks FROM reports WHERE marks > 0 AND event IN (`+placeholders(len(ids))+`)`, ids...)
	if err != nil {
		return err
	}
	defer r.Close()
	marks := map[string]int{}
	for r.Next() {
		var id string
		var m int
		if err := r.Scan(&id, &m); err != nil {
			return err
		}
		marks[id] |= m
	}
	if err := r.Err(); err != nil {
		return err
	}
	for i := range list {
		m := marks[list[i].ID]
		list[i].Corrected, list[i].Checked = m&1 != 0, m&2 != 0
	}
	return nil
}

func (s *Store) AddUser(ctx context.Context, u didar.User, tokenHash string) error {
	switch u.Role {
	case didar.RoleEditor, didar.RoleAdmin:
	default:
		return didar.Errorf(didar.EINVALID, "role %q: want editor or admin", u.Role)
	}
	if u.Name == "" || tokenHash == "" {
		return didar.Errorf(didar.EINVALID, "a user needs a name and a token")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := s.queryRow(ctx, tx, `SELECT count(*) FROM users WHERE name = ?`, u.Name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return didar.Errorf(didar.ECONFLICT, "user %q exists already", u.Name)
		}
		_, err := s.exec(ctx, tx, `INSERT INTO users (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)`,
			u.Name, string(u.Role), tokenHash, s.now().UTC().Format(time.RFC3339))
		return err
	})
}

func (s *Store) user(ctx context.Context, cond string, arg string) (*didar.User, error) {
	var u didar.User
	var created string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT name, role, created_at FROM users WHERE `+cond+` = ?`), arg).Scan(&u.Name, &u.Role, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, didar.Errorf(didar.ENOTFOUND, "no such user")
	}
	if err != nil {
		return nil, fmt.Errorf("user: %w", err)
	}
	u.Created, _ = time.Parse(time.RFC3339, created)
	return &u, nil
}

func (s *Store) UserByToken(ctx context.Context, tokenHash string) (*didar.User, error) {
	return s.user(ctx, "token_hash", tokenHash)
}

func (s *Store) Users(ctx context.Context) ([]didar.User, error) {
	r, err := s.db.QueryContext(ctx, `SELECT name, role, created_at FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("users: %w", err)
	}
	defer r.Close()
	out := []didar.User{}
	for r.Next() {
		var u didar.User
		var created string
		if err := r.Scan(&u.Name, &u.Role, &created); err != nil {
			return nil, fmt.Errorf("users: %w", err)
		}
		u.Created, _ = time.Parse(time.RFC3339, created)
		out = append(out, u)
	}
	return out, r.Err()
}

func (s *Store) RemoveUser(ctx context.Context, name string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, `DELETE FROM sessions WHERE username = ?`, name); err != nil {
			return err
		}
		res, err := s.exec(ctx, tx, `DELETE FROM users WHERE name = ?`, name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return didar.Errorf(didar.ENOTFOUND, "user %q not found", name)
		}
		return nil
	})
}

func (s *Store) SaveSession(ctx context.Context, se didar.Session) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO sessions (id_hash, username, csrf, expires) VALUES (?, ?, ?, ?)`),
		se.IDHash, se.User.Name, se.CSRF, se.Expires.UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("save session: %w", err)
	}
	// Expired sessions go when new ones come.
	_, err = s.db.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE expires < ?`), s.now().UTC().Format(time.RFC3339))
	return err
}

func (s *Store) Session(ctx context.Context, idHash string) (*didar.Session, error) {
	var se didar.Session
	var expires, created string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT s.id_hash, s.csrf, s.expires, u.name, u.role, u.created_at FROM sessions s JOIN users u ON u.name = s.username WHERE s.id_hash = ?`), idHash).
		Scan(&se.IDHash, &se.CSRF, &expires, &se.User.Name, &se.User.Role, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, didar.Errorf(didar.ENOTFOUND, "no such session")
	}
	if err != nil {
		return nil, fmt.Errorf("session: %w", err)
	}
	se.Expires, _ = time.Parse(time.RFC3339, expires)
	se.User.Created, _ = time.Parse(time.RFC3339, created)
	if !s.now().Before(se.Expires) {
		return nil, didar.Errorf(didar.ENOTFOUND, "the session has expired")
	}
	return &se, nil
}

func (s *Store) DeleteSession(ctx context.Context, idHash string) error {
	if _, err := s.db.ExecContext(ctx, s.q(`DELETE FROM sessions WHERE id_hash = ?`), idHash); err != nil {
		return fmt.Errorf("end session: %w", err)
	}
	return nil
}
