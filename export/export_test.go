package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
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

// gdeltType is the type a GDELT 2.0 event column holds, from the
// codebook: integers, floating-point numbers, CAMEO codes, text.
type gdeltType int

const (
	gText gdeltType = iota
	gInt
	gFloat
	gActorCode // CAMEO actor code: 3-letter blocks (IRN, IRNGOV, IGOUNO)
	gCountry   // CAMEO country code, 3 letters
	gType      // CAMEO actor type, 3 letters
	gEventCode // CAMEO event code, 2 to 4 digits
)

// gdeltCodebook lists the 61 columns of a GDELT 2.0 event file in order,
// with their types, as the codebook gives them.
var gdeltCodebook = func() []struct {
	name string
	typ  gdeltType
} {
	type col = struct {
		name string
		typ  gdeltType
	}
	cols := []col{{"GlobalEventID", gInt}, {"Day", gInt}, {"MonthYear", gInt}, {"Year", gInt}, {"FractionDate", gFloat}}
	for _, a := range []string{"Actor1", "Actor2"} {
		cols = append(cols, col{a + "Code", gActorCode}, col{a + "Name", gText}, col{a + "CountryCode", gCountry},
			col{a + "KnownGroupCode", gCountry}, col{a + "EthnicCode", gText}, col{a + "Religion1Code", gText},
			col{a + "Religion2Code", gText}, col{a + "Type1Code", gType}, col{a + "Type2Code", gType}, col{a + "Type3Code", gType})
	}
	cols = append(cols, col{"IsRootEvent", gInt}, col{"EventCode", gEventCode}, col{"EventBaseCode", gEventCode},
		col{"EventRootCode", gEventCode}, col{"QuadClass", gInt}, col{"GoldsteinScale", gFloat}, col{"NumMentions", gInt},
		col{"NumSources", gInt}, col{"NumArticles", gInt}, col{"AvgTone", gFloat})
	for _, g := range []string{"Actor1Geo", "Actor2Geo", "ActionGeo"} {
		cols = append(cols, col{g + "_Type", gInt}, col{g + "_FullName", gText}, col{g + "_CountryCode", gText},
			col{g + "_ADM1Code", gText}, col{g + "_ADM2Code", gText}, col{g + "_Lat", gFloat}, col{g + "_Long", gFloat},
			col{g + "_FeatureID", gText})
	}
	return append(cols, col{"DATEADDED", gInt}, col{"SOURCEURL", gText})
}()

