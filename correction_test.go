package didar

import (
	"strings"
	"testing"
)

func TestApplyCorrections(t *testing.T) {
	text := "لاوروف وارد تهران شد و وی با عراقچی دیدار کرد."
	rec := Record{
		Article: Article{ID: "a", Text: text},
		Actors: []Actor{
			{ID: "lavrov", Kind: KindPerson, NameFA: "لاوروف", Mentions: []Mention{{Start: 0, End: 6, Text: "لاوروف", Via: "name"}, {Start: 23, End: 25, Text: "وی", Via: "pronoun"}}},
			{ID: "araghchi", Kind: KindPerson, NameFA: "عراقچی", Mentions: []Mention{{Start: 29, End: 35, Text: "عراقچی", Via: "name"}}},
			{ID: "IRN", Kind: KindCountry, NameFA: "ایران", Mentions: []Mention{{Start: 12, End: 17, Text: "تهران", Via: "capital"}}},
		},
		Events: []Event{{ID: "e1", Type: Visit, Status: StatusOccurred, Participants: []string{"lavrov", "IRN"}, Source: "lavrov", Target: "IRN",
			Evidence: Span{Start: 7, End: 20, Text: "وارد تهران شد"}}},
	}
	rec.Events[0].Code("")
	visit := rec.Events[0]
	swapped := visit
	swapped.Source, swapped.Target = "IRN", "lavrov"
	meet := Event{Type: Meet, Status: StatusPlanned, Participants: []string{"lavrov", "araghchi"}, Evidence: Span{Start: 26, End: 46}}
	pronoun := rec.Actors[0].Mentions[1]
	tests := []struct {
		name      string
		c         Correction
		unapplied string // part of the reason; "" when it applies
		check     func(Record) bool
	}{
		{"swap", Correction{ID: 1, Op: OpEditEvent, Before: &Change{Event: &visit}, After: &Change{Event: &swapped}}, "",
			func(r Record) bool { return r.Events[0].Source == "IRN" && r.Events[0].Corrections[0] == 1 }},
		{"edit of another event", Correction{ID: 2, Op: OpEditEvent, Before: &Change{Event: &swapped}, After: &Change{Event: &visit}}, "no longer in the record", nil},
		{"undone", Correction{ID: 3, Op: OpDeleteEvent, Before: &Change{Event: &visit}, UndoneBy: 4}, "",
			func(r Record) bool { return len(r.Events) == 1 }},
		{"delete", Correction{ID: 5, Op: OpDeleteEvent, Before: &Change{Event: &visit}}, "", func(r Record) bool { return len(r.Events) == 0 }},
		{"add", Correction{ID: 6, Op: OpAddEvent, After: &Change{Event: &meet}}, "",
			func(r Record) bool {
				e := r.Events[1]
				return e.ID == "c6" && e.CAMEO == "040" && e.Evidence.Text == "با عراقچی دیدار کرد."
			}},
		{"add what is there", Correction{ID: 7, Op: OpAddEvent, After: &Change{Event: &visit}}, "has this event already", nil},
		{"add with a stranger", Correction{ID: 8, Op: OpAddEvent, After: &Change{Event: &Event{Type: Meet, Status: StatusOccurred, Participants: []string{"lavrov", "nobody"}}}},
			"not an actor", nil},
		{"directed without a target", Correction{ID: 9, Op: OpAddEvent, After: &Change{Event: &Event{Type: Criticize, Status: StatusOccurred, Participants: []string{"lavrov"}, Source: "lavrov"}}},
			"source and a different target", nil},
		{"relink the last name", Correction{ID: 10, Op: OpRelink, Before: &Change{Mention: &rec.Actors[2].Mentions[0], Actor: &Actor{ID: "IRN"}}, After: &Change{Actor: &Actor{ID: "tehran", Kind: KindPlace}}}, "",
			func(r Record) bool {
				return r.Events[0].Target == "tehran" && r.Events[0].Participants[1] == "tehran" && len(r.Actors) == 3 && r.Actors[2].ID == "tehran"
			}},
		{"unlink a pronoun", Correction{ID: 11, Op: OpUnlink, Before: &Change{Mention: &pronoun, Actor: &Actor{ID: "lavrov"}}}, "",
			func(r Record) bool { return len(r.Actors[0].Mentions) == 1 && r.Events[0].Source == "lavrov" }},
		{"unlink it again", Correction{ID: 12, Op: OpUnlink, Before: &Change{Mention: &pronoun, Actor: &Actor{ID: "lavrov"}}}, "no longer linked", nil},
	}
	for _, tt := range tests {
		cs := []Correction{tt.c}
		if tt.c.ID == 12 { // after the same unlink
			cs = []Correction{{ID: 11, Op: OpUnlink, Before: &Change{Mention: &pronoun, Actor: &Actor{ID: "lavrov"}}}, tt.c}
		}
		got, un := ApplyCorrections(rec, cs)
		switch {
		case tt.unapplied != "" && (len(un) != 1 || !strings.Contains(un[0].Reason, tt.unapplied)):
			t.Errorf("%s: unapplied %+v, want one saying %q", tt.name, un, tt.unapplied)
		case tt.unapplied == "" && len(un) != 0:
			t.Errorf("%s: %+v", tt.name, un)
		case tt.check != nil && !tt.check(got):
			t.Errorf("%s: record %+v", tt.name, got)
		}
		if rec.Events[0].Source != "lavrov" || len(rec.Actors[0].Mentions) != 2 {
			t.Fatalf("%s: the coder's record changed", tt.name)
		}
	}
}

func TestEntriesFromCorrections(t *testing.T) {
	cs := []Correction{
		{ID: 1, Op: OpRelink, Before: &Change{Mention: &Mention{Text: "وی", Via: "pronoun"}, Actor: &Actor{ID: "x"}}, After: &Change{Actor: &Actor{ID: "lavrov", Kind: KindPerson}}},
		{ID: 2, Op: OpRelink, Before: &Change{Mention: &Mention{Text: "لاوروف", Via: "surname"}, Actor: &Actor{ID: "x"}}, After: &Change{Actor: &Actor{ID: "lavrov", Kind: KindPerson}}},
		{ID: 3, Op: OpNewActor, Before: &Change{Mention: &Mention{Text: "زاخارووا"}, Actor: &Actor{ID: "y"}},
			After: &Change{Actor: &Actor{ID: "zakharova"}, Entry: &Entry{ID: "zakharova", Kind: KindPerson, FA: []string{"زاخارووا"}, EN: "Maria Zakharova"}}},
		{ID: 4, Op: OpMergeActor, Before: &Change{Actor: &Actor{ID: "ماریا", NameFA: "ماریا زاخارووا، خانم زاخارووا"}}, After: &Change{Actor: &Actor{ID: "zakharova", Kind: KindPerson}}},
		{ID: 5, Op: OpRelink, Before: &Change{Mention: &Mention{Text: "سرگئی", Via: "name"}, Actor: &Actor{ID: "x"}}, After: &Change{Actor: &Actor{ID: "sergei"}}, UndoneBy: 6},
	}
	got := EntriesFromCorrections(cs)
	if len(got) != 2 || got[0].ID != "lavrov" || strings.Join(got[0].FA, "|") != "لاوروف" ||
		got[1].EN != "Maria Zakharova" || strings.Join(got[1].FA, "|") != "زاخارووا|ماریا زاخارووا|خانم زاخارووا" {
		t.Errorf("entries %+v", got)
	}
}
