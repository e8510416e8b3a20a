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
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)", "cache_size(" + cacheSize + ")"} {
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

// cacheSize is each connection's page cache, in KiB when negative: the
// reads of a large corpus want a large one.
const cacheSize = "-65536"

// Dialect is SQLite's: ? placeholders and an FTS5 index of terms. A long
// article is written with an 8 MB page cache: the transaction's pages
// would fill the usual 64 MB, which then stays allocated, and spilling
// them to the log early costs little.
var Dialect = sqlstore.Dialect{Name: "sqlite", Search: search, SearchColumn: func(string, string) string { return "" }, Index: index,
	LongWrite: [2]string{"PRAGMA cache_size = -8192", "PRAGMA cache_size = " + cacheSize}}

// Terms returns what the full-text index holds for an article: every
// word of its matching key (ZWNJ and diacritics removed, letter forms
// folded) and every two adjacent words joined, so that a compound
// written with a space ("رئیس جمهور") is also found as one word
// ("رئیسجمهور", "رئیس‌جمهور"). Queries match words by prefix, so a
// suffix written with or without ZWNJ ("همکاری‌های") is found too.
//
// A term is listed once: queries ask only whether an article has a term,
// and a long text repeats its words, each repeat costing the index a
// position. The terms seen are forgotten every maxSeen, so that memory
// stays bounded; a term may then be listed again, which matches the same.
func Terms(title, text string) string {
	if title != "" {
		text = title + "\n" + text
	}
	var b strings.Builder
	b.Grow(min(3*len(text), 1<<20))
	// Word by word, keeping the one before: a list of every word of a
	// long text costs more than the text. A pair is kept as its two
	// words, which share the key's memory.
	seen := map[[2]string]bool{}
	add := func(a, w string) {
		if seen[[2]string{a, w}] {
			return
		}
		if len(seen) >= maxSeen {
			clear(seen)
		}
		seen[[2]string{a, w}] = true
		b.WriteString(a)
		b.WriteString(w)
		b.WriteByte(' ')
	}
	prev := ""
	for w := range strings.FieldsFuncSeq(normalize.Key(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if prev != "" {
			add(prev, w)
		}
		add(w, "")
		prev = w
	}
	return b.String()
}

// maxSeen is the most terms Terms remembers to list them once.
const maxSeen = 1 << 16

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
