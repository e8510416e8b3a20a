package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/dedup"
	"github.com/didar-news/didar/extract"
	"github.com/didar-news/didar/jalali"
)

// Coder codes one article; *extract.Extractor is one.
type Coder interface {
	Extract(extract.Input) (didar.Record, error)
}

// Ingester reads inputs, codes them and stores them.
type Ingester struct {
	Store didar.Store
	Coder Coder
	// Fetch gets URLs and feed item pages; nil refuses URLs.
	Fetch *Fetcher
	// MaxBytes limits one file, page or JSON line; 0 means
	// DefaultMaxBytes.
	MaxBytes int64
	// Workers code articles in parallel (the store saves one at a
	// time); 0 means one per CPU.
	Workers  int
	Progress Progress // nil: none
	Stdin    io.Reader
	// Published and Source stand in for the publication date and the
	// outlet of inputs that carry none (bare text files).
	Published didar.Date
	Source    string
}

// Failure is an input that could not be ingested, and why.
type Failure struct {
	Where  string `json:"where"`
	Reason string `json:"reason"`
}

// Summary counts what a run did.
type Summary struct {
	Ingested int `json:"ingested"`
	Present  int `json:"present"` // the same text was already stored
	Failed   int `json:"failed"`
	// Events counts the events coded in the ingested articles, one per
	// article that reports it: the store merges the reports of one
	// interaction into one event, so it may list fewer.
	Events int `json:"events"`
	// Undated counts those of Events that have no date (an article with
	// neither a dateline nor a publication date, and no date in the text).
	Undated  int       `json:"undated"`
	Failures []Failure `json:"failures"`
}

func (s *Summary) fail(where string, err error) {
	s.Failed++
	s.Failures = append(s.Failures, Failure{Where: where, Reason: err.Error()})
}

// source is one input named on the command line or found in a directory.
type source struct {
	where string
	path  string // file path; "" for stdin and URLs
	url   string
	stdin bool
	err   error // could not be listed
}

// expand lists the sources of targets: directories are walked
// recursively (hidden files and directories skipped, names in order).
// Anything but a regular file is refused with its reason: a named pipe
// or a device would block or never end, and a symbolic link inside a
// directory is not followed (it may lead out of the directory, or round
// in a loop).
func expand(targets []string) []source {
	var out []source
	for _, t := range targets {
		switch {
		case t == "-":
			out = append(out, source{where: "-", stdin: true})
		case isURL(t):
			out = append(out, source{where: t, url: t})
		default:
			info, err := os.Stat(t)
			if err != nil {
				out = append(out, source{where: t, err: err})
				continue
			}
			if !info.IsDir() {
				out = append(out, source{where: t, path: t, err: notRegular(info.Mode())})
				continue
			}
			err = filepath.WalkDir(t, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					out = append(out, source{where: p, err: err})
					return nil
				}
				if p != t && strings.HasPrefix(d.Name(), ".") {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				switch {
				case d.IsDir():
				case d.Type()&fs.ModeSymlink != 0:
					out = append(out, source{where: p, err: symlinkError(p)})
				default:
					out = append(out, source{where: p, path: p, err: notRegular(d.Type())})
				}
				return nil
			})
			if err != nil {
				out = append(out, source{where: t, err: err})
			}
		}
	}
	return out
}

// notRegular says why a file of mode m cannot be read as an article, or
// nil for a regular file.
func notRegular(m fs.FileMode) error {
	var what string
	switch {
	case m.IsRegular():
		return nil
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO); pipe it to standard input with - instead"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	default:
		what = "not a regular file"
	}
	return fmt.Errorf("refused: %s", what)
}

func symlinkError(p string) error {
	target, _ := os.Readlink(p)
	if _, err := os.Stat(p); err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return fmt.Errorf("refused: symbolic link loop (-> %s)", target)
		}
		return fmt.Errorf("refused: broken symbolic link (-> %s)", target)
	}
	return fmt.Errorf("refused: symbolic link (-> %s), not followed inside a directory; name the target to ingest it", target)
}

// coded is an item after coding, ready to save.
type coded struct {
	item   Item
	rec    didar.Record
	sketch []uint32
	seq    int  // the order it was read in
	last   bool // the last item of its source, for progress
}

