package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/didar-news/didar"
)

// get fetches path and decodes a JSON body into v (when not nil).
func get(t *testing.T, base, path string, v any) (*http.Response, []byte) {
	t.Helper()
	res, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if v != nil && res.StatusCode < 300 {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("GET %s: %v in %s", path, err, b)
		}
	}
	return res, b
}

// get2 is get for goroutines, which must not call t.Fatal.
func get2(url string, v any) (int, error) {
	res, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	return res.StatusCode, json.NewDecoder(res.Body).Decode(v)
}

// apiError decodes the error body and checks its shape.
func apiError(t *testing.T, path string, res *http.Response, b []byte) errorBody {
	t.Helper()
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: error Content-Type %q, want JSON", path, ct)
	}
	var e errorBody
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("%s: error body %s: %v", path, b, err)
	}
	if e.Error.Code == "" || e.Error.Message == "" {
		t.Errorf("%s: error body %s lacks code or message", path, b)
	}
	return e
}

func eventTypes(es []didar.StoredEvent) []string {
	var s []string
	for _, e := range es {
		s = append(s, string(e.Type))
	}
	return s
}

func TestEventsFilters(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	tests := []struct {
		query string
		want  []string // event types, in order
	}{
		{"", []string{"meet", "criticize", "visit", "agree"}},
		{"?dyad=IRN,CHN", []string{"meet", "agree"}},
		{"?dyad=CHN&dyad=IRN", []string{"meet", "agree"}},
		{"?dyad=abbas-araghchi,CHN", []string{"meet"}},
		{"?type=meet", []string{"meet"}},
		{"?quad_class=3", []string{"criticize"}},
		{"?actor=wang-yi", []string{"meet", "agree"}},
		{"?country=RUS", []string{"visit"}},
		{"?country=rus", []string{"visit"}},
		{"?from=2022-01-01&to=2024-11-30", []string{"criticize", "visit"}},
		{"?from=2024-12-27&to=2024-12-27", []string{"meet"}},
		{"?status=planned", nil},
		{"?topic=25-year-agreement", []string{"meet", "agree"}},
		{"?outlet=" + url.QueryEscape("روزنامه نمونه"), []string{"agree"}},
		{"?q=" + url.QueryEscape("پکن"), []string{"meet"}},
		{"?sort=date", []string{"agree", "visit", "criticize", "meet"}},
		{"?sort=goldstein", []string{"criticize", "meet", "visit", "agree"}},
		{"?dyad=IRN,USA&type=criticize", []string{"criticize"}},
	}
	for _, tt := range tests {
		var page didar.EventPage
		res, b := get(t, srv.URL, "/api/events"+tt.query, &page)
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d: %s", tt.query, res.StatusCode, b)
			continue
		}
		if got := eventTypes(page.Events); strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: events %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestEventsPagination(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	seen := map[string]bool{}
	path := "/api/events?limit=1"
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("pagination does not end")
		}
		var page didar.EventPage
		res, b := get(t, srv.URL, path, &page)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, res.StatusCode, b)
		}
		if len(page.Events) != 1 {
			t.Fatalf("%s: %d events, want 1", path, len(page.Events))
		}
		if id := page.Events[0].ID; seen[id] {
			t.Fatalf("event %s returned twice", id)
		} else {
			seen[id] = true
		}
		if page.Next == "" {
			break
		}
		path = "/api/events?limit=1&cursor=" + url.QueryEscape(page.Next)
	}
	if len(seen) != 4 {
		t.Errorf("pages gave %d events, want 4", len(seen))
	}
}

