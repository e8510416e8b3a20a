package jalali

import (
	"encoding/json"
	"github.com/didar-news/didar/internal/sharedtest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// filler is body text without dates, to push things past the header.
var filler = strings.Repeat("وزیر امور خارجه در این دیدار بر گسترش همکاری‌های دو کشور تأکید کرد. ", 8)

func TestDateline(t *testing.T) {
	cases := []struct {
		name string
		text string
		want string // "" when there is no dateline
		clk  string
	}{
		{"agency line", "تقویت همکاری‌های حزبی\n\nخبرگزاری مهر دوشنبه 26 آبان 1404 - 14:19\n" + filler, "2025-11-17", "14:19"},
		{"city and agency", "تهران - ایرنا - ۱۴ آذر ۱۴۰۲\n" + filler, "2023-12-05", ""},
		{"news code line", "کد خبر: ۸۸۲۳۱۴ | ۱۴ آذر ۱۴۰۲، ۱۰:۳۰\n" + filler, "2023-12-05", "10:30"},
		{"label at the end", filler + filler + "\nتاریخ انتشار: ۱۴۰۲/۰۹/۱۴ - ۱۰:۳۰", "2023-12-05", "10:30"},
		{"label with weekday", "عنوان خبر\n" + filler + "\nزمان انتشار: سه‌شنبه ۱۴ آذر ۱۴۰۲", "2023-12-05", ""},
		{"first sentence", "به گزارش خبرنگار ما، عصر سه‌شنبه ۱۴ آذر ۱۴۰۲ دو هیئت در تهران دیدار کردند. " + filler, "2023-12-05", ""},
		{"short line wins", "به گزارش ما، در دیدار ۱۰ آذر ۱۴۰۲ که در تهران برگزار شد و ادامه آن " + string([]rune(filler)[:80]) + "\nایسنا - ۱۴ آذر ۱۴۰۲\n", "2023-12-05", ""},
		{"dateline after a dated title", "توافق ۱۴ آذر ۱۴۰۰ اجرا شد\nتهران - ایرنا - پنجشنبه ۱۶ آذر ۱۴۰۲، ۹:۱۵\n" + filler, "2023-12-07", "09:15"},
		{"law date is not a dateline", "به استناد ماده ۷۴ قانون تجارت الکترونیک مصوب ۱۳۸۲/۱۰/۱۷ مجلس\n" + filler, "", ""},
		{"year in the body", "این همکاری در سال ۱۳۸۲ آغاز شد.\n" + filler, "", ""},
		{"month only", "آذر ۱۴۰۲\n" + filler, "", ""},
		{"date deep in the body", filler + filler + " در ۱۴ آذر ۱۴۰۲ امضا شد.", "", ""},
		{"relative only", "دیروز وزیر گفت\n" + filler, "", ""},
		{"empty", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, e, ok := Dateline(c.text)
			if ok != (c.want != "") || d.String() != c.want {
				t.Fatalf("Dateline = %v %q %v, want %q", d, e.Text, ok, c.want)
			}
			if ok && (e.Date != d || e.Time != c.clk || string([]rune(c.text)[e.Start:e.End]) != e.Text) {
				t.Errorf("expression %+v does not match date %v, time %q", e, d, c.clk)
			}
		})
	}
}

// TestSeeds reads the scraped articles of ../shared/seeds and the
// publication dates of the gold annotations: a dateline that is there must
// be found, and none may be a law's date.
func TestSeeds(t *testing.T) {
	dir := sharedtest.Path(t)
	gold, err := os.ReadFile(filepath.Join(dir, "gold", "seeds.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	published := map[string]string{}
	for _, line := range strings.Split(string(gold), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var g struct {
			Doc       string  `json:"doc"`
			Published *string `json:"published"`
		}
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			t.Fatalf("gold: %v", err)
		}
		if g.Published != nil {
			published[g.Doc] = *g.Published
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no seed articles in ../shared/seeds")
	}
	withDate := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		doc := strings.TrimSuffix(filepath.Base(f), ".txt")
		d, e, ok := Dateline(text)
		if want, has := published[doc]; has {
			withDate++
			if !ok || d.String() != want {
				t.Errorf("%s: Dateline = %v %q, want %s", doc, d, e.Text, want)
			}
		}
		if ok && strings.Contains(string([]rune(text)[max(0, e.Start-10):e.Start]), "مصوب") {
			t.Errorf("%s: a law's date %q taken as the dateline", doc, e.Text)
		}
		// Every expression of the article must be well formed.
		checkSpans(t, text, Find(text, d))
	}
	if withDate == 0 {
		t.Error("no seed has a publication date in the gold file")
	}
}
