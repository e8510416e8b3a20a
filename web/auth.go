package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/didar-news/didar"
)

// Who may write: a user signed in with a session cookie (forms must
// carry the session's CSRF token), or a client sending a user's token,
// or DIDAR_TOKEN, as a bearer header (no cookie, so no CSRF to fear).

const (
	sessionCookie = "didar_session"
	signinCookie  = "didar_signin" // the CSRF token of the sign-in form
	sessionTTL    = 12 * time.Hour
	// tokenUser is the name under which DIDAR_TOKEN writes: an admin.
	tokenUser = "token"
)

// errTooMany is the code of a refused sign-in after too many failures.
const errTooMany = "too_many_requests"

func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// session returns the signed-in session of r, or nil.
func (h *handler) session(r *http.Request) *didar.Session {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil
	}
	se, err := h.store.Session(r.Context(), didar.TokenHash(c.Value))
	if err != nil {
		if didar.ErrorCode(err) != didar.ENOTFOUND {
			h.log.Error("read session", "err", err)
		}
		return nil
	}
	return se
}

// writer returns who makes a writing request: from its bearer token, or
// from its session, whose CSRF token the request must carry (form field
// csrf or header X-CSRF-Token).
func (h *handler) writer(w http.ResponseWriter, r *http.Request) (*didar.User, error) {
	if auth := r.Header.Get("Authorization"); auth != "" {
		got, ok := strings.CutPrefix(auth, "Bearer ")
		if ok && h.opts.Token != "" && equal(got, h.opts.Token) {
			return &didar.User{Name: tokenUser, Role: didar.RoleAdmin}, nil
		}
		if ok && got != "" {
			if u, err := h.store.UserByToken(r.Context(), didar.TokenHash(got)); err == nil {
				return u, nil
			} else if didar.ErrorCode(err) != didar.ENOTFOUND {
				return nil, err
			}
		}
		if err := h.readOnly(r); err != nil {
			return nil, err
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="didar"`)
		return nil, didar.Errorf(didar.EUNAUTHORIZED, "the bearer token is wrong")
	}
	se := h.session(r)
	if se == nil {
		if err := h.readOnly(r); err != nil {
			return nil, err
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="didar"`)
		return nil, didar.Errorf(didar.EUNAUTHORIZED, "writing needs a signed-in user or an Authorization: Bearer token")
	}
	got := r.Header.Get("X-CSRF-Token")
	if got == "" {
		got = r.PostFormValue("csrf")
	}
	if got == "" || !equal(got, se.CSRF) {
		return nil, didar.Errorf(errCSRF, "the form's CSRF token is missing or wrong: reload the page and try again")
	}
	return &se.User, nil
}

// errCSRF is the code of a form sent without its session's CSRF token.
const errCSRF = "csrf"

// readOnly refuses a write to a server that nobody may write to: no
// DIDAR_TOKEN and no users.
func (h *handler) readOnly(r *http.Request) error {
	if h.opts.Token != "" {
		return nil
	}
	users, err := h.store.Users(r.Context())
	if err != nil {
		return err
	}
	if len(users) == 0 {
		return didar.Errorf(errReadOnly, "this server is read-only: start it with DIDAR_TOKEN set, or add a user with `didar user add`, to allow writing")
	}
	return nil
}

// writeFunc is a writing handler, told who writes.
type writeFunc func(w http.ResponseWriter, r *http.Request, u *didar.User) error

// as guards a writing handler: the request needs a writer with role
// (an admin may do what an editor may). Every write clears the cache.
func (h *handler) as(role didar.UserRole, f writeFunc) func(w http.ResponseWriter, r *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		u, err := h.writer(w, r)
		if err != nil {
			return err
		}
		if role == didar.RoleAdmin && u.Role != didar.RoleAdmin {
			return didar.Errorf(didar.EFORBIDDEN, "only an admin may do this; %s is an %s", u.Name, u.Role)
		}
		if err := f(w, r, u); err != nil {
			return err
		}
		if h.cache != nil {
			h.cache.clear()
		}
		return nil
	}
}

// write guards a writing handler that needs an editor.
func (h *handler) write(f func(w http.ResponseWriter, r *http.Request) error) func(w http.ResponseWriter, r *http.Request) error {
	return h.as(didar.RoleEditor, func(w http.ResponseWriter, r *http.Request, _ *didar.User) error { return f(w, r) })
}

// limiter counts failed sign-ins per client address and refuses more
// than max in window, so that tokens cannot be guessed at speed.
type limiter struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	fails  map[string][]time.Time
}

func newLimiter(max int, window time.Duration) *limiter {
	return &limiter{max: max, window: window, fails: map[string][]time.Time{}}
}

// allow reports whether key may try again now.
func (l *limiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	recent := l.fails[key][:0]
	for _, t := range l.fails[key] {
		if now.Sub(t) < l.window {
			recent = append(recent, t)
		}
	}
	if len(recent) == 0 {
		delete(l.fails, key)
	} else {
		l.fails[key] = recent
	}
	return len(recent) < l.max
}

func (l *limiter) fail(key string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.fails[key] = append(l.fails[key], now)
}

func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// signinForm shows the sign-in form with a fresh CSRF token, kept in a
// cookie of its own until the form comes back.
func (h *handler) signinForm(r *http.Request, p *page) (string, error) {
	tok := randomToken()
	http.SetCookie(p.w, &http.Cookie{Name: signinCookie, Value: tok, Path: "/signin", MaxAge: 3600, HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	p.CSRF = tok
	p.Title = p.T("signin.title")
	p.Data = r.URL.Query().Get("next")
	return "signin", nil
}

// signin checks a token and starts a session.
func (h *handler) signin(w http.ResponseWriter, r *http.Request) error {
	addr, now := clientAddr(r), time.Now()
	if !h.signins.allow(addr, now) {
		h.log.Warn("sign-in refused: too many failures", "addr", addr)
		return didar.Errorf(errTooMany, "too many failed sign-ins from this address: wait a few minutes")
	}
	c, err := r.Cookie(signinCookie)
	if err != nil || !equal(c.Value, r.PostFormValue("csrf")) {
		return didar.Errorf(errCSRF, "the sign-in form's CSRF token is missing or wrong: reload the page and try again")
	}
	token := strings.TrimSpace(r.PostFormValue("token"))
	u, err := h.store.UserByToken(r.Context(), didar.TokenHash(token))
	if err != nil {
		if didar.ErrorCode(err) != didar.ENOTFOUND {
			return err
		}
		h.signins.fail(addr, now)
		h.log.Warn("sign-in failed", "addr", addr)
		return didar.Errorf(didar.EUNAUTHORIZED, "no user has this token")
	}
	id := randomToken()
	se := didar.Session{IDHash: didar.TokenHash(id), User: *u, CSRF: randomToken(), Expires: now.Add(sessionTTL)}
	if err := h.store.SaveSession(r.Context(), se); err != nil {
		return err
	}
	h.log.Info("signed in", "user", u.Name, "addr", addr)
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", MaxAge: int(sessionTTL / time.Second), HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	http.SetCookie(w, &http.Cookie{Name: signinCookie, Value: "", Path: "/signin", MaxAge: -1})
	next := r.PostFormValue("next")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (h *handler) signout(w http.ResponseWriter, r *http.Request, u *didar.User) error {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := h.store.DeleteSession(r.Context(), didar.TokenHash(c.Value)); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}
