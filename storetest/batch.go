package storetest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/dedup"
)

// BatchInput is generated articles with what a batch must see among
// its own rows: reprints (a new story member, events a day later that
// merge), exact copies (found, not stored) and a second text under a
// taken id.
func BatchInput() []didar.NewArticle {
	c := &Corpus{Seed: 7, Actors: 12, Days: 30}
	var out []didar.NewArticle
	for i := range 24 {
		a := c.Article(i)
		out = append(out, a)
		switch i % 4 {
		case 1:
			// Reprints with one more sentence: two date the events a
			// day later, which moves the merged event's date, so that
			// a third two days later still merges with it.
			for k, shift := range []int{1, 1, 2} {
				r := c.Article(i)
				r.Record.Article.ID += fmt.Sprintf("-reprint%d", k)
				r.Record.Article.Text += fmt.Sprintf(" خبرگزاری %d هم این گزارش را منتشر کرد.", k)
				r.Raw = r.Record.Article.Text
				r.Sketch = dedup.Sketch(r.Record.Article.Text)
				r.Record.Events = slices.Clone(r.Record.Events)
				for j := range r.Record.Events {
					r.Record.Events[j].Date = r.Record.Events[j].Date.AddDays(shift)
				}
				out = append(out, r)
			}
		case 2: // an exact copy under another id
			d := c.Article(i)
			d.Record.Article.ID += "-copy"
			out = append(out, d)
		case 3: // another text under the same id
			o := c.Article(i + 1000)
			o.Record.Article.ID = a.Record.Article.ID
			out = append(out, o)
		}
	}
	return out
}

// Summary is what a store holds, in a comparable form.
func Summary(t testing.TB, s didar.Store) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	page, err := s.Articles(ctx, didar.ArticleFilter{Limit: didar.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range page.Articles {
		fmt.Fprintf(&b, "article %s story %s events %d\n", a.ID, a.StoryID, a.NumEvents)
	}
	ev, err := s.Events(ctx, didar.EventFilter{Limit: didar.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ev.Events {
		fmt.Fprintf(&b, "event %s %s %s articles %d sources %d\n", e.ID, e.Type, e.Date, e.NumArticles, e.NumSources)
	}
	ac, err := s.Actors(ctx, didar.ActorFilter{Limit: didar.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range ac.Actors {
		fmt.Fprintf(&b, "actor %s %+v\n", a.ID, a)
	}
	return b.String()
}

// SaveInBatches saves in by SaveArticles, n articles at a time.
func SaveInBatches(t testing.TB, s didar.Store, in []didar.NewArticle, n int) []didar.SaveResult {
	t.Helper()
	var out []didar.SaveResult
	for i := 0; i < len(in); i += n {
		res, err := s.SaveArticles(context.Background(), in[i:min(len(in), i+n)])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, res...)
	}
	return out
}

// testBatchSameAsSingle: saving in batches stores what saving one
// article at a time stores, though a batch queues its rows, answers
// lookups of its own articles from memory and refreshes a merged event
// once.
func testBatchSameAsSingle(t *testing.T, open Open) {
	in := BatchInput()
	one, many := open(t), open(t)
	defer one.Close()
	defer many.Close()
	singles := SaveInBatches(t, one, in, 1)
	batched := SaveInBatches(t, many, in, 7)
	if !slices.Equal(singles, batched) {
		t.Errorf("results differ:\none at a time %+v\nbatched      %+v", singles, batched)
	}
	want, got := Summary(t, one), Summary(t, many)
	if want != got {
		t.Errorf("stores differ:\none at a time:\n%s\nbatched:\n%s", want, got)
	}
	// The input must exercise what it is for.
	for _, check := range []string{"-reprint2 story gen-", "articles 4"} {
		if !strings.Contains(want, check) {
			t.Errorf("no %q in the stored corpus:\n%s", check, want)
		}
	}
}
