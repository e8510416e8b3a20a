package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/actors"
	"github.com/didar-news/didar/eval"
	"github.com/didar-news/didar/normalize"
	"github.com/didar-news/didar/samples"
)

var testExtractor = sync.OnceValues(func() (*Extractor, error) {
	dict, err := actors.Load()
	if err != nil {
		return nil, err
	}
	return New(dict, nil)
})

func extractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := testExtractor()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// checkRecord asserts the spec's invariants: every id that events and
// quotes use is an actor of the record, offsets lie in the text and cut
// what they quote.
func checkRecord(t *testing.T, rec didar.Record) {
	t.Helper()
	ids := map[string]bool{}
	runes := []rune(rec.Article.Text)
	for _, a := range rec.Actors {
		ids[a.ID] = true
		for _, m := range a.Mentions {
			if m.Start < 0 || m.End > len(runes) || m.Start >= m.End || string(runes[m.Start:m.End]) != m.Text {
				t.Errorf("%s: mention %+v of %s does not cut the text", rec.Article.ID, m, a.ID)
			}
		}
	}
	span := func(what string, s didar.Span) {
		if s.Start < 0 || s.End > len(runes) || s.Start > s.End || string(runes[s.Start:s.End]) != s.Text {
			t.Errorf("%s: %s span [%d,%d) does not cut the text", rec.Article.ID, what, s.Start, s.End)
		}
	}
	for _, e := range rec.Events {
		for _, p := range e.Participants {
			if !ids[p] {
				t.Errorf("%s: event %s participant %q is not an actor", rec.Article.ID, e.ID, p)
			}
		}
		for _, p := range []didar.NullString{e.Source, e.Target} {
			if p != "" && !ids[string(p)] {
				t.Errorf("%s: event %s party %q is not an actor", rec.Article.ID, e.ID, p)
			}
		}
		if e.Type.Symmetric() != (e.Source == "") {
			t.Errorf("%s: event %s (%s) source %q: symmetric types have none, directed ones need one", rec.Article.ID, e.ID, e.Type, e.Source)
		}
		span("evidence of "+e.ID, e.Evidence)
		// Published with two places, never 0.7000000000000001.
		if c := strconv.FormatFloat(e.Confidence, 'f', -1, 64); len(c) > 4 || e.Confidence <= 0 || e.Confidence > 1 {
			t.Errorf("%s: event %s confidence %s is not in (0, 1] with two places", rec.Article.ID, e.ID, c)
		}
	}
	for _, q := range rec.Quotes {
		if !ids[q.Speaker] {
			t.Errorf("%s: quote speaker %q is not an actor", rec.Article.ID, q.Speaker)
		}
		span("quote", q.Span)
	}
}

// floors are the scores reached so far; a change that lowers one fails.
type floors struct {
	f1, date, status, location, quote, actor, person float64
}

func scoreAt(t *testing.T, name string, c eval.Counts, want floors) {
	t.Helper()
	t.Logf("%s: events P=%.3f R=%.3f F1=%.3f date=%.3f status=%.3f location=%.3f quote.R=%.3f actor.R=%.3f person.P=%.3f",
		name, c.EventPrecision(), c.EventRecall(), c.EventF1(), c.DateAccuracy(), c.StatusAccuracy(),
		c.LocationAccuracy(), c.QuoteRecall(), c.ActorRecall(), c.PersonPrecision())
	check := func(what string, got, floor float64) {
		if got < floor {
			t.Errorf("%s: %s %.3f fell below %.3f", name, what, got, floor)
		}
	}
	check("event F1", c.EventF1(), want.f1)
	check("date accuracy", c.DateAccuracy(), want.date)
	check("status accuracy", c.StatusAccuracy(), want.status)
	check("location accuracy", c.LocationAccuracy(), want.location)
	check("quote recall", c.QuoteRecall(), want.quote)
	check("actor recall", c.ActorRecall(), want.actor)
	check("person precision", c.PersonPrecision(), want.person)
}

// score extracts inputs, checks every record's invariants, scores them
// against golds and holds the floors.
func score(t *testing.T, name string, golds []eval.Gold, inputs []Input, want floors, verbose bool) {
	t.Helper()
	x := extractor(t)
	var recs []didar.Record
	for _, in := range inputs {
		rec, err := x.Extract(in)
		if err != nil {
			t.Fatalf("%s: %v", in.ID, err)
		}
		checkRecord(t, rec)
		recs = append(recs, rec)
	}
	results := eval.Evaluate(golds, recs)
	var buf bytes.Buffer
	eval.WriteTable(&buf, results, verbose)
	t.Log("\n" + buf.String())
	scoreAt(t, name, eval.Total(results), want)
}

