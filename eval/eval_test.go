package eval

import (
	"github.com/didar-news/didar/internal/sharedtest"
	"os"
	"strings"
	"testing"

	"github.com/didar-news/didar"
)

func str(s string) *string { return &s }

func TestActorMatches(t *testing.T) {
	person := GoldActor{Key: "liu", Kind: "person", FA: []string{"لیو جیان‌چائو"}, EN: str("Liu Jianchao"), Country: str("CHN"), Sector: str("PTY")}
	iran := GoldActor{Key: "IRN", Kind: "country", FA: []string{"ایران"}, EN: str("Iran"), Country: str("IRN")}
	cpc := GoldActor{Key: "cpc", Kind: "organization", FA: []string{"حزب کمونیست چین"}, Country: str("CHN"), Sector: str("PTY")}
	un := GoldActor{Key: "un", Kind: "organization", FA: []string{"سازمان ملل"}, EN: str("United Nations"), Sector: str("IGO")}
	tests := []struct {
		name string
		a    didar.Actor
		g    GoldActor
		want bool
	}{
		{"english name ignoring case and hyphens", didar.Actor{Kind: "person", NameEN: "liu-jianchao"}, person, true},
		{"persian name without zwnj", didar.Actor{Kind: "person", NameFA: "لیو جیانچائو"}, person, true},
		{"persian name with arabic yeh", didar.Actor{Kind: "person", NameFA: "ليو جيان‌چائو"}, person, true},
		{"surname inside full name for persons", didar.Actor{Kind: "person", NameFA: "جیان‌چائو"}, person, true},
		{"containment needs three letters", didar.Actor{Kind: "person", NameFA: "لی"}, GoldActor{Kind: "person", FA: []string{"لیو"}}, false},
		{"containment only for two persons", didar.Actor{Kind: "group", NameFA: "چین"}, GoldActor{Kind: "organization", FA: []string{"حزب کمونیست چین"}}, false},
		{"different person", didar.Actor{Kind: "person", NameFA: "وانگ یی", NameEN: "Wang Yi"}, person, false},
		{"country by code", didar.Actor{Kind: "country", Country: "IRN"}, iran, true},
		{"organization matches country gold without sector", didar.Actor{Kind: "organization", Country: "IRN", Sector: "LEG"}, iran, true},
		{"group matches organization with same sector", didar.Actor{Kind: "group", Country: "CHN", Sector: "PTY"}, cpc, true},
		{"group with other sector does not", didar.Actor{Kind: "group", Country: "CHN", Sector: "GOV"}, cpc, false},
		{"person never matches by country", didar.Actor{Kind: "person", Country: "IRN"}, iran, false},
		{"gold without country needs a name", didar.Actor{Kind: "organization", Sector: "IGO"}, un, false},
		{"organization by english name", didar.Actor{Kind: "organization", NameEN: "United Nations"}, un, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := actorMatches(&tt.a, tt.g); got != tt.want {
				t.Errorf("actorMatches(%+v, %s) = %v, want %v", tt.a, tt.g.Key, got, tt.want)
			}
		})
	}
}

const goldLine = `{"doc":"a1","published":"2023-12-05","source":null,
"actors":[{"key":"x","kind":"person","fa":["شی جین‌پینگ"],"en":"Xi Jinping","country":"CHN","sector":"GOV","required":true},
{"key":"r","kind":"person","fa":["حسن روحانی"],"en":"Hassan Rouhani","country":"IRN","sector":"GOV","required":true},
{"key":"USA","kind":"country","fa":["آمریکا"],"en":"United States","country":"USA","sector":null,"required":false},
{"key":"CHN","kind":"country","fa":["چین"],"en":"China","country":"CHN","sector":null,"required":false}],
"events":[{"type":["call"],"actors":["r",["x","CHN"]],"date":"2023-12-04","date_approx_days":1,"status":"occurred","optional":false},
{"type":["criticize","demand"],"source":["x"],"target":["USA"],"status":"occurred","optional":false},
{"type":["praise"],"source":["r"],"target":["x"],"status":"past-reference","optional":true}],
"quotes":[{"speaker":"x","optional":false},{"speaker":"r","optional":false}]}`

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "") }

