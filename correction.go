package didar

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// CorrectionOp names what a correction does to an article's record.
type CorrectionOp string

const (
	// Event corrections: Before holds the event as the user saw it,
	// After what it becomes.
	OpEditEvent   CorrectionOp = "event.edit"   // type, direction, participants, status, date, location
	OpDeleteEvent CorrectionOp = "event.delete" // no After
	OpAddEvent    CorrectionOp = "event.add"    // no Before
	OpCheckEvent  CorrectionOp = "event.check"  // confirmed as right
	// Mention corrections: Before holds the mention and the actor it was
	// linked to, After the actor it is linked to now.
	OpRelink   CorrectionOp = "mention.relink"
	OpUnlink   CorrectionOp = "mention.unlink" // no After
	OpNewActor CorrectionOp = "actor.create"   // a relink to After.Entry, a new dictionary actor
	// Dictionary corrections, of no article: a provisional actor becomes
	// a dictionary entry (After.Entry, under the actor's id), or its
	// names (Before.Actor) join an entry (After.Actor).
	OpAddEntry   CorrectionOp = "entry.add"
	OpMergeActor CorrectionOp = "actor.merge"
	// OpUndo takes back the correction Undoes; its Before and After are
	// those of the undone correction, swapped.
	OpUndo CorrectionOp = "undo"
)

// Correction is one change a user made to an article's record. It is
// kept beside the coder's output, never written over it: the record a
// user sees is the coder's output with the article's corrections
// applied in order (ApplyCorrections), so a recode keeps them.
type Correction struct {
	ID       int64        `json:"id"`
	Article  string       `json:"article"`
	Op       CorrectionOp `json:"op"`
	Before   *Change      `json:"before"`
	After    *Change      `json:"after"`
	Reason   string       `json:"reason"`
	User     string       `json:"user"`
	At       time.Time    `json:"at"`
	Undoes   int64        `json:"undoes,omitempty"`    // for OpUndo
	UndoneBy int64        `json:"undone_by,omitempty"` // the undo that took it back
}

// Active reports whether c changes the record: it is not an undo and
// was not undone.
func (c Correction) Active() bool { return c.Op != OpUndo && c.UndoneBy == 0 }

// Change is what a correction changes, before or after it: an event, or
// a mention with the actor it is linked to.
type Change struct {
	Event   *Event   `json:"event,omitempty"`
	Mention *Mention `json:"mention,omitempty"`
	Actor   *Actor   `json:"actor,omitempty"` // without its mentions
	Entry   *Entry   `json:"entry,omitempty"` // the dictionary entry OpNewActor creates
}

// Unapplied is a correction that does not apply to a record: its event
// or mention is not there (a recode changed it), or it is malformed.
type Unapplied struct {
	ID     int64        `json:"id"`
	Op     CorrectionOp `json:"op"`
	Reason string       `json:"reason"`
}

// CorrectionFilter selects corrections, oldest first. Zero fields do not
// filter.
type CorrectionFilter struct {
	Article string
	User    string
	From    Date // made on or after (UTC)
	To      Date // made on or before
	Cursor  string
	Limit   int
}

// CorrectionPage is one page of corrections.
type CorrectionPage struct {
	Corrections []Correction `json:"corrections"`
	Next        string       `json:"next"`
}

// UserRole is what a user may do: editors correct records, admins also
// manage users.
type UserRole string

const (
	RoleEditor UserRole = "editor"
	RoleAdmin  UserRole = "admin"
)

// User is someone who may write. Their token is kept only as its
// TokenHash.
type User struct {
	Name    string    `json:"name"`
	Role    UserRole  `json:"role"`
	Created time.Time `json:"created"`
}

// Session is a signed-in browser. The store keeps the hash of its
// cookie value, never the value.
type Session struct {
	IDHash  string
	User    User
	CSRF    string // the token every form of the session must carry
	Expires time.Time
}

