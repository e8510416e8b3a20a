package didar

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Store keeps the corpus: articles with the records extracted from them,
// the dictionary, and the events merged across the articles that report
// them. The sqlite and postgres packages implement it with one behaviour,
// checked by the storetest suite.
//
// Every method that looks up one thing returns an *Error with code
// ENOTFOUND when it does not exist (never a nil result with a nil error),
// and EINVALID for a malformed filter or cursor.
type Store interface {
	// SaveArticle stores an article with its record in one transaction.
	// It is idempotent by content hash: saving the same normalised text
	// again stores nothing and returns the existing article with
	// Created false. Its events are merged with the events already stored
	// that report the same interaction.
	SaveArticle(ctx context.Context, a NewArticle) (SaveResult, error)
	// SaveArticles saves a batch as SaveArticle saves each, in one
	// transaction (one commit, for bulk loads): on error none of the
	// batch is stored.
	SaveArticles(ctx context.Context, as []NewArticle) ([]SaveResult, error)
	// Recode replaces the record of a stored article (after the dictionary
	// or the coder changed) in one transaction and says how its events
	// changed. ENOTFOUND when there is no such article.
	Recode(ctx context.Context, articleID string, rec Record) (RecodeResult, error)
	// Article returns one article with its raw input and text.
	Article(ctx context.Context, id string) (*StoredArticle, error)
	// Record returns the record stored for an article, as the coder made it.
	Record(ctx context.Context, articleID string) (*Record, error)
	// Articles lists articles, newest first, without Raw and Text (Snippet
	// holds the start of the text).
	Articles(ctx context.Context, f ArticleFilter) (*ArticlePage, error)

	// Events lists merged events.
	Events(ctx context.Context, f EventFilter) (*EventPage, error)
	// Event returns one merged event with every report of it.
	Event(ctx context.Context, id string) (*EventDetail, error)

	// SaveEntries adds or replaces dictionary entries, so that actors are
	// known with their names and roles before any article mentions them.
	SaveEntries(ctx context.Context, entries []Entry) error
	// Actors lists actors, dictionary entries and actors found in text.
	Actors(ctx context.Context, f ActorFilter) (*ActorPage, error)
	// Actor returns one actor with its roles, event counts and partners.
	Actor(ctx context.Context, id string) (*ActorDetail, error)
	// UnknownActors lists the provisional actors: those the coder found
	// in the stored articles but not in the dictionary (people named with
	// a role or a title, offices whose holder it does not know), most
	// mentioned first, each with the names and roles seen and an example
	// sentence, so that a curator can add them to a dictionary. Only
	// actors of stored records count: one that a recode with a richer
	// dictionary now links to an entry leaves the list, and so does one
	// that SaveEntries adds under its id.
	UnknownActors(ctx context.Context, f UnknownFilter) (*UnknownPage, error)

	// Dyad counts the events between two sides, month by month.
	Dyad(ctx context.Context, f DyadFilter) (*DyadSeries, error)
	// Network returns the actor network of the events that match f,
	// the latest NetworkEvents of them when more match (Cursor is
	// ignored; Limit caps the number of edges when set).
	Network(ctx context.Context, f EventFilter) (*Network, error)
	// Stats summarises the corpus between two dates (zero: no bound).
	Stats(ctx context.Context, f StatsFilter) (*Stats, error)

	// Stories lists groups of near-duplicate articles, largest first.
	Stories(ctx context.Context, f StoryFilter) (*StoryPage, error)
	// Story returns one story with all its articles.
	Story(ctx context.Context, id string) (*Story, error)

	// Correct stores a user's correction of an article's record (its ID
	// and At are set here) and shows it at once in the article's events
	// and mentions. EINVALID when it does not apply to the record as
	// corrected so far; an OpNewActor's entry joins the dictionary. A
	// correction of no article (OpAddEntry, OpMergeActor) changes the
	// dictionary alone.
	Correct(ctx context.Context, c Correction) (Correction, error)
	// Undo takes back correction id, the latest active one of its
	// article (ECONFLICT otherwise), by a correction of its own, and
	// returns that.
	Undo(ctx context.Context, id int64, user, reason string) (Correction, error)
	// Corrections lists corrections, undos included, oldest first.
	Corrections(ctx context.Context, f CorrectionFilter) (*CorrectionPage, error)

	// AddUser adds a user who signs in with the token whose TokenHash is
	// given (ECONFLICT when the name is taken).
	AddUser(ctx context.Context, u User, tokenHash string) error
	// UserByToken returns the user of a token hash (ENOTFOUND).
	UserByToken(ctx context.Context, tokenHash string) (*User, error)
	// Users lists the users by name.
	Users(ctx context.Context) ([]User, error)
	// RemoveUser deletes a user and their sessions (ENOTFOUND).
	RemoveUser(ctx context.Context, name string) error
	// SaveSession stores a session; Session returns an unexpired one by
	// the hash of its id (ENOTFOUND), and DeleteSession ends one.
	SaveSession(ctx context.Context, s Session) error
	Session(ctx context.Context, idHash string) (*Session, error)
	DeleteSession(ctx context.Context, idHash string) error

	Close() error
}

