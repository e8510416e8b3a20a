package extract

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/actors"
	"github.com/didar-news/didar/furniture"
	"github.com/didar-news/didar/jalali"
	"github.com/didar-news/didar/normalize"
)

// Version names the coder that produced a record; stored records made by
// another version are candidates for `didar recode`.
const Version = "didar-extract/0.2"

// Input is one article as read from a file, a page or a feed.
type Input struct {
	ID        string
	Source    string
	URL       string
	Title     string
	Published didar.Date
	Text      string // raw text; Extract normalises it
}

// Extractor codes articles. It is safe for concurrent use.
type Extractor struct {
	dict *actors.Dictionary
	lex  *Lexicon
	norm *normalize.Normalizer
	// cities maps the key of the bare name of each place the dictionary
	// names as "شهر X" (X a common word: آستانه, دوشنبه) to its id.
	cities map[string]string
}

// New returns an Extractor over a dictionary and a lexicon (nil: the
// embedded one).
func New(dict *actors.Dictionary, lex *Lexicon) (*Extractor, error) {
	if dict == nil {
		return nil, fmt.Errorf("extract: no dictionary")
	}
	if lex == nil {
		var err error
		if lex, err = LoadLexicon(); err != nil {
			return nil, err
		}
	}
	norm, err := lex.normalizer(dict)
	if err != nil {
		return nil, err
	}
	return &Extractor{dict: dict, lex: lex, norm: norm, cities: bareCities(dict)}, nil
}

// bareCities lists the places named "شهر X" in one word X whose bare name
// the dictionary does not hold (it is a common word).
func bareCities(dict *actors.Dictionary) map[string]string {
	m := map[string]string{}
	named := map[string]bool{}
	for _, e := range dict.Entries() {
		for _, n := range e.FA {
			named[normalize.Key(n)] = true
		}
	}
	for _, e := range dict.Entries() {
		if e.Kind != didar.KindPlace {
			continue
		}
		for _, n := range e.FA {
			f := strings.Fields(normalize.Key(n))
			if len(f) == 2 && f[0] == "شهر" && !named[f[1]] {
				m[f[1]] = e.ID
			}
		}
	}
	return m
}

// Extract returns the record of in. The text must be valid UTF-8. A text
// longer than window is coded in pieces (see extractLong).
func (x *Extractor) Extract(in Input) (didar.Record, error) {
	if !utf8.ValidString(in.Text) {
		return didar.Record{}, didar.Errorf(didar.EINVALID, "article %s: text is not valid UTF-8", in.ID)
	}
	if len(in.Text) > window {
		return x.extractLong(in)
	}
	return x.extract(in)
}

// extract codes one piece of text.
func (x *Extractor) extract(in Input) (didar.Record, error) {
	text := x.norm.Text(in.Text)
	if strings.TrimSpace(text) == "" {
		return didar.Record{}, didar.Errorf(didar.EINVALID, "article %s: no text", in.ID)
	}
	// The analysis reads the text with its page furniture blanked out, rune
	// for rune, so that offsets into it are offsets into the stored text.
	page := furniture.Find(text)
	work := page.Mask(text)
	if in.Published.IsZero() && !page.Published.IsZero() {
		in.Published = didar.DateOf(page.Published)
	}
	a := &article{x: x, text: work, runes: []rune(work), self: -1}
	a.rec.Article = didar.Article{
		ID:        in.ID,
		Source:    didar.NullString(in.Source),
		URL:       didar.NullString(in.URL),
		Title:     didar.NullString(in.Title),
		Published: in.Published,
		Text:      text,
	}
	a.run()
	a.rec.Coder = Version
	return a.rec, nil
}

// article is the working state of one extraction.
type article struct {
	x     *Extractor
	text  string
	runes []rune
	rec   didar.Record

	date didar.Date // publication date, or the dateline's
	// leadDate is the date of the occasion the article reports, read from
	// its first event: the events of the same occasion share it.
	leadDate      didar.Date
	leadPrecision didar.Precision
	toks          []tok
	links         []actors.Link
	actors        map[string]didar.Actor
	dates         []jalali.Expr
	used          map[string]bool // actor ids referenced by events and quotes
	dateFrom      []dateSource    // by event, until merging: where its date came from

	subject []int    // the discourse subject: mention indexes of the last sentence subject
	self    int      // in a quoted clause, the speaker's mention, whom من and ما stand for; -1 elsewhere
	cueHits []cueHit // the lexicon's cues at each token of allKeys, found once

	allKeys   []string // the key of every token, for the lexicon's lookups
	topicHits []topicHit
	dateline  *didar.Location // the place a dateline names
}

// tok is one word of the text with its matching key; mention is the index
// of the actor mention covering it, or -1.
type tok struct {
	start, end int
	key        string
	mention    int
	verb       bool // a finite or light verb, which closes a clause
}

func (a *article) run() {
	rec := &a.rec
	rec.Article.Via = []string{}
	a.readMeta()
	a.date = rec.Article.Published
	if a.date.IsZero() {
		if d, _, ok := jalali.Dateline(a.text); ok {
			a.date = d
			rec.Article.Published = d
		}
	}
	res := a.x.dict.Link(a.text, a.date)
	a.links = res.Links
	a.actors = res.Actors
	a.dates = jalali.Find(a.text, a.date)
	a.tokenize()
	a.findTopics()
	a.readDateline()
	a.used = map[string]bool{}

	sents := normalize.Sentences(a.text)
	a.readLead(sents)
	for _, s := range sents {
		a.sentence(s.Start, s.End)
	}
	a.tripDates()
	a.dropCallVerbs()
	a.mergeEvents()
	a.placeMeetings()
	a.finish()
}

