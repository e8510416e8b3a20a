package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/postgres"
	"github.com/didar-news/didar/sqlite"
)

// defaultDB is the database when neither --db nor DIDAR_DB names one.
const defaultDB = "didar.db"

// dbFlag adds --db to fs, defaulting to $DIDAR_DB, else didar.db.
func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("DIDAR_DB")
	if def == "" {
		def = defaultDB
	}
	return fs.String("db", def, "database: a SQLite file, or a postgres:// URL ($DIDAR_DB when set)")
}

// isPostgres tells a PostgreSQL URL from a SQLite file name.
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// openExisting opens the store of the commands that only read or rework
// what is stored: a SQLite file that does not exist is a mistyped name,
// and opening it would leave an empty database behind.
func openExisting(ctx context.Context, dsn string) (didar.Store, error) {
	if err := mustExist(dsn); err != nil {
		return nil, err
	}
	return openStore(ctx, dsn)
}

func mustExist(dsn string) error {
	if isPostgres(dsn) {
		return nil // the server says whether the database exists
	}
	path := strings.TrimPrefix(dsn, "sqlite://")
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("database %s does not exist (didar ingest --db %s creates it)", path, dsn)
	} else if err != nil {
		return fmt.Errorf("database %s: %w", path, err)
	}
	return nil
}

// openStore opens the store a DSN names: PostgreSQL for a postgres:// or
// postgresql:// URL, else a SQLite file (created if needed). Migrations
// are applied on open.
func openStore(ctx context.Context, dsn string) (didar.Store, error) {
	if isPostgres(dsn) {
		return postgres.Open(ctx, dsn, "")
	}
	return sqlite.Open(ctx, strings.TrimPrefix(dsn, "sqlite://"))
}
