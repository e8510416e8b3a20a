package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/sqlite"
	"github.com/didar-news/didar/storetest"
)

func seeded(t *testing.T) didar.Store {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "didar.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	storetest.Seed(t, s)
	return s
}

func TestCSV(t *testing.T) {
	s := seeded(t)
	var buf bytes.Buffer
	n, err := CSV(context.Background(), &buf, s, didar.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 || len(rows) != 5 || strings.Join(rows[0], ",") != strings.Join(Columns, ",") {
		t.Fatalf("%d events, %d rows, header %v", n, len(rows), rows[0])
	}
	col := map[string]int{}
	for i, c := range Columns {
		col[c] = i
	}
	// Oldest first: the call of 2025-10-01 between Lavrov and Araghchi.
	call := rows[1]
	want := map[string]string{
		"Day": "20251001", "Actor1Code": "sergey-lavrov", "Actor1Name": "Sergey Lavrov", "Actor1CountryCode": "RUS",
		"Actor2Code": "abbas-araghchi", "Actor2NameFA": "عباس عراقچی", "Actor2CountryCode": "IRN",
		"EventCode": "041", "EventRootCode": "04", "QuadClass": "1", "GoldsteinScale": "1.0", "NumArticles": "1", "NumSources": "1",
		"Type": "call", "Status": "occurred", "SOURCEURL": "https://tass.example/news/a2", "Confidence": "0.80",
	}
	for c, v := range want {
		if got := call[col[c]]; got != v {
			t.Errorf("%s = %q, want %q", c, got, v)
		}
	}
	buf.Reset()
	n, err = CSV(context.Background(), &buf, s, didar.EventFilter{Type: didar.Visit})
	if err != nil || n != 1 {
		t.Errorf("CSV of visits: %d, %v", n, err)
	}
}

func TestJSONL(t *testing.T) {
	s := seeded(t)
	var buf bytes.Buffer
	n, err := JSONL(context.Background(), &buf, s, didar.EventFilter{})
	if err != nil || n != 3 {
		t.Fatalf("all records: %d, %v", n, err)
	}
	buf.Reset()
	n, err = JSONL(context.Background(), &buf, s, didar.EventFilter{Country: "RUS"})
	if err != nil || n != 1 {
		t.Fatalf("records of RUS events: %d, %v (the two events come from one article)", n, err)
	}
	var rec didar.Record
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Article.ID != "a2" || len(rec.Events) != 2 || rec.Article.Text == "" {
		t.Errorf("record = %+v", rec)
	}
}

func TestGEXF(t *testing.T) {
	s := seeded(t)
	var buf bytes.Buffer
	n, err := GEXF(context.Background(), &buf, s, didar.EventFilter{})
	if err != nil || n != 4 {
		t.Fatalf("GEXF: %d edges, %v", n, err)
	}
	var doc struct {
		XMLName xml.Name
		Graph   struct {
			Attributes []struct {
				Class string `xml:"class,attr"`
			} `xml:"attributes"`
			Nodes []struct {
				ID     string `xml:"id,attr"`
				Label  string `xml:"label,attr"`
				Values []struct {
					For   string `xml:"for,attr"`
					Value string `xml:"value,attr"`
				} `xml:"attvalues>attvalue"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string  `xml:"source,attr"`
				Target string  `xml:"target,attr"`
				Type   string  `xml:"type,attr"`
				Kind   string  `xml:"kind,attr"`
				Weight float64 `xml:"weight,attr"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.XMLName.Space != "http://gexf.net/1.3" || doc.XMLName.Local != "gexf" || len(doc.Graph.Attributes) != 2 {
		t.Errorf("root %v, %d attribute classes", doc.XMLName, len(doc.Graph.Attributes))
	}
	if len(doc.Graph.Nodes) != 4 || len(doc.Graph.Edges) != 4 {
		t.Fatalf("%d nodes, %d edges; want 4, 4", len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	ids := map[string]bool{}
	for _, nd := range doc.Graph.Nodes {
		ids[nd.ID] = true
		if nd.Label == "" || len(nd.Values) != 4 || nd.Values[0].Value == "" || nd.Values[1].Value == "" {
			t.Errorf("node %+v: want label, kind and country", nd)
		}
	}
	for _, e := range doc.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] || e.Weight != 1 || e.Kind == "" {
			t.Errorf("edge %+v", e)
		}
		if didar.EventType(e.Kind).Symmetric() != (e.Type == "undirected") {
			t.Errorf("edge %+v: symmetric types are undirected, the others directed", e)
		}
	}
}
