package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/dedup"
)

// Open returns an empty store for one test; the suite closes it.
type Open func(t *testing.T) didar.Store

// Run runs the conformance suite against the stores open returns.
func Run(t *testing.T, open Open) {
	tests := []struct {
		name string
		f    func(*testing.T, didar.Store)
	}{
		{"SaveIsIdempotent", testSaveIdempotent},
		{"SaveBatch", testSaveBatch},
		{"ArticleAndRecord", testArticleAndRecord},
		{"NotFound", testNotFound},
		{"Search", testSearch},
		{"Pagination", testPagination},
		{"MergeEvents", testMergeEvents},
		{"EventFilters", testEventFilters},
		{"EventDetail", testEventDetail},
		{"Actors", testActors},
		{"UnknownActors", testUnknownActors},
		{"Dyad", testDyad},
		{"DyadPages", testDyadPages},
		{"Network", testNetwork},
		{"Stats", testStats},
		{"StatsKeptBySaves", testStatsKept},
		{"DayCountsKeptBySaves", testDayCountsKept},
		{"Stories", testStories},
		{"Recode", testRecode},
		{"LongArticle", testLongArticle},
		{"CancelledSaveStoresNothing", testCancelled},
		{"BadInput", testBadInput},
		{"Corrections", testCorrections},
		{"Users", testUsers},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			if err := s.SaveEntries(context.Background(), Dictionary); err != nil {
				t.Fatal(err)
			}
			tt.f(t, s)
		})
	}
	t.Run("BatchSameAsSingle", func(t *testing.T) { testBatchSameAsSingle(t, open) })
	t.Run("EntriesAfterRecords", func(t *testing.T) { testEntriesAfterRecords(t, open) })
}

