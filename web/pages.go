package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/jalali"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// page is what every template receives.
type page struct {
	h       *handler
	w       http.ResponseWriter
	Lang    string
	Dir     string
	Title   string
	Nav     string
	LangURL string
	Path    string
	Query   url.Values
	Data    any
	// User is who is signed in (nil: nobody), CSRF the token their
	// forms carry.
	User *didar.User
	CSRF string
}

// T returns a label in the page language.
func (p *page) T(key string) string { return p.h.labels.text(p.Lang, key) }

// Type, Quad, Status and Kind name codes in the page language.
func (p *page) Type(t didar.EventType) string { return p.T("type." + string(t)) }
func (p *page) Quad(q int) string             { return p.T("quad." + strconv.Itoa(q)) }
func (p *page) Status(s didar.Status) string  { return p.T("status." + string(s)) }
func (p *page) Kind(k didar.Kind) string      { return p.T("kind." + string(k)) }

// Name is an actor's name in the page language, else in the other.
func (p *page) Name(a didar.ActorRef) string {
	fa, en := a.NameFA, a.NameEN
	if p.Lang == "en" {
		fa, en = en, fa
	}
	switch {
	case fa != "":
		return fa
	case en != "":
		return en
	}
	return a.ID
}

// who is an event's actors as a table shows them: source → target for a
// directed type, the participants of a symmetric one.
type who struct {
	Directed       bool
	Source, Target didar.ActorRef // ID "" when the coder left it open
	Others         []didar.ActorRef
}

// Who arranges an event's actors (refs, the participants in order) by
// their roles in it.
func (p *page) Who(t didar.EventType, refs []didar.ActorRef, source, target didar.NullString) who {
	if t.Symmetric() || source == "" && target == "" {
		return who{Others: refs}
	}
	w := who{Directed: true, Source: didar.ActorRef{ID: string(source)}, Target: didar.ActorRef{ID: string(target)}}
	for _, r := range refs {
		switch r.ID {
		case w.Source.ID:
			w.Source = r
		case w.Target.ID:
			w.Target = r
		default:
			w.Others = append(w.Others, r)
		}
	}
	return w
}

// WhoOf is Who for a record's event, whose actors are ids named in names.
func (p *page) WhoOf(e didar.Event, names map[string]string) who {
	refs := make([]didar.ActorRef, 0, len(e.Participants))
	for _, id := range e.Participants {
		refs = append(refs, didar.ActorRef{ID: id, NameFA: names[id], NameEN: names[id]})
	}
	return p.Who(e.Type, refs, e.Source, e.Target)
}

// Arrow points from source to target in the reading direction.
func (p *page) Arrow() string {
	if p.Dir == "rtl" {
		return "←"
	}
	return "→"
}

// Sep separates the items of a list: the Persian comma on the Persian
// page.
func (p *page) Sep() string {
	if p.Lang == "fa" {
		return "، "
	}
	return ", "
}