var gdeltPatterns = map[gdeltType]*regexp.Regexp{
	gInt: regexp.MustCompile(`^-?[0-9]+$`), gFloat: regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`),
	gActorCode: regexp.MustCompile(`^([A-Z]{3})+$`), gCountry: regexp.MustCompile(`^[A-Z]{3}$`),
	gType: regexp.MustCompile(`^[A-Z]{3}$`), gEventCode: regexp.MustCompile(`^[0-9]{2,4}$`),
}

// readGDELT reads an export as a GDELT 2.0 loader would, by position,
// and checks every value against its column's type. It returns each row
// by column name.
func readGDELT(t *testing.T, r io.Reader) []map[string]string {
	t.Helper()
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows[0]) < len(gdeltCodebook) {
		t.Fatalf("%d columns, want at least GDELT's %d", len(rows[0]), len(gdeltCodebook))
	}
	for i, c := range gdeltCodebook {
		if rows[0][i] != c.name {
			t.Fatalf("column %d is %s, want GDELT's %s", i+1, rows[0][i], c.name)
		}
	}
	var out []map[string]string
	for n, row := range rows[1:] {
		m := map[string]string{}
		for i, v := range row {
			m[rows[0][i]] = v
			if i >= len(gdeltCodebook) || v == "" {
				continue
			}
			c := gdeltCodebook[i]
			if p := gdeltPatterns[c.typ]; p != nil && !p.MatchString(v) {
				t.Errorf("row %d: %s = %q is not of its GDELT type", n+1, c.name, v)
			}
		}
		for _, c := range []string{"GlobalEventID", "Day", "EventCode", "QuadClass", "GoldsteinScale", "IsRootEvent", "NumMentions"} {
			if m[c] == "" {
				t.Errorf("row %d: %s is empty", n+1, c)
			}
		}
		if _, err := strconv.ParseInt(m["GlobalEventID"], 10, 64); err != nil {
			t.Errorf("row %d: GlobalEventID %q: %v", n+1, m["GlobalEventID"], err)
		}
		out = append(out, m)
	}
	return out
}

func TestCSV(t *testing.T) {
	s := seeded(t)
	ctx := context.Background()
	// An article whose second event lies after its lead paragraph.
	text := "عراقچی و لاوروف در مسکو دیدار کردند.\nپیش از این، لاوروف ایران را به سبب برنامه هسته‌ای مورد انتقاد قرار داده بود."
	lead := []rune(text)[:strings.IndexRune(text, '\n')]
	meet := didar.Event{ID: "e1", Type: didar.Meet, Status: didar.StatusOccurred, Date: didar.Date{Year: 2025, Month: 12, Day: 20},
		DatePrecision: didar.PrecisionDay, Participants: []string{"abbas-araghchi", "sergey-lavrov"},
		Evidence: didar.Span{Start: 0, End: len(lead), Text: string(lead)}, Confidence: 2.0 / 3, Topics: []string{}}
	meet.Code("")
	crit := didar.Event{ID: "e2", Type: didar.Criticize, Status: didar.StatusPastReference, Date: didar.Date{Year: 2025, Month: 12, Day: 1},
		DatePrecision: didar.PrecisionDay, Participants: []string{"sergey-lavrov", "IRN"}, Source: "sergey-lavrov", Target: "IRN",
		Evidence: didar.Span{Start: len(lead) + 1, End: len([]rune(text)), Text: "مورد انتقاد قرار داده بود"}, Confidence: 0.7, Topics: []string{}}
	crit.Code("")
	crit.Goldstein = 6.2 - 0.000000000000001 // what a mean of reports gives
	rec := didar.Record{Article: didar.Article{ID: "a4", Source: "irna", Text: text, Published: didar.Date{Year: 2025, Month: 12, Day: 20}, Via: []string{}},
		Events: []didar.Event{meet, crit}, Actors: []didar.Actor{}, Quotes: []didar.Quote{}, Topics: []string{}, Coder: "test/1"}
	if _, err := s.SaveArticle(ctx, didar.NewArticle{Record: rec, Raw: text, Outlet: "irna"}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := CSV(ctx, &buf, s, didar.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	rows := readGDELT(t, &buf)
	if n != 6 || len(rows) != 6 {
		t.Fatalf("%d events, %d rows; want 6", n, len(rows))
	}
	// Oldest first: the call of 2025-10-01 between Lavrov and Araghchi.
	call := rows[0]
	want := map[string]string{
		"Day": "20251001", "MonthYear": "202510", "Year": "2025",
		"Actor1Code": "RUSGOV", "Actor1Name": "SERGEY LAVROV", "Actor1CountryCode": "RUS", "Actor1Type1Code": "GOV", "Actor1DidarID": "sergey-lavrov",
		"Actor2Code": "IRNGOV", "Actor2NameFA": "عباس عراقچی", "Actor2CountryCode": "IRN", "Actor2DidarID": "abbas-araghchi",
		"IsRootEvent": "1", "EventCode": "041", "EventRootCode": "04", "QuadClass": "1", "GoldsteinScale": "1.0", "NumArticles": "1", "NumSources": "1",
		"Type": "call", "Status": "occurred", "SOURCEURL": "https://tass.example/news/a2", "Confidence": "0.80",
	}
	for c, v := range want {
		if got := call[c]; got != v {
			t.Errorf("%s = %q, want %q", c, got, v)
		}
	}
	if call["DidarEventID"] == "" || call["DATEADDED"] == "" {
		t.Errorf("DidarEventID %q, DATEADDED %q", call["DidarEventID"], call["DATEADDED"])
	}
	byDay := map[string]map[string]string{}
	for _, r := range rows {
		byDay[r["Day"]] = r
	}
	if r := byDay["20251002"]; r["Actor1Code"] != "RUSGOV" || r["Actor2Code"] != "IRN" {
		t.Errorf("a country is coded by itself: %s, %s", r["Actor1Code"], r["Actor2Code"])
	}
	if r := byDay["20251220"]; r["IsRootEvent"] != "1" || r["Confidence"] != "0.67" {
		t.Errorf("the lead's event: IsRootEvent %s, Confidence %s; want 1, 0.67", r["IsRootEvent"], r["Confidence"])
	}
	if r := byDay["20251201"]; r["IsRootEvent"] != "0" || r["GoldsteinScale"] != "6.2" || r["Actor1Code"] != "RUSGOV" || r["Actor2Code"] != "IRN" {
		t.Errorf("the second paragraph's event: IsRootEvent %s, Goldstein %s, %s → %s; want 0, 6.2, RUSGOV → IRN",
			r["IsRootEvent"], r["GoldsteinScale"], r["Actor1Code"], r["Actor2Code"])
	}
	buf.Reset()
	n, err = CSV(ctx, &buf, s, didar.EventFilter{Type: didar.Visit})
	if err != nil || n != 1 {
		t.Errorf("CSV of visits: %d, %v", n, err)
	}
	buf.Reset()
	if n, err := CSVRows(ctx, &buf, s, didar.EventFilter{}, 2); err != nil || n != 2 || len(readGDELT(t, &buf)) != 2 {
		t.Errorf("CSVRows of 2: %d, %v", n, err)
	}
}

func TestActorCode(t *testing.T) {
	for _, tt := range []struct {
		ref  didar.ActorRef
		want string
	}{
		{didar.ActorRef{ID: "IRN", Kind: didar.KindCountry, Country: "IRN"}, "IRN"},
		{didar.ActorRef{ID: "x", Kind: didar.KindPerson, Country: "RUS", Sector: "MIL"}, "RUSMIL"},
		{didar.ActorRef{ID: "x", Kind: didar.KindPerson, Country: "USA", Sector: "DIP"}, "USAGOV"},
		{didar.ActorRef{ID: "x", Kind: didar.KindPerson, Country: "IRN"}, "IRN"},
		{didar.ActorRef{ID: "un", Kind: didar.KindOrganization, Sector: "IGO"}, "IGOUNO"},
		{didar.ActorRef{ID: "brics", Kind: didar.KindOrganization, Sector: "IGO"}, "IGO"},
		{didar.ActorRef{ID: "antonio-guterres", Kind: didar.KindPerson, Country: "PRT", Sector: "IGO"}, "IGOUNO"},
		{didar.ActorRef{ID: "someone", Kind: didar.KindPerson}, ""},
	} {
		if got, _ := actorCode(tt.ref); got != tt.want {
			t.Errorf("actorCode(%+v) = %q, want %q", tt.ref, got, tt.want)
		}
	}
}

func TestLeadEnd(t *testing.T) {
	for text, want := range map[string]int{
		"یک.\nدو.":         3,
		"\n\nیک.\nدو.":     5,
		"یک. دو. سه":       3,
		"بی‌نقطه":          7,
		"نسخه ۲.۵ آمد. دو": 13,
	} {
		if got := leadEnd(text); got != want {
			t.Errorf("leadEnd(%q) = %d, want %d", text, got, want)
		}
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

	// The records are written as users corrected them.
	if _, err := s.Correct(context.Background(), didar.Correction{Article: "a2", Op: didar.OpDeleteEvent, User: "maryam",
		Before: &didar.Change{Event: &rec.Events[1]}}); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if _, err := JSONL(context.Background(), &buf, s, didar.EventFilter{Country: "RUS"}); err != nil {
		t.Fatal(err)
	}
	var fixed didar.Record
	if err := json.Unmarshal(buf.Bytes(), &fixed); err != nil || len(fixed.Events) != 1 || fixed.Events[0].ID != rec.Events[0].ID {
		t.Errorf("after deleting an event the record has %d events (%v)", len(fixed.Events), err)
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
