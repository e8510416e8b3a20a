package extract

import (
	"strings"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/normalize"
)

// readMeta fills the outlet ("به گزارش X") and the outlets quoted ("به نقل
// از Y") from the text when the metadata lacks them, and a title from a
// short first line without final punctuation.
func (a *article) readMeta() {
	art := &a.rec.Article
	lines := strings.SplitN(a.text, "\n", 3)
	if art.Title == "" && len(lines) > 1 {
		first := strings.TrimSpace(lines[0])
		if n := len([]rune(first)); n > 10 && n < 160 && !strings.HasSuffix(first, ".") && !strings.HasPrefix(first, "به گزارش") {
			art.Title = didar.NullString(first)
		}
	}
	head := a.runes
	if len(head) > 600 {
		head = head[:600]
	}
	h := string(head)
	if art.Source == "" {
		if i := strings.Index(h, "به گزارش "); i >= 0 {
			art.Source = didar.NullString(outlet(h[i+len("به گزارش "):]))
		}
	}
	rest := a.text
	for {
		i := strings.Index(rest, "به نقل از ")
		if i < 0 {
			break
		}
		rest = rest[i+len("به نقل از "):]
		if v := outlet(rest); v != "" && !contains(art.Via, v) && string(art.Source) != v {
			art.Via = append(art.Via, v)
		}
	}
}

// outlet reads an outlet's name up to the comma, "به نقل از" or a verb,
// without the desk ("گروه سیاسی", "حوزه دولت") that precedes it.
func outlet(s string) string {
	end := len(s)
	for _, stop := range []string{"،", ",", "\n", " به نقل از ", ":", "؛", "."} {
		if i := strings.Index(s, stop); i >= 0 && i < end {
			end = i
		}
	}
	name := strings.Fields(s[:end])
	if len(name) > 6 {
		return ""
	}
	// Drop the desk words: "گروه دفاعی امنیتی دفاع‌پرس" → "دفاع‌پرس".
	for i, w := range name {
		k := normalize.Key(w)
		if k == "خبرگزاری" || k == "پایگاه" || k == "روزنامه" || k == "سایت" || k == "باشگاه" || k == "خبرنگار" {
			return strings.Join(name[i:], " ")
		}
	}
	if len(name) > 2 && (normalize.Key(name[0]) == "گروه" || normalize.Key(name[0]) == "حوزه" || normalize.Key(name[0]) == "سرویس") {
		return name[len(name)-1]
	}
	return strings.Join(name, " ")
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