// Num writes a number with Persian digits on the Persian page.
func (p *page) Num(v any) string {
	var s string
	switch n := v.(type) {
	case float64:
		s = strconv.FormatFloat(n, 'f', -1, 64)
	default:
		s = fmt.Sprint(v)
	}
	if p.Lang != "fa" {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune('۰' + r - '0')
		case r == '.':
			b.WriteRune('٫')
		case r == '-':
			b.WriteRune('−')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// With returns the current URL of path with one parameter set (or
// removed when value is empty), for pagination and sorting links.
func (p *page) With(path, key, value string) string {
	q := url.Values{}
	for k, v := range p.Query {
		if k != "lang" && k != "cursor" {
			q[k] = v
		}
	}
	if value == "" {
		q.Del(key)
	} else {
		q.Set(key, value)
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// DateValue refills a date field: in Solar Hijri with Persian digits on
// the Persian page (1404-06-06 as ۱۴۰۴-۰۶-۰۶), in ISO on the English one,
// and as typed when it is not a date.
func (p *page) DateValue(key string) string {
	v := p.Q(key)
	d, err := parseDay(v)
	if err != nil {
		return v
	}
	if p.Lang != "fa" {
		return d.String()
	}
	y, m, day := jalali.GregorianToSolar(d)
	if y == 0 {
		return d.String()
	}
	return p.Digits(fmt.Sprintf("%04d-%02d-%02d", y, m, day))
}

// Digits writes the digits of s in Persian on the Persian page and
// leaves the rest (a date's hyphens) as it is.
func (p *page) Digits(s string) string {
	if p.Lang != "fa" {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '۰' + r - '0'
		}
		return r
	}, s)
}

// Q returns a query parameter, for refilling forms.
func (p *page) Q(key string) string { return p.Query.Get(key) }

// QAt returns the i-th value of a repeated parameter (the dyad's sides).
func (p *page) QAt(key string, i int) string {
	vs := p.Query[key]
	if len(vs) == 1 && strings.Contains(vs[0], ",") {
		vs = strings.Split(vs[0], ",")
	}
	if i < len(vs) {
		return strings.TrimSpace(vs[i])
	}
	return ""
}

// Types lists the event types for the filter's options.
func (p *page) Types() []didar.EventType { return didar.EventTypes() }

// Statuses and Kinds list the choices of the correction forms.
func (p *page) Statuses() []didar.Status {
	return []didar.Status{didar.StatusOccurred, didar.StatusPlanned, didar.StatusPastReference}
}
func (p *page) Kinds() []didar.Kind {
	return []didar.Kind{didar.KindPerson, didar.KindOrganization, didar.KindCountry, didar.KindPlace, didar.KindGroup}
}

// Op names a correction's kind in the page language.
func (p *page) Op(op didar.CorrectionOp) string { return p.T("op." + string(op)) }

var pageNames = []string{"overview", "events", "event", "articles", "article", "actors", "actor", "dyad", "network", "error",
	"signin", "audit", "users", "curate"}

func (h *handler) parsePages() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"add": func(a, b int) int { return a + b },
		"seq": func(n int) []int {
			s := make([]int, n)
			for i := range s {
				s[i] = i
			}
			return s
		},
		"pct":     func(f float64) string { return strconv.FormatFloat(f*100, 'f', 0, 64) },
		"f1":      func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
		"str":     func(v any) string { return fmt.Sprint(v) },
		"date":    func(d didar.Date) string { return d.String() },
		"sub":     func(a, b float64) float64 { return a - b },
		"list":    func(v ...string) []string { return v },
		"has":     func(s []string, v string) bool { return slices.Contains(s, v) },
		"join":    func(s []string, sep string) string { return strings.Join(s, sep) },
		"summary": func(c didar.Correction) string { return c.Summary() },
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict: odd number of arguments")
			}
			m := map[string]any{}
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
	}
	pages := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/parts.html", "templates/corrections.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

func (h *handler) routesPages() {
	h.mux.HandleFunc("GET /static/", h.static)
	h.page("GET /{$}", h.overviewPage)
	h.page("GET /events", h.eventsPage)
	h.page("GET /events/{id}", h.eventPage)
	h.page("GET /articles", h.articlesPage)
	h.page("GET /articles/{id}", h.articlePage)
	h.page("GET /actors", h.actorsPage)
	h.page("GET /actors/{id}", h.actorPage)
	h.page("GET /dyads/{a}/{b}", h.dyadPage)
	h.page("GET /network", h.networkPage)
	h.page("GET /signin", h.signinForm)
	h.mux.HandleFunc("POST /signin", func(w http.ResponseWriter, r *http.Request) {
		if err := h.signin(w, r); err != nil {
			h.writeError(w, r, err)
		}
	})
	h.page("GET /audit", h.auditPage)
	h.page("GET /users", h.usersPage)
	h.page("GET /curate", h.curatePage)
	h.form("POST /signout", didar.RoleEditor, func(w http.ResponseWriter, r *http.Request, u *didar.User) (string, error) {
		return "", h.signout(w, r, u)
	})
	h.form("POST /articles/{id}/corrections", didar.RoleEditor, h.pageCorrect)
	h.form("POST /corrections/{id}/undo", didar.RoleEditor, h.pageUndo)
	h.form("POST /curate", didar.RoleEditor, h.pageCurate)
	h.form("POST /users", didar.RoleAdmin, h.pageAddUser)
	h.form("POST /users/{name}/delete", didar.RoleAdmin, h.pageRemoveUser)
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		h.writeError(w, r, didar.Errorf(didar.ENOTFOUND, "%s: no such page", r.URL.Path))
	})
}

