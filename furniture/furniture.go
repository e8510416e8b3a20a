package furniture

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/didar-news/didar/normalize"
)

// Span is a rune range [Start, End) of the text.
type Span struct{ Start, End int }

// Page is what Find reads from a text.
type Page struct {
	// Spans are the furniture, in order, not overlapping; line breaks
	// between furniture lines are left out.
	Spans []Span
	// Published is the date of a leading "date YYYY-MM-DD", or zero.
	Published time.Time
}

// Phrases are the furniture phrases by kind, in key form.
type Phrases struct {
	line, list, end map[string]bool
	start, has      []string
}

//go:embed lines.txt
var embedded string

var defaultPhrases = sync.OnceValue(func() *Phrases {
	p, err := Read(strings.NewReader(embedded))
	if err != nil {
		panic(err) // embedded data is checked by the tests
	}
	return p
})

// Read reads phrases in the format of lines.txt.
func Read(r io.Reader) (*Phrases, error) {
	p := &Phrases{line: map[string]bool{}, list: map[string]bool{}, end: map[string]bool{}}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		kind, phrase, ok := strings.Cut(t, "\t")
		k := key(phrase)
		if kind == "start" || kind == "has" {
			k = normalize.Key(strings.TrimSpace(phrase)) // its punctuation counts (منبع:)
		}
		if !ok || k == "" {
			return nil, fmt.Errorf("furniture phrases: line %d: want kind<TAB>phrase", n)
		}
		switch kind {
		case "line":
			p.line[k] = true
		case "list":
			p.list[k] = true
		case "end":
			p.end[k] = true
		case "start":
			p.start = append(p.start, k)
		case "has":
			p.has = append(p.has, k)
		default:
			return nil, fmt.Errorf("furniture phrases: line %d: unknown kind %q", n, kind)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("furniture phrases: %w", err)
	}
	return p, nil
}

// key is the matching key of a line without its edge punctuation, digits
// and spaces, so that "کد خبر: ۱۲۳" starts with "کد خبر" and "انتهای پیام/"
// is "انتهای پیام".
func key(s string) string { return trimKey(normalize.Key(s)) }

func trimKey(k string) string {
	return strings.TrimFunc(k, func(r rune) bool { return !unicode.IsLetter(r) && r != '©' && r != '[' && r != '_' })
}

// Find returns the furniture of text (a display form) with the embedded
// phrases.
func Find(text string) Page { return defaultPhrases().Find(text) }

// leadingDate is the date a scraper writes before the text; Text has
// trimmed the space before it.
var leadingDate = regexp.MustCompile(`^date (\d{4}-\d{2}-\d{2})\b`)

// year is a year of the Solar Hijri or Gregorian calendar in a key.
var year = regexp.MustCompile(`(^|[^0-9])(1[34]|19|20)[0-9]{2}([^0-9]|$)`)

// shortLine is the most words a line of furniture has, but for lists.
const shortLine = 12

// Find returns the furniture of text with the phrases p.
func (p *Phrases) Find(text string) Page {
	var pg Page
	lines := splitLines(text)
	if m := leadingDate.FindStringSubmatchIndex(text); m != nil {
		if d, err := time.Parse(time.DateOnly, text[m[2]:m[3]]); err == nil {
			pg.Published = d
			pg.add(0, m[1]) // ASCII: bytes are runes
			lines[0].text = lines[0].text[m[1]:]
			lines[0].words = countWords(lines[0].text)
		}
	}
	seen := map[string]bool{}
	inList := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		lk := normalize.Key(l.text)
		k := trimKey(lk)
		// Bullets and marks before a line's first word do not count (• کد خبر).
		full := strings.TrimLeftFunc(lk, func(r rune) bool { return !unicode.IsLetter(r) && r != '©' && r != '[' })
		words := l.words
		switch {
		case k == "":
			continue // blank, or digits and marks only: nothing to code
		case p.end[k]:
			pg.add(l.start, utf8.RuneCountInString(text))
			return pg
		case p.list[k]:
			inList = true
		case p.line[k], words <= shortLine && (p.starts(full) || p.holds(full)), latinOnly(l.text, words):
		case words <= shortLine && year.MatchString(full):
			// A dateline (چهارشنبه، ۲۲ شهریور ۱۴۰۲ ساعت ۱۰:۲۵) ends a list
			// and stays: it may be the publication date.
			inList = false
			continue
		case inList && headline(l.text, words):
			// a headline of the list
		case words >= 4 && seen[k]:
			inList = false // the headline or a paragraph printed twice
		case menu(lines, i):
			inList = false
		default:
			inList = false
			seen[k] = true
			continue
		}
		pg.add(l.start, l.end)
	}
	return pg
}

func (p *Phrases) starts(k string) bool {
	for _, s := range p.start {
		if strings.HasPrefix(k, s) {
			return true
		}
	}
	return false
}

func (p *Phrases) holds(k string) bool {
	for _, s := range p.has {
		if strings.Contains(k, s) {
			return true
		}
	}
	return false
}

// headline reports a line that can be an item of a list of stories: not
// long, and not ending as a sentence of the article does.
func headline(s string, words int) bool {
	if words > 25 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return r != '.' && r != ':'
}

// latinOnly reports a short line without Persian letters (share buttons,
// "Click", "Last Updated On").
func latinOnly(s string, words int) bool {
	if words > 6 {
		return false
	}
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF {
			return false
		}
	}
	return true
}

// menu reports whether line i is one of three or more lines in a row of
// one to three words each without final punctuation: a menu, tags, the
// sections of a site.
func menu(lines []line, i int) bool {
	short := func(j int) bool {
		if j < 0 || j >= len(lines) {
			return false
		}
		w := lines[j].words
		return w >= 1 && w <= 3 && headline(lines[j].text, w)
	}
	if !short(i) {
		return false
	}
	run := 1
	for j := i - 1; short(j); j-- {
		run++
	}
	for j := i + 1; short(j); j++ {
		run++
	}
	return run >= 3
}

// line is one line of the text with its rune range, line break excluded.
type line struct {
	text       string
	start, end int
	words      int
}

// countWords is len(strings.Fields(s)) without the slice: every line is
// counted, and most are paragraphs.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// splitLines splits at line breaks; blank lines come out empty, so that
// a menu is lines in a row without a blank between them.
func splitLines(text string) []line {
	var out []line
	at := 0
	for {
		i := strings.IndexByte(text, '\n')
		seg := text
		if i >= 0 {
			seg = text[:i]
		}
		n := utf8.RuneCountInString(seg)
		out = append(out, line{seg, at, at + n, countWords(seg)})
		if i < 0 {
			return out
		}
		at += n + 1
		text = text[i+1:]
	}
}

func (pg *Page) add(start, end int) {
	if end <= start {
		return
	}
	if n := len(pg.Spans); n > 0 && pg.Spans[n-1].End >= start {
		pg.Spans[n-1].End = max(pg.Spans[n-1].End, end)
		return
	}
	pg.Spans = append(pg.Spans, Span{start, end})
}

// Mask returns text with the runes of the page's furniture replaced by
// spaces, line breaks kept: the same length in runes, so that offsets
// into the masked text are offsets into text.
func (pg Page) Mask(text string) string {
	if len(pg.Spans) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	i, s := 0, 0
	for _, r := range text {
		for s < len(pg.Spans) && i >= pg.Spans[s].End {
			s++
		}
		if s < len(pg.Spans) && i >= pg.Spans[s].Start && r != '\n' {
			b.WriteByte(' ')
		} else {
			b.WriteRune(r)
		}
		i++
	}
	return b.String()
}