func TestScore(t *testing.T) {
	golds, err := ReadGold(strings.NewReader(oneLine(goldLine)), "gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	rec := didar.Record{
		Article: didar.Article{ID: "a1"},
		Actors: []didar.Actor{
			{ID: "xi", Kind: "person", NameEN: "Xi Jinping"},
			{ID: "rouhani", Kind: "person", NameFA: "روحانی"},
			{ID: "USA", Kind: "country", Country: "USA"},
			{ID: "someone", Kind: "person", NameFA: "کسی دیگر"},
		},
		Events: []didar.Event{
			{ID: "e1", Type: "call", Participants: []string{"xi", "rouhani"}, Date: didar.Date{Year: 2023, Month: 12, Day: 5}, Status: "occurred"},
			{ID: "e2", Type: "call", Participants: []string{"xi", "rouhani"}, Status: "occurred"}, // duplicate: one-to-one
			{ID: "e3", Type: "demand", Source: "xi", Target: "USA", Status: "planned"},
			{ID: "e4", Type: "praise", Source: "rouhani", Target: "xi", Status: "past-reference"}, // optional gold
			{ID: "e5", Type: "criticize", Source: "USA", Target: "xi", Status: "occurred"},        // reversed direction
		},
		Quotes: []didar.Quote{{Speaker: "xi"}},
	}
	res := Score(golds[0], &rec)
	c := res.Counts
	want := Counts{GoldEvents: 2, MatchedGold: 2, Extracted: 5, MatchedExtracted: 3,
		DateTotal: 1, DateOK: 1, StatusTotal: 2, StatusOK: 1,
		ActorsRequired: 2, ActorsFound: 2, Persons: 3, PersonsOK: 2, Speakers: 2, SpeakersFound: 1}
	if c != want {
		t.Errorf("counts\n got %+v\nwant %+v", c, want)
	}
	if len(res.Extra) != 2 || res.Extra[0].ID != "e2" || res.Extra[1].ID != "e5" {
		t.Errorf("extra = %+v, want e2 and e5", res.Extra)
	}
	if c.EventPrecision() != 0.6 || c.EventRecall() != 1 {
		t.Errorf("P=%v R=%v, want 0.6 and 1", c.EventPrecision(), c.EventRecall())
	}

	// A missing record scores zero recall, and precision of nothing is 1.
	empty := Score(golds[0], nil)
	if empty.Counts.EventRecall() != 0 || len(empty.Missed) != 2 {
		t.Errorf("empty record: recall %v, missed %d", empty.Counts.EventRecall(), len(empty.Missed))
	}
}

func TestDateMatches(t *testing.T) {
	d := didar.Date{Year: 2025, Month: 11, Day: 17}
	tests := []struct {
		got    didar.Date
		want   *string
		approx int
		ok     bool
	}{
		{d, str("2025-11-17"), 0, true},
		{d, str("2025-11-18"), 0, false},
		{d, str("2025-11-20"), 3, true},
		{d, str("2025-11-21"), 3, false},
		{didar.Date{}, nil, 0, true},
		{d, nil, 0, false},
		{didar.Date{}, str("2025-11-17"), 5, false},
	}
	for _, tt := range tests {
		if got := dateMatches(tt.got, tt.want, tt.approx); got != tt.ok {
			t.Errorf("dateMatches(%v, %v, %d) = %v", tt.got, deref(tt.want), tt.approx, got)
		}
	}
}

func TestReadGoldErrors(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"malformed", "{\"doc\": \"a\",", "gold.jsonl:1:"},
		{"unknown top key", `{"doc":"a","actors":[],"events":[],"quotes":[],"extra":1}`, `unknown field "extra"`},
		{"unknown event key", `{"doc":"a","actors":[{"key":"x","kind":"person","fa":[],"en":null,"country":null,"sector":null,"required":true}],"events":[{"type":["meet"],"actors":["x"],"status":"occurred","optional":false,"where":"x"}],"quotes":[]}`, `unknown field "where"`},
		{"undeclared key", `{"doc":"a","actors":[],"events":[{"type":["meet"],"actors":["x"],"status":"occurred"}],"quotes":[]}`, `events[0].actors: key "x" is not declared`},
		{"unknown type", `{"doc":"a","actors":[{"key":"x","kind":"person","fa":[],"en":null,"country":null,"sector":null,"required":true}],"events":[{"type":["hug"],"actors":["x"],"status":"occurred"}],"quotes":[]}`, `unknown event type "hug"`},
		{"bad status", `{"doc":"a","actors":[{"key":"x","kind":"person","fa":[],"en":null,"country":null,"sector":null,"required":true}],"events":[{"type":["meet"],"actors":["x"],"status":"done"}],"quotes":[]}`, `unknown status "done"`},
		{"bad kind", `{"doc":"a","actors":[{"key":"x","kind":"alien","fa":[],"en":null,"country":null,"sector":null,"required":true}],"events":[],"quotes":[]}`, `unknown kind "alien"`},
		{"missing doc", `{"actors":[],"events":[],"quotes":[]}`, `missing "doc"`},
		{"duplicate doc", "{\"doc\":\"a\"}\n\n{\"doc\":\"a\"}", `gold.jsonl:3: doc "a" already annotated on line 1`},
		{"bad date", `{"doc":"a","actors":[{"key":"x","kind":"person","fa":[],"en":null,"country":null,"sector":null,"required":true}],"events":[{"type":["meet"],"actors":["x"],"date":"5 Dec","status":"occurred"}],"quotes":[]}`, `events[0].date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadGold(strings.NewReader(tt.input), "gold.jsonl")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestSharedGoldParses(t *testing.T) {
	path := sharedtest.Path(t, "gold", "seeds.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	golds, err := ReadGold(f, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) != 5 {
		t.Errorf("read %d gold articles, want 5", len(golds))
	}
}
