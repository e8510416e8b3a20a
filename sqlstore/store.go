package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/didar-news/didar"
)

// Dialect is what differs between engines.
type Dialect struct {
	Name string
	// Dollar numbers placeholders $1, $2, ... instead of ?.
	Dollar bool
	// Search returns a condition on the articles table (alias a) that
	// holds when every term (a folded key without spaces) occurs in
	// the article, with its arguments.
	Search func(terms []string) (string, []any)
	// SearchColumn is the value of articles.search for an article's
	// title and normalised text.
	SearchColumn func(title, text string) string
	// Remote is set for a database server, where every statement costs
	// a round trip: a batch then reads what its articles need in a few
	// larger statements rather than one small one per article.
	Remote bool
	// Index, when not nil, indexes an article for search after it is
	// stored (replace: its text changed).
	Index func(ctx context.Context, tx *sql.Tx, seq int64, title, text string, replace bool) error
	// Lock, when set, is run first in every write transaction and holds
	// until it ends. Merging events and stories reads what earlier saves
	// wrote, so writers on several machines (queue workers) must save
	// one after the other; a SQLite file has one writer anyway.
	Lock string
	// LongWrite, when set, is run at the start of a transaction that
	// saves an article of partsFrom bytes of text or more, and
	// LongWrite[1] at its end. SQLite shrinks its page cache for the
	// while: such a write fills any cache with its pages.
	LongWrite [2]string
}

// Store is a didar.Store on a database/sql database.
type Store struct {
	db  *sql.DB
	d   Dialect
	now func() time.Time

	mu    sync.Mutex
	stmts map[string]*sql.Stmt // prepared once: parsing is a fifth of a save

	memo memo
}

var _ didar.Store = (*Store)(nil)

// New applies the migrations in dir (files NNN_name.sql, in name order,
// each in its own transaction and recorded in schema_migrations) and
// returns the store. The store owns db and closes it.
func New(ctx context.Context, db *sql.DB, d Dialect, migrations fs.FS) (*Store, error) {
	s := &Store{db: db, d: d, now: time.Now}
	if err := s.migrate(ctx, migrations); err != nil {
		return nil, err
	}
	return s, nil
}

// DB returns the underlying database, for tests and benchmarks.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error {
	s.mu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.mu.Unlock()
	return s.db.Close()
}

// maxStmts bounds the statement cache; multi-row inserts make one
// statement per row count.
const maxStmts = 400

// stmt returns the prepared statement of query, preparing it once. It
// returns nil when the cache is full, and the caller runs the query
// unprepared: a statement prepared and never closed would leak.
func (s *Store) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.stmts[query]; ok {
		return st, nil
	}
	if len(s.stmts) >= maxStmts {
		return nil, nil
	}
	st, err := s.db.PrepareContext(ctx, s.q(query))
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = map[string]*sql.Stmt{}
	}
	s.stmts[query] = st
	return st, nil
}

func (s *Store) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return tx.ExecContext(ctx, s.q(query), args...)
	}
	return tx.StmtContext(ctx, st).ExecContext(ctx, args...)
}

func (s *Store) query(ctx context.Context, tx *sql.Tx, query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return tx.QueryContext(ctx, s.q(query), args...)
	}
	return tx.StmtContext(ctx, st).QueryContext(ctx, args...)
}

// read runs a query outside a transaction through the statement cache.
func (s *Store) read(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return s.db.QueryContext(ctx, s.q(query), args...)
	}
	return st.QueryContext(ctx, args...)
}

// readRow is QueryRowContext outside a transaction through the
// statement cache; an error preparing comes out of Scan.
func (s *Store) readRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := s.stmt(ctx, query)
	if err != nil || st == nil {
		return s.db.QueryRowContext(ctx, s.q(query), args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// queryRow is QueryRowContext through the cache; an error preparing
// comes out of Scan.
func (s *Store) queryRow(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	st, err := s.stmt(ctx, query)
	if err != nil || st == nil {
		return tx.QueryRowContext(ctx, s.q(query), args...) // reports the same error
	}
	return tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
}

func (s *Store) migrate(ctx context.Context, migrations fs.FS) error {
	names, err := fs.Glob(migrations, "*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		v, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migrate: %s: name must start with a number", name)
		}
		body, err := fs.ReadFile(migrations, name)
		if err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
		// Checked inside the (locked) transaction: workers started at
		// once must not apply a migration twice.
		err = s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM schema_migrations WHERE version = ?`), v).Scan(&n); err != nil || n > 0 {
				return err
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`), v, name, s.now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return nil
}

// q rewrites ? placeholders for the dialect. Queries here never hold a
// literal question mark.
func (s *Store) q(query string) string {
	if !s.d.Dollar {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tx runs f in a transaction, committed when f returns nil.
// write runs f in a transaction that changes the corpus: it also counts
// the change in corpus_version, so that results kept until the corpus
// changes (memo) are made again, in every process, once it commits.
func (s *Store) write(ctx context.Context, f func(*sql.Tx) error) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE corpus_version SET n = n + 1`); err != nil {
			return fmt.Errorf("count the change: %w", err)
		}
		return f(tx)
	})
}

func (s *Store) tx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if s.d.Lock != "" {
		if _, err := tx.ExecContext(ctx, s.d.Lock); err != nil {
			tx.Rollback()
			return fmt.Errorf("lock: %w", err)
		}
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// cursor pages are offsets, encoded so that clients treat them as opaque.
func encodeCursor(offset int) string {
	return "o" + strconv.FormatInt(int64(offset), 36)
}

func decodeCursor(c string) (int, error) {
	if c == "" {
		return 0, nil
	}
	if !strings.HasPrefix(c, "o") {
		return 0, didar.Errorf(didar.EINVALID, "malformed cursor %q", c)
	}
	n, err := strconv.ParseInt(c[1:], 36, 32)
	if err != nil || n < 0 {
		return 0, didar.Errorf(didar.EINVALID, "malformed cursor %q", c)
	}
	return int(n), nil
}

func limit(n int) int {
	switch {
	case n <= 0:
		return didar.DefaultLimit
	case n > didar.MaxLimit:
		return didar.MaxLimit
	}
	return n
}

// where collects the conditions and arguments of a query.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func notFound(what, id string) error {
	return didar.Errorf(didar.ENOTFOUND, "%s %q not found", what, id)
}
