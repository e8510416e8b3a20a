package postgres_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/postgres"
	"github.com/didar-news/didar/storetest"
)

// Two writers on one schema (queue workers on two machines) save
// batches at the same time, every article reporting the same events:
// each event is stored once, with every article's report, as when one
// writer saves them all. Without the write lock each writer creates the
// events it cannot yet see the other create.
func TestWritersAtOnce(t *testing.T) {
	u := dsn(t)
	ctx := context.Background()
	schema := fmt.Sprintf("didar_test_writers_%d", time.Now().UnixNano())
	t.Cleanup(func() { postgres.DropSchema(ctx, u, schema) })
	var stores [2]didar.Store
	for i := range stores {
		s, err := postgres.Open(ctx, u, schema)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	c := &storetest.Corpus{Seed: 3}
	if err := stores[0].SaveEntries(ctx, c.Entries()); err != nil {
		t.Fatal(err)
	}
	base := c.Article(0)
	for i := 1; len(base.Record.Events) < 2; i++ {
		base = c.Article(i)
	}
	const n, size = 48, 4
	var wg sync.WaitGroup
	for w, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for start := w * size; start < n; start += 2 * size {
				var batch []didar.NewArticle
				for i := start; i < start+size; i++ {
					a := base
					a.Record.Article.ID = fmt.Sprintf("copy-%d", i)
					a.Record.Article.Text = fmt.Sprintf("%s نسخه %d", base.Record.Article.Text, i)
					a.Outlet = fmt.Sprintf("outlet-%d", i%5)
					a.Sketch = nil
					batch = append(batch, a)
				}
				if _, err := s.SaveArticles(ctx, batch); err != nil {
					t.Errorf("writer %d: %v", w, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	page, err := stores[0].Events(ctx, didar.EventFilter{Limit: didar.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != len(base.Record.Events) {
		t.Errorf("%d events stored for the %d every article reports", len(page.Events), len(base.Record.Events))
	}
	for _, e := range page.Events {
		if e.NumArticles != n {
			t.Errorf("event %s has %d articles, want %d", e.ID, e.NumArticles, n)
		}
	}
}
