package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/didar-news/didar"
)

// TestCurate turns one provisional actor into a dictionary entry and
// merges another into an existing entry, through the curator's page.
func TestCurate(t *testing.T) {
	srv, st := newTestServer(t, Options{})
	ctx := context.Background()
	text := "ماریا زاخارووا سخنگوی وزارت خارجه روسیه گفت مسکو از گفت‌وگوی ایران و چین حمایت می‌کند. زاخارووا افزود که وانگ‌یی نیز به مسکو سفر می‌کند."
	rec := didar.Record{Article: didar.Article{ID: "zakharova", Text: text, Via: []string{}}, Coder: "web-fixture"}
	for _, u := range []struct{ id, name string }{{"ماریا-زاخارووا", "ماریا زاخارووا"}, {"وانگ‌یی", "وانگ‌یی"}} {
		s, e := runeSpan(t, text, u.name)
		rec.Actors = append(rec.Actors, didar.Actor{ID: u.id, Kind: didar.KindPerson, NameFA: u.name, Country: "RUS", Roles: []string{},
			Mentions: []didar.Mention{{Start: s, End: e, Text: u.name, Via: "name"}}})
	}
	if _, err := st.SaveArticle(ctx, didar.NewArticle{Record: rec, Raw: text}); err != nil {
		t.Fatal(err)
	}
	_, page := send(t, http.DefaultClient, "GET", srv.URL+"/curate", nil, nil)
	if !strings.Contains(page, `id="u-ماریا-زاخارووا"`) || !strings.Contains(page, "سخنگوی وزارت خارجه روسیه گفت") || strings.Contains(page, "curate-add") {
		t.Fatalf("the curator's page to a reader lacks the actor or its example, or shows forms")
	}
	token := addUser(t, st, "maryam", didar.RoleEditor)
	c := browserClient(t)
	csrf := signIn(t, c, srv.URL, token)
	res, body := postForm(t, c, srv.URL+"/curate", url.Values{"csrf": {csrf}, "id": {"ماریا-زاخارووا"}, "fa": {"ماریا زاخارووا، زاخارووا"},
		"en": {"Maria Zakharova"}, "kind": {"person"}, "country": {"RUS"}, "sector": {"GOV"}, "office": {"spokesperson"}, "title": {"Spokeswoman of the Russian Foreign Ministry"}, "from": {"2015-08-10"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("curate: %d %s", res.StatusCode, body)
	}
	a, err := st.Actor(ctx, "ماریا-زاخارووا")
	if err != nil || !a.InDictionary || a.NameEN != "Maria Zakharova" || len(a.Roles) != 1 {
		t.Errorf("the curated actor: %+v %v", a, err)
	}
	res, body = postForm(t, c, srv.URL+"/curate", url.Values{"csrf": {csrf}, "id": {"وانگ‌یی"}, "name": {"وانگ‌یی"}, "merge": {"wang-yi"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("merge: %d %s", res.StatusCode, body)
	}
	if w, err := st.Actor(ctx, "wang-yi"); err != nil || !slices.Contains(w.Names, "وانگ‌یی") {
		t.Errorf("the merged names: %+v %v", w, err)
	}
	_, page = send(t, c, "GET", srv.URL+"/curate", nil, nil)
	if strings.Contains(page, `id="u-ماریا-زاخارووا"`) {
		t.Error("the curated actor is still listed as unknown")
	}
	all, _ := st.Corrections(ctx, didar.CorrectionFilter{User: "maryam"})
	entries := didar.EntriesFromCorrections(all.Corrections)
	if len(all.Corrections) != 2 || len(entries) != 2 || entries[0].ID != "wang-yi" || !slices.Contains(entries[0].FA, "وانگ‌یی") || entries[1].EN != "Maria Zakharova" {
		t.Errorf("curation as corrections %+v, as entries %+v", all.Corrections, entries)
	}
}
