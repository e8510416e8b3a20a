package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didar-news/didar/actors"
)

// TestSpelling checks what the Extractor's normaliser adds to the default
// one: the dictionary's names (a glued pair of a name's words is split as
// the dictionary spells it) and the word lists of the lexicon dirs.
func TestSpelling(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "words.txt"), []byte("# ours\nپژوهشگاه\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lex, err := LoadLexicon(dir)
	if err != nil {
		t.Fatal(err)
	}
	dict, err := actors.Load()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(dict, lex)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := x.Extract(Input{ID: "t", Text: "سخنگوی وزارت امورخارجه در پژوهشگاهها سخن گفت."})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"وزارت امور خارجه", "پژوهشگاه\u200cها"} {
		if !strings.Contains(rec.Article.Text, want) {
			t.Errorf("text %q lacks %q", rec.Article.Text, want)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "words.txt"), []byte("درست\nدو کلمه\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadLexicon(dir); err == nil || !strings.Contains(err.Error(), "words.txt") || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad word list: error %v, want one naming words.txt and line 2", err)
	}
}

// BenchmarkNew measures what an Extractor costs to build over a loaded
// dictionary: the lexicon and the normaliser with the dictionary's names.
func BenchmarkNew(b *testing.B) {
	dict, err := actors.Load()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(dict, nil); err != nil {
			b.Fatal(err)
		}
	}
}
