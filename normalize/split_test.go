package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// spanTexts returns the text of each span.
func spanTexts(text string, spans []Span) []string {
	rs := []rune(text)
	var out []string
	for _, s := range spans {
		out = append(out, string(rs[s.Start:s.End]))
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"وزیر خارجه وارد پکن شد. او با همتای خود دیدار کرد.",
			[]string{"وزیر خارجه وارد پکن شد.", "او با همتای خود دیدار کرد."}},
		{"آیا توافق می‌شود؟ هنوز روشن نیست! منتظر بمانید",
			[]string{"آیا توافق می‌شود؟", "هنوز روشن نیست!", "منتظر بمانید"}},
		{"نرخ رشد 3.5 درصد بود. سال بعد ۴٫۲ شد.",
			[]string{"نرخ رشد 3.5 درصد بود.", "سال بعد ۴٫۲ شد."}},
		{"در سال ۵۵۰ ق.م. کوروش به قدرت رسید. این آغاز بود.",
			[]string{"در سال ۵۵۰ ق.م. کوروش به قدرت رسید.", "این آغاز بود."}},
		{"نماینده ج.ا.ا در سازمان ملل سخن گفت. سپس رفت.",
			[]string{"نماینده ج.ا.ا در سازمان ملل سخن گفت.", "سپس رفت."}},
		{"آژانس آ.ی.ا گزارش داد. پایان.",
			[]string{"آژانس آ.ی.ا گزارش داد.", "پایان."}},
		{"The U.S. Army and Dr. Smith met. Then they left.",
			[]string{"The U.S. Army and Dr. Smith met.", "Then they left."}},
		{"او گفت: «ما آماده‌ایم. گفت‌وگو ادامه دارد. نتیجه روشن است.» سپس رفت.",
			[]string{"او گفت: «ما آماده‌ایم. گفت‌وگو ادامه دارد. نتیجه روشن است.»", "سپس رفت."}},
		{"او گفت: \"ما آماده‌ایم. گفت‌وگو ادامه دارد.\" سپس رفت.",
			[]string{"او گفت: \"ما آماده‌ایم. گفت‌وگو ادامه دارد.\"", "سپس رفت."}},
		{"او گفت: «ما آماده‌ایم. ادامه می‌دهیم\n\nبند تازه. جمله دوم.",
			[]string{"او گفت: «ما آماده‌ایم. ادامه می‌دهیم", "بند تازه.", "جمله دوم."}},
		{"عنوان خبر\nمتن خبر اینجاست.", []string{"عنوان خبر", "متن خبر اینجاست."}},
		{"  \n\n  ", nil},
		{"صبر کنید... بعد می‌گوییم.", []string{"صبر کنید...", "بعد می‌گوییم."}},
	}
	for _, c := range cases {
		got := spanTexts(c.in, Sentences(c.in))
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Sentences(%q):\n got  %q\n want %q", c.in, got, c.want)
		}
	}
}

func TestWords(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"رئیس‌جمهور چین، گفت: «سلام».", []string{"رئیس‌جمهور", "چین", "،", "گفت", ":", "«", "سلام", "»", "."}},
		{"12,500 نفر و ۳٫۵ درصد در 1402/09/14", []string{"12,500", "نفر", "و", "۳٫۵", "درصد", "در", "1402/09/14"}},
		{"۲۵ساله", []string{"۲۵", "ساله"}},
		{"Didar v2 آماده است؟", []string{"Didar", "v", "2", "آماده", "است", "؟"}},
		{"عدد ۱۲٫ پایان", []string{"عدد", "۱۲", "٫", "پایان"}},
		{"می‌کنیم‌", []string{"می‌کنیم"}},
	}
	for _, c := range cases {
		toks := Words(c.in)
		var got []string
		rs := []rune(c.in)
		for _, tk := range toks {
			got = append(got, tk.Text)
			if string(rs[tk.Start:tk.End]) != tk.Text {
				t.Errorf("Words(%q): token %q at [%d,%d) is %q in the text", c.in, tk.Text, tk.Start, tk.End, string(rs[tk.Start:tk.End]))
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Words(%q):\n got  %q\n want %q", c.in, got, c.want)
		}
	}
}

// FuzzSplit checks that sentence spans and word tokens stay inside the
// text, in order, and that a token's text is the text at its offsets.
func FuzzSplit(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		last := 0
		for _, sp := range Sentences(s) {
			if sp.Start < last || sp.End <= sp.Start || sp.End > len(rs) {
				t.Fatalf("Sentences(%q): bad span %v after %d", s, sp, last)
			}
			last = sp.End
		}
		last = 0
		for _, tk := range Words(s) {
			if tk.Start < last || tk.End <= tk.Start || tk.End > len(rs) {
				t.Fatalf("Words(%q): bad token %+v after %d", s, tk, last)
			}
			if utf8.ValidString(s) && string(rs[tk.Start:tk.End]) != tk.Text {
				t.Fatalf("Words(%q): token %q is %q in the text", s, tk.Text, string(rs[tk.Start:tk.End]))
			}
			last = tk.End
		}
		for _, n := range Numbers(s) {
			if n.Start < 0 || n.End > len(rs) || n.End <= n.Start {
				t.Fatalf("Numbers(%q): bad range %+v", s, n)
			}
		}
	})
}
