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
}

// Recode re-extracts the stored articles coded by a version other than
// version (all of them when all is set) from their stored text and
// metadata, and replaces their records. step, when not nil, is called
// after each article with the number done and the total.
func Recode(ctx context.Context, s didar.Store, c Coder, version string, all bool, step func(done, total int)) (*RecodeSummary, error) {
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
			break
		}
		f.Cursor = page.Next
	}
	sum := &RecodeSummary{Failures: []Failure{}}
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			return sum, fmt.Errorf("recode stopped: %w", err)
		}
		if err := recodeOne(ctx, s, c, id, sum); err != nil {
			sum.Failures = append(sum.Failures, Failure{Where: id, Reason: err.Error()})
		}
		if step != nil {
			step(i+1, len(ids))
		}
	}
	return sum, nil
}

func recodeOne(ctx context.Context, s didar.Store, c Coder, id string, sum *RecodeSummary) error {
	a, err := s.Article(ctx, id)
	if err != nil {
		return err
	}
	rec, err := c.Extract(extract.Input{ID: a.ID, Source: string(a.Source), URL: string(a.URL), Title: string(a.Title),
		Published: a.Published, Text: a.Text})
	if err != nil {
		return fmt.Errorf("code: %w", err)
	}
	res, err := s.Recode(ctx, id, rec)
	if err != nil {
		return err
	}
	sum.Articles++
	sum.Added += res.Added
	sum.Removed += res.Removed
	sum.Changed += res.Changed
	sum.Same += res.Same
	return nil
}
