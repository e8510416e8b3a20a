package export

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"strconv"

	"github.com/didar-news/didar"
)

// Each calls fn for every event that matches f, in date order, page by
// page (f.Cursor and f.Limit are ignored).
func Each(ctx context.Context, s didar.Store, f didar.EventFilter, fn func(didar.StoredEvent) error) error {
	f.Cursor = ""
	return each(ctx, s, f, 0, fn)
}

// each calls fn for the events from f.Cursor on, at most max (0: all).
func each(ctx context.Context, s didar.Store, f didar.EventFilter, max int, fn func(didar.StoredEvent) error) error {
	f.Limit = didar.MaxLimit
	if f.Sort == "" {
		f.Sort = didar.SortDateAsc
	}
	n := 0
	for {
		if max > 0 {
			f.Limit = min(f.Limit, max-n)
		}
		page, err := s.Events(ctx, f)
		if err != nil {
			return err
		}
		for _, e := range page.Events {
			if err := fn(e); err != nil {
				return err
			}
		}
		n += len(page.Events)
		if page.Next == "" || max > 0 && n >= max {
			return nil
		}
		f.Cursor = page.Next
	}
}

// Columns of the CSV export: the GDELT 2.0 event columns, then Didar's.
var Columns = append(append([]string{}, GDELTColumns...), DidarColumns...)

// CSV writes one row per event and returns the number of events.
func CSV(ctx context.Context, w io.Writer, s didar.Store, f didar.EventFilter) (int, error) {
	f.Cursor = ""
	return CSVRows(ctx, w, s, f, 0)
}

// CSVRows writes the rows of the events from f.Cursor on, at most max
// (0: all), and returns their number. Nothing reaches w before the first
// page is read, so that a bad filter can still be an error response.
func CSVRows(ctx context.Context, w io.Writer, s didar.Store, f didar.EventFilter, max int) (int, error) {
	cw := csv.NewWriter(w)
	r := &reports{s: s, known: map[string]report{}}
	n := 0
	err := each(ctx, s, f, max, func(e didar.StoredEvent) error {
		if n == 0 {
			if err := cw.Write(Columns); err != nil {
				return err
			}
		}
		n++
		row, err := r.row(ctx, e)
		if err != nil {
			return err
		}
		return cw.Write(row)
	})
	if n == 0 && err == nil {
		err = cw.Write(Columns)
	}
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	return n, err
}