func TestBadParameters(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	tests := []struct {
		path   string
		status int
		says   string // the message must name what was wrong
	}{
		{"/api/events?type=dance", 400, "dance"},
		{"/api/events?from=2024-05-01&to=2024-01-01", 400, "after"},
		{"/api/events?from=1403-01-01x", 400, "YYYY-MM-DD"},
		{"/api/events?cursor=%24%24notacursor", 400, "cursor"},
		{"/api/events?limit=5000", 400, "limit"},
		{"/api/events?limit=-1", 400, "limit"},
		{"/api/events?limit=ten", 400, "limit"},
		{"/api/events?quad_class=5", 400, "quad_class"},
		{"/api/events?status=maybe", 400, "status"},
		{"/api/events?sort=random", 400, "sort"},
		{"/api/events?country=Iran", 400, "country"},
		{"/api/events?dyad=IRN", 400, "dyad"},
		{"/api/events?dyad=IRN,CHN,RUS", 400, "dyad"},
		{"/api/events?colour=red", 400, "colour"},
		{"/api/events?type=meet&type=call", 400, "type"},
		{"/api/events.csv?type=dance", 400, "dance"},
		{"/api/events/no-such-event", 404, "no-such-event"},
		{"/api/actors?kind=planet", 400, "kind"},
		{"/api/actors?q=" + strings.Repeat("ab", 25000), 400, "limit is 200"},
		{"/api/events?q=%ff%fe", 400, "UTF-8"},
		{"/api/actors?limit=100000", 400, "limit"},
		{"/api/actors/nobody", 404, "nobody"},
		{"/api/articles?from=2025-01-01&to=2020-01-01", 400, "after"},
		{"/api/articles?cursor=zz", 400, "cursor"},
		{"/api/articles/missing", 404, "missing"},
		{"/api/dyads?a=IRN", 400, "b="},
		{"/api/dyads?a=IRN&b=IRN", 400, "different"},
		{"/api/network?cursor=o1", 400, "cursor"},
		{"/api/network?limit=100000", 400, "limit"},
		{"/api/stats?to=yesterday", 400, "to"},
		{"/api/nothing-here", 404, "nothing-here"},
	}
	for _, tt := range tests {
		res, b := get(t, srv.URL, tt.path, nil)
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d: %s", tt.path, res.StatusCode, tt.status, b)
			continue
		}
		e := apiError(t, tt.path, res, b)
		if !strings.Contains(e.Error.Message, tt.says) {
			t.Errorf("%s: message %q does not mention %q", tt.path, e.Error.Message, tt.says)
		}
	}
}

func TestEventDetail(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	var page didar.EventPage
	get(t, srv.URL, "/api/events?type=meet", &page)
	if len(page.Events) != 1 {
		t.Fatalf("want one meet event, got %d", len(page.Events))
	}
	var d didar.EventDetail
	res, b := get(t, srv.URL, "/api/events/"+url.PathEscape(page.Events[0].ID), &d)
	if res.StatusCode != 200 {
		t.Fatalf("status %d: %s", res.StatusCode, b)
	}
	if len(d.Reports) != 1 || d.Reports[0].ArticleID != "beijing-2024" {
		t.Errorf("reports %+v, want one from beijing-2024", d.Reports)
	}
	if !strings.Contains(d.Evidence.Text, "دیدار") {
		t.Errorf("evidence %q lacks the trigger", d.Evidence.Text)
	}
	if len(d.Actors) != 2 {
		t.Errorf("actors %+v, want 2", d.Actors)
	}
}

