package export

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/didar-news/didar"
)

// GDELTColumns are the 61 columns of a GDELT 2.0 event file, in the
// codebook's order, so that a GDELT reader finds each where it looks.
// Didar fills those it knows; the rest (tone, coordinates, FIPS place
// codes) stay empty.
var GDELTColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// DidarColumns follow the GDELT ones: what GDELT has no column for.
var DidarColumns = []string{
	"DidarEventID", "Actor1DidarID", "Actor1NameFA", "Actor1Kind", "Actor2DidarID", "Actor2NameFA", "Actor2Kind",
	"Type", "PLOVER", "Status", "DatePrecision", "ActionGeo_CountryISO", "Participants", "Topics", "Evidence", "Confidence",
}

//go:embed groups.tsv
var groupsFile []byte

// groups maps an organisation's Didar id to its CAMEO known-group code,
// read from the embedded table once, when first needed.
var groups = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(groupsFile))
	for sc.Scan() {
		id, code, ok := strings.Cut(sc.Text(), "\t")
		if ok && !strings.HasPrefix(id, "#") {
			m[id] = code
		}
	}
	return m
})

// cameoSector maps Didar's sectors to CAMEO actor types; CAMEO codes
// diplomats as government.
func cameoSector(s string) string {
	if s == "DIP" {
		return "GOV"
	}
	return s
}

// actorCode is an actor's CAMEO code: country and type (IRNGOV, RUSMIL),
// a country alone (IRN), or IGO and the known group (IGOUNO). It is ""
// for an actor with neither country nor type, as in GDELT.
func actorCode(a didar.ActorRef) (code, group string) {
	sector := cameoSector(a.Sector)
	if g := groups()[a.ID]; sector == "IGO" || a.Kind == didar.KindOrganization && a.Country == "" && g != "" {
		return "IGO" + g, g
	}
	if a.Kind == didar.KindCountry {
		return a.Country, ""
	}
	if a.Country == "" {
		return "", ""
	}
	return a.Country + sector, ""
}

// globalID is the event's number: GDELT's GlobalEventID is an integer,
// and Didar's ids are hex digests (ev-8c16a8e6bded0076), so it is the
// digest's low 63 bits; DidarEventID keeps the id itself.
func globalID(id string) string {
	hex := strings.TrimPrefix(id, "ev-")
	n, err := strconv.ParseUint(hex, 16, 64)
	if err != nil {
		return ""
	}
	return strconv.FormatUint(n&(1<<63-1), 10)
}

// report is what a row needs from the article of an event's first
// report: whether the evidence lies in its lead, and when it was added.
type report struct {
	leadEnd int // runes
	added   string
}

// reports reads each article once for the rows of its events.
type reports struct {
	s     didar.Store
	known map[string]report
}

func (r *reports) get(ctx context.Context, id string) (report, error) {
	if rep, ok := r.known[id]; ok {
		return rep, nil
	}
	a, err := r.s.Article(ctx, id)
	if err != nil {
		return report{}, fmt.Errorf("article %s: %w", id, err)
	}
	rep := report{leadEnd: leadEnd(a.Text)}
	if !a.IngestedAt.IsZero() {
		rep.added = a.IngestedAt.UTC().Format("20060102150405")
	}
	if len(r.known) > 4096 {
		clear(r.known) // events come in date order, so an article's come together
	}
	r.known[id] = rep
	return rep, nil
}

// leadEnd is where the lead ends, in runes: the first paragraph, or the
// first sentence of a text that is one paragraph. GDELT's IsRootEvent
// marks the events of the lead.
func leadEnd(text string) int {
	rs := []rune(text)
	started, para := false, len(rs)
	for i, r := range rs {
		if r == '\n' && started {
			para = i
			break
		}
		if !unicode.IsSpace(r) {
			started = true
		}
	}
	if para < len(rs) {
		return para
	}
	for i, r := range rs {
		if (r == '.' || r == '؟' || r == '!' || r == '?') && (i+1 == len(rs) || unicode.IsSpace(rs[i+1])) {
			return i + 1
		}
	}
	return len(rs)
}

func (r *reports) row(ctx context.Context, e didar.StoredEvent) ([]string, error) {
	rep, err := r.get(ctx, e.ArticleID)
	if err != nil {
		return nil, err
	}
	a, b := sides(e)
	aCode, aGroup := actorCode(a)
	bCode, bGroup := actorCode(b)
	var day, month, year, fraction string
	if d := e.Date; !d.IsZero() {
		day = fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
		month = fmt.Sprintf("%04d%02d", d.Year, int(d.Month))
		year = strconv.Itoa(d.Year)
		fraction = strconv.FormatFloat(float64(d.Year)+float64(d.Time().YearDay())/365, 'f', 4, 64)
	}
	root, base := "", ""
	if len(e.CAMEO) >= 2 {
		root = e.CAMEO[:2]
	}
	if len(e.CAMEO) >= 3 {
		base = e.CAMEO[:3]
	}
	isRoot := "0"
	if e.Evidence.Start < rep.leadEnd {
		isRoot = "1"
	}
	var geoType, place, placeCountry string
	if l := e.Location; l != nil {
		place = strings.Join(nonEmpty(string(l.NameEN), string(l.NameFA)), " / ")
		placeCountry = string(l.Country)
		switch {
		case place != "":
			geoType = "4" // a city or a place in a country
		case placeCountry != "":
			geoType = "1" // a country
		}
	}
	actor := func(ref didar.ActorRef, code, group string) []string {
		return []string{code, text(strings.ToUpper(ref.NameEN)), ref.Country, group, "", "", "", cameoSector(ref.Sector), "", ""}
	}
	row := []string{globalID(e.ID), day, month, year, fraction}
	row = append(row, actor(a, aCode, aGroup)...)
	row = append(row, actor(b, bCode, bGroup)...)
	row = append(row, isRoot, e.CAMEO, base, root, strconv.Itoa(e.QuadClass), strconv.FormatFloat(e.Goldstein, 'f', 1, 64),
		strconv.Itoa(e.NumArticles), strconv.Itoa(e.NumSources), strconv.Itoa(e.NumArticles), "")
	row = append(row, make([]string, 16)...) // actors' places: Didar does not code them
	row = append(row, geoType, text(place), "", "", "", "", "", "", rep.added, text(e.URL))
	row = append(row, e.ID, a.ID, text(a.NameFA), string(a.Kind), b.ID, text(b.NameFA), string(b.Kind),
		string(e.Type), e.PLOVER, string(e.Status), string(e.DatePrecision), placeCountry,
		strings.Join(e.Participants, ";"), text(strings.Join(e.Topics, ";")), text(e.Evidence.Text),
		strconv.FormatFloat(e.Confidence, 'f', 2, 64))
	return row, nil
}

// text keeps a spreadsheet from reading a cell as a formula.
func text(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
