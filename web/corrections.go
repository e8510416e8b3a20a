package web

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/didar-news/didar"
)

// correctionInput is a correction as a form or an API client sends it:
// the event by its id in the record as corrected, the mention by its
// start, and only the fields that change.
type correctionInput struct {
	Op     string `json:"op"` // edit, swap, delete, check, add, relink, unlink, new-actor
	Reason string `json:"reason"`

	Event        string   `json:"event"`
	Type         string   `json:"type"`
	Source       string   `json:"source"`
	Target       string   `json:"target"`
	Participants []string `json:"participants"`
	Status       string   `json:"status"`
	Date         string   `json:"date"` // YYYY-MM-DD; "none" clears it
	Country      string   `json:"location_country"`
	Place        string   `json:"location_fa"`
	Span         string   `json:"span"`  // add: the evidence text
	Start        *int     `json:"start"` // add: where it starts, when the text has it more than once

	Mention *int   `json:"mention"` // the mention's start
	Actor   string `json:"actor"`   // relink: an actor id, or a name to look up
	// new-actor: the new dictionary entry.
	FA           string `json:"fa"` // names, separated by commas
	EN           string `json:"en"`
	Kind         string `json:"kind"`
	ActorCountry string `json:"country"`
	Sector       string `json:"sector"`
	Office       string `json:"office"` // an optional dated role
	Title        string `json:"title"`
	From         string `json:"from"`
	To           string `json:"to"`
}

// formInput reads a correction form.
func formInput(r *http.Request) correctionInput {
	f := r.PostForm
	in := correctionInput{Op: f.Get("op"), Reason: f.Get("reason"), Event: f.Get("event"), Type: f.Get("type"),
		Source: f.Get("source"), Target: f.Get("target"), Participants: f["participants"], Status: f.Get("status"),
		Date: f.Get("date"), Country: f.Get("location_country"), Place: f.Get("location_fa"), Span: f.Get("span"),
		Actor: f.Get("actor"), FA: f.Get("fa"), EN: f.Get("en"), Kind: f.Get("kind"), ActorCountry: f.Get("country"),
		Sector: f.Get("sector"), Office: f.Get("office"), Title: f.Get("title"), From: f.Get("from"), To: f.Get("to")}
	for _, k := range []struct {
		name string
		dst  **int
	}{{"start", &in.Start}, {"mention", &in.Mention}} {
		if n, err := strconv.Atoi(f.Get(k.name)); err == nil {
			*k.dst = &n
		}
	}
	return in
}

// correction turns an input into a correction of the record rec (as
// corrected so far).
func (h *handler) correction(ctx context.Context, rec *didar.Record, in correctionInput, u *didar.User) (didar.Correction, error) {
	c := didar.Correction{Article: rec.Article.ID, User: u.Name, Reason: strings.TrimSpace(in.Reason)}
	bad := func(format string, args ...any) error { return didar.Errorf(didar.EINVALID, format, args...) }
	var ev *didar.Event
	if in.Event != "" {
		i := slices.IndexFunc(rec.Events, func(e didar.Event) bool { return e.ID == in.Event })
		if i < 0 {
			return c, bad("the article has no event %q", in.Event)
		}
		before := rec.Events[i]
		ev = &before
	}
	needEvent := func() error {
		if ev == nil {
			return bad("%s needs an event", in.Op)
		}
		return nil
	}
	switch in.Op {
	case "edit", "swap", "delete", "check":
		if err := needEvent(); err != nil {
			return c, err
		}
		c.Before = &didar.Change{Event: ev}
		after := *ev
		after.Participants = slices.Clone(ev.Participants)
		switch in.Op {
		case "delete":
			c.Op = didar.OpDeleteEvent
			return c, nil
		case "check":
			c.Op = didar.OpCheckEvent
			return c, nil
		case "swap":
			if ev.Type.Symmetric() {
				return c, bad("a %s event has no direction to swap", ev.Type)
			}
			after.Source, after.Target = ev.Target, ev.Source
		default:
			if err := fillEvent(&after, in, rec.Article.Text); err != nil {
				return c, err
			}
		}
		c.Op, c.After = didar.OpEditEvent, &didar.Change{Event: &after}
	case "add":
		var e didar.Event
		if in.Status == "" {
			e.Status = didar.StatusOccurred
		}
		if in.Span == "" {
			return c, bad("a new event needs the span of text that reports it")
		}
		if err := fillEvent(&e, in, rec.Article.Text); err != nil {
			return c, err
		}
		e.Confidence, e.Rule, e.DatePrecision = 1, "correction", didar.PrecisionDay
		if e.Date.IsZero() {
			e.DatePrecision = didar.PrecisionNone
		}
		c.Op, c.After = didar.OpAddEvent, &didar.Change{Event: &e}
	case "relink", "unlink", "new-actor":
		from, m, err := mentionOf(rec, in.Mention)
		if err != nil {
			return c, err
		}
		c.Before = &didar.Change{Mention: &m, Actor: &didar.Actor{ID: from.ID, Kind: from.Kind, NameFA: from.NameFA, NameEN: from.NameEN}}
		switch in.Op {
		case "unlink":
			c.Op = didar.OpUnlink
		case "relink":
			to, err := h.findActor(ctx, in.Actor)
			if err != nil {
				return c, err
			}
			c.Op, c.After = didar.OpRelink, &didar.Change{Actor: to}
		default:
			e, err := newEntry(in)
			if err != nil {
				return c, err
			}
			a := &didar.Actor{ID: e.ID, Kind: e.Kind, NameFA: e.FA[0], NameEN: didar.NullString(e.EN), Country: didar.NullString(e.Country),
				Sector: didar.NullString(e.Sector), InDictionary: true, Roles: []string{}}
			c.Op, c.After = didar.OpNewActor, &didar.Change{Actor: a, Entry: &e}
		}
	default:
		return c, bad("unknown correction %q: want edit, swap, delete, check, add, relink, unlink or new-actor", in.Op)
	}
	return c, nil
}

