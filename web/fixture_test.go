package web

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/sqlite"
)

// The fixture is a small corpus written for these tests: three articles
// retelling documented meetings, and one whose title and text carry
// markup, to check that the page shows it as text. Offsets are computed
// from the text, so the records stay right when a sentence is edited.

type fixtureActor struct {
	id, kind, fa, en, country string
	surfaces                  []string // forms to mark as mentions
}

var fixtureActors = []fixtureActor{
	{"abbas-araghchi", "person", "عباس عراقچی", "Abbas Araghchi", "IRN", []string{"عباس عراقچی", "عراقچی"}},
	{"wang-yi", "person", "وانگ یی", "Wang Yi", "CHN", []string{"وانگ یی"}},
	{"mohammad-javad-zarif", "person", "محمدجواد ظریف", "Mohammad Javad Zarif", "IRN", []string{"محمدجواد ظریف", "ظریف"}},
	{"sergey-lavrov", "person", "سرگئی لاوروف", "Sergey Lavrov", "RUS", []string{"سرگئی لاوروف", "لاوروف"}},
	{"IRN", "country", "ایران", "Iran", "IRN", []string{"ایران"}},
	{"CHN", "country", "چین", "China", "CHN", []string{"چین"}},
	{"USA", "country", "آمریکا", "United States", "USA", []string{"آمریکا"}},
}

type fixtureEvent struct {
	typ            didar.EventType
	participants   []string
	source, target string
	date           string
	evidence       string
	status         didar.Status
}

type fixtureQuote struct{ speaker, cue, text string }

type fixtureArticle struct {
	id, source, title, published, text string
	events                             []fixtureEvent
	quotes                             []fixtureQuote
	topics                             []string
}

var fixtureArticles = []fixtureArticle{
	{
		id: "beijing-2024", source: "خبرگزاری نمونه", title: "دیدار عراقچی و وانگ یی در پکن", published: "2024-12-28",
		text: "عباس عراقچی، وزیر امور خارجه ایران، روز جمعه در پکن با وانگ یی، وزیر امور خارجه چین، دیدار و گفت‌وگو کرد.\n" +
			"عراقچی در این دیدار گفت: «روابط تهران و پکن راهبردی است و ما اجرای توافق‌های گذشته را دنبال می‌کنیم.»\n" +
			"دو طرف درباره برنامه همکاری بیست‌وپنج‌ساله نیز رایزنی کردند.",
		events: []fixtureEvent{{typ: didar.Meet, participants: []string{"abbas-araghchi", "wang-yi"}, date: "2024-12-27",
			evidence: "با وانگ یی، وزیر امور خارجه چین، دیدار و گفت‌وگو کرد", status: didar.StatusOccurred}},
		quotes: []fixtureQuote{{"abbas-araghchi", "گفت", "روابط تهران و پکن راهبردی است و ما اجرای توافق‌های گذشته را دنبال می‌کنیم."}},
		topics: []string{"25-year-agreement"},
	},
	{
		id: "tehran-2021", source: "روزنامه نمونه", title: "امضای برنامه همکاری ایران و چین", published: "2021-03-28",
		text: "محمدجواد ظریف و وانگ یی روز شنبه در تهران سند برنامه همکاری جامع ایران و چین را امضا کردند.\n" +
			"ظریف این سند را نقشه راه روابط دو کشور خواند.",
		events: []fixtureEvent{{typ: didar.Agree, participants: []string{"mohammad-javad-zarif", "wang-yi"}, date: "2021-03-27",
			evidence: "سند برنامه همکاری جامع ایران و چین را امضا کردند", status: didar.StatusOccurred}},
		topics: []string{"25-year-agreement"},
	},
	{
		id: "lavrov-2022", source: "خبرگزاری نمونه", title: "سفر لاوروف به تهران", published: "2022-06-23",
		text: "سرگئی لاوروف، وزیر امور خارجه روسیه، برای دیداری دوروزه وارد تهران شد و با همتای ایرانی خود گفت‌وگو کرد.",
		events: []fixtureEvent{{typ: didar.Visit, participants: []string{"sergey-lavrov", "IRN"}, source: "sergey-lavrov", target: "IRN", date: "2022-06-22",
			evidence: "وارد تهران شد", status: didar.StatusOccurred}},
	},
	{
		id: "markup", source: "<b>رسانه</b>", title: "بیانیه <script>alert('title')</script>", published: "2024-11-05",
		text: "سخنگوی وزارت خارجه ایران تحریم‌های تازه آمریکا را محکوم کرد. <script>alert('text')</script> <img src=x onerror=alert(1)>",
		events: []fixtureEvent{{typ: didar.Criticize, participants: []string{"IRN", "USA"}, source: "IRN", target: "USA", date: "2024-11-05",
			evidence: "تحریم‌های تازه آمریکا را محکوم کرد", status: didar.StatusOccurred}},
	},
}