// ContentHash is the hash by which articles are deduplicated: SHA-256 of
// the normalised text, in hex.
func ContentHash(text string) string {
	// In pieces through a small buffer: converting a long text to bytes
	// whole copied it, once for each of the several hashes of a save.
	h := sha256.New()
	var buf [8 << 10]byte
	for text != "" {
		n := copy(buf[:], text)
		h.Write(buf[:n])
		text = text[n:]
	}
	return hex.EncodeToString(h.Sum(nil))
}

// NewArticle is an article to store.
type NewArticle struct {
	// Record is what the coder extracted; Record.Article.Text is the
	// normalised text and Record.Coder the coder version. An empty
	// Record.Article.ID is replaced by the start of the content hash.
	Record Record
	// Raw is the input as read (file text, page HTML or feed item), kept
	// so that the article can be recoded without fetching it again.
	Raw string
	// Charset is the charset Raw was decoded from (utf-8, windows-1256);
	// "" when unknown.
	Charset string
	// Outlet names who published it: Record.Article.Source, else the
	// host of its URL.
	Outlet string
	// Sketch is the MinHash signature of the normalised text (see package
	// dedup); articles with similar sketches are grouped into one story.
	// Nil leaves the article in a story of its own.
	Sketch []uint32
}

// SaveResult tells what SaveArticle did.
type SaveResult struct {
	ID      string `json:"id"`
	Created bool   `json:"created"` // false: the same text was already stored
	StoryID string `json:"story_id"`
	Events  int    `json:"events"` // events of the record
}

// RecodeResult counts how the events of an article changed when it was
// recoded. Events are compared by type, participants, direction and date.
type RecodeResult struct {
	Added   int `json:"added"`
	Removed int `json:"removed"`
	Changed int `json:"changed"` // same interaction, other code, status, location or evidence
	Same    int `json:"same"`
	// Unapplied counts the article's corrections that no longer apply
	// to its new record (CorrectedRecord names them); they are kept, and
	// apply again if a later recode brings their event or mention back.
	Unapplied int `json:"unapplied"`
}

// StoredArticle is an article as stored.
type StoredArticle struct {
	Article
	Raw        string    `json:"raw,omitempty"`
	Charset    string    `json:"charset,omitempty"` // of the raw input, before decoding
	Snippet    string    `json:"snippet,omitempty"`
	Hash       string    `json:"hash"`
	Outlet     string    `json:"outlet"`
	Coder      string    `json:"coder"`
	StoryID    string    `json:"story_id"`
	NumEvents  int       `json:"num_events"`
	IngestedAt time.Time `json:"ingested_at"`
}

// Page sizes: a zero Limit means DefaultLimit; more than MaxLimit is
// cut to MaxLimit.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
	// NetworkEvents bounds the events a network is drawn from: the
	// latest ones, so that a network of the whole corpus costs no more
	// than one of a busy year.
	NetworkEvents = 5000
)

// ArticleFilter selects articles. Q is a full-text query over the
// normalised text and title: every word of it must occur, and a compound
// matches whether written with a ZWNJ, a space or neither.
type ArticleFilter struct {
	Q       string
	Outlet  string
	From    Date // published on or after
	To      Date // published on or before
	StoryID string
	// NotCoder, when set, keeps only articles coded by another version
	// (candidates for recoding).
	NotCoder string
	Cursor   string // opaque, from the previous page's Next
	Limit    int
}

