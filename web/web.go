package web

import (
	"context"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/didar-news/didar"
)

// Submission is an article sent to POST /api/articles.
type Submission struct {
	ID        string     `json:"id"`
	Source    string     `json:"source"`
	URL       string     `json:"url"`
	Title     string     `json:"title"`
	Published didar.Date `json:"published"`
	Text      string     `json:"text"`
}

// Options configure the handler. Zero values get the defaults noted.
type Options struct {
	// Token is the bearer token that writing needs. Empty: the server is
	// read-only and every write is refused.
	Token string
	// Logger receives one line per request and every internal error
	// (default: slog.Default()).
	Logger *slog.Logger
	// Timeout bounds each request's work (default 10 s).
	Timeout time.Duration
	// MaxBody bounds request bodies in bytes (default 1 MiB).
	MaxBody int64
	// MaxLimit is the largest page a client may ask for (default
	// didar.MaxLimit); more is a 400, not a silent cut.
	MaxLimit int
	// MaxNetwork caps the edges of a network (default 300): the layout
	// and the drawing grow with them.
	MaxNetwork int
	// CacheTTL is how long an answer to a GET (API or page) may be served again
	// from memory (0: no cache). Writes through this server clear it;
	// writes by other processes show after at most CacheTTL.
	CacheTTL time.Duration
	// Ingest extracts and stores one article (POST /api/articles). Nil:
	// the endpoint answers 501.
	Ingest func(ctx context.Context, a Submission) (didar.SaveResult, error)
	// Reload reads the dictionaries again (POST /api/reload). Nil: the
	// endpoint answers 501.
	Reload func(ctx context.Context) error
}

func (o *Options) defaults() {
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.MaxBody <= 0 {
		o.MaxBody = 1 << 20
	}
	if o.MaxLimit <= 0 {
		o.MaxLimit = didar.MaxLimit
	}
	if o.MaxNetwork <= 0 {
		o.MaxNetwork = 300
	}
}

// handler serves the API and the pages over one store.
type handler struct {
	store  didar.Store
	opts   Options
	log    *slog.Logger
	pages  map[string]*template.Template
	labels labels
	mux    *http.ServeMux
	cache  *cache // nil when off
	// layouts and drawings keep the placed nodes and the whole drawings
	// of recent networks, cache or not.
	layouts  *layouts
	drawings *keep[networkDrawing]
	charts   *keep[dyadChart] // a dyad's timeline and table
	// routes lists the API patterns, for the OpenAPI check; writes
	// the pages' forms, for the test that each refuses a stranger.
	routes     []string
	writes     []string
	pageRoutes []string // the page patterns, for the test of hostile input
	signins    *limiter
}

// New returns the handler of the API and the pages over store. It fails
// only if an embedded file is broken.
func New(store didar.Store, opts Options) (http.Handler, error) {
	opts.defaults()
	h := &handler{store: store, opts: opts, log: opts.Logger, mux: http.NewServeMux(), signins: newLimiter(5, 10*time.Minute), layouts: newLayouts(64), drawings: newKeep[networkDrawing](32), charts: newKeep[dyadChart](256)}
	var err error
	if h.labels, err = loadLabels(); err != nil {
		return nil, err
	}
	if h.pages, err = h.parsePages(); err != nil {
		return nil, err
	}
	if opts.CacheTTL > 0 {
		h.cache = newCache(opts.CacheTTL, 1024)
	}
	h.routesAPI()
	h.routesPages()
	return h, nil
}

func (h *handler) api(pattern string, f func(w http.ResponseWriter, r *http.Request) error) {
	h.routes = append(h.routes, pattern)
	h.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if err := f(w, r); err != nil {
			h.writeError(w, r, err)
		}
	})
}

func (h *handler) routesAPI() {
	h.api("GET /healthz", h.healthz)
	h.api("GET /api/openapi.json", h.openapi)
	h.api("GET /api/events", h.apiEvents)
	h.api("GET /api/events.csv", h.apiEventsCSV)
	h.api("GET /api/events/{id}", h.apiEvent)
	h.api("GET /api/actors", h.apiActors)
	h.api("GET /api/actors/{id}", h.apiActor)
	h.api("GET /api/articles", h.apiArticles)
	h.api("POST /api/articles", h.write(h.apiIngest))
	h.api("GET /api/articles/{id}", h.apiArticle)
	h.api("GET /api/dyads", h.apiDyads)
	h.api("GET /api/network", h.apiNetwork)
	h.api("GET /api/stats", h.apiStats)
	h.api("POST /api/reload", h.write(h.apiReload))
	h.api("GET /api/articles/{id}/corrections", h.apiArticleCorrections)
	h.api("POST /api/articles/{id}/corrections", h.as(didar.RoleEditor, h.apiCorrect))
	h.api("GET /api/events/{id}/corrections", h.apiEventCorrections)
	h.api("GET /api/corrections", h.apiCorrections)
	h.api("POST /api/corrections/{id}/undo", h.as(didar.RoleEditor, h.apiUndo))
	h.api("GET /api/users", h.as(didar.RoleAdmin, h.apiUsers))
	h.api("POST /api/users", h.as(didar.RoleAdmin, h.apiAddUser))
	h.api("DELETE /api/users/{name}", h.as(didar.RoleAdmin, h.apiRemoveUser))
	// Anything else under /api/ is a JSON 404, not the HTML one.
	h.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		h.writeError(w, r, didar.Errorf(didar.ENOTFOUND, "no API route %s %s", r.Method, r.URL.Path))
	})
}

// ServeHTTP bounds the request's time and body, recovers from panics and
// logs one line per request.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.Timeout)
	defer cancel()
	r = r.WithContext(ctx)
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, h.opts.MaxBody)
	}
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	sw.Header().Set("X-Content-Type-Options", "nosniff")
	sw.Header().Set("Referrer-Policy", "same-origin")
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			h.log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v))
			if !sw.wrote {
				h.writeError(sw, r, fmt.Errorf("panic: %v", v))
			}
		}
		h.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "duration", time.Since(start))
	}()
	if !strings.HasPrefix(r.URL.Path, "/api/") {
		rememberLanguage(sw, r)
	}
	if key := h.cacheKey(r); key != "" {
		h.cache.serve(sw, r, key, h.mux)
		return
	}
	h.mux.ServeHTTP(sw, r)
}

// cacheKey names the answer to r in the cache, or is "" for requests
// that must not be cached: writes, downloads and static files (the
// browser caches those). The key is the path and the query in one order,
// so that reordering parameters does not miss the cache; a page's key
// holds its language (from ?lang= or the cookie) in place of ?lang=.
func (h *handler) cacheKey(r *http.Request) string {
	if h.cache == nil || r.Method != http.MethodGet {
		return ""
	}
	p := r.URL.Path
	q := r.URL.Query()
	switch {
	case p == "/api/events.csv" || strings.HasPrefix(p, "/static/"):
		return ""
	case r.Header.Get("Authorization") != "" || hasCookie(r, sessionCookie) || p == "/signin":
		// What a user sees signed in (names, forms and their tokens) is
		// theirs: never kept, never given to another.
		return ""
	case strings.HasPrefix(p, "/api/"):
		return "api " + p + "?" + q.Encode()
	}
	lang := language(r)
	if contains(languages, q.Get("lang")) {
		q.Del("lang")
	}
	return "page " + lang + " " + p + "?" + q.Encode()
}

func hasCookie(r *http.Request, name string) bool {
	c, err := r.Cookie(name)
	return err == nil && c.Value != ""
}

type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// errReadOnly is the code of a write refused because no token is set.
const errReadOnly = "read_only"
