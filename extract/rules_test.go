package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/didar-news/didar"
)

// want is one expected event: type, status, and parties (source>target
// for directed types, participants joined by + for symmetric ones).
type want struct {
	typ     didar.EventType
	status  didar.Status
	parties string
	date    string // ISO date, "-" for none, "" not checked
	country string // location country, "" not checked
}

func describe(e didar.Event) string {
	if e.Type.Symmetric() {
		p := slices.Clone(e.Participants)
		slices.Sort(p)
		return strings.Join(p, "+")
	}
	return string(e.Source) + ">" + string(e.Target)
}

// ruleCase is one sentence or short text and the events it must give.
type ruleCase struct {
	name      string
	text      string
	published didar.Date
	want      []want
}

func TestRules(t *testing.T) {
	day := didar.Date{Year: 2024, Month: 5, Day: 6} // a Monday
	runRules(t, []ruleCase{
		{"meeting with a partner after با, in a capital",
			"سرگئی لاوروف وزیر امور خارجه روسیه در مسکو با وانگ یی دیدار کرد.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "sergey-lavrov+wang-yi", "2024-05-06", "RUS"}}},
		{"a negated meeting is no event",
			"سرگئی لاوروف در این سفر با وانگ یی دیدار نکرد.", day, nil},
		{"a planned visit",
			"قرار است سرگئی لاوروف هفته آینده به پکن سفر کند.", day,
			[]want{{didar.Visit, didar.StatusPlanned, "sergey-lavrov>CHN", "", ""}}},
		{"a visit recalled from last year",
			"رجب طیب اردوغان سال گذشته به تهران سفر کرد.", day,
			[]want{{didar.Visit, didar.StatusPastReference, "recep-tayyip-erdogan>IRN", "", ""}}},
		{"praise with its object after از",
			"ولادیمیر پوتین از مواضع چین قدردانی کرد.", day,
			[]want{{didar.Praise, didar.StatusOccurred, "vladimir-putin>CHN", "", ""}}},
		{"a nominal cue in an adverbial phrase: ضمن تشکر از",
			"شی جین‌پینگ ضمن تشکر از ولادیمیر پوتین بر گسترش روابط تاکید کرد.", day,
			[]want{{didar.Praise, didar.StatusOccurred, "xi-jinping>vladimir-putin", "", ""}}},
		{"a telephone call",
			"ابراهیم رئیسی در گفت‌وگوی تلفنی با رجب طیب اردوغان درباره غزه رایزنی کرد.", day,
			[]want{{didar.Call, didar.StatusOccurred, "ebrahim-raisi+recep-tayyip-erdogan", "", ""}}},
		{"hosting in the passive: مورد استقبال X قرار گرفت",
			"ابراهیم رئیسی در کرملین مورد استقبال ولادیمیر پوتین قرار گرفت.", day,
			[]want{{didar.Host, didar.StatusOccurred, "vladimir-putin>ebrahim-raisi", "", ""}}},
		{"an invitation",
			"شی جین‌پینگ از ولادیمیر پوتین دعوت کرد.", day,
			[]want{{didar.Invite, didar.StatusOccurred, "xi-jinping>vladimir-putin", "", ""}}},
		{"condemnation of an object marked by را",
			"چین اقدام آمریکا را محکوم کرد.", day,
			[]want{{didar.Criticize, didar.StatusOccurred, "CHN>USA", "", ""}}},
		{"an explicit Solar Hijri date wins over publication",
			"سرگئی لاوروف روز دوشنبه ۲۶ آبان ۱۴۰۴ با وانگ یی دیدار کرد.", didar.Date{Year: 2025, Month: 11, Day: 20},
			[]want{{didar.Meet, didar.StatusOccurred, "sergey-lavrov+wang-yi", "2025-11-17", ""}}},
		{"a relative date with no publication date stays unresolved",
			"سرگئی لاوروف دیروز با وانگ یی دیدار کرد.", didar.Date{},
			[]want{{didar.Meet, didar.StatusOccurred, "sergey-lavrov+wang-yi", "-", ""}}},
		{"the same meeting stated twice is one event",
			"سرگئی لاوروف با وانگ یی دیدار کرد. لاوروف در این دیدار با وانگ یی گفت‌وگو کرد.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "sergey-lavrov+wang-yi", "", ""}}},
		{"a subject meeting two persons in turn makes two dyads",
			"سرگئی لاوروف با وانگ یی و شی جین‌پینگ دیدار کرد.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "sergey-lavrov+wang-yi", "", ""}, {didar.Meet, didar.StatusOccurred, "sergey-lavrov+xi-jinping", "", ""}}},
		{"meetings among one country's officials are not international",
			"ابراهیم رئیسی با محمدباقر قالیباف دیدار کرد.", day, nil},
		{"promised aid",
			"شی جین‌پینگ گفت: چین به ایران واکسن کمک خواهد کرد.", day,
			[]want{{didar.Aid, didar.StatusPlanned, "xi-jinping>IRN", "", ""}}},
		{"a wish in the subjunctive is no visit",
			"شی جین‌پینگ از ولادیمیر پوتین دعوت کرد که به پکن سفر کند.", day,
			[]want{{didar.Invite, didar.StatusOccurred, "xi-jinping>vladimir-putin", "", ""}}},
	})
}

// runRules extracts each case and compares its events, in order, with the
// wanted ones.
func runRules(t *testing.T, tests []ruleCase) {
	t.Helper()
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := x.Extract(Input{ID: "t", Published: tt.published, Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			checkRecord(t, rec)
			var got []string
			for _, e := range rec.Events {
				got = append(got, fmt.Sprintf("%s %s %s", e.Type, e.Status, describe(e)))
			}
			if len(rec.Events) != len(tt.want) {
				t.Fatalf("got %d events %q, want %d", len(rec.Events), got, len(tt.want))
			}
			for i, w := range tt.want {
				e := rec.Events[i]
				if e.Type != w.typ || e.Status != w.status || describe(e) != w.parties {
					t.Errorf("event %d = %s, want %s %s %s", i, got[i], w.typ, w.status, w.parties)
				}
				if w.date == "-" && !e.Date.IsZero() || w.date != "" && w.date != "-" && e.Date.String() != w.date {
					t.Errorf("event %d date = %q, want %q", i, e.Date, w.date)
				}
				if w.country != "" && (e.Location == nil || string(e.Location.Country) != w.country) {
					t.Errorf("event %d location = %+v, want country %s", i, e.Location, w.country)
				}
				if e.Type == didar.Aid && e.Status == didar.StatusPlanned && e.CAMEO != "033" {
					t.Errorf("promised aid coded %s, want 033", e.CAMEO)
				}
				if e.Rule == "" || e.Evidence.Text == "" {
					t.Errorf("event %d has no rule or evidence", i)
				}
			}
		})
	}
}

func TestQuotes(t *testing.T) {
	x := extractor(t)
	text := "سرگئی لاوروف با وانگ یی دیدار کرد. وی افزود: «روابط ما راهبردی است. این روابط ادامه خواهد یافت.»\n" +
		"وانگ یی نیز گفت که چین از ایران حمایت می‌کند."
	rec, err := x.Extract(Input{ID: "q", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	checkRecord(t, rec)
	want := []struct{ speaker, kind, starts, ends string }{
		{"sergey-lavrov", "direct", "«روابط", "یافت.»"},
		{"wang-yi", "indirect", "چین", "می‌کند."},
	}
	if len(rec.Quotes) != len(want) {
		t.Fatalf("got %d quotes %+v, want %d", len(rec.Quotes), rec.Quotes, len(want))
	}
	for i, w := range want {
		q := rec.Quotes[i]
		if q.Speaker != w.speaker || q.Kind != w.kind || !strings.HasPrefix(q.Text, w.starts) || !strings.HasSuffix(q.Text, w.ends) {
			t.Errorf("quote %d = %s %s %q, want %s %s from %q to %q", i, q.Speaker, q.Kind, q.Text, w.speaker, w.kind, w.starts, w.ends)
		}
	}
}