// fillEvent sets the fields of e that in gives.
func fillEvent(e *didar.Event, in correctionInput, text string) error {
	bad := func(format string, args ...any) error { return didar.Errorf(didar.EINVALID, format, args...) }
	if in.Type != "" {
		t, err := didar.ParseEventType(in.Type)
		if err != nil {
			return bad("%v", err)
		}
		e.Type = t
	}
	if in.Status != "" {
		e.Status = didar.Status(in.Status)
	}
	switch in.Date {
	case "":
	case "none":
		e.Date, e.DatePrecision = didar.Date{}, didar.PrecisionNone
	default:
		d, err := didar.ParseDate(in.Date)
		if err != nil {
			return bad("date %q: want YYYY-MM-DD", in.Date)
		}
		// A form sends the date it showed: that keeps its precision.
		if d != e.Date {
			e.Date, e.DatePrecision = d, didar.PrecisionDay
		}
	}
	country, place := strings.ToUpper(strings.TrimSpace(in.Country)), strings.TrimSpace(in.Place)
	switch {
	case country == "-":
		e.Location = nil
	case country == "" && place == "":
	case e.Location != nil && string(e.Location.Country) == country && string(e.Location.NameFA) == place:
		// unchanged: keep its English name and venue
	default:
		e.Location = &didar.Location{Country: didar.NullString(country), NameFA: didar.NullString(place)}
	}
	if in.Participants != nil {
		var ps []string
		for _, p := range in.Participants {
			if p = strings.TrimSpace(p); p != "" && !slices.Contains(ps, p) {
				ps = append(ps, p)
			}
		}
		// The same set in the form's order is no change.
		a, b := slices.Clone(ps), slices.Clone(e.Participants)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			e.Participants = ps
		}
	}
	if in.Source != "" || in.Target != "" {
		e.Source, e.Target = didar.NullString(in.Source), didar.NullString(in.Target)
	}
	// The sides take part.
	for _, p := range []string{string(e.Source), string(e.Target)} {
		if p != "" && !slices.Contains(e.Participants, p) {
			e.Participants = append(e.Participants, p)
		}
	}
	if in.Span != "" {
		sp, ok := findSpan(text, in.Span, in.Start)
		if !ok {
			return bad("the text has no %q", in.Span)
		}
		e.Evidence = sp
	}
	return nil
}

// findSpan finds sub in text, at start when given, else its first
// occurrence, in runes.
func findSpan(text, sub string, start *int) (didar.Span, bool) {
	rs, ss := []rune(text), []rune(strings.TrimSpace(sub))
	if len(ss) == 0 {
		return didar.Span{}, false
	}
	at := func(i int) bool { return i >= 0 && i+len(ss) <= len(rs) && string(rs[i:i+len(ss)]) == string(ss) }
	if start != nil && at(*start) {
		return didar.Span{Start: *start, End: *start + len(ss), Text: string(ss)}, true
	}
	for i := range rs {
		if at(i) {
			return didar.Span{Start: i, End: i + len(ss), Text: string(ss)}, true
		}
	}
	return didar.Span{}, false
}

func mentionOf(rec *didar.Record, start *int) (didar.Actor, didar.Mention, error) {
	if start == nil {
		return didar.Actor{}, didar.Mention{}, didar.Errorf(didar.EINVALID, "a mention correction needs the mention's start")
	}
	for _, a := range rec.Actors {
		for _, m := range a.Mentions {
			if m.Start == *start {
				return a, m, nil
			}
		}
	}
	return didar.Actor{}, didar.Mention{}, didar.Errorf(didar.EINVALID, "no mention starts at %d", *start)
}