// Run ingests every target (files, directories, "-" for standard input,
// URLs of pages or feeds). Failures of single inputs are in the summary;
// the error is for the run itself (the context cancelled, the store
// gone), and the summary then counts what was done before it.
func (g *Ingester) Run(ctx context.Context, targets []string) (*Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sources := expand(targets)
	if g.Progress != nil {
		g.Progress.Start(len(sources))
		defer g.Progress.Finish()
	}
	type tagged struct {
		Item
		seq  int
		last bool
	}
	items := make(chan tagged, 64)
	go func() {
		defer close(items)
		seq := 0
		for _, src := range sources {
			var pending *Item
			emit := func(it Item) {
				if pending != nil {
					select {
					case items <- tagged{Item: *pending, seq: seq}:
						seq++
					case <-ctx.Done():
					}
				}
				pending = &it
			}
			g.read(ctx, src, emit)
			if pending == nil { // a source with nothing in it still advances
				pending = &Item{Where: src.where, Err: errors.New("nothing to ingest")}
			}
			select {
			case items <- tagged{Item: *pending, seq: seq, last: true}:
				seq++
			case <-ctx.Done():
				return
			}
		}
	}()
	results := make(chan coded, 64)
	var wg sync.WaitGroup
	for range g.workers() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				g.fill(&it.Item)
				c := g.code(it.Item)
				c.seq, c.last = it.seq, it.last
				select {
				case results <- c:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	// Articles are saved in the order they were read, whichever worker
	// codes first, so that a run stores the same thing every time (which
	// of two articles comes first decides ids and examples).
	ordered := make(chan coded, 64)
	go func() {
		defer close(ordered)
		held := map[int]coded{}
		next := 0
		for c := range results {
			held[c.seq] = c
			for c, ok := held[next]; ok; c, ok = held[next] {
				delete(held, next)
				next++
				select {
				case ordered <- c:
				case <-ctx.Done():
				}
			}
		}
	}()

	sum := &Summary{Failures: []Failure{}}
	var runErr error
	stop := func(err error) {
		if runErr == nil {
			runErr = err
			cancel()
		}
	}
	for c := range ordered {
		// Whatever else is ready joins the batch: one commit for many
		// articles when they come fast, one each when they trickle in.
		batch := []coded{c}
	more:
		for len(batch) < batchSize {
			select {
			case c, ok := <-ordered:
				if !ok {
					break more
				}
				batch = append(batch, c)
			default:
				break more
			}
		}
		if runErr != nil {
			continue // drain
		}
		if err := ctx.Err(); err != nil {
			stop(err)
			continue
		}
		g.saveBatch(ctx, batch, sum, stop)
		for _, c := range batch {
			if c.last && g.Progress != nil {
				g.Progress.Step(sum)
			}
		}
	}
	if runErr == nil {
		runErr = ctx.Err() // cancelled while reading, before anything reached the store
	}
	if runErr != nil {
		return sum, fmt.Errorf("ingest stopped: %w", runErr)
	}
	return sum, nil
}

// batchSize is the most articles saved in one transaction.
const batchSize = 64

// saveBatch saves the coded items of a batch and counts them in sum;
// stop ends the run on an error of the store itself.
func (g *Ingester) saveBatch(ctx context.Context, batch []coded, sum *Summary, stop func(error)) {
	res, errs := g.saveAll(ctx, batch, func(err error) bool {
		switch {
		case ctx.Err() != nil:
			stop(ctx.Err())
		case didar.ErrorCode(err) == didar.EINTERNAL:
			// The store itself failed: stop rather than fail every
			// article after this one the same way.
			stop(err)
		default:
			return false
		}
		return true
	})
	for i, c := range batch {
		switch {
		case errs[i] != nil:
			sum.fail(c.item.Where, errs[i])
		case res[i].ID == "": // not saved: the run stopped
		case res[i].Created:
			sum.Ingested++
			sum.Events += res[i].Events
			for _, e := range c.rec.Events {
				if e.Date.IsZero() {
					sum.Undated++
				}
			}
		default:
			sum.Present++
		}
	}
}

// saveAll saves the coded items of a batch in one transaction; when the
// batch fails as a whole, its articles are saved one by one so that the
// failure is pinned to its article. It returns each item's result or
// error; when halt returns true for an error, saving stops there and the
// items not saved have neither.
func (g *Ingester) saveAll(ctx context.Context, batch []coded, halt func(error) bool) ([]didar.SaveResult, []error) {
	res, errs := make([]didar.SaveResult, len(batch)), make([]error, len(batch))
	var good []int
	for i, c := range batch {
		if c.item.Err != nil {
			errs[i] = c.item.Err
		} else {
			good = append(good, i)
		}
	}
	if len(good) > 1 {
		arts := make([]didar.NewArticle, len(good))
		for k, i := range good {
			arts[k] = newArticle(batch[i])
		}
		if rs, err := g.Store.SaveArticles(ctx, arts); err == nil {
			for k, i := range good {
				res[i] = rs[k]
			}
			return res, errs
		}
	}
	for _, i := range good {
		r, err := g.Store.SaveArticle(ctx, newArticle(batch[i]))
		if err != nil && halt(err) {
			break
		}
		res[i], errs[i] = r, err
	}
	return res, errs
}

// SaveItems codes items, Workers at a time, and saves them as Run does: the
// batch in one transaction, or one article at a time when it fails. It
// returns each item's result or the reason it failed, for a caller (a
// queue worker) that retries the failed items; only a cancelled ctx
// stops it early, failing the items not saved.
func (g *Ingester) SaveItems(ctx context.Context, items []Item) ([]didar.SaveResult, []error) {
	batch := make([]coded, len(items))
	sem := make(chan struct{}, g.workers())
	var wg sync.WaitGroup
	for i, it := range items {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			batch[i] = g.code(it)
		}()
	}
	wg.Wait()
	res, errs := g.saveAll(ctx, batch, func(error) bool { return ctx.Err() != nil })
	for i := range errs {
		if errs[i] == nil && res[i].ID == "" {
			errs[i] = fmt.Errorf("not saved: %w", ctx.Err())
		}
	}
	return res, errs
}

