package sqlstore

import (
	"context"
	"fmt"

	"github.com/didar-news/didar"
)

func (s *Store) Stories(ctx context.Context, f didar.StoryFilter) (*didar.StoryPage, error) {
	off, err := decodeCursor(f.Cursor)
	if err != nil {
		return nil, err
	}
	n := limit(f.Limit)
	var w where
	if !f.From.IsZero() {
		w.add(`a.published >= ?`, f.From.String())
	}
	if !f.To.IsZero() {
		w.add(`a.published <> '' AND a.published <= ?`, f.To.String())
	}
	minArticles := max(f.MinArticles, 1)
	stories, err := s.stories(ctx, `SELECT a.story_id, count(*), count(DISTINCT a.outlet), coalesce(min(NULLIF(a.published, '')), ''), coalesce(max(NULLIF(a.published, '')), '')
		FROM articles a`+w.String()+` GROUP BY a.story_id HAVING count(*) >= ? ORDER BY count(*) DESC, min(a.seq) LIMIT ? OFFSET ?`,
		append(w.args, minArticles, n+1, off)...)
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	page := &didar.StoryPage{Stories: stories}
	if len(stories) > n {
		page.Stories = stories[:n]
		page.Next = encodeCursor(off + n)
	}
	for i := range page.Stories {
		if err := s.fillStory(ctx, &page.Stories[i]); err != nil {
			return nil, fmt.Errorf("stories: %w", err)
		}
	}
	return page, nil
}

func (s *Store) stories(ctx context.Context, query string, args ...any) ([]didar.Story, error) {
	r, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	list := []didar.Story{}
	for r.Next() {
		var st didar.Story
		var first, last string
		if err := r.Scan(&st.ID, &st.NumArticles, &st.NumSources, &first, &last); err != nil {
			return nil, err
		}
		st.First, _ = didar.ParseDate(first)
		st.Last, _ = didar.ParseDate(last)
		list = append(list, st)
	}
	return list, r.Err()
}

// fillStory adds the articles of a story, earliest first.
func (s *Store) fillStory(ctx context.Context, st *didar.Story) error {
	list, err := s.articles(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.story_id = ? ORDER BY a.published = '', a.published, a.seq`, st.ID)
	if err != nil {
		return err
	}
	st.Articles = list
	if len(list) > 0 {
		st.Title = string(list[0].Title)
	}
	return nil
}

func (s *Store) Story(ctx context.Context, id string) (*didar.Story, error) {
	list, err := s.stories(ctx, `SELECT a.story_id, count(*), count(DISTINCT a.outlet), coalesce(min(NULLIF(a.published, '')), ''), coalesce(max(NULLIF(a.published, '')), '')
		FROM articles a WHERE a.story_id = ? GROUP BY a.story_id`, id)
	if err != nil {
		return nil, fmt.Errorf("story %q: %w", id, err)
	}
	if len(list) == 0 {
		return nil, notFound("story", id)
	}
	if err := s.fillStory(ctx, &list[0]); err != nil {
		return nil, fmt.Errorf("story %q: %w", id, err)
	}
	return &list[0], nil
}
