package didar

import (
	"bytes"
	"encoding/json"
	"io"
)

// Record is everything Didar extracts from one article: the line that
// `didar extract` prints (see shared/spec/output.md). Offsets are in runes
// of Article.Text, end exclusive.
type Record struct {
	Article Article  `json:"article"`
	Actors  []Actor  `json:"actors"`
	Events  []Event  `json:"events"`
	Quotes  []Quote  `json:"quotes"`
	Topics  []string `json:"topics"`
	// Coder names the extractor version that produced the record, so that
	// stored records can be recoded when it changes.
	Coder string `json:"coder,omitempty"`
}

// Article is one news article after normalisation.
type Article struct {
	ID        string     `json:"id"`
	Source    NullString `json:"source"`
	Via       []string   `json:"via"`
	URL       NullString `json:"url"`
	Published Date       `json:"published"`
	Title     NullString `json:"title"`
	Text      string     `json:"text"`
}

// Kind is what sort of actor an Actor is.
type Kind string

const (
	KindPerson       Kind = "person"
	KindOrganization Kind = "organization"
	KindCountry      Kind = "country"
	KindPlace        Kind = "place"
	KindGroup        Kind = "group"
)

// Actor is an actor as it appears in one record: a dictionary entry or an
// actor found in the text, with its mentions.
type Actor struct {
	ID           string     `json:"id"`
	Kind         Kind       `json:"kind"`
	NameFA       string     `json:"name_fa"`
	NameEN       NullString `json:"name_en"`
	Country      NullString `json:"country"`
	Sector       NullString `json:"sector"`
	Roles        []string   `json:"roles"`
	InDictionary bool       `json:"in_dictionary"`
	Mentions     []Mention  `json:"mentions"`
}

// Mention is one place in the text that refers to an actor.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Via says how the mention was linked: name, surname, role, title,
	// pronoun, adjective, capital, metonym, quoted-name, counterpart.
	Via string `json:"via,omitempty"`
}

// Span is a stretch of the article text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Status tells whether an event happened in the news, is announced, or is
// recalled as background.
type Status string

const (
	StatusOccurred      Status = "occurred"
	StatusPlanned       Status = "planned"
	StatusPastReference Status = "past-reference"
)

// Location is where an event took place.
type Location struct {
	NameFA  NullString `json:"name_fa"`
	NameEN  NullString `json:"name_en"`
	Country NullString `json:"country"`
	Venue   NullString `json:"venue"`
}

// Event is one coded interaction.
type Event struct {
	ID            string    `json:"id"`
	Type          EventType `json:"type"`
	CAMEO         string    `json:"cameo"`
	PLOVER        string    `json:"plover"`
	Goldstein     float64   `json:"goldstein"`
	QuadClass     int       `json:"quad_class"`
	Status        Status    `json:"status"`
	Date          Date      `json:"date"`
	DatePrecision Precision `json:"date_precision"`
	Location      *Location `json:"location"`
	// Participants holds every actor id taking part, source and target
	// included for directed types.
	Participants []string   `json:"participants"`
	Source       NullString `json:"source"`
	Target       NullString `json:"target"`
	Topics       []string   `json:"topics"`
	Evidence     Span       `json:"evidence"`
	Confidence   float64    `json:"confidence"`
	// Rule names the extraction rule that produced the event, so that a
	// wrong event can be traced to its cause.
	Rule string `json:"rule,omitempty"`
	// Corrections lists the users' corrections that changed the event,
	// and Checked says a user confirmed it (see ApplyCorrections).
	Corrections []int64 `json:"corrections,omitempty"`
	Checked     bool    `json:"checked,omitempty"`
}

// Quote is a statement attributed to a speaker.
type Quote struct {
	Speaker string `json:"speaker"`
	Kind    string `json:"kind"` // direct | indirect
	Cue     string `json:"cue"`
	Span
}

// WriteJSON writes r to w as a json.Encoder with HTML escaping off
// writes it (one line, then a line break), one element at a time, so
// that the JSON of a long text's record is never held whole.
func (r Record) WriteJSON(w io.Writer) error {
	j := newJSONWriter(w, false)
	j.raw(`{"article":`)
	j.value(r.Article)
	j.raw(`,`)
	r.writeLists(j)
	if r.Coder != "" {
		j.raw(`,"coder":`)
		j.value(r.Coder)
	}
	j.raw("}\n")
	return j.err
}

// WriteListsJSON writes r's actors, events, quotes and topics to w as
// one JSON object, one element at a time, as json.Marshal writes it (the
// HTML characters escaped, as stores have always kept it): the part of
// a record that a store keeps beside the article's own columns.
func (r Record) WriteListsJSON(w io.Writer) error {
	j := newJSONWriter(w, true)
	j.raw(`{`)
	r.writeLists(j)
	j.raw(`}`)
	return j.err
}

func (r Record) writeLists(j *jsonWriter) {
	j.raw(`"actors":`)
	writeList(j, r.Actors)
	j.raw(`,"events":`)
	writeList(j, r.Events)
	j.raw(`,"quotes":`)
	writeList(j, r.Quotes)
	j.raw(`,"topics":`)
	writeList(j, r.Topics)
}

// jsonWriter writes JSON values to w, keeping the first error.
type jsonWriter struct {
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
	err error
}

func newJSONWriter(w io.Writer, escapeHTML bool) *jsonWriter {
	j := &jsonWriter{w: w}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(escapeHTML)
	return j
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, s)
	}
}

func (j *jsonWriter) value(v any) {
	if j.err != nil {
		return
	}
	j.buf.Reset()
	if j.err = j.enc.Encode(v); j.err == nil {
		_, j.err = j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
	}
}

func writeList[T any](j *jsonWriter, list []T) {
	if list == nil {
		j.raw("null")
		return
	}
	j.raw("[")
	for i, v := range list {
		if i > 0 {
			j.raw(",")
		}
		j.value(v)
	}
	j.raw("]")
}
