package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/sqlite"
)

// browserClient is a client with its own cookies that does not follow
// redirects, so that tests see them.
func browserClient(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// send does a request and returns the answer and its body.
func send(t *testing.T, c *http.Client, method, u string, body io.Reader, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func postForm(t *testing.T, c *http.Client, u string, form url.Values) (*http.Response, string) {
	t.Helper()
	return send(t, c, "POST", u, strings.NewReader(form.Encode()), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
}

// signIn signs c in with token through the form and returns the
// session's CSRF token, read from a page.
func signIn(t *testing.T, c *http.Client, base, token string) string {
	t.Helper()
	_, page := send(t, c, "GET", base+"/signin", nil, nil)
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the sign-in form has no CSRF token")
	}
	res, body := postForm(t, c, base+"/signin", url.Values{"csrf": {m[1]}, "token": {token}, "next": {"/articles"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in: %d %s", res.StatusCode, body)
	}
	_, page = send(t, c, "GET", base+"/articles", nil, nil)
	if m = csrfField.FindStringSubmatch(page); m == nil {
		t.Fatal("a signed-in page has no CSRF token")
	}
	return m[1]
}

func addUser(t *testing.T, st didar.Store, name string, role didar.UserRole) string {
	t.Helper()
	token, err := AddUser(context.Background(), st, name, role)
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// TestWriteRules tries every writing route, API and form, without a
// session, with a session but no CSRF token, with a wrong one, and
// with a wrong bearer token, and checks that each is refused and that
// nothing was written.
func TestWriteRules(t *testing.T) {
	srv, st := newTestServer(t, Options{})
	editor := addUser(t, st, "maryam", didar.RoleEditor)
	h, err := New(st, Options{Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	var routes []string
	for _, r := range h.(*handler).routes {
		if !strings.HasPrefix(r, "GET ") {
			routes = append(routes, r)
		}
	}
	routes = append(routes, h.(*handler).writes...)
	if len(routes) < 12 {
		t.Fatalf("only %d writing routes: %v", len(routes), routes)
	}
	signed := browserClient(t)
	csrf := signIn(t, signed, srv.URL, editor)
	fill := strings.NewReplacer("{id}", "1", "{name}", "maryam")
	for _, route := range routes {
		method, path, _ := strings.Cut(route, " ")
		u := srv.URL + fill.Replace(path)
		form := url.Values{"op": {"check"}, "event": {"e1"}, "name": {"x"}, "token": {editor}}
		tries := []struct {
			name   string
			c      *http.Client
			header map[string]string
			status int
		}{
			{"no session", browserClient(t), nil, 401},
			{"no CSRF token", signed, nil, 403},
			{"wrong CSRF token", signed, map[string]string{"X-CSRF-Token": csrf + "x"}, 403},
			{"wrong bearer token", browserClient(t), map[string]string{"Authorization": "Bearer " + editor + "x"}, 401},
		}
		if path == "/signin" {
			continue
		}
		for _, try := range tries {
			hd := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
			for k, v := range try.header {
				hd[k] = v
			}
			res, body := send(t, try.c, method, u, strings.NewReader(form.Encode()), hd)
			if res.StatusCode != try.status {
				t.Errorf("%s with %s: %d, want %d: %.200s", route, try.name, res.StatusCode, try.status, body)
			}
		}
	}
	if p, err := st.Corrections(context.Background(), didar.CorrectionFilter{}); err != nil || len(p.Corrections) != 0 {
		t.Errorf("refused writes stored %d corrections (%v)", len(p.Corrections), err)
	}
	if users, _ := st.Users(context.Background()); len(users) != 1 {
		t.Errorf("refused writes left %d users, want 1", len(users))
	}
	// The same correction with the token is taken.
	res, body := postForm(t, signed, srv.URL+"/articles/beijing-2024/corrections", url.Values{"csrf": {csrf}, "op": {"check"}, "event": {"e1"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("a correction with its CSRF token: %d %s", res.StatusCode, body)
	}
}

// TestRoles checks that an editor corrects but cannot manage users, and
// an admin can.
func TestRoles(t *testing.T) {
	srv, st := newTestServer(t, Options{})
	editor := addUser(t, st, "maryam", didar.RoleEditor)
	admin := addUser(t, st, "ali", didar.RoleAdmin)
	bearer := func(tok string) map[string]string {
		return map[string]string{"Authorization": "Bearer " + tok, "Content-Type": "application/json"}
	}
	c := http.DefaultClient
	for _, tt := range []struct {
		method, path, token, body string
		status                    int
	}{
		{"GET", "/api/users", editor, "", 403},
		{"POST", "/api/users", editor, `{"name":"sara"}`, 403},
		{"DELETE", "/api/users/ali", editor, "", 403},
		{"POST", "/api/articles/beijing-2024/corrections", editor, `{"op":"check","event":"e1"}`, 201},
		{"GET", "/api/users", admin, "", 200},
		{"POST", "/api/users", admin, `{"name":"sara","role":"editor"}`, 201},
		{"DELETE", "/api/users/sara", admin, "", 204},
	} {
		res, body := send(t, c, tt.method, srv.URL+tt.path, strings.NewReader(tt.body), bearer(tt.token))
		if res.StatusCode != tt.status {
			t.Errorf("%s %s: %d, want %d: %s", tt.method, tt.path, res.StatusCode, tt.status, body)
		}
	}
	// The check shows in the event's history and marks it.
	var events didar.EventPage
	if _, err := get2(srv.URL+"/api/events?type=meet", &events); err != nil || len(events.Events) != 1 || !events.Events[0].Checked || events.Events[0].Corrected {
		t.Fatalf("the checked event: %+v %v", events.Events, err)
	}
	var hist History
	if _, err := get2(srv.URL+"/api/events/"+events.Events[0].ID+"/corrections", &hist); err != nil || len(hist.Corrections) != 1 || hist.Corrections[0].Op != didar.OpCheckEvent || hist.Corrections[0].User != "maryam" {
		t.Errorf("event history: %+v %v", hist, err)
	}
	ed := browserClient(t)
	csrf := signIn(t, ed, srv.URL, editor)
	if res, _ := send(t, ed, "GET", srv.URL+"/users", nil, nil); res.StatusCode != 403 {
		t.Errorf("an editor sees the users page: %d", res.StatusCode)
	}
	if res, _ := postForm(t, ed, srv.URL+"/users", url.Values{"csrf": {csrf}, "name": {"reza"}}); res.StatusCode != 403 {
		t.Errorf("an editor adds a user: %d", res.StatusCode)
	}
	ad := browserClient(t)
	csrf = signIn(t, ad, srv.URL, admin)
	res, page := postForm(t, ad, srv.URL+"/users", url.Values{"csrf": {csrf}, "name": {"reza"}, "role": {"editor"}})
	m := regexp.MustCompile(`<code lang="en" dir="ltr">([^<]+)</code>`).FindStringSubmatch(page)
	if res.StatusCode != 200 || m == nil {
		t.Fatalf("an admin adds a user: %d, token shown: %v", res.StatusCode, m != nil)
	}
	if u, err := st.UserByToken(context.Background(), didar.TokenHash(m[1])); err != nil || u.Name != "reza" {
		t.Errorf("the token shown does not sign reza in: %+v %v", u, err)
	}
	users, _ := st.Users(context.Background())
	if len(users) != 3 {
		t.Errorf("%d users, want 3", len(users))
	}
}

// TestTokensNotInClear checks that neither a user's token nor a session
// cookie is in the database file.
func TestTokensNotInClear(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "didar.db")
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	h, err := New(st, Options{Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	srv := newHTTPTest(t, h)
	token := addUser(t, st, "maryam", didar.RoleEditor)
	c := browserClient(t)
	signIn(t, c, srv, token)
	u, _ := url.Parse(srv)
	var session string
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == sessionCookie {
			session = ck.Value
		}
	}
	if session == "" {
		t.Fatal("no session cookie")
	}
	st.Close()
	var all []byte
	files, _ := filepath.Glob(path + "*") // the WAL too
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	if bytes.Contains(all, []byte(token)) || bytes.Contains(all, []byte(session)) {
		t.Error("the database holds a token or a session id in clear")
	}
	if !bytes.Contains(all, []byte(didar.TokenHash(token))) {
		t.Error("the database lacks the token's hash: is this the right file?")
	}
}

// TestSignIn checks the session cookie's attributes, the rate limit and
// signing out.
func TestSignIn(t *testing.T) {
	srv, st := newTestServer(t, Options{})
	token := addUser(t, st, "maryam", didar.RoleEditor)
	c := browserClient(t)
	_, page := send(t, c, "GET", srv.URL+"/signin", nil, nil)
	csrf := csrfField.FindStringSubmatch(page)[1]
	if res, _ := postForm(t, browserClient(t), srv.URL+"/signin", url.Values{"csrf": {csrf}, "token": {token}}); res.StatusCode != 403 {
		t.Errorf("sign-in without the form's cookie: %d, want 403", res.StatusCode)
	}
	for i := 0; i < 5; i++ {
		if res, _ := postForm(t, c, srv.URL+"/signin", url.Values{"csrf": {csrf}, "token": {"guess"}}); res.StatusCode != 401 {
			t.Errorf("wrong token %d: %d, want 401", i, res.StatusCode)
		}
	}
	if res, _ := postForm(t, c, srv.URL+"/signin", url.Values{"csrf": {csrf}, "token": {token}}); res.StatusCode != 429 {
		t.Errorf("after five failures the right token: %d, want 429", res.StatusCode)
	}

	srv2, st2 := newTestServer(t, Options{})
	token = addUser(t, st2, "maryam", didar.RoleEditor)
	c = browserClient(t)
	_, page = send(t, c, "GET", srv2.URL+"/signin", nil, nil)
	csrf = csrfField.FindStringSubmatch(page)[1]
	res, _ := postForm(t, c, srv2.URL+"/signin", url.Values{"csrf": {csrf}, "token": {token}, "next": {"//evil.example/"}})
	if loc := res.Header.Get("Location"); res.StatusCode != 303 || loc != "/" {
		t.Errorf("sign-in: %d to %q, want 303 to /", res.StatusCode, loc)
	}
	var cookie *http.Cookie
	for _, ck := range res.Cookies() {
		if ck.Name == sessionCookie {
			cookie = ck
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || cookie.Path != "/" {
		t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Strict, Path=/", cookie)
	}
	_, page = send(t, c, "GET", srv2.URL+"/", nil, nil)
	if !strings.Contains(page, `id="signed-in">maryam<`) {
		t.Error("a signed-in page does not name the user")
	}
	csrf = csrfField.FindStringSubmatch(page)[1]
	if res, _ := postForm(t, c, srv2.URL+"/signout", url.Values{"csrf": {csrf}}); res.StatusCode != 303 {
		t.Errorf("sign out: %d", res.StatusCode)
	}
	if _, err := st2.Session(context.Background(), didar.TokenHash(cookie.Value)); didar.ErrorCode(err) != didar.ENOTFOUND {
		t.Errorf("the session outlived signing out: %v", err)
	}
}

// TestUndoRestores corrects an article through the API in every way and
// undoes each, checking that the record is then exactly what it was.
func TestUndoRestores(t *testing.T) {
	srv, st := newTestServer(t, Options{})
	token := addUser(t, st, "maryam", didar.RoleEditor)
	hd := map[string]string{"Authorization": "Bearer " + token, "Content-Type": "application/json"}
	article := func() string {
		_, b := send(t, http.DefaultClient, "GET", srv.URL+"/api/articles/lavrov-2022", nil, nil)
		return b
	}
	original := article()
	var stack []int64
	for _, body := range []string{
		`{"op":"swap","event":"e1","reason":"Iran hosted him"}`,
		`{"op":"edit","event":"e1","type":"host","status":"planned","date":"2022-06-23","location_country":"IRN","location_fa":"تهران"}`,
		`{"op":"check","event":"e1"}`,
		`{"op":"relink","mention":0,"actor":"وانگ یی"}`,
		`{"op":"new-actor","mention":0,"fa":"سرگئی ویکتوروویچ لاوروف","en":"S. V. Lavrov","kind":"person","country":"RUS","office":"foreign-minister","title":"Foreign Minister of Russia","from":"2004-03-09"}`,
		`{"op":"add","type":"visit","source":"IRN","target":"s-v-lavrov","span":"وارد تهران شد","status":"occurred"}`,
		`{"op":"delete","event":"e1"}`,
		`{"op":"unlink","mention":0}`,
	} {
		res, b := send(t, http.DefaultClient, "POST", srv.URL+"/api/articles/lavrov-2022/corrections", strings.NewReader(body), hd)
		if res.StatusCode != 201 {
			t.Fatalf("%s: %d %s", body, res.StatusCode, b)
		}
		var c didar.Correction
		json.Unmarshal([]byte(b), &c)
		stack = append(stack, c.ID)
	}
	if article() == original {
		t.Fatal("the corrections changed nothing")
	}
	var hist History
	if _, err := get2(srv.URL+"/api/articles/lavrov-2022/corrections", &hist); err != nil || len(hist.Corrections) != 8 {
		t.Fatalf("history: %d corrections (%v)", len(hist.Corrections), err)
	}
	for i := len(stack) - 1; i >= 0; i-- {
		res, b := send(t, http.DefaultClient, "POST", srv.URL+"/api/corrections/"+itoa(int(stack[i]))+"/undo", nil, hd)
		if res.StatusCode != 201 {
			t.Fatalf("undo %d: %d %s", stack[i], res.StatusCode, b)
		}
	}
	if got := article(); got != original {
		t.Errorf("after undoing everything the article reads\n%s\nwant\n%s", got, original)
	}
}

func newHTTPTest(t *testing.T, h http.Handler) string {
	srv, err := Listen("127.0.0.1:0", h, quietLogger())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	return srv.URL()
}