func (a *article) tokenize() {
	words := normalize.Words(a.text)
	a.toks = make([]tok, 0, len(words))
	a.allKeys = make([]string, 0, len(words))
	li := 0
	for _, w := range words {
		for li < len(a.links) && a.links[li].End <= w.Start {
			li++
		}
		m := -1
		if li < len(a.links) && a.links[li].Start <= w.Start && w.End <= a.links[li].End+1 {
			m = li
		}
		k := normalize.Key(w.Text)
		// A word of a name ("میرضیایف") is never a verb.
		a.toks = append(a.toks, tok{start: w.Start, end: w.End, key: k, mention: m, verb: m < 0 && a.x.lex.verbKey(k)})
		a.allKeys = append(a.allKeys, k)
	}
}

// span returns the text of runes [start, end).
func (a *article) span(start, end int) didar.Span {
	start = max(0, start)
	end = min(len(a.runes), end)
	if start > end {
		start = end
	}
	return didar.Span{Start: start, End: end, Text: string(a.runes[start:end])}
}

// finish fills the record's actors (those mentioned, in order of first
// mention) and topics, and drops nothing the events and quotes refer to.
func (a *article) finish() {
	rec := &a.rec
	seen := map[string]bool{}
	rec.Actors = []didar.Actor{}
	for _, l := range a.links {
		if seen[l.ActorID] {
			continue
		}
		act, ok := a.actors[l.ActorID]
		if !ok {
			continue
		}
		seen[l.ActorID] = true
		if act.Roles == nil {
			act.Roles = []string{}
		}
		if act.Mentions == nil {
			act.Mentions = []didar.Mention{}
		}
		rec.Actors = append(rec.Actors, act)
	}
	// Actors the linker found inside role phrases ("حزب کمونیست چین" in
	// "وزیر بین‌الملل حزب کمونیست چین") have mentions but no link of their
	// own; they are in the text, so they are in the record.
	var inner []didar.Actor
	for id, act := range a.actors {
		if !seen[id] && len(act.Mentions) > 0 {
			inner = append(inner, act)
		}
	}
	sort.Slice(inner, func(i, j int) bool { return inner[i].Mentions[0].Start < inner[j].Mentions[0].Start })
	for _, act := range inner {
		seen[act.ID] = true
		if act.Roles == nil {
			act.Roles = []string{}
		}
		rec.Actors = append(rec.Actors, act)
	}
	used := make([]string, 0, len(a.used))
	for id := range a.used {
		used = append(used, id)
	}
	sort.Strings(used)
	for _, id := range used {
		if !seen[id] {
			if act, ok := a.actors[id]; ok {
				seen[id] = true
				if act.Roles == nil {
					act.Roles = []string{}
				}
				if act.Mentions == nil {
					act.Mentions = []didar.Mention{}
				}
				rec.Actors = append(rec.Actors, act)
			}
		}
	}
	if rec.Events == nil {
		rec.Events = []didar.Event{}
	}
	if rec.Quotes == nil {
		rec.Quotes = []didar.Quote{}
	}
	rec.Topics = a.topics(0, len(a.runes), 2)
	for i := range rec.Events {
		rec.Events[i].ID = fmt.Sprintf("e%d", i+1)
	}
}

// findTopics records, once per article, every topic cue in the text.
func (a *article) findTopics() {
	for i, t := range a.toks {
		for _, tc := range a.x.lex.topicsAt(t.key) {
			if i+len(tc.words) > len(a.toks) {
				continue
			}
			ok := true
			for j, w := range tc.words {
				k := a.toks[i+j].key
				if k != w && !(j == len(tc.words)-1 && strings.HasPrefix(k, w) && topicEndings[k[len(w):]]) {
					ok = false
					break
				}
			}
			if ok {
				a.topicHits = append(a.topicHits, topicHit{start: t.start, topic: tc.topic})
			}
		}
	}
}

// topicEndings are the endings the last word of a topic cue may take, in
// key form: inflections only, so that a cue is matched on whole words
// (عراق in عراقی and عراقی‌ها, never in عراقچی).
var topicEndings = map[string]bool{
	"ی": true, "یی": true, "ای": true, "ها": true, "های": true, "هایی": true, "هایش": true,
	"ان": true, "یان": true, "یها": true, "یهای": true, "ش": true, "اش": true, "شان": true,
	"ست": true, "است": true, "هاست": true, "ات": true,
}

type topicHit struct {
	start int
	topic string
}

// topics returns the topics whose cues occur in runes [start, end) at
// least min times, in vocabulary order.
func (a *article) topics(start, end, min int) []string {
	count := map[string]int{}
	for _, h := range a.topicHits {
		if h.start >= start && h.start < end {
			count[h.topic]++
		}
	}
	out := []string{}
	for _, t := range a.x.lex.topicOrder {
		if count[t] >= min {
			out = append(out, t)
		}
	}
	return out
}