// testEntriesAfterRecords checks that the actors are the same whether
// the dictionary is saved before the records or after them, as when a
// second queue worker loads it while the first is saving.
func testEntriesAfterRecords(t *testing.T, open Open) {
	ctx := context.Background()
	// An entry that leaves the country and sector to the records.
	entries := append(slices.Clone(Dictionary), didar.Entry{ID: "envoy", Kind: didar.KindPerson, EN: "Envoy", FA: []string{"فرستاده ویژه"}})
	a := article("e1", "irna", "2025-11-17", "", textMeet, []string{"abbas-araghchi", "IRN"})
	a.Record.Actors = append(a.Record.Actors, didar.Actor{ID: "envoy", Kind: didar.KindPerson, NameFA: "فرستاده ویژه", Country: "IRN", Sector: "GOV",
		InDictionary: true, Roles: []string{}, Mentions: []didar.Mention{{Start: 0, End: 5, Text: "فرستاده", Via: "name"}}})
	first, last := open(t), open(t)
	defer first.Close()
	defer last.Close()
	if err := first.SaveEntries(ctx, entries); err != nil {
		t.Fatal(err)
	}
	save(t, first, a)
	save(t, last, a)
	if err := last.SaveEntries(ctx, entries); err != nil {
		t.Fatal(err)
	}
	actors := func(s didar.Store) []didar.ActorSummary {
		page, err := s.Actors(ctx, didar.ActorFilter{Limit: didar.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		return page.Actors
	}
	if x, y := actors(first), actors(last); !slices.Equal(x, y) {
		t.Errorf("actors with the dictionary saved first:\n%+v\nand saved after the records:\n%+v", x, y)
	}
}

const (
	textMeet  = "عباس عراقچی وزیر امور خارجه ایران روز دوشنبه در پکن با وانگ یی همتای چینی خود دیدار و درباره همکاری‌های دوجانبه و تحولات منطقه گفت‌وگو کرد. رئیس‌جمهور دو کشور نیز پیام‌هایی مبادله کردند."
	textCall  = "وزیر امور خارجه روسیه سرگئی لاوروف در تماس تلفنی با عباس عراقچی درباره برنامه هسته‌ای و لغو تحریم‌ها گفت‌وگو کرد."
	textOther = "نشست خبری سخنگوی دولت درباره بودجه سال آینده و وضعیت بازار ارز برگزار شد و او به پرسش‌های خبرنگاران پاسخ داد."
)

func save(t testing.TB, s didar.Store, a didar.NewArticle) didar.SaveResult {
	t.Helper()
	res, err := s.SaveArticle(context.Background(), a)
	if err != nil {
		t.Fatalf("save %s: %v", a.Record.Article.ID, err)
	}
	return res
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := didar.ErrorCode(err); got != code {
		t.Fatalf("error %v: code %q, want %q", err, got, code)
	}
}

func count(t *testing.T, s didar.Store, f didar.EventFilter) int {
	t.Helper()
	f.Limit = didar.MaxLimit
	p, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatalf("events %+v: %v", f, err)
	}
	return len(p.Events)
}

func testSaveIdempotent(t *testing.T, s didar.Store) {
	a := article("a1", "irna", "2025-11-17", "دیدار عراقچی و وانگ یی", textMeet, []string{"abbas-araghchi", "wang-yi"},
		meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi"))
	first := save(t, s, a)
	if !first.Created || first.ID != "a1" || first.Events != 1 {
		t.Fatalf("first save = %+v, want created a1 with 1 event", first)
	}
	// The same text under another id and outlet is the same article.
	b := a
	b.Record.Article.ID = "copy"
	second := save(t, s, b)
	if second.Created || second.ID != "a1" {
		t.Fatalf("second save = %+v, want the existing a1", second)
	}
	page, err := s.Articles(context.Background(), didar.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Articles) != 1 {
		t.Fatalf("%d articles stored, want 1", len(page.Articles))
	}
	if n := count(t, s, didar.EventFilter{}); n != 1 {
		t.Fatalf("%d events, want 1", n)
	}
	ad, err := s.Actor(context.Background(), "wang-yi")
	if err != nil {
		t.Fatal(err)
	}
	if ad.Mentions != 1 {
		t.Errorf("wang-yi has %d mentions after saving one article twice, want 1", ad.Mentions)
	}
	// Another text under an id already taken is kept under a new id.
	c := article("a1", "isna", "2025-11-18", "", textOther, nil)
	third := save(t, s, c)
	if !third.Created || third.ID == "a1" {
		t.Fatalf("other text under a taken id: %+v, want a new id", third)
	}
}

func testArticleAndRecord(t *testing.T, s didar.Store) {
	a := article("a1", "irna", "2025-11-17", "دیدار عراقچی و وانگ یی", textMeet, []string{"abbas-araghchi", "wang-yi"},
		meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi"))
	a.Record.Topics = []string{"nuclear"}
	a.Record.Quotes = []didar.Quote{{Speaker: "wang-yi", Kind: "indirect", Cue: "گفت", Span: didar.Span{Start: 1, End: 5, Text: "متن"}}}
	save(t, s, a)
	got, err := s.Article(context.Background(), "a1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != textMeet || got.Raw != textMeet || got.Outlet != "irna" || got.Published.String() != "2025-11-17" ||
		got.Title != "دیدار عراقچی و وانگ یی" || got.Hash != didar.ContentHash(textMeet) || got.Coder != "test/1" || got.NumEvents != 1 {
		t.Errorf("article = %+v", got)
	}
	rec, err := s.Record(context.Background(), "a1")
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Events) != 1 || rec.Events[0].Type != didar.Meet || len(rec.Actors) != 2 || len(rec.Quotes) != 1 ||
		len(rec.Topics) != 1 || rec.Article.Text != textMeet || rec.Coder != "test/1" {
		t.Errorf("record = %+v", rec)
	}
}

func testNotFound(t *testing.T, s didar.Store) {
	ctx := context.Background()
	_, err := s.Article(ctx, "nope")
	wantCode(t, err, didar.ENOTFOUND)
	_, err = s.Record(ctx, "nope")
	wantCode(t, err, didar.ENOTFOUND)
	_, err = s.Event(ctx, "nope")
	wantCode(t, err, didar.ENOTFOUND)
	_, err = s.Actor(ctx, "nope")
	wantCode(t, err, didar.ENOTFOUND)
	_, err = s.Story(ctx, "nope")
	wantCode(t, err, didar.ENOTFOUND)
	_, err = s.Recode(ctx, "nope", didar.Record{})
	wantCode(t, err, didar.ENOTFOUND)
}

func testSearch(t *testing.T, s didar.Store) {
	save(t, s, article("a1", "irna", "2025-11-17", "", textMeet, nil))
	save(t, s, article("a2", "isna", "2025-11-18", "", textCall, nil))
	save(t, s, article("a3", "mehr", "2025-11-19", "", textOther, nil))
	tests := []struct {
		q    string
		want []string
	}{
		{"رئیس‌جمهور", []string{"a1"}}, // written with ZWNJ in the text
		{"رئیس جمهور", []string{"a1"}},
		{"رئیسجمهور", []string{"a1"}},
		{"همکاريهاي", []string{"a1"}}, // Arabic yeh, no ZWNJ
		{"عراقچی", []string{"a2", "a1"}},
		{"عراقچی لاوروف", []string{"a2"}},
		{"عراقچی بودجه", nil},
		{"بودجه", []string{"a3"}},
		{"تلفنی", []string{"a2"}},
		{"ارز", []string{"a3"}},
		{"دولت", []string{"a3"}},
		{"کرملین", nil},
	}
	for _, tt := range tests {
		page, err := s.Articles(context.Background(), didar.ArticleFilter{Q: tt.q})
		if err != nil {
			t.Fatalf("q %q: %v", tt.q, err)
		}
		var got []string
		for _, a := range page.Articles {
			got = append(got, a.ID)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("q %q found %v, want %v", tt.q, got, tt.want)
		}
	}
}

func testPagination(t *testing.T, s didar.Store) {
	ctx := context.Background()
	for i := range 5 {
		text := fmt.Sprintf("%s شماره %d", textOther, i)
		// Three days apart: separate meetings.
		day := fmt.Sprintf("2025-11-%02d", 10+3*i)
		save(t, s, article(fmt.Sprintf("a%d", i), "irna", day, "", text, []string{"abbas-araghchi", "wang-yi"},
			meet("e1", day, "abbas-araghchi", "wang-yi")))
	}
	var ids []string
	cursor, pages := "", 0
	for {
		page, err := s.Articles(ctx, didar.ArticleFilter{Limit: 2, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, a := range page.Articles {
			ids = append(ids, a.ID)
			if a.Text != "" || a.Raw != "" || a.Snippet == "" {
				t.Errorf("list article %s: text and raw should be left out and a snippet given", a.ID)
			}
		}
		if page.Next == "" {
			break
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if pages != 3 || strings.Join(ids, ",") != "a4,a3,a2,a1,a0" {
		t.Errorf("pages %d, ids %v: want 3 pages, newest first", pages, ids)
	}
	var events []string
	cursor = ""
	for {
		page, err := s.Events(ctx, didar.EventFilter{Limit: 3, Cursor: cursor, Sort: didar.SortDateAsc})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Events {
			events = append(events, e.Date.String())
		}
		if page.Next == "" {
			break
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if strings.Join(events, ",") != "2025-11-10,2025-11-13,2025-11-16,2025-11-19,2025-11-22" {
		t.Errorf("event dates in pages: %v", events)
	}
	for _, bad := range []string{"garbage", "o!!", "%%%"} {
		_, err := s.Articles(ctx, didar.ArticleFilter{Cursor: bad})
		wantCode(t, err, didar.EINVALID)
		_, err = s.Events(ctx, didar.EventFilter{Cursor: bad})
		wantCode(t, err, didar.EINVALID)
		_, err = s.Actors(ctx, didar.ActorFilter{Cursor: bad})
		wantCode(t, err, didar.EINVALID)
		_, err = s.Stories(ctx, didar.StoryFilter{Cursor: bad})
		wantCode(t, err, didar.EINVALID)
	}
}

// testMergeEvents: one meeting reported by three outlets (one dating it
// a day later) is one event; a meeting of the same two a week later is
// another.
func testMergeEvents(t *testing.T, s didar.Store) {
	ctx := context.Background()
	both := []string{"abbas-araghchi", "wang-yi"}
	save(t, s, article("a1", "irna", "2025-11-17", "", textMeet, both, meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi")))
	save(t, s, article("a2", "isna", "2025-11-18", "", textMeet+" گزارش دوم", both, meet("e1", "2025-11-18", "wang-yi", "abbas-araghchi")))
	save(t, s, article("a3", "mehr", "2025-11-17", "", textMeet+" گزارش سوم", both, meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi")))
	save(t, s, article("a4", "irna", "2025-11-17", "", textMeet+" گزارش چهارم", both, meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi")))
	save(t, s, article("a5", "irna", "2025-11-24", "", textMeet+" دیداری دیگر", both, meet("e1", "2025-11-24", "abbas-araghchi", "wang-yi")))
	page, err := s.Events(ctx, didar.EventFilter{Sort: didar.SortDateAsc})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != 2 {
		t.Fatalf("%d events, want 2 (one meeting reported four times, one a week later)", len(page.Events))
	}
	e := page.Events[0]
	if e.NumArticles != 4 || e.NumSources != 3 || e.Date.String() != "2025-11-17" || e.ArticleID != "a1" {
		t.Errorf("merged event: %d articles, %d sources, date %s, first %s; want 4, 3, 2025-11-17, a1",
			e.NumArticles, e.NumSources, e.Date, e.ArticleID)
	}
	if len(e.Actors) != 2 || e.Actors[0].NameEN == "" || e.Actors[0].Country == "" {
		t.Errorf("event actors %+v: want both with names and countries", e.Actors)
	}
	if later := page.Events[1]; later.NumArticles != 1 || later.Date.String() != "2025-11-24" {
		t.Errorf("later meeting: %d articles on %s", later.NumArticles, later.Date)
	}
	// Another type between the same two the same day is another event.
	save(t, s, article("a6", "irna", "2025-11-17", "", textCall, both,
		event("e1", didar.Praise, "2025-11-17", "wang-yi", "abbas-araghchi", "wang-yi", "abbas-araghchi")))
	if n := count(t, s, didar.EventFilter{}); n != 3 {
		t.Errorf("%d events after a praise the same day, want 3", n)
	}
}

func seedEvents(t testing.TB, s didar.Store) {
	both := []string{"abbas-araghchi", "wang-yi", "IRN", "CHN"}
	crit := event("e2", didar.Criticize, "2025-10-02", "sergey-lavrov", "IRN", "sergey-lavrov", "IRN")
	crit.Topics = []string{"nuclear"}
	crit.Status = didar.StatusPastReference
	save(t, s, article("a1", "irna", "2025-11-17", "دیدار", textMeet, both, meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi")))
	save(t, s, article("a2", "tass", "2025-10-02", "انتقاد", textCall, []string{"sergey-lavrov", "abbas-araghchi", "IRN"},
		event("e1", didar.Call, "2025-10-01", "", "", "sergey-lavrov", "abbas-araghchi"), crit))
	save(t, s, article("a3", "isna", "2025-12-05", "سفر", textOther, []string{"wang-yi", "IRN", "CHN"},
		event("e1", didar.Visit, "2025-12-06", "wang-yi", "IRN", "wang-yi", "IRN")))
}

func testEventFilters(t *testing.T, s didar.Store) {
	seedEvents(t, s)
	tests := []struct {
		name string
		f    didar.EventFilter
		want int
	}{
		{"all", didar.EventFilter{}, 4},
		{"from", didar.EventFilter{From: date("2025-11-01")}, 2},
		{"to", didar.EventFilter{To: date("2025-10-31")}, 2},
		{"range", didar.EventFilter{From: date("2025-10-02"), To: date("2025-11-17")}, 2},
		{"actor", didar.EventFilter{Actor: "abbas-araghchi"}, 2},
		{"actor none", didar.EventFilter{Actor: "nobody"}, 0},
		{"country of a person", didar.EventFilter{Country: "CHN"}, 2},
		{"country itself", didar.EventFilter{Country: "IRN"}, 4},
		{"country RUS", didar.EventFilter{Country: "RUS"}, 2},
		{"dyad of actors", didar.EventFilter{Dyad: [2]string{"wang-yi", "abbas-araghchi"}}, 1},
		{"dyad of countries", didar.EventFilter{Dyad: [2]string{"RUS", "IRN"}}, 2},
		{"dyad of countries and dates", didar.EventFilter{Dyad: [2]string{"IRN", "RUS"}, From: date("2025-10-02")}, 1},
		{"dyad actor and country", didar.EventFilter{Dyad: [2]string{"wang-yi", "IRN"}}, 2},
		{"type", didar.EventFilter{Type: didar.Visit}, 1},
		{"quad class", didar.EventFilter{QuadClass: 3}, 1},
		{"status", didar.EventFilter{Status: didar.StatusPastReference}, 1},
		{"topic", didar.EventFilter{Topic: "nuclear"}, 1},
		{"outlet", didar.EventFilter{Outlet: "tass"}, 2},
		{"q", didar.EventFilter{Q: "تلفنی"}, 2},
		{"q and type", didar.EventFilter{Q: "تلفنی", Type: didar.Call}, 1},
	}
	for _, tt := range tests {
		if got := count(t, s, tt.f); got != tt.want {
			t.Errorf("%s: %d events, want %d", tt.name, got, tt.want)
		}
	}
	ctx := context.Background()
	for _, f := range []didar.EventFilter{
		{Country: "iran"}, {Type: "hug"}, {QuadClass: 7}, {Status: "maybe"}, {Sort: "random"}, {Dyad: [2]string{"IRN", ""}},
	} {
		_, err := s.Events(ctx, f)
		wantCode(t, err, didar.EINVALID)
	}
	page, err := s.Events(ctx, didar.EventFilter{Sort: didar.SortGoldstein})
	if err != nil {
		t.Fatal(err)
	}
	if page.Events[0].Type != didar.Criticize {
		t.Errorf("most hostile first: got %s", page.Events[0].Type)
	}
	page, err = s.Events(ctx, didar.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Events[0].Type != didar.Visit {
		t.Errorf("newest first: got %s on %s", page.Events[0].Type, page.Events[0].Date)
	}
}

func testEventDetail(t *testing.T, s didar.Store) {
	both := []string{"abbas-araghchi", "wang-yi"}
	e1 := meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi")
	e1.Location = &didar.Location{NameFA: "پکن", NameEN: "Beijing", Country: "CHN"}
	e2 := meet("e3", "2025-11-17", "abbas-araghchi", "wang-yi")
	e2.Location = &didar.Location{NameFA: "تهران", NameEN: "Tehran", Country: "IRN"}
	save(t, s, article("a1", "irna", "2025-11-17", "اول", textMeet, both, e2))
	save(t, s, article("a2", "isna", "2025-11-17", "دوم", textMeet+" دوم", both, e1))
	save(t, s, article("a3", "mehr", "2025-11-18", "سوم", textMeet+" سوم", both, e1))
	page, err := s.Events(context.Background(), didar.EventFilter{})
	if err != nil || len(page.Events) != 1 {
		t.Fatalf("events: %v, %+v", err, page)
	}
	d, err := s.Event(context.Background(), page.Events[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Reports) != 3 || d.Reports[0].ArticleID != "a1" || d.Reports[0].LocalID != "e3" || d.Reports[0].Outlet != "irna" ||
		d.Reports[0].Title != "اول" || d.Reports[0].URL == "" || d.Reports[0].Evidence.Text == "" {
		t.Errorf("reports = %+v", d.Reports)
	}
	if d.Location == nil || d.Location.NameEN != "Beijing" {
		t.Errorf("location %+v: want Beijing, which two of three reports give", d.Location)
	}
}

func testActors(t *testing.T, s didar.Store) {
	ctx := context.Background()
	seedEvents(t, s)
	save(t, s, article("a4", "irna", "2025-11-20", "", textOther+" چهارم", []string{"abbas-araghchi", "سید-رضا"}))
	tests := []struct {
		q    string
		want string
	}{
		{"عراقچی", "abbas-araghchi"},
		{"عباس عراقچي", "abbas-araghchi"}, // Arabic yeh
		{"araghchi", "abbas-araghchi"},
		{"Wang", "wang-yi"},
		{"وانگیی", "wang-yi"},
		{"چین", "CHN"},
		{"لاوروف", "sergey-lavrov"},
		{"دفتررهبری", "khamenei-office"},
		{"سید رضا", "سید-رضا"}, // found in text, not in the dictionary
	}
	for _, tt := range tests {
		page, err := s.Actors(ctx, didar.ActorFilter{Q: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Actors) == 0 || page.Actors[0].ID != tt.want {
			t.Errorf("actors q %q = %+v, want %s first", tt.q, page.Actors, tt.want)
		}
	}
	page, err := s.Actors(ctx, didar.ActorFilter{Kind: didar.KindCountry})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Actors) != 3 {
		t.Errorf("%d countries, want 3", len(page.Actors))
	}
	page, err = s.Actors(ctx, didar.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(page.Actors); i++ {
		if page.Actors[i].Mentions > page.Actors[i-1].Mentions {
			t.Errorf("actors not sorted by mentions: %+v before %+v", page.Actors[i-1], page.Actors[i])
		}
	}
	d, err := s.Actor(ctx, "abbas-araghchi")
	if err != nil {
		t.Fatal(err)
	}
	if d.Mentions != 3 || len(d.Roles) != 2 || d.Roles[1].Office != "foreign-minister" || len(d.Names) != 2 || !d.InDictionary || d.Events != 2 {
		t.Errorf("actor detail = %+v", d)
	}
	if len(d.ByType) != 2 || len(d.Partners) != 2 {
		t.Errorf("by type %+v, partners %+v: want meet and call with wang-yi and lavrov", d.ByType, d.Partners)
	}
	for _, p := range d.Partners {
		if p.NameEN == "" || p.Events != 1 {
			t.Errorf("partner %+v", p)
		}
	}
}

func testDyad(t *testing.T, s didar.Store) {
	seedEvents(t, s)
	save(t, s, article("a9", "irna", "2025-10-20", "", textCall+" دوباره", []string{"sergey-lavrov", "IRN"},
		event("e1", didar.Praise, "2025-10-20", "sergey-lavrov", "IRN", "sergey-lavrov", "IRN")))
	d, err := s.Dyad(context.Background(), didar.DyadFilter{A: "RUS", B: "IRN"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Months) != 1 || d.Months[0].Month != "2025-10" || d.Months[0].Events != 3 ||
		d.Months[0].QuadClass != [4]int{2, 0, 1, 0} || math.Abs(d.Months[0].Goldstein-(1.0+3.4-2.0)) > 1e-9 {
		t.Errorf("dyad = %+v", d)
	}
	_, err = s.Dyad(context.Background(), didar.DyadFilter{A: "RUS"})
	wantCode(t, err, didar.EINVALID)
}

func testNetwork(t *testing.T, s didar.Store) {
	seedEvents(t, s)
	n, err := s.Network(context.Background(), didar.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Edges) != 4 || len(n.Nodes) != 4 {
		t.Fatalf("network: %d nodes, %d edges; want 4 and 4: %+v", len(n.Nodes), len(n.Edges), n)
	}
	for _, e := range n.Edges {
		if e.Type == didar.Visit && (e.Source != "wang-yi" || e.Target != "IRN") {
			t.Errorf("directed edge %+v: want wang-yi to IRN", e)
		}
		if e.Type == didar.Meet && (e.Source != "abbas-araghchi" || e.Target != "wang-yi") {
			t.Errorf("symmetric edge %+v: want sorted ids", e)
		}
	}
	for _, node := range n.Nodes {
		if node.Kind == "" || node.Country == "" {
			t.Errorf("node %+v without kind or country", node)
		}
	}
	n, err = s.Network(context.Background(), didar.EventFilter{Country: "RUS"})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Edges) != 2 {
		t.Errorf("network of RUS: %d edges, want 2", len(n.Edges))
	}
}

func testStats(t *testing.T, s didar.Store) {
	seedEvents(t, s)
	st, err := s.Stats(context.Background(), didar.StatsFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 3 || st.Events != 4 || st.Outlets != 3 || st.Stories != 3 || len(st.ByType) != 4 || len(st.Recent) != 4 || len(st.TopDyads) == 0 {
		t.Errorf("stats = %+v", st)
	}
	if st.Actors != 5 {
		t.Errorf("%d actors mentioned, want 5", st.Actors)
	}
	st, err = s.Stats(context.Background(), didar.StatsFilter{From: date("2025-11-01")})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Events != 2 {
		t.Errorf("stats from November: %d articles, %d events; want 2, 2", st.Articles, st.Events)
	}
}

// testStatsKept: the whole corpus's counts, kept as rows are saved in
// batches (reprints, copies, texts replaced), recoded and undone, are
// those counted afresh over every date.
func testStatsKept(t *testing.T, s didar.Store) {
	ctx := context.Background()
	in := BatchInput()
	SaveInBatches(t, s, in, 5)
	check := func(when string) {
		t.Helper()
		kept, err := s.Stats(ctx, didar.StatsFilter{})
		if err != nil {
			t.Fatal(err)
		}
		counted, err := s.Stats(ctx, didar.StatsFilter{From: date("0001-01-01"), To: date("9999-12-31")})
		if err != nil {
			t.Fatal(err)
		}
		kept.Recent, counted.Recent = nil, nil
		k, _ := json.Marshal(kept)
		c, _ := json.Marshal(counted)
		if string(k) != string(c) {
			t.Errorf("%s: kept counts\n%s\nwant, counted afresh,\n%s", when, k, c)
		}
		if kept.Events == 0 || len(kept.TopDyads) == 0 {
			t.Errorf("%s: no events counted: %s", when, k)
		}
	}
	check("after the batches")
	for i, id := range []string{in[0].Record.Article.ID, in[1].Record.Article.ID, in[4].Record.Article.ID} {
		rec, err := s.Record(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		switch i {
		case 0:
			rec.Events = []didar.Event{}
		case 1:
			for j := range rec.Events {
				rec.Events[j].Date = rec.Events[j].Date.AddDays(40)
				rec.Events[j].Participants = rec.Events[j].Participants[:1]
				rec.Events[j].Source, rec.Events[j].Target = "", ""
			}
		case 2:
			for j := range rec.Events {
				rec.Events[j].Type = didar.Criticize
				rec.Events[j].Code("")
			}
		}
		if _, err := s.Recode(ctx, id, *rec); err != nil {
			t.Fatal(err)
		}
		check("after recoding " + id)
	}
}

// testDayCountsKept checks the counts of periods, summed from the
// counts kept per day, and each actor's kept count of events against the
// articles and events the store lists, after batches, recodes and a
// correction.
func testDayCountsKept(t *testing.T, s didar.Store) {
	ctx := context.Background()
	in := BatchInput()
	results := SaveInBatches(t, s, in, 5)
	mid := in[len(in)/2].Record.Article.Published
	periods := []didar.StatsFilter{
		{From: date("0001-01-01")},
		{From: mid},
		{To: mid},
		{From: mid, To: mid},
		{From: mid.AddDays(-5), To: mid.AddDays(5)},
		{From: mid.AddDays(40), To: mid.AddDays(50)},
	}
	// Single days catch an event that moves to another day of the same
	// period; weeks, a story that has articles days apart.
	first := in[0].Record.Article.Published
	for _, a := range in {
		if a.Record.Article.Published.Before(first) {
			first = a.Record.Article.Published
		}
	}
	for d := range 45 {
		periods = append(periods, didar.StatsFilter{From: first.AddDays(d), To: first.AddDays(d)},
			didar.StatsFilter{From: first.AddDays(d), To: first.AddDays(d + 7)})
	}
	check := func(when string) {
		t.Helper()
		for _, f := range periods {
			got, err := s.Stats(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			want := listedCounts(t, s, f)
			got.Actors, got.TopDyads, got.Recent = 0, nil, nil
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			if string(g) != string(w) {
				t.Errorf("%s, %s to %s: summed from the days\n%s\nwant, listed,\n%s", when, f.From, f.To, g, w)
			}
		}
		// The events counted for each actor (migration 013) are those
		// its filter lists.
		actors, err := s.Actors(ctx, didar.ActorFilter{Limit: didar.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range actors.Actors {
			if n := count(t, s, didar.EventFilter{Actor: a.ID}); a.Events != n {
				t.Errorf("%s: %d events counted for %s, %d listed", when, a.Events, a.ID, n)
			}
		}
	}
	check("after the batches")
	// Reprints of a story ten days on, then five, leave it days apart,
	// the later day stored first.
	for _, days := range []int{10, 5} {
		r := in[1]
		r.Record.Article.ID += fmt.Sprintf("-later%d", days)
		r.Record.Article.Published = r.Record.Article.Published.AddDays(days)
		r.Record.Article.Text += fmt.Sprintf(" این گزارش %d روز بعد بازنشر شد.", days)
		r.Raw, r.Sketch = r.Record.Article.Text, dedup.Sketch(r.Record.Article.Text)
		r.Record.Events = nil
		if res := save(t, s, r); res.StoryID != results[1].StoryID {
			t.Fatalf("reprint %s in story %s, want %s", r.Record.Article.ID, res.StoryID, results[1].StoryID)
		}
		check(fmt.Sprintf("after a reprint %d days on", days))
	}
	// Dropping a reprint's events moves its merged event back a day;
	// the others leave their events undated, later, or of another type.
	recodes := []struct {
		article int
		change  func(*didar.Event)
	}{
		{2, nil},
		{0, func(e *didar.Event) { e.Date = didar.Date{} }},
		{1, func(e *didar.Event) { e.Date = e.Date.AddDays(40) }},
		{4, func(e *didar.Event) { e.Type = didar.Criticize; e.Code("") }},
	}
	for _, r := range recodes {
		id := in[r.article].Record.Article.ID
		rec, err := s.Record(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if r.change == nil {
			rec.Events = []didar.Event{}
		}
		for j := range rec.Events {
			r.change(&rec.Events[j])
		}
		if _, err := s.Recode(ctx, id, *rec); err != nil {
			t.Fatal(err)
		}
		check("after recoding " + id)
	}
	rec, err := s.Record(ctx, in[8].Record.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Events) == 0 {
		t.Fatalf("article %s has no event to delete", rec.Article.ID)
	}
	_, err = s.Correct(ctx, didar.Correction{Article: rec.Article.ID, Op: didar.OpDeleteEvent, User: "maryam", Before: &didar.Change{Event: &rec.Events[0]}})
	if err != nil {
		t.Fatal(err)
	}
	check("after deleting an event of " + rec.Article.ID)
}

// listedCounts counts the articles, outlets, stories and events of a
// period from the store's lists.
func listedCounts(t *testing.T, s didar.Store, f didar.StatsFilter) *didar.Stats {
	t.Helper()
	ctx := context.Background()
	st := &didar.Stats{ByType: []didar.TypeCount{}}
	outlets, stories := map[string]bool{}, map[string]bool{}
	for cursor := ""; ; {
		page, err := s.Articles(ctx, didar.ArticleFilter{From: f.From, To: f.To, Cursor: cursor, Limit: didar.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range page.Articles {
			st.Articles++
			outlets[a.Outlet], stories[a.StoryID] = true, true
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	st.Outlets, st.Stories = len(outlets), len(stories)
	types := map[didar.EventType]int{}
	for cursor := ""; ; {
		page, err := s.Events(ctx, didar.EventFilter{From: f.From, To: f.To, Cursor: cursor, Limit: didar.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Events {
			st.Events++
			types[e.Type]++
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	for ty, n := range types {
		st.ByType = append(st.ByType, didar.TypeCount{Type: ty, Count: n})
	}
	slices.SortFunc(st.ByType, func(a, b didar.TypeCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(string(a.Type), string(b.Type))
	})
	return st
}

const longReport = `به گزارش خبرگزاری، وزیر امور خارجه کشورمان صبح امروز در سفری دو روزه وارد پایتخت چین شد و در فرودگاه مورد استقبال معاون وزیر خارجه این کشور قرار گرفت.
وی در این سفر با همتای چینی خود درباره اجرای برنامه همکاری جامع بیست و پنج ساله، گسترش مبادلات تجاری و همکاری در حوزه انرژی گفت‌وگو خواهد کرد.
دو طرف همچنین درباره تحولات افغانستان، امنیت خلیج فارس و نشست آینده سازمان همکاری شانگهای تبادل نظر می‌کنند.
وزیر امور خارجه پیش از ترک تهران به خبرنگاران گفت که روابط دو کشور در مسیر رو به رشدی قرار دارد و این سفر فرصتی برای پیگیری توافق‌های پیشین است.
او افزود که هیئتی از مدیران بخش خصوصی نیز در این سفر حضور دارند تا با شرکت‌های چینی درباره سرمایه‌گذاری مشترک مذاکره کنند.`

func testStories(t *testing.T, s didar.Store) {
	ctx := context.Background()
	first := save(t, s, article("a1", "irna", "2025-11-17", "سفر وزیر خارجه به پکن", longReport, nil))
	// A reprint with another headline and one paragraph added.
	reprint := strings.Replace(longReport, "به گزارش خبرگزاری،", "به نقل از ایرنا،", 1) +
		"\nسفر قبلی وزیر امور خارجه به چین سال گذشته انجام شده بود و در آن سفر چند سند همکاری امضا شد."
	second := save(t, s, article("a2", "mehr", "2025-11-18", "ورود عراقچی به پکن", reprint, nil))
	other := save(t, s, article("a3", "isna", "2025-11-18", "", textOther+" "+textCall, nil))
	if second.StoryID != first.StoryID {
		t.Errorf("reprint in story %q, original in %q: want one story", second.StoryID, first.StoryID)
	}
	if other.StoryID == first.StoryID {
		t.Errorf("an unrelated article joined the story %q", first.StoryID)
	}
	page, err := s.Stories(ctx, didar.StoryFilter{MinArticles: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Stories) != 1 {
		t.Fatalf("%d stories of two or more articles, want 1", len(page.Stories))
	}
	st := page.Stories[0]
	if st.NumArticles != 2 || st.NumSources != 2 || st.Title != "سفر وزیر خارجه به پکن" || st.First.String() != "2025-11-17" ||
		st.Last.String() != "2025-11-18" || len(st.Articles) != 2 {
		t.Errorf("story = %+v", st)
	}
	got, err := s.Story(ctx, st.ID)
	if err != nil || got.NumArticles != 2 {
		t.Errorf("story %s: %v %+v", st.ID, err, got)
	}
	all, err := s.Stories(ctx, didar.StoryFilter{})
	if err != nil || len(all.Stories) != 2 {
		t.Errorf("all stories: %v, %d; want 2", err, len(all.Stories))
	}
}

func testRecode(t *testing.T, s didar.Store) {
	ctx := context.Background()
	both := []string{"abbas-araghchi", "wang-yi", "sergey-lavrov"}
	a := article("a1", "irna", "2025-11-17", "", textMeet, both,
		meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi"),
		event("e2", didar.Praise, "2025-11-17", "wang-yi", "abbas-araghchi", "wang-yi", "abbas-araghchi"),
		meet("e3", "2025-11-16", "abbas-araghchi", "sergey-lavrov"))
	save(t, s, a)
	save(t, s, article("a2", "isna", "2025-11-17", "", textMeet+" دوم", both, meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi")))
	rec := a.Record
	rec.Coder = "test/2"
	changed := meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi")
	changed.Status = didar.StatusPlanned
	rec.Events = []didar.Event{
		changed,
		meet("e2", "2025-11-16", "abbas-araghchi", "sergey-lavrov"),
		event("e3", didar.Agree, "2025-11-17", "", "", "abbas-araghchi", "wang-yi"),
	}
	rec.Actors = rec.Actors[:2]
	res, err := s.Recode(ctx, "a1", rec)
	if err != nil {
		t.Fatal(err)
	}
	if res != (didar.RecodeResult{Added: 1, Removed: 1, Changed: 1, Same: 1}) {
		t.Errorf("recode = %+v, want 1 added, 1 removed, 1 changed, 1 same", res)
	}
	if n := count(t, s, didar.EventFilter{Type: didar.Praise}); n != 0 {
		t.Errorf("%d praise events after recoding it away, want 0", n)
	}
	if n := count(t, s, didar.EventFilter{Type: didar.Agree}); n != 1 {
		t.Errorf("%d agree events after recoding, want 1", n)
	}
	page, err := s.Events(ctx, didar.EventFilter{Type: didar.Meet, Dyad: [2]string{"abbas-araghchi", "wang-yi"}})
	if err != nil || len(page.Events) != 1 || page.Events[0].NumArticles != 2 {
		t.Errorf("the meeting reported by two articles: %v %+v", err, page)
	}
	art, err := s.Article(ctx, "a1")
	if err != nil || art.Coder != "test/2" || art.NumEvents != 3 {
		t.Errorf("recoded article: %v %+v", err, art)
	}
	lav, err := s.Actor(ctx, "sergey-lavrov")
	if err != nil || lav.Mentions != 1 {
		t.Errorf("lavrov after recode: %v, mentions %d; want 1 (from a2)", err, lav.Mentions)
	}
	stale, err := s.Articles(ctx, didar.ArticleFilter{NotCoder: "test/2"})
	if err != nil || len(stale.Articles) != 1 || stale.Articles[0].ID != "a2" {
		t.Errorf("articles not coded by test/2: %v %+v", err, stale)
	}
	// A coder whose normaliser changed gives a new text: it replaces the
	// old one, in the search index too.
	rec.Article.Text = strings.Replace(textMeet, "پکن", "شانگهای", 1)
	if _, err := s.Recode(ctx, "a1", rec); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"شانگهای": 1, "پکن": 1} { // a2 still says پکن
		page, err := s.Articles(ctx, didar.ArticleFilter{Q: q})
		if err != nil || len(page.Articles) != want {
			t.Errorf("after recoding the text, q %q: %v, %d articles, want %d", q, err, len(page.Articles), want)
		}
	}
	// A new text that another article already has is a conflict.
	rec.Article.Text = textMeet + " دوم"
	_, err = s.Recode(ctx, "a1", rec)
	wantCode(t, err, didar.ECONFLICT)
}

func testCancelled(t *testing.T, s didar.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.SaveArticle(ctx, article("a1", "irna", "2025-11-17", "", textMeet, []string{"abbas-araghchi"},
		meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi")))
	if err == nil {
		t.Fatal("saved with a cancelled context")
	}
	_, err = s.Article(context.Background(), "a1")
	wantCode(t, err, didar.ENOTFOUND)
	if n := count(t, s, didar.EventFilter{}); n != 0 {
		t.Errorf("%d events left by a cancelled save", n)
	}
}

func testBadInput(t *testing.T, s didar.Store) {
	ctx := context.Background()
	_, err := s.SaveArticle(ctx, article("a1", "irna", "", "", "   ", nil))
	wantCode(t, err, didar.EINVALID)
	_, err = s.SaveArticle(ctx, article("a2", "irna", "", "", "متن \xff خراب", nil))
	wantCode(t, err, didar.EINVALID)
	_, err = s.SaveArticle(ctx, article("a3", "irna", "", "", textOther+" \x00", nil))
	wantCode(t, err, didar.EINVALID)
	nul := article("a4", "irna", "", "عنوان\x00", textOther, nil)
	_, err = s.SaveArticle(ctx, nul)
	wantCode(t, err, didar.EINVALID)
	// The store still works and holds nothing.
	page, err := s.Articles(ctx, didar.ArticleFilter{})
	if err != nil || len(page.Articles) != 0 {
		t.Errorf("articles after bad input: %v %+v", err, page)
	}
}

func testSaveBatch(t *testing.T, s didar.Store) {
	ctx := context.Background()
	both := []string{"abbas-araghchi", "wang-yi"}
	a := article("a1", "irna", "2025-11-17", "", textMeet, both, meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi"))
	b := article("a2", "isna", "2025-11-17", "", textMeet+" دوم", both, meet("e1", "2025-11-17", "abbas-araghchi", "wang-yi"))
	dup := a
	dup.Record.Article.ID = "a1-again"
	bad := article("a3", "irna", "", "", " ", nil)
	if _, err := s.SaveArticles(ctx, []didar.NewArticle{a, bad}); didar.ErrorCode(err) != didar.EINVALID {
		t.Fatalf("batch with an empty article: %v, want invalid", err)
	}
	if page, _ := s.Articles(ctx, didar.ArticleFilter{}); len(page.Articles) != 0 {
		t.Fatalf("a failed batch stored %d articles", len(page.Articles))
	}
	res, err := s.SaveArticles(ctx, []didar.NewArticle{a, b, dup})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 || !res[0].Created || !res[1].Created || res[2].Created || res[2].ID != "a1" {
		t.Errorf("batch results %+v: want a1 and a2 created, the copy of a1 found", res)
	}
	page, err := s.Events(ctx, didar.EventFilter{})
	if err != nil || len(page.Events) != 1 || page.Events[0].NumArticles != 2 {
		t.Errorf("events after the batch: %v %+v; want one reported twice", err, page)
	}
}
