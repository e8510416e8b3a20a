package web

import (
	"bytes"
	"net/http"
	"sync"
	"time"
)

// cache keeps the answers of GET /api/ requests for a short time. The
// corpus changes only when articles are ingested, and readers ask the
// same questions (the overview, a popular dyad) many times a second, so
// a few seconds of staleness buys a lot: under load one request computes
// an answer and the others that arrive meanwhile wait for it instead of
// running the same query. A write through this server clears it.
type cache struct {
	ttl time.Duration
	max int

	mu      sync.Mutex
	entries map[string]*cached
}

type cached struct {
	done    chan struct{} // closed when the answer is ready
	status  int
	ctype   string
	body    []byte
	expires time.Time
}

func newCache(ttl time.Duration, max int) *cache {
	return &cache{ttl: ttl, max: max, entries: map[string]*cached{}}
}

// serve answers r from the cache, or by next (storing a 200 answer).
func (c *cache) serve(w http.ResponseWriter, r *http.Request, next http.Handler) {
	key := r.URL.RequestURI()
	now := time.Now()
	c.mu.Lock()
	e, ok := c.entries[key]
	if ok && e.expires.IsZero() {
		// Being computed by another request: wait for it.
		c.mu.Unlock()
		select {
		case <-e.done:
			if e.status == http.StatusOK {
				e.write(w)
				return
			}
		case <-r.Context().Done():
		}
		next.ServeHTTP(w, r)
		return
	}
	if ok && now.Before(e.expires) {
		c.mu.Unlock()
		e.write(w)
		return
	}
	if len(c.entries) >= c.max {
		c.evict(now)
	}
	e = &cached{done: make(chan struct{})}
	c.entries[key] = e
	c.mu.Unlock()

	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	next.ServeHTTP(rec, r)
	e.status, e.ctype, e.body = rec.status, rec.Header().Get("Content-Type"), rec.buf.Bytes()
	c.mu.Lock()
	if e.status == http.StatusOK {
		e.expires = time.Now().Add(c.ttl)
	} else {
		delete(c.entries, key) // errors are not kept
	}
	c.mu.Unlock()
	close(e.done)
}

// evict drops expired answers, and everything if that is not enough.
// Called with mu held.
func (c *cache) evict(now time.Time) {
	for k, e := range c.entries {
		if !e.expires.IsZero() && now.After(e.expires) {
			delete(c.entries, k)
		}
	}
	if len(c.entries) >= c.max {
		for k, e := range c.entries {
			if !e.expires.IsZero() {
				delete(c.entries, k)
			}
		}
	}
}

// clear forgets every answer, after a write.
func (c *cache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.entries {
		if !e.expires.IsZero() {
			delete(c.entries, k)
		}
	}
}

func (e *cached) write(w http.ResponseWriter) {
	w.Header().Set("Content-Type", e.ctype)
	w.Header().Set("X-Didar-Cache", "hit")
	w.WriteHeader(e.status)
	w.Write(e.body)
}

// recorder passes a response through and keeps a copy of it.
type recorder struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
}

func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.buf.Write(b)
	return r.ResponseWriter.Write(b)
}