// sides returns the two actors a row names: source and target of a
// directed event, the first two participants of a symmetric one.
func sides(e didar.StoredEvent) (a, b didar.ActorRef) {
	refs := map[string]didar.ActorRef{}
	for _, r := range e.Actors {
		refs[r.ID] = r
	}
	ref := func(id string) didar.ActorRef {
		if r, ok := refs[id]; ok {
			return r
		}
		return didar.ActorRef{ID: id}
	}
	if e.Source != "" || e.Target != "" {
		return ref(string(e.Source)), ref(string(e.Target))
	}
	if len(e.Participants) > 0 {
		a = ref(e.Participants[0])
	}
	if len(e.Participants) > 1 {
		b = ref(e.Participants[1])
	}
	return a, b
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// JSONL writes the full record of every article that reports a matching
// event, each once, as `didar extract` prints it, and returns the number
// of records.
func JSONL(ctx context.Context, w io.Writer, s didar.Store, f didar.EventFilter) (int, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	seen := map[string]bool{}
	n := 0
	write := func(id string) error {
		if seen[id] {
			return nil
		}
		seen[id] = true
		// The record as users corrected it, as the page shows it.
		rec, _, _, err := didar.CorrectedRecord(ctx, s, id)
		if err != nil {
			return err
		}
		n++
		return enc.Encode(rec)
	}
	if f == (didar.EventFilter{}) {
		// No filter: every article, with or without events.
		af := didar.ArticleFilter{Limit: didar.MaxLimit}
		for {
			page, err := s.Articles(ctx, af)
			if err != nil {
				return n, err
			}
			for _, a := range page.Articles {
				if err := write(a.ID); err != nil {
					return n, err
				}
			}
			if page.Next == "" {
				return n, nil
			}
			af.Cursor = page.Next
		}
	}
	err := Each(ctx, s, f, func(e didar.StoredEvent) error {
		d, err := s.Event(ctx, e.ID)
		if err != nil {
			return err
		}
		for _, r := range d.Reports {
			if err := write(r.ArticleID); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

// GEXF writes the actor network of the matching events as GEXF 1.3:
// nodes with kind and country, one weighted edge per pair and event type
// (directed for directed types), which Gephi opens as a multigraph. It
// returns the number of edges.
func GEXF(ctx context.Context, w io.Writer, s didar.Store, f didar.EventFilter) (int, error) {
	f.Cursor, f.Limit = "", 0
	net, err := s.Network(ctx, f)
	if err != nil {
		return 0, err
	}
	doc := gexf{XMLNS: "http://gexf.net/1.3", Version: "1.3",
		Meta:  meta{Creator: "Didar", Description: "actor network of coded Persian news events"},
		Graph: graph{Mode: "static", DefaultEdgeType: "undirected"}}
	doc.Graph.Attributes = []attrs{
		{Class: "node", Attrs: []attr{{"kind", "kind", "string"}, {"country", "country", "string"}, {"name_fa", "name_fa", "string"}, {"events", "events", "integer"}}},
		{Class: "edge", Attrs: []attr{{"type", "type", "string"}, {"goldstein", "goldstein", "double"}}},
	}
	for _, n := range net.Nodes {
		label := n.NameEN
		if label == "" {
			label = first(n.NameFA, n.ID)
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, node{ID: n.ID, Label: label, Values: []value{
			{"kind", string(n.Kind)}, {"country", n.Country}, {"name_fa", n.NameFA}, {"events", strconv.Itoa(n.Events)}}})
	}
	for i, e := range net.Edges {
		typ := "undirected"
		if !e.Type.Symmetric() {
			typ = "directed"
		}
		doc.Graph.Edges = append(doc.Graph.Edges, edge{ID: strconv.Itoa(i), Source: e.Source, Target: e.Target, Type: typ,
			Kind: string(e.Type), Label: string(e.Type), Weight: float64(e.Weight),
			Values: []value{{"type", string(e.Type)}, {"goldstein", strconv.FormatFloat(e.Goldstein, 'f', 1, 64)}}})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return 0, err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return 0, err
	}
	_, err = io.WriteString(w, "\n")
	return len(net.Edges), err
}

func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

type gexf struct {
	XMLName xml.Name `xml:"gexf"`
	XMLNS   string   `xml:"xmlns,attr"`
	Version string   `xml:"version,attr"`
	Meta    meta     `xml:"meta"`
	Graph   graph    `xml:"graph"`
}

type meta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type graph struct {
	Mode            string  `xml:"mode,attr"`
	DefaultEdgeType string  `xml:"defaultedgetype,attr"`
	Attributes      []attrs `xml:"attributes"`
	Nodes           []node  `xml:"nodes>node"`
	Edges           []edge  `xml:"edges>edge"`
}

type attrs struct {
	Class string `xml:"class,attr"`
	Attrs []attr `xml:"attribute"`
}

type attr struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type value struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type node struct {
	ID     string  `xml:"id,attr"`
	Label  string  `xml:"label,attr"`
	Values []value `xml:"attvalues>attvalue"`
}

type edge struct {
	ID     string  `xml:"id,attr"`
	Source string  `xml:"source,attr"`
	Target string  `xml:"target,attr"`
	Type   string  `xml:"type,attr"`
	Kind   string  `xml:"kind,attr"`
	Label  string  `xml:"label,attr"`
	Weight float64 `xml:"weight,attr"`
	Values []value `xml:"attvalues>attvalue"`
}
