package normalize

import (
	"strings"
	"sync"
)

// commonKeys holds the matching key of every word of the embedded lists.
var commonKeys = sync.OnceValue(func() map[string]bool {
	lx := baseLexicon()
	m := make(map[string]bool, len(lx.words))
	for k := range lx.words {
		m[Key(k)] = true
	}
	return m
})

// commonEndings are the endings a common word takes in news text: the
// adjective ی, plurals, the indefinite ای, the copula (آماده‌ایم).
var commonEndings = []string{"هایی", "های", "ها", "ای", "یی", "ی", "ان", "ات", "ایم", "اید", "اند"}

// Common reports whether the word w (one word, any spelling) is a common
// word of Persian news, alone or with a plural or adjective ending, or
// a verb with its prefix glued: a word that is rarely a person's name, for the actor linker to tell
// "کشورهای عضو" from an unknown name.
func Common(w string) bool {
	k := Key(w)
	m := commonKeys()
	if m[k] {
		return true
	}
	for _, e := range commonEndings {
		if s, ok := strings.CutSuffix(k, e); ok && len([]rune(s)) >= 2 && m[s] {
			return true
		}
	}
	return isVerb(k)
}

// isVerb reports whether k is a verb written with its prefix glued
// (میگوید, نمیکنند): the prefix, a stem of the verb list, an ending.
func isVerb(k string) bool {
	lx := baseLexicon()
	for _, p := range verbPrefixes {
		rest, ok := strings.CutPrefix(k, string(p))
		if !ok {
			continue
		}
		for _, e := range presentEndings {
			if s, ok := strings.CutSuffix(rest, string(e)); ok && lx.present[s] {
				return true
			}
		}
		for _, e := range pastEndings {
			if s, ok := strings.CutSuffix(rest, string(e)); ok && lx.past[s] {
				return true
			}
		}
	}
	return false
}
