package normalize

import (
	"github.com/didar-news/didar/internal/sharedtest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

const z = "\u200c"

var textCases = []struct{ in, want string }{
	// Letter forms, digits, diacritics, spaces.
	{"كتاب", "کتاب"},
	{"علي", "علی"},
	{"مصطفى", "مصطفی"},
	{"خانهٔ ما", "خانۀ ما"},
	{"خانۀ ما", "خانۀ ما"},
	{"ﻻ", "لا"},
	{"ﷲ", "الله"},
	{"سلامٌ عَلَیکُم", "سلام علیکم"},
	{"بـــزرگ", "بزرگ"},
	{"قرآن", "قرآن"},
	{"٣ نفر", "۳ نفر"},
	{"سال 1402", "سال 1402"},
	{"ایران\u00a0و\u00a0چین", "ایران و چین"},
	{"ایران    و\tچین", "ایران و چین"},
	{"  آغاز  ", "آغاز"},
	{"خط یک\r\nخط دو", "خط یک\nخط دو"},
	{"بند یک\n\nبند دو", "بند یک\n\nبند دو"},
	{"بند یک\n \n\n\nبند دو", "بند یک\n\nبند دو"},
	{"رئيس", "رئیس"},
	{"\u200fمتن\u200e", "متن"},
	// Punctuation spacing.
	{"ایران ، چین", "ایران، چین"},
	{"ایران،چین", "ایران، چین"},
	{"گفت : سلام", "گفت: سلام"},
	{"گفت:سلام", "گفت: سلام"},
	{"چرا ؟", "چرا؟"},
	{"پایان .آغاز", "پایان. آغاز"},
	{"پایان.آغاز", "پایان. آغاز"},
	{"گفت« سلام »", "گفت «سلام»"},
	{"«سلام»گفت", "«سلام» گفت"},
	{"وزیر( خارجه )گفت", "وزیر (خارجه) گفت"},
	{"صبر ...", "صبر..."},
	{"عجب !", "عجب!"},
	{"نکته ؛ دیگر", "نکته؛ دیگر"},
	// Numbers, dates, times, URLs and e-mail are left whole.
	{"نرخ 3.5 درصد", "نرخ 3.5 درصد"},
	{"12,500 نفر", "12,500 نفر"},
	{"۱۲٬۵۰۰ نفر", "۱۲٬۵۰۰ نفر"},
	{"۳٫۵ درصد", "۳٫۵ درصد"},
	{"تاریخ 1402/09/14", "تاریخ 1402/09/14"},
	{"ساعت 14:19", "ساعت 14:19"},
	{"رشد 10%", "رشد 10%"},
	{"سایت https://www.irna.ir/news/123.html را ببینید", "سایت https://www.irna.ir/news/123.html را ببینید"},
	{"نشانی info@mfa.gov.ir است.", "نشانی info@mfa.gov.ir است."},
	{"در www.example.com.", "در www.example.com."},
	{"سال ۵۰۰ ق.م بود", "سال ۵۰۰ ق.م بود"},
	{"U.S. Army", "U.S. Army"},
	// ZWNJ restored.
	{"میکنیم", "می" + z + "کنیم"},
	{"نمیکنیم", "نمی" + z + "کنیم"},
	{"میشود", "می" + z + "شود"},
	{"میخواهند", "می" + z + "خواهند"},
	{"میآید", "می" + z + "آید"},
	{"نمیتوانند", "نمی" + z + "توانند"},
	{"میرفتند", "می" + z + "رفتند"},
	{"گفتوگو", "گفت" + z + "وگو"},
	{"گفت و گو کردند", "گفت" + z + "وگو کردند"},
	{"جست و جو", "جست" + z + "وجو"},
	{"مسیر رفت و آمد مرزی", "مسیر رفت" + z + "وآمد مرزی"},
	{"زد و خورد مرزبانان", "زدوخورد مرزبانان"},
	{"همکاریهای", "همکاری" + z + "های"},
	{"بینالملل", "بین" + z + "الملل"},
	{"بینالمللی", "بین" + z + "المللی"},
	{"رئیسجمهور", "رئیس" + z + "جمهور"},
	{"رئیس جمهور", "رئیس جمهور"},
	{"سازمانهای", "سازمان" + z + "های"},
	{"آمریکاییها", "آمریکایی" + z + "ها"},
	{"چینیاش", "چینی" + z + "اش"},
	{"عرصههای", "عرصه" + z + "های"},
	{"همهجانبه", "همه" + z + "جانبه"},
	{"نشاندهنده", "نشان" + z + "دهنده"},
	{"دادهایم", "داده" + z + "ایم"},
	{"کردهاند", "کرده" + z + "اند"},
	{"علاقهمند", "علاقه" + z + "مند"},
	{"خانهای", "خانه" + z + "ای"},
	{"اینها", "این" + z + "ها"},
	{"آنها", "آن" + z + "ها"},
	{"کتابها", "کتاب" + z + "ها"},
	{"بزرگترین", "بزرگ" + z + "ترین"},
	{"هماکنون", "هم" + z + "اکنون"},
	{"زمینهساز", "زمینه" + z + "ساز"},
	{"مداخلهآمیز", "مداخله" + z + "آمیز"},
	{"سرمایهگذاری", "سرمایه" + z + "گذاری"},
	{"دستگیری", "دستگیری"},
	// Already right, or not to be split: nothing changes.
	{"کشورها", "کشورها"},
	{"می" + z + "کنیم", "می" + z + "کنیم"},
	{"می" + z + z + "کنیم", "می" + z + "کنیم"},
	{z + "سلام" + z, "سلام"},
	{"میز", "میز"},
	{"میلیون", "میلیون"},
	{"میان", "میان"},
	{"میهمان", "میهمان"},
	{"میدان", "میدان"},
	{"میزان", "میزان"},
	{"هاشمی", "هاشمی"},
	{"تنها", "تنها"},
	{"رها", "رها"},
	{"بها", "بها"},
	{"ماهی", "ماهی"},
	{"پیام", "پیام"},
	{"ساختمان", "ساختمان"},
	{"بهتر", "بهتر"},
	{"دفتر", "دفتر"},
	{"خبرگزاری", "خبرگزاری"},
	{"ایران و چین", "ایران و چین"},
}

// glueCases are the two repairs of spacing: words glued without a space
// are split, and suffixes or می written apart are joined back.
var glueCases = []struct{ in, want string }{
	// Glued words split.
	{"درراستای اهداف", "در راستای اهداف"},
	{"دراین دیدار", "در این دیدار"},
	{"ازخانه احزاب", "از خانه احزاب"},
	{"باکشور چین", "با کشور چین"},
	{"وزیربینالملل", "وزیر بین" + z + "الملل"},
	{"رهبرمعظم انقلاب", "رهبر معظم انقلاب"},
	{"وگفت", "و گفت"},
	{"کردکه", "کرد که"},
	{"سفرکنند", "سفر کنند"},
	{"کشورایران", "کشور ایران"},
	{"تشکرازدکتر", "تشکر از دکتر"},
	{"اظهارداشت", "اظهار داشت"},
	{"حضوردارند", "حضور دارند"},
	{"برگزارنمودند", "برگزار نمودند"},
	{"خودرا", "خود را"},
	{"ودرپایان", "و در پایان"},
	{"درخصوص", "در خصوص"},
	{"باهم", "با هم"},
	{"باوجود این", "با وجود این"},
	{"درسازمان" + z + "های", "در سازمان" + z + "های"},
	{"ازکشور" + z + "ها", "از کشور" + z + "ها"},
	{"همکاری" + z + "های", "همکاری" + z + "های"},
	{"سرمایه" + z + "گذاری", "سرمایه" + z + "گذاری"},
	{"درآن", "در آن"},
	{"دوقطبی", "دوقطبی"},
	{"تاکید کردکه ایران", "تاکید کرد که ایران"},
	// Suffixes and می written apart joined.
	{"تحریم های", "تحریم" + z + "های"},
	{"سازمان ها", "سازمان" + z + "ها"},
	{"کشور ها", "کشورها"},
	{"می کنیم", "می" + z + "کنیم"},
	{"نمی شود", "نمی" + z + "شود"},
	{"می دهند", "می" + z + "دهند"},
	{"بین المللی", "بین" + z + "المللی"},
	{"چالش های منطقه ای", "چالش" + z + "های منطقه" + z + "ای"},
	{"حساب کاربری اش", "حساب کاربری" + z + "اش"},
	{"بزرگ ترین", "بزرگ" + z + "ترین"},
	{"مهم تر", "مهم" + z + "تر"},
	{"شده ام", "شده" + z + "ام"},
	{"گزارش هایی", "گزارش" + z + "هایی"},
	// Left alone: names, listed words, unknown words, the month می, the
	// vocative ای, Latin and numbers.
	{"امیرعبداللهیان", "امیرعبداللهیان"},
	{"حشمتیان", "حشمتیان"},
	{"بادامچیان", "بادامچیان"},
	{"قالیباف", "قالیباف"},
	{"حسن‌نژاد", "حسن‌نژاد"},
	{"حسننژاد", "حسننژاد"},
	{"درخواست", "درخواست"},
	{"بازدید", "بازدید"},
	{"بهترین", "بهترین"},
	{"ازدواج", "ازدواج"},
	{"کشورها", "کشورها"},
	{"تنها", "تنها"},
	{"بها", "بها"},
	{"دربار", "دربار"},
	{"باور", "باور"},
	{"درمان", "درمان"},
	{"برخی", "برخی"},
	{"تاکنون", "تاکنون"},
	{"درگذشت", "درگذشت"},
	{"بازگردد", "بازگردد"},
	{"باشد", "باشد"},
	{"تاثیرگذاری", "تاثیرگذاری"},
	{"بلندمدت", "بلندمدت"},
	{"ائتلافسازی", "ائتلافسازی"},
	{"درکار", "در کار"},
	{"درهم", "درهم"},
	{"دوران", "دوران"},
	{"دوست", "دوست"},
	{"سهام", "سهام"},
	{"جمعآ", "جمعآ"},
	{"هیآتی", "هیآتی"},
	{"رئیس جمهور", "رئیس جمهور"},
	{"۱۰ می ۲۰۲۴", "۱۰ می ۲۰۲۴"},
	{"10 می 2024", "10 می 2024"},
	{"ای مردم", "ای مردم"},
	{"گفت ای مردم", "گفت ای مردم"},
	{"ها", "ها"},
	{"در ها", "در ها"},
	{"Iran ها", "Iran ها"},
	{"Dorkhane", "Dorkhane"},
	{"https://dar.ir/azkhane", "https://dar.ir/azkhane"},
	{"۱۲۳۴۵", "۱۲۳۴۵"},
	// Real words that two shorter words spell stay whole (data/fa-ir.txt),
	// and so do plurals that their letters spell as they stand.
	{"روزهای", "روزهای"},
	{"در روزهای اخیر", "در روزهای اخیر"},
	{"روزهایم", "روزهایم"},
	{"در سالهای اخیر", "در سال" + z + "های اخیر"},
	{"ماههای آینده", "ماه" + z + "های آینده"},
	{"کارهای دولت", "کارهای دولت"},
	{"روندهای تازه", "روندهای تازه"},
	{"نقش سازندهای", "نقش سازنده" + z + "ای"},
	{"کار کردهای", "کار کرده" + z + "ای"},
	{"بامداد", "بامداد"},
	{"مهرداد", "مهرداد"},
	{"ولیعهد", "ولیعهد"},
	{"غیرضروری", "غیرضروری"},
	{"غیرسازنده", "غیرسازنده"},
	{"بردبار", "بردبار"},
	{"برشمرد", "برشمرد"},
	{"موشک دوربرد", "موشک دوربرد"},
	{"رودخانه", "رودخانه"},
	{"روزافزون", "روزافزون"},
	{"خاطرنشان کرد", "خاطرنشان کرد"},
	{"بیایم", "بیایم"},
	{"سردخانهها", "سردخانه" + z + "ها"},
	{"دعوتنامهای", "دعوتنامهای"},
	// ... while the ZWNJ and the splits that words need stay.
	{"کردهایم", "کرده" + z + "ایم"},
	{"نامهای", "نامه" + z + "ای"},
	{"کردهاست", "کرده است"},
	{"درطول سفر", "در طول سفر"},
	{"برعهده", "بر عهده"},
	// Digits glued to words are set apart, but not from ordinal and
	// plural endings, nor from Latin.
	{"آذرماه۱۴۰۲", "آذرماه ۱۴۰۲"},
	{"۱۴آذر", "۱۴ آذر"},
	{"سال1402", "سال 1402"},
	{"ساعت۱۰:۳۰صبح", "ساعت ۱۰:۳۰ صبح"},
	{"دوازدهم و ۱۲مین", "دوازدهم و ۱۲مین"},
	{"دهه ۱۳۶۰ها", "دهه ۱۳۶۰ها"},
	{"جنگنده F35", "جنگنده F35"},
}

func TestGlue(t *testing.T) {
	for _, c := range glueCases {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestGlueKey checks what the actor linker relies on: the key of a
// repaired text has the words of a clean writing of it.
func TestGlueKey(t *testing.T) {
	cases := []struct{ raw, clean string }{
		{"ازخانه احزاب", "از خانه احزاب"},
		{"رهبرمعظم انقلاب", "رهبر معظم انقلاب"},
		{"وزیربینالملل چین", "وزیر بین‌الملل چین"},
		{"تحریم های آمریکا", "تحریم‌های آمریکا"},
		{"سازمان ها بین المللی", "سازمان‌ها بین‌المللی"},
	}
	for _, c := range cases {
		if got, want := Key(Text(c.raw)), Key(c.clean); got != want {
			t.Errorf("Key(Text(%q)) = %q, want %q", c.raw, got, want)
		}
	}
	if k := " " + Key(Text("ازخانه احزاب")) + " "; !strings.Contains(k, " خانه احزاب ") {
		t.Errorf("key %q lacks the words خانه احزاب", k)
	}
}

// cleanTexts are written cleanly; Text must leave their keys alone.
var cleanTexts = []string{
	"وزیر امور خارجه ایران در این دیدار از همکاری‌های دو کشور سخن گفت.",
	"ای مردم، این کشورها در ۱۰ می ۲۰۲۴ به توافق رسیدند.",
	"رئیس جمهور روسیه و رئیس‌جمهور چین درباره برجام گفت‌وگو کردند.",
	"امیرعبداللهیان و قالیباف با حشمتیان و بادامچیان دیدار کردند.",
	"بازدید از درمانگاه تاکنون برگزار نشده است و برخی باور دارند که درخواست او بهترین راه است.",
	"بها و تنها و دربار و ازدواج",
}

func TestText(t *testing.T) {
	for _, c := range textCases {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if len(textCases) < 60 {
		t.Errorf("only %d cases", len(textCases))
	}
}

// TestTextProperties checks idempotence and that Text changes only spaces
// and ZWNJs on the table inputs, their outputs, and texts glued together
// from them; and that the key of a clean text is unchanged.
func TestTextProperties(t *testing.T) {
	var ins []string
	for _, c := range append(textCases, glueCases...) {
		ins = append(ins, c.in, c.want)
	}
	ins = append(ins, strings.Join(ins, " "), strings.Join(ins, ""), strings.Join(ins, "\n"))
	ins = append(ins, "گفت و گو و گفت و گو", "جست و جو و گو", "( « » )", "a ( b", "«  »", ". . .")
	for _, s := range ins {
		checkText(t, s)
	}
	for _, s := range cleanTexts {
		if Key(Text(s)) != Key(s) {
			t.Errorf("clean text's key changed:\n Key       %q\n Key(Text) %q", Key(s), Key(Text(s)))
		}
	}
}

// letters is a key without its spaces: what Text must never change.
func letters(s string) string { return strings.ReplaceAll(Key(s), " ", "") }

func checkText(t *testing.T, s string) {
	t.Helper()
	d := Text(s)
	if d2 := Text(d); d2 != d {
		t.Errorf("Text not idempotent on %q:\n once  %q\n twice %q", s, d, d2)
	}
	if letters(d) != letters(s) {
		t.Errorf("Text(%q) changed more than spacing: key %q, was %q", s, Key(d), Key(s))
	}
	if utf8.ValidString(s) && !utf8.ValidString(d) {
		t.Errorf("Text(%q) is not valid UTF-8", s)
	}
}

func TestAddWords(t *testing.T) {
	n := New()
	if got := n.Text("پژوهشگاهها"); got != "پژوهشگاهها" {
		t.Fatalf("before AddWords: %q", got)
	}
	err := n.AddWords(strings.NewReader("# test\nپژوهشگاه\nراه" + z + "اندازی\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := n.Text("پژوهشگاهها و راهاندازی"), "پژوهشگاه"+z+"ها و راه"+z+"اندازی"; got != want {
		t.Errorf("after AddWords: %q, want %q", got, want)
	}
	if got := Text("پژوهشگاهها"); got != "پژوهشگاهها" {
		t.Errorf("AddWords changed the default normalizer: %q", got)
	}
	err = n.AddWords(strings.NewReader("درست\nدو کلمه\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad line: error %v, want one naming line 2", err)
	}
}

func TestAddNames(t *testing.T) {
	n := New()
	if got := n.Text("باسیل و امورخارجه"); got != "با سیل و امورخارجه" {
		t.Fatalf("before AddNames: %q", got)
	}
	n.AddNames([]string{"جبران باسیل", "وزارت امور خارجه", "حوثی" + z + "ها"})
	cases := []struct{ in, want string }{
		{"باسیل و امورخارجه", "باسیل و امور خارجه"},
		{"حوثیها", "حوثی" + z + "ها"},
	}
	for _, c := range cases {
		if got := n.Text(c.in); got != c.want {
			t.Errorf("after AddNames: Text(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := n.Text(c.want); got != c.want {
			t.Errorf("after AddNames: Text not idempotent on %q: %q", c.want, got)
		}
	}
	if got := Text("باسیل"); got != "با سیل" {
		t.Errorf("AddNames changed the default normalizer: %q", got)
	}
}

// TestSeeds reads the scraped seed articles and checks that common glued
// words come out with their ZWNJ and that nothing glued remains of them.
func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedtest.Path(t, "seeds"), "*.txt"))
	if len(files) == 0 {
		t.Fatal("no seed articles in ../shared/seeds")
	}
	glued := map[string]string{
		"بینالملل":  "بین" + z + "الملل",
		"گفتوگو":    "گفت" + z + "وگو",
		"رئیسجمهور": "رئیس" + z + "جمهور",
		"میکنیم":    "می" + z + "کنیم",
		"میشود":     "می" + z + "شود",
		"همکاریهای": "همکاری" + z + "های",
		"دراین":     "در این",
		"درراستای":  "در راستای",
		"وگفت":      "و گفت",
	}
	seen := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		d := Text(s)
		checkText(t, s)
		for g, want := range glued {
			if !strings.Contains(s, g) {
				continue
			}
			seen++
			if !strings.Contains(d, want) {
				t.Errorf("%s: %q not restored to %q", filepath.Base(f), g, want)
			}
			if words := strings.Fields(d); containsWord(words, g) {
				t.Errorf("%s: glued %q left in the display form", filepath.Base(f), g)
			}
		}
		checkDetached(t, filepath.Base(f), d)
	}
	if seen == 0 {
		t.Log("no glued words of the list in the seeds")
	}
}

// checkDetached reports suffixes and می verbs still written apart in the
// display form d.
func checkDetached(t *testing.T, name, d string) {
	t.Helper()
	lx := baseLexicon()
	ws := Words(d)
	for i := 1; i < len(ws); i++ {
		prev, w := ws[i-1].Text, ws[i].Text
		if !isWordRune([]rune(prev)[0]) || prev[0] < utf8.RuneSelf {
			continue
		}
		switch {
		case w == "ها" || w == "های" || w == "هایی" || w == "ترین":
			t.Errorf("%s: suffix %q left apart after %q", name, w, prev)
		case (prev == "می" || prev == "نمی") && lx.isVerb([]byte(w)) && (i < 2 || !isDigit([]rune(ws[i-2].Text)[0])):
			t.Errorf("%s: %q left apart from %q", name, prev, w)
		}
	}
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if strings.Trim(x, "،.:؛؟!«»()") == w {
			return true
		}
	}
	return false
}

// TestLexiconData checks the embedded lists: every listed word comes out
// of Text unchanged, and every compound is restored from its glued form.
func TestLexiconData(t *testing.T) {
	for _, name := range []string{"data/words.txt", "data/compounds.txt"} {
		err := readList(dataFS, name, func(w string) error {
			d := cleanWord(w)
			if got := Text(d); got != d {
				t.Errorf("%s: Text(%q) = %q", name, d, got)
			}
			if glued := strings.ReplaceAll(d, z, ""); Text(glued) != d {
				t.Errorf("%s: Text(%q) = %q, want %q", name, glued, Text(glued), d)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestTextChunks checks that Text gives the same output whatever the size
// of the token chunks it works in, down to one token, on the table inputs
// and on all of them run together.
func TestTextChunks(t *testing.T) {
	var ins []string
	for _, c := range textCases {
		ins = append(ins, c.in)
	}
	for _, c := range glueCases {
		ins = append(ins, c.in)
	}
	ins = append(ins, cleanTexts...)
	ins = append(ins, strings.Join(ins, " "), strings.Join(ins, "\n"))
	n := defaultNormalizer()
	for _, s := range ins {
		want := n.text(s, 1<<30)
		for _, limit := range []int{1, 2, 3, 7} {
			if got := n.text(s, limit); got != want {
				t.Errorf("text(%q, %d) = %q, want %q", s, limit, got, want)
			}
		}
	}
}
