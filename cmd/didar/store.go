package main

import (
	"context"
	"flag"
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
	return fs.String("db", def, "database: a SQLite file, or a postgres:// URL (default from $DIDAR_DB)")
}

// openStore opens the store a DSN names: PostgreSQL for a postgres:// or
// postgresql:// URL, else a SQLite file (created if needed). Migrations
// are applied on open.
func openStore(ctx context.Context, dsn string) (didar.Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return postgres.Open(ctx, dsn, "")
	}
	return sqlite.Open(ctx, strings.TrimPrefix(dsn, "sqlite://"))
}