// ArticlePage is one page of articles; Next is "" on the last page.
type ArticlePage struct {
	Articles []StoredArticle `json:"articles"`
	Next     string          `json:"next"`
}

// EventFilter selects merged events. Zero fields do not filter.
type EventFilter struct {
	From  Date // event date on or after
	To    Date // event date on or before
	Actor string
	// Country keeps events with a participant from that country (ISO3),
	// the country itself included.
	Country string
	// Dyad keeps events between two sides; each is an actor id or a
	// country code (three upper-case letters), matched as Actor and
	// Country are. Both must be set, or neither.
	Dyad      [2]string
	Type      EventType
	QuadClass int
	Status    Status
	Topic     string
	Outlet    string // reported by this outlet
	Q         string // full-text over the reporting articles, as ArticleFilter.Q
	Sort      EventSort
	Cursor    string
	Limit     int
}

// EventSort orders events.
type EventSort string

const (
	SortDateDesc  EventSort = "-date" // the default: newest first
	SortDateAsc   EventSort = "date"
	SortArticles  EventSort = "-articles" // most reported first
	SortGoldstein EventSort = "goldstein" // most hostile first
)

// ActorRef names an actor where an event or a network refers to it.
type ActorRef struct {
	ID      string `json:"id"`
	Kind    Kind   `json:"kind"`
	NameFA  string `json:"name_fa"`
	NameEN  string `json:"name_en"`
	Country string `json:"country"`
	Sector  string `json:"sector"` // GOV, MIL, IGO…: CAMEO's actor type
}

// StoredEvent is one interaction merged across the articles reporting
// it. Its Event holds the store's id, the best-supported date and
// location (those most reports give), and the evidence of its first
// report.
type StoredEvent struct {
	Event
	Actors      []ActorRef `json:"actors"` // every participant
	NumArticles int        `json:"num_articles"`
	NumSources  int        `json:"num_sources"` // distinct outlets
	// Corrected says a user corrected one of its reports; Event.Checked
	// that one confirmed one.
	Corrected bool   `json:"corrected"`
	ArticleID string `json:"article_id"` // first report
	URL       string `json:"url"`        // of the first report
}

// Report is one article's account of a merged event.
type Report struct {
	ArticleID  string    `json:"article_id"`
	LocalID    string    `json:"local_id"` // the event's id in the article's record
	Title      string    `json:"title"`
	Outlet     string    `json:"outlet"`
	URL        string    `json:"url"`
	Published  Date      `json:"published"`
	Date       Date      `json:"date"`
	Status     Status    `json:"status"`
	Location   *Location `json:"location"`
	Evidence   Span      `json:"evidence"`
	Confidence float64   `json:"confidence"`
	// Corrections and Checked are those of the article's event.
	Corrections []int64 `json:"corrections,omitempty"`
	Checked     bool    `json:"checked,omitempty"`
}

// EventPage is one page of events; Next is "" on the last page.
type EventPage struct {
	Events []StoredEvent `json:"events"`
	Next   string        `json:"next"`
}

// EventDetail is a merged event with every report of it.
type EventDetail struct {
	StoredEvent
	Reports []Report `json:"reports"`
}

// ActorFilter selects actors. Q matches Persian or English names,
// whatever the ZWNJ and letter forms (ي/ی, ك/ک).
type ActorFilter struct {
	Q       string
	Kind    Kind
	Country string
	Cursor  string
	Limit   int
}

// ActorSummary is an actor with its counts, most mentioned first in
// lists.
type ActorSummary struct {
	ActorRef
	InDictionary bool `json:"in_dictionary"`
	Mentions     int  `json:"mentions"` // in all stored articles
	Events       int  `json:"events"`   // merged events it takes part in
}

// ActorPage is one page of actors.
type ActorPage struct {
	Actors []ActorSummary `json:"actors"`
	Next   string         `json:"next"`
}

// UnknownFilter selects provisional actors. Kind keeps one kind; empty,
// every kind but group (collectives such as «طرف آمریکایی» are not names
// to curate). Q matches names as ActorFilter.Q does.
type UnknownFilter struct {
	Q       string
	Kind    Kind
	Country string
	Cursor  string
	Limit   int
}

