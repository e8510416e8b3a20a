package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"strings"
	"unicode"

	"github.com/didar-news/didar/normalize"
	"github.com/didar-news/didar/sqlstore"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Open opens (creating it if needed) the database file at path and
// applies the migrations. ":memory:" is not supported: every connection
// would see its own database.
func Open(ctx context.Context, path string) (*sqlstore.Store, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)", "cache_size(-65536)"} {
		q.Add("_pragma", p)
	}
	// Write transactions take the lock when they begin, so two writers
	// wait for each other instead of failing on upgrade.
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Each connection has its own page cache and prepared statements,
	// and the engine runs on the caller's thread: more connections than
	// cores only add cold caches, and closing all but two idle ones (the
	// database/sql default) reopens them under load. A few more than
	// cores leave room for writers waiting on the write lock.
	conns := max(8, 2*runtime.GOMAXPROCS(0))
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	sub, _ := fs.Sub(migrations, "migrations")
	s, err := sqlstore.New(ctx, db, Dialect, sub)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// Dialect is SQLite's: ? placeholders and an FTS5 index of terms.
var Dialect = sqlstore.Dialect{Name: "sqlite", Search: search, SearchColumn: func(string, string) string { return "" }, Index: index}

// Terms returns what the full-text index holds for an article: every
// word of its matching key (ZWNJ and diacritics removed, letter forms
// folded) and every two adjacent words joined, so that a compound
// written with a space ("رئیس جمهور") is also found as one word
// ("رئیسجمهور", "رئیس‌جمهور"). Queries match words by prefix, so a
// suffix written with or without ZWNJ ("همکاری‌های") is found too.
func Terms(title, text string) string {
	if title != "" {
		text = title + "\n" + text
	}
	var b strings.Builder
	b.Grow(3 * len(text))
	// Word by word, keeping the one before: a list of every word of a
	// long text costs more than the text.
	prev := ""
	for w := range strings.FieldsFuncSeq(normalize.Key(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if prev != "" {
			b.WriteString(prev)
			b.WriteString(w)
			b.WriteByte(' ')
		}
		b.WriteString(w)
		b.WriteByte(' ')
		prev = w
	}
	return b.String()
}

func index(ctx context.Context, tx *sql.Tx, seq int64, title, text string, replace bool) error {
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles_fts WHERE rowid = ?`, seq); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, terms) VALUES (?, ?)`, seq, Terms(title, text))
	return err
}

// search matches every term as a word prefix, or, for several terms,
// all of them joined as one word (the text wrote the compound whole).
func search(terms []string) (string, []any) {
	quote := func(t string) string { return `"` + strings.ReplaceAll(t, `"`, `""`) + `"*` }
	phrases := make([]string, len(terms))
	for i, t := range terms {
		phrases[i] = quote(t)
	}
	q := strings.Join(phrases, " AND ")
	if len(terms) > 1 {
		q = "(" + q + ") OR " + quote(strings.Join(terms, ""))
	}
	return `a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`, []any{q}
}