// TestSeeds extracts the five shared seed articles from their bare text,
// as the gold is scored, and holds the scores reached.
func TestSeeds(t *testing.T) {
	dir := sharedDir(t, "seeds")
	golds := readGold(t, filepath.Join(dir, "gold", "seeds.jsonl"))
	var inputs []Input
	for _, g := range golds {
		b, err := os.ReadFile(filepath.Join(dir, "seeds", g.Doc+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, Input{ID: g.Doc, Text: string(b)})
	}
	score(t, "seeds", golds, inputs, seedFloors, true)
}

// TestSamples scores the bundled corpus, with its publication metadata.
func TestSamples(t *testing.T) {
	all, err := samples.All()
	if err != nil {
		t.Fatal(err)
	}
	g, err := samples.Gold()
	if err != nil {
		t.Fatal(err)
	}
	golds, err := eval.ReadGold(bytes.NewReader(g), "samples/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var inputs []Input
	for _, s := range all {
		inputs = append(inputs, Input{ID: s.ID, Source: s.Source, URL: s.URL, Title: s.Title, Published: s.Published, Text: s.Text})
	}
	score(t, "samples", golds, inputs, sampleFloors, testing.Verbose())
}

func TestBadInput(t *testing.T) {
	x := extractor(t)
	for _, tt := range []struct{ name, text, want string }{
		{"invalid utf-8", "سلام \xff\xfe", "not valid UTF-8"},
		{"empty", "  \n\t ", "no text"},
	} {
		_, err := x.Extract(Input{ID: "bad", Text: tt.text})
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "bad") {
			t.Errorf("%s: error %v, want one naming the article and saying %q", tt.name, err, tt.want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"وزیر امور خارجه ایران با همتای چینی خود در پکن دیدار کرد.",
		"به گزارش ایرنا، رئیس‌جمهور روسیه روز دوشنبه ۲۶ آبان ۱۴۰۴ گفت: «ما از ایران حمایت می‌کنیم.»",
		"وی افزود: آمریکا باید تحریم‌ها را لغو کند",
		"«»:،؛ با از به",
	} {
		f.Add(s)
	}
	x := extractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		rec, err := x.Extract(Input{ID: "fuzz", Text: s, Published: didar.Date{Year: 2024, Month: 5, Day: 1}})
		if err != nil {
			return
		}
		checkRecord(t, rec)
	})
}

func BenchmarkExtract(b *testing.B) {
	all, err := samples.All()
	if err != nil {
		b.Fatal(err)
	}
	x := extractor(b)
	size := 0
	for _, s := range all {
		size += len(s.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		for _, s := range all {
			if _, err := x.Extract(Input{ID: s.ID, Published: s.Published, Text: s.Text}); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, size, start)
}

// reportCPU reports MB per CPU second since start: the figure "per core"
// that the wall-clock MB/s only gives on an idle machine.
func reportCPU(b *testing.B, size int, start time.Duration) {
	if d := cpuTime() - start; d > 0 && start > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/d.Seconds()/1e6, "MB/cpu-s")
	}
}

// TestHeldout scores the held-out corpus in testdata/heldout, written
// apart from the samples and never used to tune the rules: it estimates
// how Didar does on articles nobody tuned it for.
func TestHeldout(t *testing.T) {
	dir := filepath.Join("..", "testdata", "heldout")
	meta, err := os.ReadFile(filepath.Join(dir, "meta.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	gb, err := os.ReadFile(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	golds, err := eval.ReadGold(bytes.NewReader(gb), "heldout/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var inputs []Input
	for i, line := range strings.Split(strings.TrimSpace(string(meta)), "\n") {
		var m struct {
			ID        string     `json:"id"`
			Published didar.Date `json:"published"`
			Source    string     `json:"source"`
		}
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("meta.jsonl:%d: %v", i+1, err)
		}
		text, err := os.ReadFile(filepath.Join(dir, "articles", m.ID+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, Input{ID: m.ID, Source: m.Source, Published: m.Published, Text: string(text)})
	}
	score(t, "heldout", golds, inputs, heldoutFloors, testing.Verbose())
}

// BenchmarkBaselineNormalize runs normalize.Text alone over the same
// articles, the baseline that BenchmarkExtract's figure is read against.
func BenchmarkBaselineNormalize(b *testing.B) {
	all, err := samples.All()
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, s := range all {
		size += len(s.Text)
	}
	b.SetBytes(int64(size))
	start := cpuTime()
	for b.Loop() {
		for _, s := range all {
			normalize.Text(s.Text)
		}
	}
	reportCPU(b, size, start)
}

// TestDeterministic extracts the samples twice: the records, order
// included, must be the same, so that stored records and exports do not
// change when nothing did.
func TestDeterministic(t *testing.T) {
	all, err := samples.All()
	if err != nil {
		t.Fatal(err)
	}
	x := extractor(t)
	for _, s := range all {
		var out [2][]byte
		for i := range out {
			rec, err := x.Extract(Input{ID: s.ID, Published: s.Published, Text: s.Text})
			if err != nil {
				t.Fatal(err)
			}
			if out[i], err = json.Marshal(rec); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(out[0], out[1]) {
			t.Errorf("%s: two extractions differ", s.ID)
		}
	}
}
