package web

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/export"
)

//go:embed openapi.json
var openapiDoc []byte

func (h *handler) healthz(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

func (h *handler) openapi(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openapiDoc)
	return nil
}

func (h *handler) apiEvents(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := p.eventFilter(h.opts.MaxLimit)
	if err := p.done(); err != nil {
		return err
	}
	page, err := h.store.Events(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

// csvRows caps a CSV download without a limit; larger exports are
// `didar export`'s job.
const csvRows = 10000

// apiEventsCSV writes the events as `didar export` does: limit rows from
// cursor on, or the first csvRows without a limit.
func (h *handler) apiEventsCSV(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := p.eventFilter(h.opts.MaxLimit)
	if err := p.done("lang"); err != nil {
		return err
	}
	if f.Sort == "" {
		f.Sort = didar.SortDateDesc // as /api/events, whose cursors these are
	}
	max := f.Limit
	if max == 0 {
		max = csvRows
	}
	cw := &csvResponse{w: w}
	_, err := export.CSVRows(r.Context(), cw, h.store, f, max)
	if err != nil && cw.started {
		// Headers are gone; the log keeps the cause and the file
		// ends short.
		level := slog.LevelError
		if r.Context().Err() == context.Canceled {
			level = slog.LevelDebug
		}
		h.log.Log(r.Context(), level, "events csv", "err", err)
		return nil
	}
	return err
}

// csvResponse sends the CSV headers with the first bytes, so that an
// error before them is still an error response.
type csvResponse struct {
	w       http.ResponseWriter
	started bool
}

func (c *csvResponse) Write(b []byte) (int, error) {
	if !c.started {
		c.started = true
		c.w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		c.w.Header().Set("Content-Disposition", `attachment; filename="didar-events.csv"`)
	}
	return c.w.Write(b)
}

func (h *handler) apiEvent(w http.ResponseWriter, r *http.Request) error {
	if err := newParams(r.URL.Query()).done(); err != nil {
		return err
	}
	e, err := h.store.Event(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, e)
	return nil
}

func (h *handler) apiActors(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := p.actorFilter(h.opts.MaxLimit)
	if err := p.done(); err != nil {
		return err
	}
	page, err := h.store.Actors(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

func (h *handler) apiActor(w http.ResponseWriter, r *http.Request) error {
	if err := newParams(r.URL.Query()).done(); err != nil {
		return err
	}
	a, err := h.store.Actor(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a)
	return nil
}

func (h *handler) apiArticles(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := p.articleFilter(h.opts.MaxLimit)
	if err := p.done(); err != nil {
		return err
	}
	page, err := h.store.Articles(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, page)
	return nil
}

// ArticleDetail is an article with its text and everything the coder
// found in it, as rune offsets into Text.
type ArticleDetail struct {
	didar.StoredArticle
	Actors []didar.Actor `json:"actors"`
	Events []didar.Event `json:"events"`
	Quotes []didar.Quote `json:"quotes"`
	Topics []string      `json:"topics"`
	// Unapplied lists the users' corrections that no longer apply (the
	// record above has the others applied); the history is at
	// /api/articles/{id}/corrections.
	Unapplied   []didar.Unapplied  `json:"unapplied,omitempty"`
	corrections []didar.Correction // for the page
}

func (h *handler) articleDetail(r *http.Request, id string) (*ArticleDetail, error) {
	a, err := h.store.Article(r.Context(), id)
	if err != nil {
		return nil, err
	}
	rec, cs, un, err := didar.CorrectedRecord(r.Context(), h.store, id)
	if err != nil {
		return nil, err
	}
	d := &ArticleDetail{StoredArticle: *a, Actors: rec.Actors, Events: rec.Events, Quotes: rec.Quotes, Topics: rec.Topics,
		Unapplied: un, corrections: cs}
	d.Raw = "" // the input as read is for recoding, not for readers
	if d.Actors == nil {
		d.Actors = []didar.Actor{}
	}
	if d.Events == nil {
		d.Events = []didar.Event{}
	}
	if d.Quotes == nil {
		d.Quotes = []didar.Quote{}
	}
	if d.Topics == nil {
		d.Topics = []string{}
	}
	return d, nil
}

func (h *handler) apiArticle(w http.ResponseWriter, r *http.Request) error {
	if err := newParams(r.URL.Query()).done(); err != nil {
		return err
	}
	d, err := h.articleDetail(r, r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

func (h *handler) apiIngest(w http.ResponseWriter, r *http.Request) error {
	if h.opts.Ingest == nil {
		return didar.Errorf(errNotImplemented, "this server was started without an ingester")
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return didar.Errorf(didar.EINVALID, "Content-Type %q: send the article as application/json", ct)
	}
	var s Submission
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return didar.Errorf(didar.EINVALID, "request body: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return didar.Errorf(didar.EINVALID, "request body: one JSON object expected")
	}
	if strings.TrimSpace(s.Text) == "" {
		return didar.Errorf(didar.EINVALID, "request body: text is empty")
	}
	res, err := h.opts.Ingest(r.Context(), s)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if res.Created {
		status = http.StatusCreated
		w.Header().Set("Location", "/api/articles/"+res.ID)
	}
	writeJSON(w, status, res)
	return nil
}

func (h *handler) apiReload(w http.ResponseWriter, r *http.Request) error {
	if h.opts.Reload == nil {
		return didar.Errorf(errNotImplemented, "this server was started without dictionaries to reload")
	}
	if err := h.opts.Reload(r.Context()); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "reloaded"})
	return nil
}

// apiDyads answers the monthly series of a dyad (a= and b=), or, with
// neither, the most active dyads.
func (h *handler) apiDyads(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if !q.Has("a") && !q.Has("b") {
		p := newParams(q)
		from, to := p.dates()
		if err := p.done(); err != nil {
			return err
		}
		st, err := h.store.Stats(r.Context(), didar.StatsFilter{From: from, To: to})
		if err != nil {
			return err
		}
		dyads := st.TopDyads
		if dyads == nil {
			dyads = []didar.DyadCount{}
		}
		writeJSON(w, http.StatusOK, map[string]any{"dyads": dyads})
		return nil
	}
	p := newParams(q)
	f := p.dyadFilter()
	if err := p.done(); err != nil {
		return err
	}
	s, err := h.store.Dyad(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, s)
	return nil
}

func (h *handler) networkFilter(p *params) didar.EventFilter {
	f := p.eventFilter(h.opts.MaxNetwork)
	if f.Cursor != "" {
		p.fail("a network has no pages: drop cursor")
	}
	if f.Limit == 0 {
		f.Limit = h.opts.MaxNetwork
	}
	return f
}

func (h *handler) apiNetwork(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	f := h.networkFilter(p)
	if err := p.done(); err != nil {
		return err
	}
	n, err := h.store.Network(r.Context(), f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, n)
	return nil
}

func (h *handler) apiStats(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL.Query())
	from, to := p.dates()
	if err := p.done(); err != nil {
		return err
	}
	st, err := h.store.Stats(r.Context(), didar.StatsFilter{From: from, To: to})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

func itoa(n int) string { return fmt.Sprint(n) }