// Read reads every target as Run does and emits its items without
// coding or storing them, for a queue that hands them to workers. An
// input that cannot be read is emitted as an item with Err.
func (g *Ingester) Read(ctx context.Context, targets []string, emit func(Item)) {
	for _, src := range expand(targets) {
		if ctx.Err() != nil {
			return
		}
		n := 0
		g.read(ctx, src, func(it Item) { n++; g.fill(&it); emit(it) })
		if n == 0 {
			emit(Item{Where: src.where, Err: errors.New("nothing to ingest")})
		}
	}
}

// fill gives an item the run's publication date and source when it
// names none.
func (g *Ingester) fill(it *Item) {
	if it.Input.Published.IsZero() {
		it.Input.Published = g.Published
	}
	if it.Input.Source == "" {
		it.Input.Source = g.Source
	}
}

func (g *Ingester) workers() int {
	if g.Workers > 0 {
		return g.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// Save checks, codes and stores one article given whole (a submission to
// the API) under the rules of Run: the same check of its text
// (didar.CheckText) and its date from the dateline when none is given.
func Save(ctx context.Context, s didar.Store, c Coder, in extract.Input) (didar.SaveResult, error) {
	if err := didar.CheckText(in.Text); err != nil {
		return didar.SaveResult{}, didar.Errorf(didar.EINVALID, "text: %s", didar.ErrorMessage(err))
	}
	if in.Published.IsZero() {
		if d, _, ok := jalali.Dateline(in.Text); ok {
			in.Published = d
		}
	}
	cd := (&Ingester{Coder: c}).code(Item{Input: in, Raw: in.Text, Charset: charsetUTF8})
	if cd.item.Err != nil {
		return didar.SaveResult{}, cd.item.Err
	}
	return s.SaveArticle(ctx, newArticle(cd))
}

func newArticle(c coded) didar.NewArticle {
	return didar.NewArticle{Record: c.rec, Raw: c.item.Raw, Charset: c.item.Charset, Sketch: c.sketch}
}

// code extracts the record of an item; a coder that fails or panics
// fails the item alone.
func (g *Ingester) code(it Item) (c coded) {
	c.item = it
	if it.Err != nil {
		return c
	}
	defer func() {
		if r := recover(); r != nil {
			c.item.Err = fmt.Errorf("coder panicked: %v", r)
		}
	}()
	rec, err := g.Coder.Extract(it.Input)
	if err != nil {
		c.item.Err = fmt.Errorf("code: %w", err)
		return c
	}
	c.rec = rec
	c.sketch = dedup.Sketch(rec.Article.Text)
	return c
}

func (g *Ingester) maxBytes() int64 {
	if g.MaxBytes > 0 {
		return g.MaxBytes
	}
	return DefaultMaxBytes
}

// read emits the items of one source.
func (g *Ingester) read(ctx context.Context, src source, emit func(Item)) {
	switch {
	case src.err != nil:
		emit(Item{Where: src.where, Err: src.err})
	case src.stdin:
		if g.Stdin == nil {
			emit(Item{Where: "-", Err: errors.New("no standard input")})
			return
		}
		g.readStream(ctx, src.where, "", &ctxReader{ctx: ctx, r: g.Stdin}, "", emit)
	case src.url != "":
		g.readURL(ctx, src.url, emit)
	default:
		g.readFile(ctx, src.path, emit)
	}
}

func (g *Ingester) readFile(ctx context.Context, path string, emit func(Item)) {
	f, err := os.Open(path)
	if err != nil {
		emit(Item{Where: path, Err: err})
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		emit(Item{Where: path, Err: err})
		return
	}
	format := formatOf(path)
	// JSON Lines stream, and the limit applies to each line; any other
	// file is one document under the limit.
	if format != FormatJSONL && info.Size() > g.maxBytes() {
		emit(Item{Where: path, Err: fmt.Errorf("file of %d bytes is over the size limit of %d bytes", info.Size(), g.maxBytes())})
		return
	}
	g.readStream(ctx, path, idOf(path), f, format, emit)
}

// readStream reads one document, or JSON Lines, of the given format
// ("" to sniff it).
func (g *Ingester) readStream(ctx context.Context, where, id string, r io.Reader, format Format, emit func(Item)) {
	br := bufio.NewReaderSize(r, 64*1024)
	if format == "" {
		head, _ := br.Peek(4096)
		format = sniff(head)
		if format == FormatJSON && bytes.HasPrefix(bytes.TrimSpace(head), []byte("{")) && len(head) == 4096 {
			format = FormatJSONL // too long to check whole; lines are the streaming form
		}
	}
	if format == FormatJSONL {
		if err := readJSONL(where, br, int(g.maxBytes()), emit); err != nil {
			emit(Item{Where: where, Err: err})
		}
		return
	}
	b, err := io.ReadAll(io.LimitReader(br, g.maxBytes()+1))
	if err != nil {
		emit(Item{Where: where, Err: err})
		return
	}
	if int64(len(b)) > g.maxBytes() {
		emit(Item{Where: where, Err: fmt.Errorf("input is over the size limit of %d bytes", g.maxBytes())})
		return
	}
	g.readDoc(ctx, where, id, "", "", b, format, emit)
}

// readDoc reads one document already in memory.
func (g *Ingester) readDoc(ctx context.Context, where, id, contentType, pageURL string, b []byte, format Format, emit func(Item)) {
	switch format {
	case FormatText:
		emit(readText(where, id, b))
	case FormatJSON:
		readJSON(where, b, emit)
	case FormatJSONL:
		if err := readJSONL(where, bytes.NewReader(b), int(g.maxBytes()), emit); err != nil {
			emit(Item{Where: where, Err: err})
		}
	case FormatHTML:
		p, err := readHTML(b, contentType, pageURL)
		if err != nil {
			emit(Item{Where: where, Err: err})
			return
		}
		emit(Item{Where: where, Raw: p.HTML, Charset: p.Charset, Input: extract.Input{ID: id, URL: p.URL, Title: p.Title, Source: p.Site, Published: p.Published, Text: p.Text}})
	case FormatFeed:
		f, err := parseFeed(b)
		if err != nil {
			emit(Item{Where: where, Err: err})
			return
		}
		feedItems(ctx, where, f, g.Fetch, emit)
	}
}

func (g *Ingester) readURL(ctx context.Context, u string, emit func(Item)) {
	if g.Fetch == nil {
		emit(Item{Where: u, Err: errNoFetcher})
		return
	}
	resp, err := g.Fetch.Get(ctx, u, Validators{})
	if err != nil {
		emit(Item{Where: u, Err: err})
		return
	}
	format := sniff(resp.Body)
	ct := strings.ToLower(resp.ContentType)
	path := u
	if pu, err := url.Parse(u); err == nil {
		path = pu.Path
	}
	switch {
	case formatOf(path) == FormatFeed:
		format = FormatFeed // a feed URL that answers HTML is a broken feed, not a page
	case strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || (strings.Contains(ct, "xml") && format != FormatHTML):
		format = FormatFeed
	case strings.Contains(ct, "html"):
		format = FormatHTML
	case strings.Contains(ct, "json") && isJSONFeed(resp.Body):
		format = FormatFeed
	}
	g.readDoc(ctx, u, "", resp.ContentType, resp.URL, resp.Body, format, emit)
}

func isJSONFeed(b []byte) bool {
	return bytes.Contains(b[:min(len(b), 512)], []byte("jsonfeed.org"))
}

// ctxReader ends a read when ctx is done, for a reader that may block
// forever (a terminal, a pipe whose writer never closes it). An abandoned
// read goes on in the background, into a buffer of its own, until it
// returns; the run is over by then.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	type result struct {
		n   int
		err error
	}
	buf := make([]byte, len(p))
	done := make(chan result, 1)
	go func() {
		n, err := c.r.Read(buf)
		done <- result{n, err}
	}()
	select {
	case r := <-done:
		return copy(p, buf[:r.n]), r.err
	case <-c.ctx.Done():
		return 0, c.ctx.Err()
	}
}
