package normalize

import (
	"testing"
	"unicode/utf8"
)

func TestKey(t *testing.T) {
	cases := []struct{ in, want string }{
		{"رئیس‌جمهور", "رییسجمهور"},
		{"رئیسجمهور", "رییسجمهور"},
		{"رئیس جمهور", "رییس جمهور"},
		{"كتاب علي", "کتاب علی"},
		{"۱۴۰۲ و ١٤٠٢", "1402 و 1402"},
		{"  Tehran\tTIMES ", "tehran times"},
		{"خانۀ", "خانه"},
		{"مسئله", "مسیله"},
		{"سلامٌ", "سلام"},
		{"ﻻ", "لا"},
		{"ایران ، چین", "ایران،چین"},
		{"«سلام»", "«سلام»"},
		{"گفت و گو", "گفتوگو"},
		{"گفت‌وگو", "گفتوگو"},
		{"ایران و چین", "ایران و چین"},
	}
	for _, c := range cases {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFold(t *testing.T) {
	s := "رئیس‌جمهور  ﻻ، گفت و گو"
	key, pos := Fold(s)
	if key != Key(s) {
		t.Fatalf("Fold key %q != Key %q", key, Key(s))
	}
	checkFold(t, s, key, pos)
	rs := []rune(s)
	// The key byte of ج maps back to the rune ج.
	i := len("رئیس")
	if r, _ := utf8.DecodeRuneInString(key[i:]); r != 'ج' || rs[pos[i]] != 'ج' {
		t.Errorf("pos[%d] = %d (%q), want the rune ج", i, pos[i], rs[pos[i]])
	}
	// Both key bytes of the ligature's expansion map to the ligature.
	j := len("رئیسجمهور ")
	if rs[pos[j]] != 'ﻻ' || rs[pos[j+2]] != 'ﻻ' {
		t.Errorf("ligature positions %d %d, want rune %d", pos[j], pos[j+2], len([]rune("رئیس‌جمهور  ")))
	}
}

func checkFold(t *testing.T, s, key string, pos []int) {
	t.Helper()
	n := utf8.RuneCountInString(s)
	if len(pos) != len(key)+1 {
		t.Fatalf("Fold(%q): len(pos) = %d, len(key)+1 = %d", s, len(pos), len(key)+1)
	}
	if pos[len(pos)-1] != n {
		t.Errorf("Fold(%q): last pos %d, want rune count %d", s, pos[len(pos)-1], n)
	}
	for i := range pos {
		if pos[i] < 0 || pos[i] > n || i > 0 && pos[i] < pos[i-1] {
			t.Fatalf("Fold(%q): pos[%d] = %d out of order or range (%v)", s, i, pos[i], pos)
		}
	}
}

var fuzzSeeds = []string{
	"", "سلام", "میکنیم گفت و گو بینالملل", "رئیس‌جمهور ، «گفت»:سلام.",
	"3.5 12,500 ۱۲٬۵۰۰ 1402/09/14 14:19 10%", "http://a.b/c?d=e f@g.hi",
	"ﻻ ﷲ ﷺ هٔ يك", "a\r\n\r\n\nb", "\u200c\u200c و \u200c", "( ق.م ) U.S. Dr. x",
	"جست و جو و گو و", "ء و گو", "\xff\xfe سلام",
	"ازخانه احزاب تحریم های ۱۰ می ۲۰۲۴ ای مردم", "تشکرازدکتر کردکه می کنیم",
}

func FuzzText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Text(s)
		if d2 := Text(d); d2 != d {
			t.Errorf("not idempotent: %q -> %q -> %q", s, d, d2)
		}
		if utf8.ValidString(s) && !utf8.ValidString(d) {
			t.Errorf("invalid UTF-8 out of %q", s)
		}
		if letters(d) != letters(s) {
			t.Errorf("Text(%q) changed more than spacing: key %q, was %q", s, Key(d), Key(s))
		}
	})
}

func FuzzFold(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		key, pos := Fold(s)
		checkFold(t, s, key, pos)
		// Key folds without positions, by its own path.
		if k := Key(s); k != key {
			t.Errorf("Key(%q) = %q, Fold's key %q", s, k, key)
		}
	})
}

func TestCommon(t *testing.T) {
	for w, want := range map[string]bool{
		"دیدار": true, "کشورهای": true, "مقامات": true, "رسمی": true, "نماینده": true,
		"میگوید": true, "آماده‌ایم": true, "ابراهیم": false, "نمیکنند": true, "میرزاخانی": false, "میخاییل": false,
		"قرقاش": false, "بهرامی": false, "زاخارووا": false, "محسود": false,
	} {
		if got := Common(w); got != want {
			t.Errorf("Common(%q) = %v, want %v", w, got, want)
		}
	}
}