// TokenHash is the form in which tokens and session ids are stored:
// SHA-256 in hex. They are random and long, so a plain hash is enough
// to make a stolen database useless for signing in.
func TokenHash(token string) string { return ContentHash(token) }

// CorrectedRecord returns an article's record as users see it: the
// coder's output with the article's corrections applied, with the
// corrections and those that no longer apply.
func CorrectedRecord(ctx context.Context, s Store, articleID string) (*Record, []Correction, []Unapplied, error) {
	rec, err := s.Record(ctx, articleID)
	if err != nil {
		return nil, nil, nil, err
	}
	cs, err := ArticleCorrections(ctx, s, articleID)
	if err != nil {
		return nil, nil, nil, err
	}
	out, un := ApplyCorrections(*rec, cs)
	return &out, cs, un, nil
}

// ArticleCorrections returns every correction of an article, oldest
// first.
func ArticleCorrections(ctx context.Context, s Store, articleID string) ([]Correction, error) {
	return AllCorrections(ctx, s, CorrectionFilter{Article: articleID})
}

// AllCorrections returns every correction f selects, all pages of it.
func AllCorrections(ctx context.Context, s Store, f CorrectionFilter) ([]Correction, error) {
	f.Limit = MaxLimit
	var all []Correction
	for {
		p, err := s.Corrections(ctx, f)
		if err != nil {
			return nil, err
		}
		all = append(all, p.Corrections...)
		if p.Next == "" {
			return all, nil
		}
		f.Cursor = p.Next
	}
}

// ApplyCorrections returns rec with the active corrections of cs applied
// in order, and those that do not apply with the reason. rec is left as
// it was. Events a correction changed list it in Corrections (a check
// sets Checked instead); an event
// added by a correction gets the id "c" and the correction's id.
//
// An event is found by what identifies it to a reader: its type,
// participants, direction and evidence span as the correction saw them;
// a mention by its offsets and the actor it was linked to.
func ApplyCorrections(rec Record, cs []Correction) (Record, []Unapplied) {
	active := false
	for _, c := range cs {
		active = active || c.Active()
	}
	if !active {
		return rec, nil
	}
	rec = copyRecord(rec)
	var un []Unapplied
	for _, c := range cs {
		if !c.Active() {
			continue
		}
		if err := apply(&rec, c); err != nil {
			un = append(un, Unapplied{ID: c.ID, Op: c.Op, Reason: err.Error()})
		}
	}
	return rec, un
}

// copyRecord is a deep copy, so that applying corrections leaves the
// caller's record alone.
func copyRecord(rec Record) Record {
	b, err := json.Marshal(rec)
	if err != nil {
		panic(fmt.Sprintf("copy record: %v", err)) // every field marshals
	}
	var out Record
	if err := json.Unmarshal(b, &out); err != nil {
		panic(fmt.Sprintf("copy record: %v", err))
	}
	out.Coder = rec.Coder
	return out
}

