package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/didar-news/didar/sqlite/sqlstore"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Open opens (creating it if needed) the database file at path and
// applies the migrations. ":memory:" is not supported: every connection
// would see its own database.
func Open(ctx context.Context, path string) (*sqlstore.Store, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	// Write transactions take the lock when they begin, so two writers
	// wait for each other instead of failing on upgrade.
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
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

// Dialect is SQLite's: ? placeholders and an FTS5 trigram match.
var Dialect = sqlstore.Dialect{Name: "sqlite", Search: search}

// search matches terms of three letters or more with the trigram index
// and shorter ones, which trigrams cannot index, with LIKE.
func search(terms []string) (string, []any) {
	var phrases []string
	var conds []string
	var args []any
	for _, t := range terms {
		if utf8.RuneCountInString(t) >= 3 {
			phrases = append(phrases, `"`+strings.ReplaceAll(t, `"`, `""`)+`"`)
			continue
		}
		conds = append(conds, `a.search LIKE ? ESCAPE '\'`)
		args = append(args, "%"+escapeLike(t)+"%")
	}
	if len(phrases) > 0 {
		conds = append([]string{`a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`}, conds...)
		args = append([]any{strings.Join(phrases, " AND ")}, args...)
	}
	return "(" + strings.Join(conds, " AND ") + ")", args
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}