func TestActors(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	tests := []struct{ q, want string }{
		{"عراقچی", "abbas-araghchi"},
		{"Wang", "wang-yi"},
		{"محمد جواد", "mohammad-javad-zarif"}, // written with a space, stored without
		{"لاوروف", "sergey-lavrov"},
		{"وانگ يي", "wang-yi"}, // Arabic yeh
	}
	for _, tt := range tests {
		var page didar.ActorPage
		res, b := get(t, srv.URL, "/api/actors?q="+url.QueryEscape(tt.q), &page)
		if res.StatusCode != 200 {
			t.Errorf("%s: %d %s", tt.q, res.StatusCode, b)
			continue
		}
		found := false
		for _, a := range page.Actors {
			found = found || a.ID == tt.want
		}
		if !found {
			t.Errorf("q=%s: %s not among %+v", tt.q, tt.want, page.Actors)
		}
	}
	var a didar.ActorDetail
	res, b := get(t, srv.URL, "/api/actors/abbas-araghchi", &a)
	if res.StatusCode != 200 {
		t.Fatalf("actor: %d %s", res.StatusCode, b)
	}
	if len(a.Roles) != 2 {
		t.Errorf("roles %+v, want 2", a.Roles)
	}
	if len(a.Partners) == 0 || a.Partners[0].ID != "wang-yi" {
		t.Errorf("partners %+v, want wang-yi first", a.Partners)
	}
	if len(a.ByType) != 1 || a.ByType[0].Type != didar.Meet {
		t.Errorf("by type %+v, want one meet", a.ByType)
	}
}

func TestArticles(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	// The text has بیست‌وپنج‌ساله with ZWNJs; every spelling finds it.
	for _, q := range []string{"بیست و پنج ساله", "بیست‌وپنج‌ساله", "بیستوپنجساله", "همكاري"} {
		var page didar.ArticlePage
		res, b := get(t, srv.URL, "/api/articles?q="+url.QueryEscape(q), &page)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d %s", q, res.StatusCode, b)
		}
		found := false
		for _, a := range page.Articles {
			found = found || a.ID == "beijing-2024"
		}
		if !found {
			t.Errorf("q=%q: beijing-2024 not found in %d articles", q, len(page.Articles))
		}
	}
	var none didar.ArticlePage
	get(t, srv.URL, "/api/articles?q="+url.QueryEscape("کره‌شمالی"), &none)
	if len(none.Articles) != 0 {
		t.Errorf("an absent word found %d articles", len(none.Articles))
	}

	var d ArticleDetail
	res, b := get(t, srv.URL, "/api/articles/beijing-2024", &d)
	if res.StatusCode != 200 {
		t.Fatalf("article: %d %s", res.StatusCode, b)
	}
	if d.Raw != "" {
		t.Error("the article detail carries the raw input")
	}
	runes := []rune(d.Text)
	n := 0
	for _, a := range d.Actors {
		for _, m := range a.Mentions {
			n++
			if got := string(runes[m.Start:m.End]); got != m.Text {
				t.Errorf("mention of %s at %d-%d reads %q, says %q", a.ID, m.Start, m.End, got, m.Text)
			}
		}
	}
	if n < 4 {
		t.Errorf("%d mentions, want at least 4", n)
	}
	if len(d.Events) != 1 || len(d.Quotes) != 1 {
		t.Fatalf("events %d quotes %d, want 1 and 1", len(d.Events), len(d.Quotes))
	}
	q := d.Quotes[0]
	if got := string(runes[q.Start:q.End]); got != q.Text {
		t.Errorf("quote offsets read %q", got)
	}
}

