package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/dedup"
)

// longArticle returns an article of about 400 KB of text (longer than
// the stores keep in one row) with a mention, an event and a quote for
// each of its sentences, and raw input that is not its text.
func longArticle(id string) didar.NewArticle {
	var text strings.Builder
	rec := didar.Record{
		Article: didar.Article{ID: id, Source: "irna", Via: []string{}, Title: "گزارش بلند",
			URL: didar.NullString("https://irna.example/news/" + id), Published: date("2025-11-17")},
		Actors: []didar.Actor{actor("abbas-araghchi"), actor("wang-yi")}, Quotes: []didar.Quote{}, Topics: []string{"nuclear"}, Coder: "test/1",
	}
	for i := range rec.Actors {
		rec.Actors[i].Mentions = nil
	}
	at := 0 // runes so far
	for i := 0; text.Len() < 400<<10; i++ {
		s := fmt.Sprintf("عباس عراقچی در روز %d با وانگ یی دیدار کرد و گفت همکاری‌ها ادامه دارد. ", i)
		n := len([]rune(s))
		text.WriteString(s)
		rec.Actors[0].Mentions = append(rec.Actors[0].Mentions, didar.Mention{Start: at, End: at + 10, Text: "عباس عراقچی", Via: "name"})
		rec.Actors[1].Mentions = append(rec.Actors[1].Mentions, didar.Mention{Start: at + 20, End: at + 26, Text: "وانگ یی", Via: "name"})
		e := meet(fmt.Sprintf("e%d", i+1), fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28), "abbas-araghchi", "wang-yi")
		e.Evidence = didar.Span{Start: at, End: at + n, Text: s}
		rec.Events = append(rec.Events, e)
		rec.Quotes = append(rec.Quotes, didar.Quote{Speaker: "abbas-araghchi", Kind: "indirect", Cue: "گفت", Span: didar.Span{Start: at + 40, End: at + n, Text: "همکاری‌ها ادامه دارد"}})
		at += n
	}
	rec.Article.Text = text.String()
	raw := "<html><body><p>" + strings.ReplaceAll(rec.Article.Text, ". ", ".</p><p>") + "</p></body></html>"
	return didar.NewArticle{Record: rec, Raw: raw, Charset: "utf-8", Outlet: "irna", Sketch: dedup.Sketch(rec.Article.Text)}
}

// parts counts the parts kept of an article's field, and returns its
// record column's length, when the store is on database/sql; ok is false
// when it is not.
func parts(t *testing.T, s didar.Store, id, field string) (n, recordLen int, ok bool) {
	t.Helper()
	d, ok := s.(interface{ DB() *sql.DB })
	if !ok {
		return 0, 0, false
	}
	// Values written in: the engines differ in placeholders.
	var seq int64
	db := d.DB()
	if err := db.QueryRow(fmt.Sprintf(`SELECT seq, length(record) FROM articles WHERE id = '%s'`, id)).Scan(&seq, &recordLen); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(fmt.Sprintf(`SELECT count(*) FROM article_parts WHERE article = %d AND field = '%s'`, seq, field)).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n, recordLen, true
}

// testLongArticle saves an article too long for one row and reads back
// what every path reads of it: the record, the article with its raw
// input, search, mention counts, corrections and recoding, to a long
// record and back to a short one.
func testLongArticle(t *testing.T, s didar.Store) {
	ctx := context.Background()
	in := longArticle("long")
	save(t, s, in)
	if n, size, ok := parts(t, s, "long", "record"); ok && (n < 2 || size != 0) {
		t.Errorf("long record kept in %d parts, %d bytes in the row; want several parts and none", n, size)
	}
	if n, _, ok := parts(t, s, "long", "raw"); ok && n < 1 {
		t.Errorf("long raw input kept in %d parts", n)
	}
	rec, err := s.Record(ctx, "long")
	if err != nil {
		t.Fatal(err)
	}
	if asJSON(stored(*rec)) != asJSON(stored(in.Record)) {
		t.Error("the record read back is not the one saved")
	}
	art, err := s.Article(ctx, "long")
	if err != nil {
		t.Fatal(err)
	}
	if art.Text != in.Record.Article.Text || art.Raw != in.Raw || art.Charset != "utf-8" {
		t.Errorf("article read back: text %d bytes (want %d), raw %d bytes (want %d), charset %q", len(art.Text), len(in.Record.Article.Text), len(art.Raw), len(in.Raw), art.Charset)
	}
	if page, err := s.Articles(ctx, didar.ArticleFilter{Q: "همکاری‌ها"}); err != nil || len(page.Articles) != 1 {
		t.Errorf("search of the long article: %v %+v", err, page)
	}
	if a, err := s.Actor(ctx, "wang-yi"); err != nil || a.Mentions != len(in.Record.Actors[1].Mentions) {
		t.Errorf("wang-yi: %v, %+v; want %d mentions", err, a, len(in.Record.Actors[1].Mentions))
	}
	// A correction reads the stored record.
	ev := in.Record.Events[0]
	if _, err := s.Correct(ctx, didar.Correction{Article: "long", Op: didar.OpCheckEvent, User: "maryam", Before: &didar.Change{Event: &ev}}); err != nil {
		t.Errorf("check an event of the long article: %v", err)
	}

	// Recoded to a shorter long record, then to a short text: the parts
	// follow.
	rec2 := in.Record
	rec2.Events = rec2.Events[:len(rec2.Events)/2]
	rec2.Coder = "test/2"
	if _, err := s.Recode(ctx, "long", rec2); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Record(ctx, "long"); err != nil || asJSON(stored(*got)) != asJSON(stored(rec2)) {
		t.Errorf("the record read back after recoding is not the one recoded (%v)", err)
	}
	rec3 := in.Record
	rec3.Article.Text = textMeet
	rec3.Actors = []didar.Actor{actor("abbas-araghchi")}
	rec3.Events = []didar.Event{meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi")}
	rec3.Quotes = []didar.Quote{}
	if _, err := s.Recode(ctx, "long", rec3); err != nil {
		t.Fatal(err)
	}
	if n, size, ok := parts(t, s, "long", "record"); ok && (n != 0 || size == 0) {
		t.Errorf("short record kept in %d parts, %d bytes in the row; want none and all", n, size)
	}
	if got, err := s.Record(ctx, "long"); err != nil || asJSON(stored(*got)) != asJSON(stored(rec3)) {
		t.Errorf("the record read back after recoding to a short text is not the one recoded (%v)", err)
	}
	if art, err := s.Article(ctx, "long"); err != nil || art.Text != textMeet || art.Raw != in.Raw {
		t.Errorf("after recoding to a short text: %v, text %q, raw %d bytes (want %d)", err, art.Text, len(art.Raw), len(in.Raw))
	}
}

// stored is what a record keeps of a coder's output, without the
// article's row.
func stored(r didar.Record) didar.Record {
	return didar.Record{Actors: r.Actors, Events: r.Events, Quotes: r.Quotes, Topics: r.Topics, Coder: r.Coder}
}