// static serves the embedded files, and nothing else: no directory
// listing, and a name that is not a clean path (bad escapes, overlong
// UTF-8, "..") is not found rather than an internal error.
func (h *handler) static(w http.ResponseWriter, r *http.Request) {
	name := "static/" + strings.TrimPrefix(r.URL.Path, "/static/")
	if !utf8.ValidString(name) || !fs.ValidPath(name) {
		h.writeError(w, r, didar.Errorf(didar.ENOTFOUND, "%q: no such file", r.URL.Path))
		return
	}
	if fi, err := fs.Stat(staticFiles, name); err != nil || !fi.Mode().IsRegular() {
		h.writeError(w, r, didar.Errorf(didar.ENOTFOUND, "%s: no such file", r.URL.Path))
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeFileFS(w, r, staticFiles, name)
}

// pageFunc fills a page and names its template.
type pageFunc func(r *http.Request, p *page) (string, error)

func (h *handler) page(pattern string, f pageFunc) {
	h.pageRoutes = append(h.pageRoutes, pattern)
	h.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		p := h.newPage(w, r)
		name, err := f(r, p)
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		h.render(w, http.StatusOK, name, p)
	})
}

func (h *handler) newPage(w http.ResponseWriter, r *http.Request) *page {
	lang := language(r)
	p := &page{h: h, w: w, Lang: lang, Dir: "rtl", Path: r.URL.Path, Query: r.URL.Query()}
	if se := h.session(r); se != nil {
		p.User, p.CSRF = &se.User, se.CSRF
	}
	other := "en"
	if lang == "en" {
		p.Dir, other = "ltr", "fa"
	}
	q := r.URL.Query()
	q.Set("lang", other)
	p.LangURL = r.URL.Path + "?" + q.Encode()
	return p
}