// UnknownActor is a provisional actor: its id is a slug of its Persian
// name (or of the role phrase that stood for it), its country and sector
// those its roles give.
type UnknownActor struct {
	ActorSummary
	Articles int      `json:"articles"` // stored articles that mention it
	Names    []string `json:"names"`    // Persian names seen, most frequent first, at most 10
	Roles    []string `json:"roles"`    // role phrases seen with it, most frequent first, at most 10
	// Example is the sentence of its first mention by name (else of its
	// first mention) in the first article stored that mentions it
	// (ExampleArticle), for a curator to judge it.
	Example        string `json:"example"`
	ExampleArticle string `json:"example_article"`
}

// UnknownPage is one page of provisional actors; Next is "" on the last.
type UnknownPage struct {
	Actors []UnknownActor `json:"actors"`
	Next   string         `json:"next"`
}

// ActorDetail is one actor with its names, roles over time, events by
// type and top partners.
type ActorDetail struct {
	ActorSummary
	Names    []string       `json:"names"` // Persian names, canonical first
	Roles    []Role         `json:"roles"`
	ByType   []TypeCount    `json:"by_type"`
	Partners []PartnerCount `json:"partners"` // most events first, at most 20
}

// TypeCount counts events of one type.
type TypeCount struct {
	Type  EventType `json:"type"`
	Count int       `json:"count"`
}

// PartnerCount counts the events an actor shares with another.
type PartnerCount struct {
	ActorRef
	Events int `json:"events"`
}

// DyadFilter names two sides (actor ids or country codes) and a period.
type DyadFilter struct {
	A, B     string
	From, To Date
}

// DyadSeries is the monthly history of a dyad.
type DyadSeries struct {
	A      string      `json:"a"`
	B      string      `json:"b"`
	Months []DyadMonth `json:"months"` // months with events, oldest first
}

// DyadMonth counts one month's events of a dyad. QuadClass[i] counts the
// events of quad class i+1.
type DyadMonth struct {
	Month     string  `json:"month"` // YYYY-MM
	Events    int     `json:"events"`
	QuadClass [4]int  `json:"quad_class"`
	Goldstein float64 `json:"goldstein"` // summed
}

// Network is the actor graph of a set of events.
type Network struct {
	Nodes []NetworkNode `json:"nodes"`
	Edges []NetworkEdge `json:"edges"`
}

// NetworkNode is an actor of the network.
type NetworkNode struct {
	ActorRef
	Events int `json:"events"`
}

// NetworkEdge joins two actors by the events of one type between them.
// For directed types Source acts on Target; for symmetric ones the ids
// are in sorted order.
type NetworkEdge struct {
	Source    string    `json:"source"`
	Target    string    `json:"target"`
	Type      EventType `json:"type"`
	Weight    int       `json:"weight"` // events
	Goldstein float64   `json:"goldstein"`
}

// StatsFilter bounds Stats by event date and publication date.
type StatsFilter struct {
	From, To Date
}

// Stats summarises the corpus.
type Stats struct {
	Articles int           `json:"articles"`
	Events   int           `json:"events"`
	Actors   int           `json:"actors"`
	Outlets  int           `json:"outlets"`
	Stories  int           `json:"stories"`
	ByType   []TypeCount   `json:"by_type"`
	TopDyads []DyadCount   `json:"top_dyads"` // at most 10; over a period, of its latest NetworkEvents events
	Recent   []StoredEvent `json:"recent"`    // at most 10
}

// DyadCount counts the events between two actors.
type DyadCount struct {
	A      ActorRef `json:"a"`
	B      ActorRef `json:"b"`
	Events int      `json:"events"`
}

// StoryFilter selects stories; MinArticles (default 1) drops smaller ones.
type StoryFilter struct {
	From, To    Date
	MinArticles int
	Cursor      string
	Limit       int
}

// Story is a group of near-duplicate articles: one report and its
// reprints.
type Story struct {
	ID          string          `json:"id"`
	Title       string          `json:"title"` // of its first article
	NumArticles int             `json:"num_articles"`
	NumSources  int             `json:"num_sources"`
	First       Date            `json:"first"` // earliest publication
	Last        Date            `json:"last"`
	Articles    []StoredArticle `json:"articles"` // without Raw and Text
}

// StoryPage is one page of stories.
type StoryPage struct {
	Stories []Story `json:"stories"`
	Next    string  `json:"next"`
}
