package normalize

import (
	"strings"
	"unicode/utf8"
)

// Number is a number found in running text, with its rune range.
type Number struct {
	Start, End int
	Value      int64
}

// numberWords are the Persian cardinal words below a thousand. They are
// closed-class language facts, not user data, hence a Go table.
var numberWords = map[string]int64{
	"صفر": 0, "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6,
	"هفت": 7, "هشت": 8, "نه": 9, "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13,
	"چهارده": 14, "پانزده": 15, "پونزده": 15, "شانزده": 16, "هفده": 17, "هجده": 18,
	"هیجده": 18, "نوزده": 19, "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50,
	"شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90, "صد": 100, "یکصد": 100,
	"دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500, "ششصد": 600,
	"هفتصد": 700, "هشتصد": 800, "نهصد": 900,
}

// magnitudes multiply what comes before them.
var magnitudes = map[string]int64{
	"هزار": 1e3, "میلیون": 1e6, "ملیون": 1e6, "میلیارد": 1e9, "ملیارد": 1e9,
	"بیلیون": 1e9, "تریلیون": 1e12,
}

// ParseNumber reads a cardinal number written in words (بیست و پنج, یک
// میلیون و دویست هزار), in digits of any script with thousands separators
// (۱۲٬۵۰۰, 12,500), or mixed (۲ میلیون). Decimals are accepted only when
// a magnitude makes them whole (۲٫۵ میلیون).
func ParseNumber(s string) (int64, bool) {
	parts := strings.Fields(Key(s))
	if len(parts) == 0 {
		return 0, false
	}
	var total, group int64
	var frac float64    // a decimal such as 2.5 waiting for its magnitude
	last := int64(-1)   // last value added to group, for order checks
	lastMag := int64(0) // last magnitude applied
	wantNum := true     // after "و" a number must follow
	for i, p := range parts {
		if p == "و" {
			if wantNum || i == len(parts)-1 {
				return 0, false
			}
			wantNum = true
			continue
		}
		if m, ok := magnitudes[p]; ok {
			if lastMag != 0 && m >= lastMag || wantNum && i > 0 {
				return 0, false
			}
			switch {
			case frac != 0:
				total += int64(frac * float64(m))
				frac = 0
			case group == 0:
				total += m
			default:
				total += group * m
			}
			group, last, lastMag, wantNum = 0, -1, m, false
			continue
		}
		v, dec, ok := digitValue(p)
		if !ok {
			w, known := numberWords[p]
			if !known {
				return 0, false
			}
			v = w
		}
		// Within a group, values fall (صد و بیست و پنج); units and teens
		// end a group; below a hundred parts need و (بیست و پنج).
		if last >= 0 && (v >= last || last < 20 || !wantNum && last < 100) {
			return 0, false
		}
		if dec != 0 {
			if group != 0 || last >= 0 {
				return 0, false
			}
			frac = dec
			last = 0
			wantNum = false
			continue
		}
		group += v
		last = v
		wantNum = false
	}
	if frac != 0 || wantNum {
		return 0, false
	}
	return total + group, true
}

// digitValue reads digits (already folded to ASCII by Key) with thousands
// separators; a decimal point gives dec instead of v.
func digitValue(p string) (v int64, dec float64, ok bool) {
	if p == "" || p[0] < '0' || p[0] > '9' {
		return 0, 0, false
	}
	var whole, fracPart string
	if i := strings.IndexAny(p, ".٫"); i >= 0 {
		whole, fracPart = p[:i], strings.TrimPrefix(strings.TrimPrefix(p[i:], "."), "٫")
	} else {
		whole = p
	}
	whole = strings.NewReplacer(",", "", "٬", "").Replace(whole)
	for _, c := range whole {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		if v > (1<<62)/10 {
			return 0, 0, false
		}
		v = v*10 + int64(c-'0')
	}
	if fracPart == "" {
		return v, 0, true
	}
	f, scale := 0.0, 1.0
	for _, c := range fracPart {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		f = f*10 + float64(c-'0')
		scale *= 10
	}
	return 0, float64(v) + f/scale, true
}

// ordinalWords are the ordinals that are not a cardinal plus م.
var ordinalWords = map[string]int{
	"اول": 1, "نخست": 1, "یکم": 1, "سوم": 3, "سیام": 30,
}

// ParseOrdinal reads an ordinal: بیستم, یکم, سی و یکم, and the -ین forms
// (نخستین, اولین, دومین).
func ParseOrdinal(s string) (int, bool) {
	k := Key(s)
	if b, ok := strings.CutSuffix(k, "ین"); ok && (strings.HasSuffix(b, "م") || ordinalWords[b] != 0) {
		k = b
	}
	if v, ok := ordinalWords[k]; ok {
		return v, true
	}
	// The last word carries the ending: سی و یکم, سیصد و سوم.
	head, lastWord := "", k
	if i := strings.LastIndexByte(k, ' '); i >= 0 {
		head, lastWord = k[:i+1], k[i+1:]
	}
	var base string
	switch {
	case lastWord == "سوم":
		base = "سه"
	case lastWord == "یکم" || lastWord == "اول":
		base = "یک"
	case strings.HasSuffix(lastWord, "ام") && len(lastWord) > 4: // سیام, 25ام
		base = strings.TrimSuffix(lastWord, "ام")
	case strings.HasSuffix(lastWord, "م"):
		base = strings.TrimSuffix(lastWord, "م")
	default:
		return 0, false
	}
	v, ok := ParseNumber(head + base)
	if !ok || v <= 0 || v > 1<<31-1 {
		return 0, false
	}
	return int(v), true
}

// Numbers finds the numbers of a running text: digit groups (۱۴۰, 12,500,
// including one glued to a word as in ۲۵ساله) and number words with their
// magnitudes (بیست و پنج, یک میلیون و دویست هزار, ۲ میلیون). Dates and
// times (1402/09/14, 14:19) are not numbers here.
func Numbers(text string) []Number {
	toks := Words(text)
	var out []Number
	for i := 0; i < len(toks); {
		if !isNumberToken(toks[i].Text) {
			i++
			continue
		}
		// Longest run of number tokens joined by و that parses.
		j := i + 1
		end := i + 1
		for j < len(toks) {
			t := toks[j].Text
			if Key(t) == "و" && j+1 < len(toks) && isNumberToken(toks[j+1].Text) {
				j += 2
			} else if isNumberToken(t) && !isDigitToken(t) {
				j++
			} else {
				break
			}
			end = j
		}
		for ; end > i; end-- {
			if end == i+1 && Key(toks[i].Text) == "نه" {
				continue // alone, نه is mostly "no"
			}
			if v, ok := ParseNumber(joinTokens(toks[i:end])); ok {
				out = append(out, Number{Start: toks[i].Start, End: toks[end-1].End, Value: v})
				break
			}
		}
		if end == i {
			i++
		} else {
			i = end
		}
	}
	return out
}

func joinTokens(ts []Token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func isDigitToken(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return isDigit(r)
}

func isNumberToken(t string) bool {
	if isDigitToken(t) {
		return !strings.ContainsAny(t, "/:")
	}
	k := Key(t)
	_, w := numberWords[k]
	_, m := magnitudes[k]
	return w || m
}
