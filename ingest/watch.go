package ingest

import (
	"context"
	"log/slog"
	"time"
)

// Watcher polls feeds and ingests their new items. It remembers each
// feed's validators for conditional requests (ETag, Last-Modified) and
// the items it has seen, so that an unchanged feed costs one 304 and a
// known item no page fetch.
type Watcher struct {
	Ingester *Ingester // its Fetch gets the feeds and pages
	Log      *slog.Logger
	// Publish, when set, takes each new item instead of the Ingester
	// coding and saving it (a queue that hands it to workers).
	Publish func(context.Context, Item) error

	feeds map[string]*feedState
}

type feedState struct {
	v    Validators
	seen map[string]bool
}

// PollResult is what one poll of one feed did.
type PollResult struct {
	Feed        string
	NotModified bool
	New         int // items not seen before
	Summary     *Summary
	Err         error // the feed itself failed (down, not a feed)
}

// Poll fetches every feed once and ingests its new items. A feed that is
// down or returns garbage is logged and skipped.
func (w *Watcher) Poll(ctx context.Context, feeds []string) []PollResult {
	if w.feeds == nil {
		w.feeds = map[string]*feedState{}
	}
	var out []PollResult
	for _, u := range feeds {
		if ctx.Err() != nil {
			break
		}
		r := w.poll(ctx, u)
		out = append(out, r)
		log := w.logger()
		switch {
		case r.Err != nil:
			log.Warn("feed failed", "feed", u, "err", r.Err)
		case r.NotModified:
			log.Info("feed not modified", "feed", u)
		default:
			log.Info("feed polled", "feed", u, "new", r.New, "ingested", r.Summary.Ingested,
				"present", r.Summary.Present, "failed", r.Summary.Failed)
			for _, f := range r.Summary.Failures {
				log.Warn("item failed", "feed", u, "item", f.Where, "reason", f.Reason)
			}
		}
	}
	return out
}

func (w *Watcher) logger() *slog.Logger {
	if w.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return w.Log
}

func (w *Watcher) poll(ctx context.Context, u string) PollResult {
	st := w.feeds[u]
	if st == nil {
		st = &feedState{seen: map[string]bool{}}
		w.feeds[u] = st
	}
	res := PollResult{Feed: u}
	g := w.Ingester
	resp, err := g.Fetch.Get(ctx, u, st.v)
	if err != nil {
		res.Err = err
		return res
	}
	if resp.NotModified {
		res.NotModified = true
		return res
	}
	f, err := parseFeed(resp.Body)
	if err != nil {
		res.Err = err
		return res
	}
	st.v = Validators{ETag: resp.ETag, LastModified: resp.LastModified}
	sum := &Summary{Failures: []Failure{}}
	for _, it := range f.Items {
		if ctx.Err() != nil {
			break
		}
		key := first(it.GUID, it.Link, it.Title)
		if key == "" || st.seen[key] {
			continue
		}
		res.New++
		where := first(it.Link, u+"#"+it.Title)
		item := feedItem(ctx, where, f, it, g.Fetch)
		if w.Publish != nil && item.Err == nil {
			if err := w.Publish(ctx, item); err != nil {
				sum.fail(where, err)
				continue
			}
			st.seen[key] = true
			sum.Ingested++ // queued
			continue
		}
		c := g.code(item)
		if c.item.Err != nil {
			sum.fail(where, c.item.Err)
			continue
		}
		sr, err := g.Store.SaveArticle(ctx, newArticle(c))
		if err != nil {
			sum.fail(where, err)
			continue
		}
		st.seen[key] = true
		if sr.Created {
			sum.Ingested++
			sum.Events += sr.Events
		} else {
			sum.Present++
		}
	}
	res.Summary = sum
	return res
}

// Run polls the feeds every interval until ctx is done.
func (w *Watcher) Run(ctx context.Context, feeds []string, every time.Duration) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		w.Poll(ctx, feeds)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}