func TestDyadsNetworkStats(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	var s didar.DyadSeries
	res, b := get(t, srv.URL, "/api/dyads?a=IRN&b=CHN", &s)
	if res.StatusCode != 200 {
		t.Fatalf("dyad: %d %s", res.StatusCode, b)
	}
	var months []string
	for _, m := range s.Months {
		months = append(months, m.Month)
		if m.QuadClass[0]+m.QuadClass[1]+m.QuadClass[2]+m.QuadClass[3] != m.Events {
			t.Errorf("%s: quad classes %v do not add up to %d", m.Month, m.QuadClass, m.Events)
		}
	}
	if strings.Join(months, ",") != "2021-03,2024-12" {
		t.Errorf("months %v, want 2021-03 and 2024-12", months)
	}

	var top struct {
		Dyads []didar.DyadCount `json:"dyads"`
	}
	get(t, srv.URL, "/api/dyads", &top)
	if len(top.Dyads) == 0 {
		t.Error("no top dyads")
	}

	var n didar.Network
	res, b = get(t, srv.URL, "/api/network?country=CHN", &n)
	if res.StatusCode != 200 {
		t.Fatalf("network: %d %s", res.StatusCode, b)
	}
	ids := map[string]bool{}
	for _, nd := range n.Nodes {
		ids[nd.ID] = true
	}
	for _, id := range []string{"wang-yi", "abbas-araghchi", "mohammad-javad-zarif"} {
		if !ids[id] {
			t.Errorf("network of CHN lacks %s: %v", id, ids)
		}
	}
	if ids["sergey-lavrov"] {
		t.Error("network of CHN has Lavrov")
	}
	if len(n.Edges) == 0 {
		t.Error("network has no edges")
	}

	var st didar.Stats
	get(t, srv.URL, "/api/stats", &st)
	if st.Articles != 4 || st.Events != 4 {
		t.Errorf("stats: %d articles %d events, want 4 and 4", st.Articles, st.Events)
	}
}

func TestEventsCSV(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	read := func(path string) [][]string {
		t.Helper()
		res, b := get(t, srv.URL, path, nil)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, res.StatusCode, b)
		}
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
			t.Errorf("%s: Content-Type %q", path, ct)
		}
		rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	rows := read("/api/events.csv?dyad=IRN,CHN")
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	if len(rows) != 3 || rows[0][0] != "GlobalEventID" {
		t.Fatalf("csv rows %v, want a GDELT header and 2 events", rows)
	}
	if rows[1][col["Type"]] != "meet" || rows[2][col["Type"]] != "agree" {
		t.Errorf("csv types %s, %s", rows[1][col["Type"]], rows[2][col["Type"]])
	}
	if g := rows[1][col["GoldsteinScale"]]; g != "1.0" {
		t.Errorf("Goldstein %q, want it as published (1.0)", g)
	}
	// limit is a page size, and cursor the page after, as in /api/events.
	var page didar.EventPage
	get(t, srv.URL, "/api/events?limit=2", &page)
	rows = read("/api/events.csv?limit=2")
	if len(rows) != 3 || rows[1][col["DidarEventID"]] != page.Events[0].ID || rows[2][col["DidarEventID"]] != page.Events[1].ID {
		t.Errorf("limit=2: %d rows, want the 2 events of /api/events?limit=2", len(rows)-1)
	}
	next := page.Next
	get(t, srv.URL, "/api/events?limit=2&cursor="+next, &page)
	if rows = read("/api/events.csv?limit=2&cursor=" + next); len(rows) < 2 || rows[1][col["DidarEventID"]] != page.Events[0].ID {
		t.Errorf("cursor: the CSV's page does not follow /api/events's")
	}
	if rows := read("/api/events.csv?type=sanction"); len(rows) != 1 {
		t.Errorf("no events: %d rows, want the header alone", len(rows))
	}
}

