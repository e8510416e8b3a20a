package ingest

import (
	"context"
	"fmt"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/extract"
)

// RecodeSummary counts what recoding did to the stored events.
type RecodeSummary struct {
	Articles int `json:"articles"` // recoded
	didar.RecodeResult
	Failures []Failure `json:"failures"`
	// Stale names the articles with corrections that no longer apply
	// (RecodeResult.Unapplied counts them).
	Stale []string `json:"stale"`
}

// Recode re-extracts the stored articles coded by a version other than
// version (all of them when all is set) from their stored text and
// metadata, and replaces their records. step, when not nil, is called
// after each article with the number done and the total.
func Recode(ctx context.Context, s didar.Store, c Coder, version string, all bool, step func(done, total int)) (*RecodeSummary, error) {
	ids, err := RecodeIDs(ctx, s, version, all)
	if err != nil {
		return nil, err
	}
	sum := &RecodeSummary{Failures: []Failure{}}
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			return sum, fmt.Errorf("recode stopped: %w", err)
		}
		if res, err := RecodeArticle(ctx, s, c, id); err != nil {
			sum.Failures = append(sum.Failures, Failure{Where: id, Reason: err.Error()})
		} else {
			sum.Articles++
			sum.Added += res.Added
			sum.Removed += res.Removed
			sum.Changed += res.Changed
			sum.Same += res.Same
			if res.Unapplied > 0 {
				sum.Unapplied += res.Unapplied
				sum.Stale = append(sum.Stale, id)
			}
		}
		if step != nil {
			step(i+1, len(ids))
		}
	}
	return sum, nil
}

// RecodeIDs lists the ids of the stored articles coded by a version
// other than version (all of them when all is set).
func RecodeIDs(ctx context.Context, s didar.Store, version string, all bool) ([]string, error) {
	f := didar.ArticleFilter{Limit: didar.MaxLimit}
	if !all {
		f.NotCoder = version
	}
	// Ids first: recoded articles leave the filter, which would shift
	// the pages under a cursor.
	var ids []string
	for {
		page, err := s.Articles(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("recode: list articles: %w", err)
		}
		for _, a := range page.Articles {
			ids = append(ids, a.ID)
		}
		if page.Next == "" {
			return ids, nil
		}
		f.Cursor = page.Next
	}
}

// RecodeArticle re-extracts one stored article from its stored text and
// metadata and replaces its record.
func RecodeArticle(ctx context.Context, s didar.Store, c Coder, id string) (didar.RecodeResult, error) {
	a, err := s.Article(ctx, id)
	if err != nil {
		return didar.RecodeResult{}, err
	}
	rec, err := c.Extract(extract.Input{ID: a.ID, Source: string(a.Source), URL: string(a.URL), Title: string(a.Title),
		Published: a.Published, Text: a.Text})
	if err != nil {
		return didar.RecodeResult{}, fmt.Errorf("code: %w", err)
	}
	return s.Recode(ctx, id, rec)
}
