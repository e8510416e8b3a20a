package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/didar-news/didar"
)

// AddUser adds a user with a new token and returns the token, the only
// time it is shown: the store keeps its hash.
func AddUser(ctx context.Context, s didar.Store, name string, role didar.UserRole) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || name == tokenUser || strings.ContainsAny(name, " \t\n/") {
		return "", didar.Errorf(didar.EINVALID, "user name %q: want one word, not %q", name, tokenUser)
	}
	token := randomToken()
	if err := s.AddUser(ctx, didar.User{Name: name, Role: role}, didar.TokenHash(token)); err != nil {
		return "", err
	}
	return token, nil
}

func (h *handler) apiUsers(w http.ResponseWriter, r *http.Request, u *didar.User) error {
	users, err := h.store.Users(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"users": users})
	return nil
}

// NewUser is the answer to POST /api/users: the token is shown once.
type NewUser struct {
	didar.User
	Token string `json:"token"`
}

func (h *handler) apiAddUser(w http.ResponseWriter, r *http.Request, u *didar.User) error {
	var in struct {
		Name string         `json:"name"`
		Role didar.UserRole `json:"role"`
	}
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	if in.Role == "" {
		in.Role = didar.RoleEditor
	}
	token, err := AddUser(r.Context(), h.store, in.Name, in.Role)
	if err != nil {
		return err
	}
	h.log.Info("user added", "user", in.Name, "role", in.Role, "by", u.Name)
	writeJSON(w, http.StatusCreated, NewUser{User: didar.User{Name: in.Name, Role: in.Role}, Token: token})
	return nil
}

func (h *handler) apiRemoveUser(w http.ResponseWriter, r *http.Request, u *didar.User) error {
	if err := h.store.RemoveUser(r.Context(), r.PathValue("name")); err != nil {
		return err
	}
	h.log.Info("user removed", "user", r.PathValue("name"), "by", u.Name)
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type usersData struct {
	Users []didar.User
	New   *NewUser // just added: its token, shown once
}

func (h *handler) usersPage(r *http.Request, p *page) (string, error) {
	if p.User == nil || p.User.Role != didar.RoleAdmin {
		return "", didar.Errorf(didar.EFORBIDDEN, "only an admin may manage users")
	}
	users, err := h.store.Users(r.Context())
	if err != nil {
		return "", err
	}
	p.Title, p.Nav = p.T("users.title"), "users"
	p.Data = usersData{Users: users}
	return "users", nil
}

// pageAddUser shows the new token on the users page itself, not in a
// redirect's URL, where logs and history would keep it.
func (h *handler) pageAddUser(w http.ResponseWriter, r *http.Request, u *didar.User) (string, error) {
	role := didar.UserRole(r.PostFormValue("role"))
	token, err := AddUser(r.Context(), h.store, r.PostFormValue("name"), role)
	if err != nil {
		return "", err
	}
	h.log.Info("user added", "user", r.PostFormValue("name"), "role", role, "by", u.Name)
	p := h.newPage(w, r)
	users, err := h.store.Users(r.Context())
	if err != nil {
		return "", err
	}
	p.Title, p.Nav = p.T("users.title"), "users"
	p.Data = usersData{Users: users, New: &NewUser{User: didar.User{Name: strings.TrimSpace(r.PostFormValue("name")), Role: role}, Token: token}}
	w.Header().Set("Cache-Control", "no-store")
	h.render(w, http.StatusOK, "users", p)
	return "", nil
}

func (h *handler) pageRemoveUser(w http.ResponseWriter, r *http.Request, u *didar.User) (string, error) {
	if err := h.store.RemoveUser(r.Context(), r.PathValue("name")); err != nil {
		return "", err
	}
	h.log.Info("user removed", "user", r.PathValue("name"), "by", u.Name)
	return "/users", nil
}

// Curation of the actors the coder found that the dictionary lacks.

func (h *handler) curatePage(r *http.Request, p *page) (string, error) {
	pp := pageParams(r)
	f := didar.UnknownFilter{Q: pp.str("q"), Cursor: pp.str("cursor"), Limit: pp.int("limit", 1, h.opts.MaxLimit)}
	if k := pp.str("kind"); k != "" {
		f.Kind = didar.Kind(k)
	}
	if err := pp.done("lang"); err != nil {
		return "", err
	}
	page, err := h.store.UnknownActors(r.Context(), f)
	if err != nil {
		return "", err
	}
	p.Title, p.Nav = p.T("curate.title"), "curate"
	p.Data = page
	return "curate", nil
}

// pageCurate turns a provisional actor into a dictionary entry under
// its own id, or merges its names into an existing entry.
func (h *handler) pageCurate(w http.ResponseWriter, r *http.Request, u *didar.User) (string, error) {
	id := r.PostFormValue("id")
	c := didar.Correction{User: u.Name, Reason: strings.TrimSpace(r.PostFormValue("reason")), Before: &didar.Change{Actor: &didar.Actor{ID: id, NameFA: r.PostFormValue("name")}}}
	if into := strings.TrimSpace(r.PostFormValue("merge")); into != "" {
		to, err := h.findActor(r.Context(), into)
		if err != nil {
			return "", err
		}
		c.Op, c.After = didar.OpMergeActor, &didar.Change{Actor: to}
	} else {
		e, err := newEntry(formInput(r))
		if err != nil {
			return "", err
		}
		e.ID = id
		c.Op, c.After = didar.OpAddEntry, &didar.Change{Entry: &e}
	}
	if _, err := h.store.Correct(r.Context(), c); err != nil {
		return "", err
	}
	return "/curate?" + url.Values{"done": {id}}.Encode(), nil
}