func post(t *testing.T, url, token, body string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

func TestTokenRules(t *testing.T) {
	const article = `{"id":"new-1","source":"خبرگزاری نمونه","published":"2025-01-02","text":"عراقچی با وانگ یی تلفنی گفت‌وگو کرد."}`
	var got []Submission
	reloads := 0
	ingest := func(ctx context.Context, s Submission) (didar.SaveResult, error) {
		got = append(got, s)
		return didar.SaveResult{ID: s.ID, Created: true}, nil
	}
	reload := func(ctx context.Context) error { reloads++; return nil }

	readOnly, _ := newTestServer(t, Options{Ingest: ingest, Reload: reload})
	for _, path := range []string{"/api/articles", "/api/reload"} {
		res, b := post(t, readOnly.URL+path, "anything", article)
		if res.StatusCode != 403 {
			t.Errorf("read-only %s: status %d, want 403", path, res.StatusCode)
		}
		if e := apiError(t, path, res, b); e.Error.Code != errReadOnly {
			t.Errorf("read-only %s: code %q", path, e.Error.Code)
		}
	}
	if len(got) != 0 || reloads != 0 {
		t.Fatal("a read-only server wrote")
	}

	srv, _ := newTestServer(t, Options{Token: "s3cret-token", Ingest: ingest, Reload: reload, MaxBody: 4096})
	tests := []struct {
		name, path, token, body string
		status                  int
	}{
		{"no token", "/api/articles", "", article, 401},
		{"wrong token", "/api/articles", "guess", article, 401},
		{"prefix of the token", "/api/articles", "s3cret", article, 401},
		{"no token reload", "/api/reload", "", "", 401},
		{"malformed JSON", "/api/articles", "s3cret-token", `{"text":`, 400},
		{"unknown field", "/api/articles", "s3cret-token", `{"text":"متن","colour":"red"}`, 400},
		{"empty text", "/api/articles", "s3cret-token", `{"text":"  "}`, 400},
		{"two objects", "/api/articles", "s3cret-token", `{"text":"الف"}{"text":"ب"}`, 400},
		{"bad date", "/api/articles", "s3cret-token", `{"text":"متن","published":"1403/10/12"}`, 400},
		{"too large", "/api/articles", "s3cret-token", `{"text":"` + strings.Repeat("خبر ", 2000) + `"}`, 413},
		{"ingest", "/api/articles", "s3cret-token", article, 201},
		{"reload", "/api/reload", "s3cret-token", "", 200},
	}
	for _, tt := range tests {
		res, b := post(t, srv.URL+tt.path, tt.token, tt.body)
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d: %s", tt.name, res.StatusCode, tt.status, b)
			continue
		}
		if tt.status >= 400 {
			apiError(t, tt.name, res, b)
		}
		if tt.status == 401 && res.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: 401 without WWW-Authenticate", tt.name)
		}
	}
	if len(got) != 1 || got[0].ID != "new-1" || got[0].Published.String() != "2025-01-02" {
		t.Errorf("ingested %+v, want the one article", got)
	}
	if reloads != 1 {
		t.Errorf("%d reloads, want 1", reloads)
	}
	// Reading needs no token.
	if res, _ := get(t, srv.URL, "/api/stats", nil); res.StatusCode != 200 {
		t.Errorf("stats with a token set: %d", res.StatusCode)
	}
}

func TestWriteNotWired(t *testing.T) {
	srv, _ := newTestServer(t, Options{Token: "t"})
	res, b := post(t, srv.URL+"/api/articles", "t", `{"text":"متن"}`)
	if res.StatusCode != 501 {
		t.Errorf("status %d, want 501: %s", res.StatusCode, b)
	}
}

func TestTimeout(t *testing.T) {
	srv, _ := newTestServer(t, Options{Timeout: time.Nanosecond})
	res, b := get(t, srv.URL, "/api/events?dyad=IRN,CHN", nil)
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503: %s", res.StatusCode, b)
	}
	if e := apiError(t, "timeout", res, b); e.Error.Code != errTimeout {
		t.Errorf("code %q", e.Error.Code)
	}
}

// TestOpenAPI checks that the document and the router list the same
// routes.
func TestOpenAPI(t *testing.T) {
	srv, st := newTestServer(t, Options{})
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	res, b := get(t, srv.URL, "/api/openapi.json", &doc)
	if res.StatusCode != 200 || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi: %d %.100s", res.StatusCode, b)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	h, err := New(st, Options{Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	routed := map[string]bool{}
	for _, r := range h.(*handler).routes {
		routed[r] = true
		if !documented[r] {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	for r := range documented {
		if !routed[r] {
			t.Errorf("openapi.json documents %s, which the router lacks", r)
		}
	}
	if len(routed) < 14 {
		t.Errorf("only %d routes", len(routed))
	}
}
