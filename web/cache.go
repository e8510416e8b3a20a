package web

import (
	"bytes"
	"net/http"
	"strings"
	"sync"
	"time"
)

// cache keeps the answers of GET requests (API answers and pages) for a
// short time. The
// corpus changes only when articles are ingested, and readers ask the
// same questions (the overview, a popular dyad) many times a second, so
// a few seconds of staleness buys a lot. Under load one request computes
// an answer while the others that arrive meanwhile wait for it (the first
// time) or get the previous answer (when it is being refreshed), so a
// slow query is run once per TTL and only one reader waits for it. A
// write through this server clears the cache.
type cache struct {
	ttl time.Duration
	max int

	mu      sync.Mutex
	entries map[string]*cached
}

// cached is one answer. Its fields are guarded by cache.mu.
type cached struct {
	done       chan struct{} // closed when the first answer is ready
	ready      bool
	answer     answer
	expires    time.Time
	refreshing bool
}

func newCache(ttl time.Duration, max int) *cache {
	return &cache{ttl: ttl, max: max, entries: map[string]*cached{}}
}

// serve answers r from the cache under key, or by next (keeping a 200
// answer).
func (c *cache) serve(w http.ResponseWriter, r *http.Request, key string, next http.Handler) {
	now := time.Now()
	c.mu.Lock()
	e, ok := c.entries[key]
	switch {
	case ok && !e.ready:
		// The first answer is being computed: wait for it.
		c.mu.Unlock()
		select {
		case <-e.done:
			c.mu.Lock()
			ready, a := e.ready, e.answer
			c.mu.Unlock()
			if ready {
				a.write(w)
				return
			}
		case <-r.Context().Done():
		}
		next.ServeHTTP(w, r)
		return
	case ok && (now.Before(e.expires) || e.refreshing):
		// Fresh, or stale while another request refreshes it.
		a := e.answer
		c.mu.Unlock()
		a.write(w)
		return
	case ok:
		e.refreshing = true
	default:
		if len(c.entries) >= c.max {
			c.evict(now)
		}
		e = &cached{done: make(chan struct{})}
		c.entries[key] = e
	}
	c.mu.Unlock()

	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	next.ServeHTTP(rec, r)

	c.mu.Lock()
	defer c.mu.Unlock()
	e.refreshing = false
	if rec.status == http.StatusOK && !strings.Contains(rec.Header().Get("Cache-Control"), "no-store") {
		e.answer = answer{rec.status, rec.Header().Clone(), rec.buf.Bytes()}
		e.expires = time.Now().Add(c.ttl)
		e.ready = true
	} else if !e.ready {
		delete(c.entries, key) // errors are not kept
	}
	if !isClosed(e.done) {
		close(e.done)
	}
}

func isClosed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// evict drops answers long expired, and every answer if that is not
// enough. Called with mu held.
func (c *cache) evict(now time.Time) {
	for k, e := range c.entries {
		if e.ready && !e.refreshing && now.After(e.expires.Add(c.ttl)) {
			delete(c.entries, k)
		}
	}
	if len(c.entries) >= c.max {
		for k, e := range c.entries {
			if e.ready && !e.refreshing {
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
		if e.ready {
			delete(c.entries, k)
		}
	}
}

// answer is a kept response; its body is replaced, never changed in
// place, so a copy of it can be written without the lock.
type answer struct {
	status int
	header http.Header
	body   []byte
}

func (a answer) write(w http.ResponseWriter) {
	for k, v := range a.header {
		if k != "Set-Cookie" {
			w.Header()[k] = v
		}
	}
	w.Header().Set("X-Didar-Cache", "hit")
	w.WriteHeader(a.status)
	w.Write(a.body)
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