// findActor finds the actor a relink names: by id, else by a search
// that must find one actor.
func (h *handler) findActor(ctx context.Context, q string) (*didar.Actor, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, didar.Errorf(didar.EINVALID, "relink to which actor? give its id or name")
	}
	ref, err := h.store.Actor(ctx, q)
	if err != nil && didar.ErrorCode(err) != didar.ENOTFOUND {
		return nil, err
	}
	if err != nil {
		page, err := h.store.Actors(ctx, didar.ActorFilter{Q: q, Limit: 6})
		if err != nil {
			return nil, err
		}
		var dict []didar.ActorSummary
		for _, a := range page.Actors {
			if a.InDictionary {
				dict = append(dict, a)
			}
		}
		if len(dict) != 1 {
			var ids []string
			for _, a := range dict {
				ids = append(ids, a.ID)
			}
			return nil, didar.Errorf(didar.EINVALID, "%q names %d dictionary actors (%s): give one id", q, len(dict), strings.Join(ids, ", "))
		}
		return &didar.Actor{ID: dict[0].ID, Kind: dict[0].Kind, NameFA: dict[0].NameFA, NameEN: didar.NullString(dict[0].NameEN),
			Country: didar.NullString(dict[0].Country), Sector: didar.NullString(dict[0].Sector), InDictionary: true, Roles: []string{}}, nil
	}
	a := ref.ActorSummary
	return &didar.Actor{ID: a.ID, Kind: a.Kind, NameFA: a.NameFA, NameEN: didar.NullString(a.NameEN), Country: didar.NullString(a.Country),
		Sector: didar.NullString(a.Sector), InDictionary: a.InDictionary, Roles: []string{}}, nil
}

// newEntry builds a dictionary entry from the new-actor fields; its id
// is a slug of the English name, else of the Persian one.
func newEntry(in correctionInput) (didar.Entry, error) {
	bad := func(format string, args ...any) error { return didar.Errorf(didar.EINVALID, format, args...) }
	e := didar.Entry{Kind: didar.Kind(in.Kind), EN: strings.TrimSpace(in.EN), Country: strings.ToUpper(strings.TrimSpace(in.ActorCountry)), Sector: strings.ToUpper(strings.TrimSpace(in.Sector))}
	e.FA = didar.SplitNames(in.FA)
	if len(e.FA) == 0 {
		return e, bad("a new actor needs a Persian name")
	}
	switch e.Kind {
	case didar.KindPerson, didar.KindOrganization, didar.KindCountry, didar.KindPlace, didar.KindGroup:
	default:
		return e, bad("kind %q: want person, organization, country, place or group", in.Kind)
	}
	e.ID = slug(e.EN)
	if e.ID == "" {
		e.ID = slug(e.FA[0])
	}
	if in.Office != "" || in.Title != "" {
		r := didar.Role{Office: strings.TrimSpace(in.Office), Title: strings.TrimSpace(in.Title), Country: e.Country, Sector: e.Sector}
		for _, d := range []struct {
			s   string
			dst *didar.Date
		}{{in.From, &r.From}, {in.To, &r.To}} {
			if d.s == "" {
				continue
			}
			v, err := didar.ParseDate(strings.TrimSpace(d.s))
			if err != nil {
				return e, bad("role date %q: want YYYY-MM-DD", d.s)
			}
			*d.dst = v
		}
		e.Roles = []didar.Role{r}
	}
	return e, nil
}

// slug is a lower-case id of letters and digits joined by hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// correct makes the correction of an article that in describes.
func (h *handler) correct(ctx context.Context, article string, in correctionInput, u *didar.User) (didar.Correction, error) {
	rec, _, _, err := didar.CorrectedRecord(ctx, h.store, article)
	if err != nil {
		return didar.Correction{}, err
	}
	c, err := h.correction(ctx, rec, in, u)
	if err != nil {
		return c, err
	}
	c, err = h.store.Correct(ctx, c)
	if err == nil {
		h.log.Info("correction", "id", c.ID, "user", u.Name, "article", article, "op", c.Op)
	}
	return c, err
}

// API

func decodeJSON(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return didar.Errorf(didar.EINVALID, "Content-Type %q: send application/json", ct)
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return didar.Errorf(didar.EINVALID, "request body: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return didar.Errorf(didar.EINVALID, "request body: one JSON object expected")
	}
	return nil
}

func (h *handler) apiCorrect(w http.ResponseWriter, r *http.Request, u *didar.User) error {
	var in correctionInput
	if err := decodeJSON(r, &in); err != nil {
		return err
	}
	c, err := h.correct(r.Context(), r.PathValue("id"), in, u)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, c)
	return nil
}

