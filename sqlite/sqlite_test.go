package sqlite_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/normalize"
	"github.com/didar-news/didar/sqlite"
	"github.com/didar-news/didar/storetest"
)

func open(t *testing.T) didar.Store {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "didar.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

// TestReopen checks that migrations run once and data survive a restart.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "didar.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveEntries(ctx, storetest.Dictionary); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Actor(ctx, "wang-yi"); err != nil {
		t.Fatal(err)
	}
	var mode string
	if err := s.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q (%v), want wal", mode, err)
	}
}

func TestTerms(t *testing.T) {
	cases := []struct{ title, text, want string }{
		{"", "رئیس جمهور، گفت", "رییس رییسجمهور جمهور جمهورگفت گفت "},
		{"دیدار", "وزیر‌ها", "دیدار دیداروزیرها وزیرها "},
		{"", "«»", ""},
		{"", "سلام", "سلام "},
		// each term once, however often the text has it
		{"ایران", "و ایران، و ایران و چین", "ایران ایرانو و وایران وچین چین "},
	}
	for _, c := range cases {
		if got := sqlite.Terms(c.title, c.text); got != c.want {
			t.Errorf("Terms(%q, %q) = %q, want %q", c.title, c.text, got, c.want)
		}
	}
}

// TestTermsLong checks that a text with more distinct terms than Terms
// remembers still has every word and pair of words listed, and no other.
func TestTermsLong(t *testing.T) {
	letters := []rune("ابپتثجچحخدذرزسشصضطظعغفقکگلمنوهی")
	var words []string
	for i := 0; len(words) < 50_000; i++ {
		n := len(letters)
		w := []rune{letters[i%n], letters[i/n%n], letters[i/n/n%n], letters[i/n/n/n%n]}
		words = append(words, string(w))
	}
	text := strings.Join(words, " ") + strings.Repeat(" "+strings.Join(words[:1000], " "), 20)
	want := map[string]bool{}
	keys := strings.FieldsFunc(normalize.Key(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range keys {
		want[w] = true
		if i > 0 {
			want[keys[i-1]+w] = true
		}
	}
	got := map[string]bool{}
	terms := strings.Fields(sqlite.Terms("", text))
	for _, w := range terms {
		got[w] = true
	}
	if len(got) != len(want) {
		t.Errorf("%d distinct terms, want %d", len(got), len(want))
	}
	for w := range want {
		if !got[w] {
			t.Errorf("term %q missing", w)
			break
		}
	}
	if len(terms) > len(want)+len(want)/10 {
		t.Errorf("%d terms listed, %d distinct: repeats were listed again", len(terms), len(want))
	}
}

func TestOtherWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "didar.db")
	var stores [2]didar.Store
	for i := range stores {
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	storetest.OtherWriter(t, stores[0], stores[1])
}