func apply(rec *Record, c Correction) error {
	var before, after Change
	if c.Before != nil {
		before = *c.Before
	}
	if c.After != nil {
		after = *c.After
	}
	switch c.Op {
	case OpEditEvent, OpDeleteEvent, OpCheckEvent:
		if before.Event == nil {
			return fmt.Errorf("%s needs the event before", c.Op)
		}
		i := findEvent(rec.Events, *before.Event)
		if i < 0 {
			return fmt.Errorf("the event %s (%s) is no longer in the record", before.Event.ID, before.Event.Type)
		}
		cur := &rec.Events[i]
		switch c.Op {
		case OpDeleteEvent:
			rec.Events = slices.Delete(rec.Events, i, i+1)
		case OpCheckEvent:
			cur.Checked = true // a check is no change: not in Corrections
		default:
			if after.Event == nil {
				return fmt.Errorf("%s needs the event after", c.Op)
			}
			ev, err := checkedEvent(rec, *after.Event, before.Event.Type)
			if err != nil {
				return err
			}
			ev.ID, ev.Checked = cur.ID, cur.Checked
			ev.Corrections = append(slices.Clone(cur.Corrections), c.ID)
			*cur = ev
		}
	case OpAddEvent:
		if after.Event == nil {
			return fmt.Errorf("%s needs the event after", c.Op)
		}
		if findEvent(rec.Events, *after.Event) >= 0 {
			return fmt.Errorf("the record has this event already")
		}
		ev, err := checkedEvent(rec, *after.Event, "")
		if err != nil {
			return err
		}
		ev.ID = "c" + strconv.FormatInt(c.ID, 10)
		ev.Corrections = []int64{c.ID}
		rec.Events = append(rec.Events, ev)
	case OpRelink, OpNewActor, OpUnlink:
		if before.Mention == nil || before.Actor == nil {
			return fmt.Errorf("%s needs the mention and its actor before", c.Op)
		}
		var to *Actor
		if c.Op != OpUnlink {
			if after.Actor == nil || after.Actor.ID == "" {
				return fmt.Errorf("%s needs the actor after", c.Op)
			}
			to = after.Actor
		}
		return relink(rec, c.ID, *before.Mention, before.Actor.ID, to)
	default:
		return fmt.Errorf("unknown correction %q", c.Op)
	}
	return nil
}

