package didar

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{"2024-02-29", "2024-02-29", ""},
		{"2025-12-31", "2025-12-31", ""},
		{"2024-02-30", "", "2024-02-30: February has 29 days in 2024"},
		{"2023-02-29", "", "2023-02-29: February has 28 days in 2023"},
		{"2025-04-31", "", "2025-04-31: April has 30 days in 2025"},
		{"2025-13-01", "", "2025-13-01: there is no month 13"},
		{"2025-00-10", "", "there is no month 0"},
		{"2025-01-32", "", "there is no day 32"},
		{"2025-1-5", "", `date "2025-1-5": want YYYY-MM-DD`},
		{"yesterday", "", "want YYYY-MM-DD"},
		{"2025-01-0x", "", "want YYYY-MM-DD"},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseDate(%q) = %v, %v; want error %q", tt.in, d, err, tt.err)
			}
			continue
		}
		if err != nil || d.String() != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, d, err, tt.want)
		}
	}
}

// FuzzParseDate: a date that parses prints back as it was read.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2024-02-30", "0000-01-01", "9999-12-31", "2025-1-05"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err == nil && d.String() != s {
			t.Fatalf("ParseDate(%q) = %s", s, d)
		}
	})
}
