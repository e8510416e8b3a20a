package extract

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/didar-news/didar/samples"
)

// TestLongText codes the sample articles run together into one text of
// several windows, on lines and on one line: the joined record keeps the
// spec's invariants (offsets cut the joined text), numbers its events
// once, and finds about the events of the articles coded one by one.
func TestLongText(t *testing.T) {
	x := extractor(t)
	once, err := samples.All()
	if err != nil {
		t.Fatal(err)
	}
	list := append(append(once, once...), once...) // 280 KB
	for _, oneLine := range []bool{false, true} {
		var texts []string
		alone := 0
		for _, s := range list {
			text := s.Text
			if oneLine {
				text = strings.Join(strings.Fields(text), " ")
			}
			texts = append(texts, text)
			rec, err := x.Extract(Input{Published: s.Published, Text: text})
			if err != nil {
				t.Fatal(err)
			}
			alone += len(rec.Events)
		}
		sep := "\n\n"
		if oneLine {
			sep = " "
		}
		long := strings.Join(texts, sep)
		if len(long) < 3*window {
			t.Fatalf("the samples make %d bytes, not several windows", len(long))
		}
		rec, err := x.Extract(Input{ID: "long", Published: list[0].Published, Text: long})
		if err != nil {
			t.Fatal(err)
		}
		checkRecord(t, rec)
		for i, e := range rec.Events {
			if e.ID != fmt.Sprintf("e%d", i+1) {
				t.Fatalf("event %d has id %s", i, e.ID)
			}
		}
		// Articles lose their own publication dates and their titles
		// when run together, so the events differ a little.
		if n := len(rec.Events); n < alone*8/10 || n > alone*12/10 {
			t.Errorf("one line %v: %d events in the long text, %d in its articles one by one", oneLine, n, alone)
		}
	}
}

func TestCut(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"کوتاه", 100, "کوتاه"},
		{"aaaa bbbb\n\ncccc dddd", 15, "aaaa bbbb\n\n"},
		{"aaaa. bbbb cccc", 12, "aaaa. bbbb "},
		{"aaaaaaaaaa. bbbb", 14, "aaaaaaaaaa. "},
		{"بببببببببب", 7, "ببب"}, // no break: cut between letters
	}
	for _, tt := range tests {
		if got := tt.s[:cut(tt.s, tt.n)]; got != tt.want {
			t.Errorf("cut(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

// TestEvidenceWithoutSentenceEnds codes the samples run together with
// their sentence ends and line breaks taken out, one "sentence" of many
// kilobytes: each event quotes at most maxEvidence runes of it around its
// cue (whole words, cutting the text), not all of it.
func TestEvidenceWithoutSentenceEnds(t *testing.T) {
	x := extractor(t)
	list, err := samples.All()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, s := range list {
		b.WriteString(strings.Map(func(r rune) rune {
			switch r {
			case '.', '؟', '?', '!', '\n', '\r':
				return ' '
			}
			return r
		}, s.Text))
		b.WriteByte(' ')
	}
	rec, err := x.Extract(Input{ID: "run-on", Published: list[0].Published, Text: b.String()})
	if err != nil {
		t.Fatal(err)
	}
	checkRecord(t, rec)
	if len(rec.Events) < 10 {
		t.Fatalf("%d events in %d run-on samples, too few to tell", len(rec.Events), len(list))
	}
	for _, e := range rec.Events {
		ev := e.Evidence
		if ev.End-ev.Start > maxEvidence || ev.End == ev.Start {
			t.Errorf("event %s (%s): evidence of %d runes, want 1 to %d", e.ID, e.Type, ev.End-ev.Start, maxEvidence)
		}
		if strings.HasPrefix(ev.Text, " ") || strings.HasSuffix(ev.Text, " ") {
			t.Errorf("event %s: evidence %q does not begin and end at words", e.ID, ev.Text)
		}
	}
}

// TestLongTextSharesSpans checks that the texts of a long record's
// mentions, evidence and quotes lie in its text's own memory, not in
// copies nor in the pieces' texts that it was joined from.
func TestLongTextSharesSpans(t *testing.T) {
	x := extractor(t)
	list, err := samples.All()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for len(strings.Join(texts, "\n\n")) < 3*window {
		for _, s := range list {
			texts = append(texts, s.Text)
		}
	}
	rec, err := x.Extract(Input{ID: "long", Published: list[0].Published, Text: strings.Join(texts, "\n\n")})
	if err != nil {
		t.Fatal(err)
	}
	base := uintptr(unsafe.Pointer(unsafe.StringData(rec.Article.Text)))
	inside := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return s == "" || p >= base && p+uintptr(len(s)) <= base+uintptr(len(rec.Article.Text))
	}
	n, copies := 0, 0
	check := func(what, s string) {
		n++
		if !inside(s) {
			copies++
			if copies <= 3 {
				t.Errorf("%s %q is a copy", what, s)
			}
		}
	}
	for _, a := range rec.Actors {
		for _, m := range a.Mentions {
			check("mention of "+a.ID, m.Text)
		}
	}
	for _, e := range rec.Events {
		check("evidence of "+e.ID, e.Evidence.Text)
	}
	for _, q := range rec.Quotes {
		check("quote", q.Text)
	}
	if copies > 0 || n < 1000 {
		t.Errorf("%d of %d spans are copies", copies, n)
	}
}
