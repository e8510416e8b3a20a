package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"testing/fstest"

	_ "modernc.org/sqlite"
)

// TestStatementCacheFull: once the cache holds maxStmts statements, new
// queries still run, unprepared, and nothing more is kept open.
func TestStatementCacheFull(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(ctx, db, Dialect{Name: "sqlite"}, fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range maxStmts + 5 {
		r, err := s.read(ctx, fmt.Sprintf(`SELECT %d + ?`, i), 1)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if !r.Next() {
			t.Fatalf("query %d: no row", i)
		}
		if err := r.Scan(&n); err != nil || n != i+1 {
			t.Fatalf("query %d: %d, %v", i, n, err)
		}
		r.Close()
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		_, err := s.exec(ctx, tx, `CREATE TABLE t (x INTEGER)`)
		return err
	})
	if err != nil {
		t.Fatalf("exec with a full cache: %v", err)
	}
	if len(s.stmts) != maxStmts {
		t.Errorf("cache holds %d statements, want %d", len(s.stmts), maxStmts)
	}
}
