package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strings"

	"github.com/didar-news/didar/sqlstore"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Open connects to the database at dsn (postgres://...) and applies the
// migrations. With schema set, the store lives in that schema (created
// if needed), so that test runs do not collide.
func Open(ctx context.Context, dsn, schema string) (*sqlstore.Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	if schema != "" {
		cfg.RuntimeParams["search_path"] = schema + ",public"
	}
	// A commit does not wait for its WAL flush: a server crash may lose
	// the last fraction of a second of saves, never half an article,
	// and ingestion is idempotent, so a rerun restores them. It makes a
	// one-article transaction several times faster. A DSN can set it
	// back (?synchronous_commit=on).
	if _, ok := cfg.RuntimeParams["synchronous_commit"]; !ok {
		cfg.RuntimeParams["synchronous_commit"] = "off"
	}
	db := stdlib.OpenDB(*cfg)
	if schema != "" {
		if _, err := db.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{schema}.Sanitize()); err != nil {
			db.Close()
			return nil, fmt.Errorf("open postgres: create schema %s: %w", schema, err)
		}
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	db.SetMaxOpenConns(8)
	sub, _ := fs.Sub(migrations, "migrations")
	s, err := sqlstore.New(ctx, db, Dialect, sub)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return s, nil
}

// DropSchema removes a schema and everything in it; tests call it when
// they are done.
func DropSchema(ctx context.Context, dsn, schema string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, `DROP SCHEMA IF EXISTS `+pgx.Identifier{schema}.Sanitize()+` CASCADE`)
	return err
}

// Dialect is PostgreSQL's: $n placeholders, LIKE over the trigram
// index, batches that read in few round trips, and writers (processes on
// several machines) that save one at a time, by a lock per schema so
// that stores in other schemas do not wait.
var Dialect = sqlstore.Dialect{Name: "postgres", Dollar: true, Remote: true, Search: search, SearchColumn: searchColumn,
	Lock: `SELECT pg_advisory_xact_lock(7215, hashtext(current_schema()))`}

// searchColumn is the search key of the title and text: folded, without
// spaces, so that LIKE finds a compound however it is written.
func searchColumn(title, text string) string { return sqlstore.SearchKey(title + " " + text) }

func search(terms []string) (string, []any) {
	conds := make([]string, len(terms))
	args := make([]any, len(terms))
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	for i, t := range terms {
		conds[i] = `a.search LIKE ?`
		args[i] = "%" + r.Replace(t) + "%"
	}
	return "(" + strings.Join(conds, " AND ") + ")", args
}
