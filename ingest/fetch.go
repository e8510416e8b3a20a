package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// UserAgent says who is asking, so that a site can tell Didar apart and
// reach its operator.
const UserAgent = "Didar/0.1 (news event coder; +https://github.com/didar-news/didar)"

// Fetcher gets pages and feeds politely: one request at a time per host,
// a pause between them, a timeout and a size limit.
type Fetcher struct {
	Client    *http.Client
	UserAgent string
	MaxBytes  int64         // larger bodies fail; 0 means DefaultMaxBytes
	Delay     time.Duration // pause between two requests to one host

	mu    sync.Mutex
	hosts map[string]*hostGate
}

type hostGate struct {
	sync.Mutex
	last time.Time
}

// DefaultMaxBytes is the size limit of one file or response.
const DefaultMaxBytes = 20 << 20

// NewFetcher returns a Fetcher with a 30-second timeout and a one-second
// pause per host.
func NewFetcher() *Fetcher {
	return &Fetcher{Client: &http.Client{Timeout: 30 * time.Second}, UserAgent: UserAgent, Delay: time.Second}
}

// Response is a fetched body with the validators for the next
// conditional request.
type Response struct {
	URL          string // after redirects
	ContentType  string
	Body         []byte
	ETag         string
	LastModified string
	NotModified  bool // 304: Body is empty
}

// Validators are the ETag and Last-Modified of an earlier response.
type Validators struct {
	ETag, LastModified string
}

// Get fetches url. A status other than 200 (or 304 to a conditional
// request) is an error naming it.
func (f *Fetcher) Get(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("bad URL %q", rawURL)
	}
	gate := f.gate(u.Host)
	gate.Lock()
	defer gate.Unlock()
	if wait := f.Delay - time.Since(gate.last); wait > 0 && !gate.last.IsZero() {
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	defer func() { gate.last = time.Now() }()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	ua := f.UserAgent
	if ua == "" {
		ua = UserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml, text/html, application/json;q=0.9, */*;q=0.5")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	client := f.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	r := &Response{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"),
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified && (v.ETag != "" || v.LastModified != ""):
		r.NotModified = true
		r.ETag, r.LastModified = first(r.ETag, v.ETag), first(r.LastModified, v.LastModified)
		return r, nil
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	max := f.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if resp.ContentLength > max {
		return nil, fmt.Errorf("response of %d bytes is over the limit of %d", resp.ContentLength, max)
	}
	r.Body, err = io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(r.Body)) > max {
		return nil, fmt.Errorf("response is over the limit of %d bytes", max)
	}
	return r, nil
}

func (f *Fetcher) gate(host string) *hostGate {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.hosts == nil {
		f.hosts = map[string]*hostGate{}
	}
	g := f.hosts[host]
	if g == nil {
		g = &hostGate{}
		f.hosts[host] = g
	}
	return g
}

var errNoFetcher = errors.New("fetching URLs is off")
