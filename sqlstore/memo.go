package sqlstore

import (
	"context"
	"fmt"
	"sync"
)

// memo keeps the results that cost the most to compute (a network of
// 5,000 events, a period's counts and top pairs, a dyad's months) until
// the corpus changes: every transaction that writes the corpus adds
// one to corpus_version (Store.write), and a result is served again
// only while that count is the one it was computed at.
// Unlike the web server's response cache it never serves a stale
// answer, and it holds whatever process wrote the change.
type memo struct {
	mu      sync.Mutex
	entries map[string]memoEntry
}

type memoEntry struct {
	version int64
	value   any
}

// memoSize bounds the results kept; past it the oldest version goes.
const memoSize = 256

// version reads the corpus's change count.
func (s *Store) version(ctx context.Context) (int64, error) {
	var v int64
	if err := s.readRow(ctx, `SELECT n FROM corpus_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("corpus version: %w", err)
	}
	return v, nil
}

// remember returns the result kept under key when the corpus has not
// changed since, else computes, keeps and returns it. Callers get their
// own copy (clone), since pages sort and trim what they are given.
func remember[T any](ctx context.Context, s *Store, key string, compute func() (T, error), clone func(T) T) (T, error) {
	var zero T
	v, err := s.version(ctx)
	if err != nil {
		return zero, err
	}
	s.memo.mu.Lock()
	e, ok := s.memo.entries[key]
	s.memo.mu.Unlock()
	if ok && e.version == v {
		return clone(e.value.(T)), nil
	}
	value, err := compute()
	if err != nil {
		return zero, err
	}
	s.memo.mu.Lock()
	defer s.memo.mu.Unlock()
	if s.memo.entries == nil {
		s.memo.entries = map[string]memoEntry{}
	}
	if len(s.memo.entries) >= memoSize {
		oldest := ""
		for k, e := range s.memo.entries {
			if oldest == "" || e.version < s.memo.entries[oldest].version {
				oldest = k
			}
		}
		delete(s.memo.entries, oldest)
	}
	s.memo.entries[key] = memoEntry{version: v, value: value}
	return clone(value), nil
}