func (h *handler) apiUndo(w http.ResponseWriter, r *http.Request, u *didar.User) error {
	var in struct {
		Reason string `json:"reason"`
	}
	if r.ContentLength != 0 {
		if err := decodeJSON(r, &in); err != nil {
			return err
		}
	}
	c, err := h.undo(r, u, in.Reason)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, c)
	return nil
}

func (h *handler) undo(r *http.Request, u *didar.User, reason string) (didar.Correction, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return didar.Correction{}, didar.Errorf(didar.ENOTFOUND, "no correction %q", r.PathValue("id"))
	}
	c, err := h.store.Undo(r.Context(), id, u.Name, strings.TrimSpace(reason))
	if err == nil {
		h.log.Info("undo", "id", id, "user", u.Name, "article", c.Article)
	}
	return c, err
}

// History is the correction history of an article or an event.
type History struct {
	Corrections []didar.Correction `json:"corrections"`
	// Unapplied are the corrections that no longer apply to the record.
	Unapplied []didar.Unapplied `json:"unapplied"`
}

func (h *handler) apiArticleCorrections(w http.ResponseWriter, r *http.Request) error {
	if err := newParams(r.URL.Query()).done(); err != nil {
		return err
	}
	_, cs, un, err := didar.CorrectedRecord(r.Context(), h.store, r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, History{Corrections: nonNil(cs), Unapplied: nonNil(un)})
	return nil
}

// apiEventCorrections lists the corrections that made the event's
// reports what they are, and the checks that confirmed them.
func (h *handler) apiEventCorrections(w http.ResponseWriter, r *http.Request) error {
	if err := newParams(r.URL.Query()).done(); err != nil {
		return err
	}
	e, err := h.store.Event(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	hist := History{Corrections: []didar.Correction{}, Unapplied: []didar.Unapplied{}}
	for _, rep := range e.Reports {
		if len(rep.Corrections) == 0 && !rep.Checked {
			continue
		}
		cs, err := didar.ArticleCorrections(r.Context(), h.store, rep.ArticleID)
		if err != nil {
			return err
		}
		for _, c := range cs {
			checked := rep.Checked && c.Op == didar.OpCheckEvent && c.Active() && c.Before.Event.ID == rep.LocalID
			if slices.Contains(rep.Corrections, c.ID) || checked {
				hist.Corrections = append(hist.Corrections, c)
			}
		}
	}
	writeJSON(w, http.StatusOK, hist)
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// correctionFilter reads the audit's filters.
func correctionFilter(p *params, maxLimit int) didar.CorrectionFilter {
	from, to := p.dates()
	return didar.CorrectionFilter{User: p.str("user"), Article: p.str("article"), From: from, To: to,
		Cursor: p.str("cursor"), Limit: p.int("limit", 1, maxLimit)}
}

func (h *handler) apiCorrections(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := correctionFilter(p, h.opts.MaxLimit)
	if err := p.done(); err != nil {
		return err
	}
	page, err := h.store.Corrections(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

// Pages

// form wraps a page's POST handler: errors are pages, success a
// redirect.
func (h *handler) form(pattern string, role didar.UserRole, f func(w http.ResponseWriter, r *http.Request, u *didar.User) (string, error)) {
	h.writes = append(h.writes, pattern)
	guarded := h.as(role, func(w http.ResponseWriter, r *http.Request, u *didar.User) error {
		to, err := f(w, r, u)
		if err != nil {
			return err
		}
		if to != "" {
			http.Redirect(w, r, to, http.StatusSeeOther)
		}
		return nil
	})
	h.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if err := guarded(w, r); err != nil {
			h.writeError(w, r, err)
		}
	})
}

func (h *handler) pageCorrect(w http.ResponseWriter, r *http.Request, u *didar.User) (string, error) {
	id := r.PathValue("id")
	c, err := h.correct(r.Context(), id, formInput(r), u)
	if err != nil {
		return "", err
	}
	return "/articles/" + url.PathEscape(id) + "?done=" + strconv.FormatInt(c.ID, 10) + "#corrections", nil
}

func (h *handler) pageUndo(w http.ResponseWriter, r *http.Request, u *didar.User) (string, error) {
	c, err := h.undo(r, u, r.PostFormValue("reason"))
	if err != nil {
		return "", err
	}
	return "/articles/" + url.PathEscape(c.Article) + "#corrections", nil
}

type auditData struct {
	Page   *didar.CorrectionPage
	Filter didar.CorrectionFilter
}

func (h *handler) auditPage(r *http.Request, p *page) (string, error) {
	pp := pageParams(r)
	f := correctionFilter(pp, h.opts.MaxLimit)
	if err := pp.done("lang"); err != nil {
		return "", err
	}
	page, err := h.store.Corrections(r.Context(), f)
	if err != nil {
		return "", err
	}
	p.Title, p.Nav = p.T("audit.title"), "audit"
	p.Data = auditData{Page: page, Filter: f}
	return "audit", nil
}
