package web

import (
	_ "embed"
	"fmt"
	"net/http"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed labels.yaml
var labelsFile []byte

// languages the page speaks; the first is the default.
var languages = []string{"fa", "en"}

// labels maps a label key to its text in each language.
type labels map[string]map[string]string

func loadLabels() (labels, error) {
	var l labels
	if err := yaml.Unmarshal(labelsFile, &l); err != nil {
		return nil, fmt.Errorf("labels.yaml: %w", err)
	}
	for key, tr := range l {
		for _, lang := range languages {
			if strings.TrimSpace(tr[lang]) == "" {
				return nil, fmt.Errorf("labels.yaml: %s has no %s text", key, lang)
			}
		}
	}
	return l, nil
}

// text returns the label in lang, or the key itself so that a missing
// label is visible rather than blank.
func (l labels) text(lang, key string) string {
	if s, ok := l[key][lang]; ok {
		return s
	}
	return key
}

// language picks the page language: ?lang=, then the cookie, then
// Persian.
func language(r *http.Request) string {
	if q := r.URL.Query().Get("lang"); contains(languages, q) {
		return q
	}
	return cookieLanguage(r)
}

// rememberLanguage keeps a ?lang= choice in a cookie.
func rememberLanguage(w http.ResponseWriter, r *http.Request) {
	if q := r.URL.Query().Get("lang"); contains(languages, q) {
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: q, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode})
	}
}

// cookieLanguage is the language the cookie chose, else Persian.
func cookieLanguage(r *http.Request) string {
	if c, err := r.Cookie("lang"); err == nil && contains(languages, c.Value) {
		return c.Value
	}
	return languages[0]
}
