package actors

import "testing"

// A bare office right before another person's name is that person's title,
// whoever holds the office in the outlet's country.
func TestTitledNames(t *testing.T) {
	d := fixture(t)
	for _, tc := range []struct {
		name, at, text string
		want           []m
		not            []string
	}{
		{"president before a surname", "2025-05-10", "رئیس‌جمهور پوتین به پکن رفت.",
			[]m{{"رئیس‌جمهور", "vladimir-putin", "role"}, {"پوتین", "vladimir-putin", ""}}, nil},
		{"foreign minister before a surname", "2025-05-10", "وزیر خارجه لاوروف با وانگ یی دیدار کرد.",
			[]m{{"وزیر خارجه", "sergey-lavrov", "role"}, {"لاوروف", "sergey-lavrov", ""}}, nil},
		{"the office alone is still its holder", "2025-05-10", "وزیر خارجه با وانگ یی دیدار کرد.",
			[]m{{"وزیر خارجه", "abbas-araghchi", "role"}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) { linkCase(t, d, tc.at, tc.text, tc.want, tc.not) })
	}
}