// render executes into a buffer first, so that a template error is a
// clean 500 and not half a page.
func (h *handler) render(w http.ResponseWriter, status int, name string, p *page) {
	var buf bytes.Buffer
	if err := h.pages[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		h.log.Error("render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (h *handler) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	p := h.newPage(w, r)
	p.Title = p.T("error.title") + " " + strconv.Itoa(status)
	p.Data = msg
	h.render(w, status, "error", p)
}

// pageParams reads page filters; pages accept lang beside the API's
// parameters.
func pageParams(r *http.Request) *params { return newParams(r.URL.Query()) }

type overviewData struct {
	Stats  *didar.Stats
	ByType barChart
}

func (h *handler) overviewPage(r *http.Request, p *page) (string, error) {
	pp := pageParams(r)
	from, to := pp.dates()
	if err := pp.done("lang"); err != nil {
		return "", err
	}
	st, err := h.store.Stats(r.Context(), didar.StatsFilter{From: from, To: to})
	if err != nil {
		return "", err
	}
	p.Title, p.Nav = p.T("overview.title"), "overview"
	p.Data = overviewData{Stats: st, ByType: h.typeChart(p, st.ByType, "/events")}
	return "overview", nil
}

func (h *handler) typeChart(p *page, counts []didar.TypeCount, base string) barChart {
	items := make([]barItem, 0, len(counts))
	for _, c := range counts {
		items = append(items, barItem{Label: p.Type(c.Type), Href: p.With(base, "type", string(c.Type)), Count: c.Count})
	}
	c := newBarChart(p.Dir == "rtl", items, p.Num)
	c.Label = p.T("overview.bytype")
	return c
}

type eventsData struct {
	Page   *didar.EventPage
	CSV    string
	Net    string
	Filter didar.EventFilter
}

func (h *handler) eventsPage(r *http.Request, p *page) (string, error) {
	pp := pageParams(r)
	f := pp.eventFilter(h.opts.MaxLimit)
	if err := pp.done("lang"); err != nil {
		return "", err
	}
	ev, err := h.store.Events(r.Context(), f)
	if err != nil {
		return "", err
	}
	p.Title, p.Nav = p.T("events.title"), "events"
	q := r.URL.Query()
	q.Del("lang")
	q.Del("cursor")
	csv := "/api/events.csv"
	if len(q) > 0 {
		csv += "?" + q.Encode()
	}
	q.Del("limit")
	q.Del("sort")
	net := "/network"
	if len(q) > 0 {
		net += "?" + q.Encode()
	}
	p.Data = eventsData{Page: ev, CSV: csv, Net: net, Filter: f}
	return "events", nil
}

func (h *handler) eventPage(r *http.Request, p *page) (string, error) {
	e, err := h.store.Event(r.Context(), r.PathValue("id"))
	if err != nil {
		return "", err
	}
	p.Title, p.Nav = p.T("event.title")+": "+p.Type(e.Type), "events"
	p.Data = e
	return "event", nil
}

func (h *handler) articlesPage(r *http.Request, p *page) (string, error) {
	pp := pageParams(r)
	f := pp.articleFilter(h.opts.MaxLimit)
	if err := pp.done("lang"); err != nil {
		return "", err
	}
	page, err := h.store.Articles(r.Context(), f)
	if err != nil {
		return "", err
	}
	p.Title, p.Nav = p.T("articles.title"), "articles"
	p.Data = page
	return "articles", nil
}

type articleData struct {
	*ArticleDetail
	Segments []segment
	Names    map[string]string
	// History lists the article's corrections, newest first; Undoable
	// is the one an undo takes back (0: none).
	History  []didar.Correction
	Undoable int64
	Mentions []mentionRow
}

// mentionRow is one mention with its actor, for the mention forms.
type mentionRow struct {
	didar.Mention
	Actor string
}

func (h *handler) articlePage(r *http.Request, p *page) (string, error) {
	d, err := h.articleDetail(r, r.PathValue("id"))
	if err != nil {
		return "", err
	}
	names := map[string]string{}
	for _, a := range d.Actors {
		names[a.ID] = p.Name(didar.ActorRef{ID: a.ID, NameFA: a.NameFA, NameEN: string(a.NameEN)})
	}
	rec := &didar.Record{Actors: d.Actors, Events: d.Events, Quotes: d.Quotes}
	describe := func(kind string, i int) string {
		switch kind {
		case "actor":
			a := d.Actors[i]
			s := names[a.ID] + " (" + p.Kind(a.Kind)
			if a.Country != "" {
				s += p.Sep() + string(a.Country)
			}
			return s + ")"
		case "event":
			e := d.Events[i]
			var who []string
			for _, id := range e.Participants {
				who = append(who, names[id])
			}
			return p.Type(e.Type) + ": " + strings.Join(who, p.Sep())
		default:
			return p.T("article.speaker") + ": " + names[d.Quotes[i].Speaker]
		}
	}
	title := string(d.Title)
	if title == "" {
		title = p.T("article.title") + " " + d.ID
	}
	p.Title, p.Nav = title, "articles"
	data := articleData{ArticleDetail: d, Segments: segments(d.Text, rec, describe), Names: names}
	for i := len(d.corrections) - 1; i >= 0; i-- {
		c := d.corrections[i]
		data.History = append(data.History, c)
		if data.Undoable == 0 && c.Active() {
			data.Undoable = c.ID
		}
	}
	if p.User != nil {
		for _, a := range d.Actors {
			for _, m := range a.Mentions {
				data.Mentions = append(data.Mentions, mentionRow{Mention: m, Actor: a.ID})
			}
		}
		sort.Slice(data.Mentions, func(i, j int) bool { return data.Mentions[i].Start < data.Mentions[j].Start })
	}
	p.Data = data
	return "article", nil
}

func (h *handler) actorsPage(r *http.Request, p *page) (string, error) {
	pp := pageParams(r)
	f := pp.actorFilter(h.opts.MaxLimit)
	if err := pp.done("lang"); err != nil {
		return "", err
	}
	page, err := h.store.Actors(r.Context(), f)
	if err != nil {
		return "", err
	}
	p.Title, p.Nav = p.T("actors.title"), "actors"
	p.Data = page
	return "actors", nil
}

type actorData struct {
	*didar.ActorDetail
	ByType barChart
	Recent *didar.EventPage // not Events: that is the count
}

func (h *handler) actorPage(r *http.Request, p *page) (string, error) {
	id := r.PathValue("id")
	a, err := h.store.Actor(r.Context(), id)
	if err != nil {
		return "", err
	}
	ev, err := h.store.Events(r.Context(), didar.EventFilter{Actor: id, Limit: 20})
	if err != nil {
		return "", err
	}
	p.Title, p.Nav = p.Name(a.ActorRef), "actors"
	items := make([]barItem, 0, len(a.ByType))
	for _, c := range a.ByType {
		items = append(items, barItem{Label: p.Type(c.Type), Href: "/events?actor=" + url.QueryEscape(id) + "&type=" + string(c.Type), Count: c.Count})
	}
	c := newBarChart(p.Dir == "rtl", items, p.Num)
	c.Label = p.T("actor.bytype")
	p.Data = actorData{ActorDetail: a, ByType: c, Recent: ev}
	return "actor", nil
}

type dyadData struct {
	A, B   didar.ActorRef
	Series *didar.DyadSeries
	dyadChart
	Events *didar.EventPage
	More   string
}

func (h *handler) dyadPage(r *http.Request, p *page) (string, error) {
	pp := pageParams(r)
	from, to := pp.dates()
	if err := pp.done("lang"); err != nil {
		return "", err
	}
	a, b := r.PathValue("a"), r.PathValue("b")
	if a == b {
		return "", didar.Errorf(didar.EINVALID, "a dyad needs two different sides; both are %q", a)
	}
	s, err := h.store.Dyad(r.Context(), didar.DyadFilter{A: a, B: b, From: from, To: to})
	if err != nil {
		return "", err
	}
	ev, err := h.store.Events(r.Context(), didar.EventFilter{Dyad: [2]string{a, b}, From: from, To: to, Limit: 20})
	if err != nil {
		return "", err
	}
	// The chart and the table are made once for the months they show.
	c := h.charts.get(monthsKey(s.Months, p.Lang), func() dyadChart {
		t := newTimeline(s.Months)
		return dyadChart{Timeline: t, Bars: p.TimelineBars(t), Rows: p.DyadRows(s.Months)}
	})
	d := dyadData{A: h.side(r, a), B: h.side(r, b), Series: s, dyadChart: c, Events: ev}
	d.More = "/events?" + url.Values{"dyad": {a + "," + b}}.Encode()
	p.Title, p.Nav = p.Name(d.A)+" – "+p.Name(d.B), "events"
	p.Data = d
	return "dyad", nil
}

// side names one side of a dyad: an actor, else the bare code.
func (h *handler) side(r *http.Request, id string) didar.ActorRef {
	if a, err := h.store.Actor(r.Context(), id); err == nil {
		return a.ActorRef
	}
	return didar.ActorRef{ID: id}
}

type networkData struct {
	Drawing networkDrawing
	Filter  didar.EventFilter
	Events  string
}

func (h *handler) networkPage(r *http.Request, p *page) (string, error) {
	pp := pageParams(r)
	f := h.networkFilter(pp)
	minWeight := max(1, pp.int("min", 1, 1<<20))
	if err := pp.done("lang"); err != nil {
		return "", err
	}
	n, err := h.store.Network(r.Context(), f)
	if err != nil {
		return "", err
	}
	p.Title, p.Nav = p.T("network.title"), "network"
	q := r.URL.Query()
	q.Del("lang")
	q.Del("min")
	ev := "/events"
	if len(q) > 0 {
		ev += "?" + q.Encode()
	}
	// A drawing and its markup are made once for what they show.
	d := h.drawings.get(networkKey(n, p.Lang, minWeight), func() networkDrawing {
		d := drawNetwork(n, p.Name, p.Type, p.Num, minWeight, h.layouts)
		d.EdgesHTML, d.NodesHTML, d.ListHTML = p.NetworkEdges(d.Drawn), p.NetworkNodes(d.Nodes), p.NetworkList(d.Edges)
		return d
	})
	p.Data = networkData{Drawing: d, Filter: f, Events: ev}
	return "network", nil
}
