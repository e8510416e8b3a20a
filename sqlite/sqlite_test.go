package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/sqlite"
	"github.com/didar-news/didar/storetest"
)

func open(t *testing.T) didar.Store {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "didar.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

// TestReopen checks that migrations run once and data survive a restart.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "didar.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveEntries(ctx, storetest.Dictionary); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Actor(ctx, "wang-yi"); err != nil {
		t.Fatal(err)
	}
	var mode string
	if err := s.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q (%v), want wal", mode, err)
	}
}

func TestTerms(t *testing.T) {
	cases := []struct{ title, text, want string }{
		{"", "رئیس جمهور، گفت", "رییس رییسجمهور جمهور جمهورگفت گفت "},
		{"دیدار", "وزیر‌ها", "دیدار دیداروزیرها وزیرها "},
		{"", "«»", ""},
		{"", "سلام", "سلام "},
	}
	for _, c := range cases {
		if got := sqlite.Terms(c.title, c.text); got != c.want {
			t.Errorf("Terms(%q, %q) = %q, want %q", c.title, c.text, got, c.want)
		}
	}
}

func TestOtherWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "didar.db")
	var stores [2]didar.Store
	for i := range stores {
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	storetest.OtherWriter(t, stores[0], stores[1])
}
