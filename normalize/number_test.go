package normalize

import "testing"

func TestParseNumber(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"بیست و پنج", 25, true},
		{"یک میلیون و دویست هزار", 1200000, true},
		{"صد و چهل", 140, true},
		{"سیصد و شصت و پنج", 365, true},
		{"دو هزار و بیست و سه", 2023, true},
		{"هزار و چهارصد و دو", 1402, true},
		{"یازده", 11, true},
		{"صفر", 0, true},
		{"هزار", 1000, true},
		{"صد هزار", 100000, true},
		{"سه میلیارد و پانصد میلیون", 3500000000, true},
		{"۱۲٬۵۰۰", 12500, true},
		{"12,500", 12500, true},
		{"١٤٠٢", 1402, true},
		{"۲ میلیون", 2000000, true},
		{"۲٫۵ میلیون", 2500000, true},
		{"۱۲ هزار و ۵۰۰", 12500, true},
		{"پنج و بیست", 0, false},
		{"بیست پنج", 0, false},
		{"پانزده و سه", 0, false},
		{"و پنج", 0, false},
		{"پنج و", 0, false},
		{"هزار میلیون", 0, false},
		{"۳٫۵", 0, false},
		{"سلام", 0, false},
		{"", 0, false},
	}
	for _, c := range cases {
		got, ok := ParseNumber(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseNumber(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestParseOrdinal(t *testing.T) {
	cases := []struct {
		in   string
		want int
		ok   bool
	}{
		{"بیستم", 20, true},
		{"یکم", 1, true},
		{"نخستین", 1, true},
		{"نخست", 1, true},
		{"اولین", 1, true},
		{"اول", 1, true},
		{"دومین", 2, true},
		{"دوم", 2, true},
		{"سوم", 3, true},
		{"سومین", 3, true},
		{"سی و یکم", 31, true},
		{"سی‌ام", 30, true},
		{"چهاردهم", 14, true},
		{"صدم", 100, true},
		{"بیست و سوم", 23, true},
		{"مردم", 0, false},
		{"سلام", 0, false},
	}
	for _, c := range cases {
		got, ok := ParseOrdinal(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseOrdinal(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestNumbers(t *testing.T) {
	cases := []struct {
		in   string
		want []string // number text and value
		vals []int64
	}{
		{"هیئتی ۱۲ نفره و ۱۴۰ حزب", []string{"۱۲", "۱۴۰"}, []int64{12, 140}},
		{"جوانی ۲۵ساله", []string{"۲۵"}, []int64{25}},
		{"مردی بیست و پنج ساله", []string{"بیست و پنج"}, []int64{25}},
		{"بودجه یک میلیون و دویست هزار دلار", []string{"یک میلیون و دویست هزار"}, []int64{1200000}},
		{"۲ میلیون نفر و 12,500 خودرو", []string{"۲ میلیون", "12,500"}, []int64{2000000, 12500}},
		{"در تاریخ 1402/09/14 ساعت 14:19", nil, nil},
		{"نه تنها ایران", nil, nil},
		{"۱۲ و ۱۳ آذر", []string{"۱۲", "۱۳"}, []int64{12, 13}},
	}
	for _, c := range cases {
		got := Numbers(c.in)
		rs := []rune(c.in)
		if len(got) != len(c.want) {
			t.Errorf("Numbers(%q) = %v, want %q", c.in, got, c.want)
			continue
		}
		for i, n := range got {
			if s := string(rs[n.Start:n.End]); s != c.want[i] || n.Value != c.vals[i] {
				t.Errorf("Numbers(%q)[%d] = %q %d, want %q %d", c.in, i, s, n.Value, c.want[i], c.vals[i])
			}
		}
	}
}
