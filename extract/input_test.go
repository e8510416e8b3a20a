package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/didar-news/didar"
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

// TestFurniture checks that page furniture makes no event, quote or actor
// mention, that a leading scraper date is the publication date, and that
// the record keeps the whole text, which offsets refer to.
func TestFurniture(t *testing.T) {
	x := extractor(t)
	article := "وزیر امور خارجه ایران امروز با وزیر امور خارجه عراق در تهران دیدار کرد."
	related := "وزیر خارجه روسیه با وزیر خارجه چین در پکن دیدار کرد"
	in := Input{ID: "f", Text: " date 2024-03-02 " + article + "\n\nاخبار مرتبط\n" + related + "\n\nبه کانال تلگرام ما بپیوندید\n[ad_1]"}
	rec, err := x.Extract(in)
	if err != nil {
		t.Fatal(err)
	}
	checkRecord(t, rec)
	if got := rec.Article.Published.String(); got != "2024-03-02" {
		t.Errorf("published %s, want 2024-03-02", got)
	}
	if !strings.Contains(rec.Article.Text, related) || !strings.HasPrefix(rec.Article.Text, "date 2024-03-02") {
		t.Errorf("the record lost text: %q", rec.Article.Text)
	}
	limit := len([]rune(rec.Article.Text)) - len([]rune(related+"\n\nبه کانال تلگرام ما بپیوندید\n[ad_1]")) - len([]rune("\n\nاخبار مرتبط\n"))
	for _, e := range rec.Events {
		if e.Evidence.Start < len("date 2024-03-02") || e.Evidence.End > limit {
			t.Errorf("event %s from furniture: %q", e.Type, e.Evidence.Text)
		}
	}
	for _, a := range rec.Actors {
		for _, m := range a.Mentions {
			if m.End > limit {
				t.Errorf("actor %s mentioned in furniture: %q", a.ID, m.Text)
			}
		}
		if a.Country == "RUS" || a.Country == "CHN" {
			t.Errorf("actor %s of the related story", a.ID)
		}
	}
	if len(rec.Events) == 0 {
		t.Errorf("no event from the article itself")
	}
}

// TestTopicWords checks that topic cues match whole words with their
// inflections, never the start of another word.
func TestTopicWords(t *testing.T) {
	x := extractor(t)
	cases := []struct {
		text  string
		topic string
		want  bool
	}{
		{"عراقچی در تهران گفت روابط با ترکیه خوب است. عراقچی افزود این روابط گسترش می‌یابد.", "iraq", false},
		{"نخست‌وزیر عراق به تهران آمد. او گفت عراقی‌ها خواهان روابط نزدیک‌تر هستند.", "iraq", true},
		{"نماینده ایران گفت تحریم‌های آمریکا غیرقانونی است. او افزود این تحریم‌ها شکست خورده است.", "sanctions", true},
	}
	for _, c := range cases {
		rec, err := x.Extract(Input{ID: "t", Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		if got := slices.Contains(rec.Topics, c.topic); got != c.want {
			t.Errorf("%q: topics %v, want %s: %v", c.text, rec.Topics, c.topic, c.want)
		}
	}
}

// TestBareCity checks that a trip to a city whose bare name is a common
// word (the dictionary names it with شهر) goes to that city.
func TestBareCity(t *testing.T) {
	x := extractor(t)
	cases := []struct{ text, target, city string }{
		{"وزیر امور خارجه ایران روز سه‌شنبه ۱۴ آذر ۱۴۰۲ به آستانه سفر کرد.", "KAZ", "Astana"},
		{"رئیس‌جمهور ترکیه روز سه‌شنبه ۱۴ آذر ۱۴۰۲ عازم دوشنبه شد.", "TJK", "Dushanbe"},
	}
	for _, c := range cases {
		rec, err := x.Extract(Input{ID: "t", Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		checkRecord(t, rec)
		found := false
		for _, e := range rec.Events {
			if e.Type == didar.Visit && string(e.Target) == c.target && e.Location != nil && string(e.Location.NameEN) == c.city {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no visit to %s in %s; events %+v", c.text, c.city, c.target, rec.Events)
		}
	}
	// "در آستانه": on the eve of, not in Astana.
	rec, err := x.Extract(Input{ID: "t", Text: "وزیر امور خارجه ایران در آستانه سفر به چین گفت روابط دو کشور راهبردی است."})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rec.Events {
		if e.Location != nil && e.Location.Country == "KAZ" {
			t.Errorf("در آستانه read as Astana: %+v", e)
		}
	}
}
