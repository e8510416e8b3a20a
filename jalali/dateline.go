package jalali

import (
	"strings"
	"unicode/utf8"

	"github.com/didar-news/didar"
)

// headRunes is how far into an article Dateline looks for a dateline.
const headRunes = 400

// shortLine is the longest line that counts as a line of its own for a
// date ("خبرگزاری مهر دوشنبه 26 آبان 1404 - 14:19").
const shortLine = 120

// Dateline returns the publication date of an article from a date after an
// explicit label ("تاریخ انتشار: ...") anywhere in the text, or else from
// a full date in its first lines, preferring one on a short line of its
// own. Dates of laws and other references ("مصوب ۱۳۸۲/۱۰/۱۷") are skipped.
func Dateline(text string) (didar.Date, Expr, bool) {
	return builtin().Dateline(text)
}

// Dateline is the package's Dateline with the words of lx.
func (lx *Lexicon) Dateline(text string) (didar.Date, Expr, bool) {
	var labels []int
	fs := lx.scan(text, didar.Date{}, &labels)
	full := func(f found) bool {
		return f.Kind == Absolute && f.Precision == didar.PrecisionDay && !f.Date.IsZero()
	}
	for _, l := range labels {
		for _, f := range fs {
			if f.Start >= l && f.Start-l <= 40 && full(f) {
				return f.Date, f.Expr, true
			}
		}
	}
	var first *found
	for i, f := range fs {
		if f.Start >= headRunes {
			break
		}
		if !full(f) {
			continue
		}
		if es, ok := lx.words[f.prev]; ok {
			if _, no := has(es, "notdateline"); no {
				continue
			}
		}
		if lineLen(text, f) <= shortLine {
			return f.Date, f.Expr, true
		}
		if first == nil {
			first = &fs[i]
		}
	}
	if first != nil {
		return first.Date, first.Expr, true
	}
	return didar.Date{}, Expr{}, false
}

// lineLen returns the length in runes of the line that holds f.
func lineLen(text string, f found) int {
	a := strings.LastIndexByte(text[:f.bstart], '\n') + 1
	b := strings.IndexByte(text[f.bstart:], '\n')
	if b < 0 {
		b = len(text) - f.bstart
	}
	return utf8.RuneCountInString(text[a : f.bstart+b])
}
