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
// the full date in its first lines that looks most like a dateline (with
// a time, a weekday, on a short line of its own). Dates of laws and other
// references ("مصوب ۱۳۸۲/۱۰/۱۷") are skipped.
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
	// In the head, score each full date by how much it looks like a
	// dateline: a time of day, a weekday, a short line of its own, the end
	// of its line. The best wins; the earliest among equals.
	best, bestScore := -1, -1
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
		score := 0
		if f.Time != "" {
			score += 3
		}
		if f.HasWeekday {
			score++
		}
		n, atEnd := lineOf(text, f)
		if n <= shortLine {
			score += 2
		}
		if atEnd {
			score++
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best >= 0 {
		return fs[best].Date, fs[best].Expr, true
	}
	return didar.Date{}, Expr{}, false
}

// lineOf returns the length in runes of the line that holds f, and
// whether f ends it but for punctuation.
func lineOf(text string, f found) (n int, atEnd bool) {
	a := strings.LastIndexByte(text[:f.bstart], '\n') + 1
	b := strings.IndexByte(text[f.bstart:], '\n')
	if b < 0 {
		b = len(text) - f.bstart
	}
	rest := text[f.bstart+len(f.Text) : f.bstart+b]
	atEnd = strings.TrimFunc(rest, func(r rune) bool { return !isLetter(r) && digitValue(r) < 0 }) == ""
	return utf8.RuneCountInString(text[a : f.bstart+b]), atEnd
}