// findEvent returns the index of the event identified as e is, or -1.
func findEvent(evs []Event, e Event) int {
	for i, x := range evs {
		if x.Type == e.Type && x.Source == e.Source && x.Target == e.Target &&
			x.Evidence.Start == e.Evidence.Start && x.Evidence.End == e.Evidence.End && sameSet(x.Participants, e.Participants) {
			return i
		}
	}
	return -1
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

// checkedEvent checks an event a user wrote and codes it again when its
// type changed (was: the type before, "" for a new event).
func checkedEvent(rec *Record, e Event, was EventType) (Event, error) {
	if _, err := ParseEventType(string(e.Type)); err != nil {
		return e, err
	}
	switch e.Status {
	case StatusOccurred, StatusPlanned, StatusPastReference:
	default:
		return e, fmt.Errorf("unknown status %q", e.Status)
	}
	known := map[string]bool{}
	for _, a := range rec.Actors {
		known[a.ID] = true
	}
	for _, p := range e.Participants {
		if !known[p] {
			return e, fmt.Errorf("participant %q is not an actor of the article", p)
		}
	}
	if e.Type.Symmetric() {
		e.Source, e.Target = "", ""
		if len(e.Participants) < 2 {
			return e, fmt.Errorf("a %s event needs two participants", e.Type)
		}
	} else {
		if e.Source == "" || e.Target == "" || e.Source == e.Target {
			return e, fmt.Errorf("a %s event needs a source and a different target", e.Type)
		}
		if !slices.Contains(e.Participants, string(e.Source)) || !slices.Contains(e.Participants, string(e.Target)) {
			return e, fmt.Errorf("the source and target must be among the participants")
		}
	}
	n := len([]rune(rec.Article.Text))
	if e.Evidence.Start < 0 || e.Evidence.End > n || e.Evidence.Start > e.Evidence.End {
		return e, fmt.Errorf("evidence span [%d, %d) is outside the text", e.Evidence.Start, e.Evidence.End)
	}
	e.Evidence.Text = string([]rune(rec.Article.Text)[e.Evidence.Start:e.Evidence.End])
	if e.Type != was || e.CAMEO == "" {
		e.Code("")
	}
	if e.Participants == nil {
		e.Participants = []string{}
	}
	if e.Topics == nil {
		e.Topics = []string{}
	}
	return e, nil
}

// relink moves mention m from actor from to actor to (nil: unlinks it).
// Events whose evidence holds the mention change participant with it,
// and every event does when it was the actor's last mention.
func relink(rec *Record, id int64, m Mention, from string, to *Actor) error {
	ai, mi := -1, -1
	for i, a := range rec.Actors {
		if a.ID != from {
			continue
		}
		for j, x := range a.Mentions {
			if x.Start == m.Start && x.End == m.End {
				ai, mi = i, j
			}
		}
	}
	if ai < 0 {
		return fmt.Errorf("the mention %q at %d is no longer linked to %s", m.Text, m.Start, from)
	}
	if to != nil && to.ID == from {
		return fmt.Errorf("the mention is linked to %s already", from)
	}
	moved := rec.Actors[ai].Mentions[mi]
	rec.Actors[ai].Mentions = slices.Delete(rec.Actors[ai].Mentions, mi, mi+1)
	last := len(rec.Actors[ai].Mentions) == 0
	if last {
		rec.Actors = slices.Delete(rec.Actors, ai, ai+1)
	}
	if to != nil {
		moved.Via = "correction"
		i := slices.IndexFunc(rec.Actors, func(a Actor) bool { return a.ID == to.ID })
		if i < 0 {
			a := *to
			a.Mentions = nil
			if a.Roles == nil {
				a.Roles = []string{}
			}
			rec.Actors = append(rec.Actors, a)
			i = len(rec.Actors) - 1
		}
		rec.Actors[i].Mentions = append(rec.Actors[i].Mentions, moved)
	}
	for k := range rec.Events {
		e := &rec.Events[k]
		if !slices.Contains(e.Participants, from) || !last && (m.Start < e.Evidence.Start || m.End > e.Evidence.End) {
			continue
		}
		var ps []string
		for _, p := range e.Participants {
			switch {
			case p != from:
				ps = append(ps, p)
			case to != nil:
				ps = append(ps, to.ID)
			}
		}
		e.Participants = []string{}
		for _, p := range ps {
			if !slices.Contains(e.Participants, p) {
				e.Participants = append(e.Participants, p)
			}
		}
		for _, side := range []*NullString{&e.Source, &e.Target} {
			if string(*side) == from {
				*side = ""
				if to != nil {
					*side = NullString(to.ID)
				}
			}
		}
		e.Corrections = append(e.Corrections, id)
	}
	if last && to != nil {
		for k := range rec.Quotes {
			if rec.Quotes[k].Speaker == from {
				rec.Quotes[k].Speaker = to.ID
			}
		}
	}
	return nil
}

// Summary says in a line what c changed, for the audit.
func (c Correction) Summary() string {
	var b, a Change
	if c.Before != nil {
		b = *c.Before
	}
	if c.After != nil {
		a = *c.After
	}
	quoted := func(m *Mention) string {
		if m == nil {
			return ""
		}
		return "«" + m.Text + "» "
	}
	switch c.Op {
	case OpEditEvent:
		if b.Event == nil || a.Event == nil {
			break
		}
		var diffs []string
		add := func(field, was, now string) {
			if was != now {
				diffs = append(diffs, field+" "+orDash(was)+" → "+orDash(now))
			}
		}
		add("type", string(b.Event.Type), string(a.Event.Type))
		add("source", string(b.Event.Source), string(a.Event.Source))
		add("target", string(b.Event.Target), string(a.Event.Target))
		add("participants", joinIDs(b.Event.Participants), joinIDs(a.Event.Participants))
		add("status", string(b.Event.Status), string(a.Event.Status))
		add("date", b.Event.Date.String(), a.Event.Date.String())
		add("location", placeOf(b.Event.Location), placeOf(a.Event.Location))
		if len(diffs) == 0 {
			diffs = []string{"no change"}
		}
		return describe(*b.Event) + ": " + joinWith(diffs, "; ")
	case OpDeleteEvent, OpCheckEvent:
		if b.Event != nil {
			verb := "deleted "
			if c.Op == OpCheckEvent {
				verb = "checked "
			}
			return verb + describe(*b.Event)
		}
	case OpAddEvent:
		if a.Event != nil {
			return "added " + describe(*a.Event) + " «" + a.Event.Evidence.Text + "»"
		}
	case OpRelink, OpNewActor, OpUnlink:
		if b.Actor == nil {
			break
		}
		switch {
		case c.Op == OpUnlink:
			return quoted(b.Mention) + "unlinked from " + b.Actor.ID
		case a.Actor == nil:
		case c.Op == OpNewActor:
			return quoted(b.Mention) + b.Actor.ID + " → new actor " + a.Actor.ID
		default:
			return quoted(b.Mention) + b.Actor.ID + " → " + a.Actor.ID
		}
	case OpAddEntry:
		if a.Entry != nil {
			return "dictionary entry " + a.Entry.ID + " (" + joinWith(a.Entry.FA, "، ") + ")"
		}
	case OpMergeActor:
		if b.Actor != nil && a.Actor != nil {
			return b.Actor.ID + " (" + b.Actor.NameFA + ") merged into " + a.Actor.ID
		}
	case OpUndo:
		return "undid #" + strconv.FormatInt(c.Undoes, 10)
	}
	return string(c.Op)
}

func describe(e Event) string {
	who := joinIDs(e.Participants)
	if e.Source != "" {
		who = string(e.Source) + " → " + string(e.Target)
	}
	return string(e.Type) + " " + e.ID + " (" + who + ")"
}

func placeOf(l *Location) string {
	if l == nil {
		return ""
	}
	return joinWith([]string{string(l.NameFA), string(l.Country)}, " ")
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func joinIDs(ids []string) string { return joinWith(ids, ", ") }

// joinWith joins the strings of ss that are not empty.
func joinWith(ss []string, sep string) string {
	var kept []string
	for _, s := range ss {
		if s != "" {
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, sep)
}

// EntriesFromCorrections returns the dictionary entries the active
// corrections make, by id: new actors and curated entries whole, and
// for relinks and merges the linked entry's id and kind with the names
// it was found under (loaded after the dictionary, such an entry
// extends the one of its id).
func EntriesFromCorrections(cs []Correction) []Entry {
	byID := map[string]*Entry{}
	var order []string
	entry := func(id string, kind Kind) *Entry {
		e, ok := byID[id]
		if !ok {
			e = &Entry{ID: id, Kind: kind}
			byID[id] = e
			order = append(order, id)
		}
		return e
	}
	name := func(e *Entry, n string) {
		if n != "" && !slices.Contains(e.FA, n) {
			e.FA = append(e.FA, n)
		}
	}
	for _, c := range cs {
		if !c.Active() || c.After == nil {
			continue
		}
		switch c.Op {
		case OpNewActor, OpAddEntry:
			if n := c.After.Entry; n != nil {
				e := entry(n.ID, n.Kind)
				fa := e.FA
				*e = *n
				for _, f := range fa {
					name(e, f)
				}
			}
		case OpRelink:
			m, a := c.Before.Mention, c.After.Actor
			if m == nil || a == nil || !NameLink(m.Via) {
				continue
			}
			name(entry(a.ID, a.Kind), m.Text)
		case OpMergeActor:
			if a := c.After.Actor; a != nil && c.Before != nil && c.Before.Actor != nil {
				e := entry(a.ID, a.Kind)
				for _, n := range SplitNames(c.Before.Actor.NameFA) {
					name(e, n)
				}
			}
		}
	}
	slices.Sort(order)
	out := make([]Entry, 0, len(order))
	for _, id := range order {
		if e := byID[id]; len(e.FA) > 0 {
			out = append(out, *e)
		}
	}
	return out
}

// SplitNames splits a list of names at commas, Persian or Latin.
func SplitNames(s string) []string {
	var out []string
	for _, n := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '،' }) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// NameLink reports whether a mention linked this way (Mention.Via) is
// a name of its actor; a pronoun or a role phrase is not.
func NameLink(via string) bool {
	switch via {
	case "", "name", "surname", "quoted-name", "correction":
		return true
	}
	return false
}