// runeSpan finds sub in text and returns its rune offsets.
func runeSpan(t testing.TB, text, sub string) (int, int) {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("fixture: %q not in text", sub)
	}
	start := len([]rune(text[:i]))
	return start, start + len([]rune(sub))
}

// fixtureRecord builds the record of a fixture article.
func fixtureRecord(t testing.TB, fa fixtureArticle) didar.Record {
	pub, err := didar.ParseDate(fa.published)
	if err != nil {
		t.Fatal(err)
	}
	rec := didar.Record{
		Article: didar.Article{ID: fa.id, Source: didar.NullString(fa.source), Published: pub, Title: didar.NullString(fa.title), Text: fa.text, Via: []string{}},
		Topics:  fa.topics,
		Coder:   "web-fixture",
	}
	for _, a := range fixtureActors {
		act := didar.Actor{ID: a.id, Kind: didar.Kind(a.kind), NameFA: a.fa, NameEN: didar.NullString(a.en), Country: didar.NullString(a.country), InDictionary: true}
		taken := make([]bool, len([]rune(fa.text)))
		for _, s := range a.surfaces {
			runes := []rune(fa.text)
			sr := []rune(s)
			for i := 0; i+len(sr) <= len(runes); i++ {
				if string(runes[i:i+len(sr)]) != s || taken[i] {
					continue
				}
				act.Mentions = append(act.Mentions, didar.Mention{Start: i, End: i + len(sr), Text: s, Via: "name"})
				for k := i; k < i+len(sr); k++ {
					taken[k] = true
				}
			}
		}
		if len(act.Mentions) > 0 {
			rec.Actors = append(rec.Actors, act)
		}
	}
	for i, fe := range fa.events {
		d, err := didar.ParseDate(fe.date)
		if err != nil {
			t.Fatal(err)
		}
		s, e := runeSpan(t, fa.text, fe.evidence)
		ev := didar.Event{ID: "e" + string(rune('1'+i)), Type: fe.typ, Status: fe.status, Date: d, DatePrecision: didar.PrecisionDay,
			Participants: fe.participants, Source: didar.NullString(fe.source), Target: didar.NullString(fe.target),
			Topics: fa.topics, Evidence: didar.Span{Start: s, End: e, Text: fe.evidence}, Confidence: 0.9}
		ev.Code("")
		rec.Events = append(rec.Events, ev)
	}
	for _, q := range fa.quotes {
		s, e := runeSpan(t, fa.text, q.text)
		rec.Quotes = append(rec.Quotes, didar.Quote{Speaker: q.speaker, Kind: "direct", Cue: q.cue, Span: didar.Span{Start: s, End: e, Text: q.text}})
	}
	return rec
}

var fixtureEntries = []didar.Entry{
	{ID: "abbas-araghchi", Kind: didar.KindPerson, EN: "Abbas Araghchi", FA: []string{"عباس عراقچی", "سید عباس عراقچی"}, Country: "IRN",
		Roles: []didar.Role{
			{Office: "deputy-foreign-minister", Title: "Deputy Foreign Minister of Iran", Country: "IRN", From: didar.Date{Year: 2013, Month: 8, Day: 1}, To: didar.Date{Year: 2021, Month: 8, Day: 25}},
			{Office: "foreign-minister", Title: "Foreign Minister of Iran", Country: "IRN", From: didar.Date{Year: 2024, Month: 8, Day: 21}},
		}},
	{ID: "wang-yi", Kind: didar.KindPerson, EN: "Wang Yi", FA: []string{"وانگ یی"}, Country: "CHN",
		Roles: []didar.Role{{Office: "foreign-minister", Title: "Foreign Minister of China", Country: "CHN", From: didar.Date{Year: 2013, Month: 3, Day: 16}}}},
}

// newTestStore opens a SQLite store in a temporary directory with the
// fixture corpus.
func newTestStore(t testing.TB) didar.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "didar.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SaveEntries(ctx, fixtureEntries); err != nil {
		t.Fatal(err)
	}
	for _, fa := range fixtureArticles {
		rec := fixtureRecord(t, fa)
		if _, err := st.SaveArticle(ctx, didar.NewArticle{Record: rec, Raw: fa.text}); err != nil {
			t.Fatalf("save %s: %v", fa.id, err)
		}
	}
	return st
}

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newTestServer serves the fixture on a loopback port.
func newTestServer(t testing.TB, opts Options) (*httptest.Server, didar.Store) {
	t.Helper()
	st := newTestStore(t)
	if opts.Logger == nil {
		opts.Logger = quietLogger()
	}
	h, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, st
}
