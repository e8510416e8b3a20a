package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/didar-news/didar"
)

// Two articles that name people the dictionary lacks.
const (
	textUnknown1 = "ماریا زاخارووا، سخنگوی وزارت امور خارجه روسیه، روز پنجشنبه گفت مسکو از گفت‌وگوی ایران و چین حمایت می‌کند. زاخارووا افزود این گفت‌وگوها ادامه خواهد یافت."
	textUnknown2 = "خانم زاخارووا در نشست هفتگی خود با خبرنگاران از سفر آتی لاوروف به تهران خبر داد. گروهی از دیپلمات‌ها نیز حضور داشتند."
)

// unknown returns a record actor found in text, not in the dictionary,
// mentioned where each of names occurs in text.
func unknown(id, country, sector, text string, roles []string, names ...string) didar.Actor {
	a := didar.Actor{ID: id, Kind: didar.KindPerson, NameFA: strings.ReplaceAll(id, "-", " "),
		Country: didar.NullString(country), Sector: didar.NullString(sector), Roles: roles}
	for _, n := range names {
		via := "name"
		for _, r := range roles {
			if n == r {
				via = "role"
			}
		}
		i := strings.Index(text, n)
		start := len([]rune(text[:i]))
		a.Mentions = append(a.Mentions, didar.Mention{Start: start, End: start + len([]rune(n)), Text: n, Via: via})
	}
	return a
}

func testUnknownActors(t *testing.T, s didar.Store) {
	ctx := context.Background()
	role := "سخنگوی وزارت امور خارجه روسیه"
	zakharova := unknown("ماریا-زاخارووا", "RUS", "GOV", textUnknown1, []string{role}, "ماریا زاخارووا", role, "زاخارووا افزود")
	zakharova.Mentions[2].Text, zakharova.Mentions[2].End = "زاخارووا", zakharova.Mentions[2].Start+len([]rune("زاخارووا"))
	a1 := article("u1", "irna", "2025-11-20", "", textUnknown1, []string{"RUS", "IRN", "CHN"})
	a1.Record.Actors = append(a1.Record.Actors, zakharova)
	save(t, s, a1)
	a2 := article("u2", "isna", "2025-11-21", "", textUnknown2, []string{"sergey-lavrov"})
	a2.Record.Actors = append(a2.Record.Actors,
		unknown("ماریا-زاخارووا", "RUS", "GOV", textUnknown2, []string{}, "زاخارووا"),
		didar.Actor{ID: "group-irn-dip", Kind: didar.KindGroup, NameFA: "دیپلمات‌ها", Country: "IRN", Sector: "DIP", Roles: []string{},
			Mentions: []didar.Mention{{Start: 0, End: 3, Text: "دیپلمات‌ها", Via: "group"}}})
	save(t, s, a2)
	save(t, s, article("u3", "isna", "2025-11-21", "", textOther+" سوم", []string{"سید-رضا"}))

	page, err := s.UnknownActors(ctx, didar.UnknownFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Actors) != 2 {
		t.Fatalf("unknown actors = %+v, want زاخارووا and سید رضا (no dictionary actor, no group)", page.Actors)
	}
	z := page.Actors[0]
	if z.ID != "ماریا-زاخارووا" || z.InDictionary || z.Mentions != 4 || z.Articles != 2 || z.Country != "RUS" || z.Sector != "GOV" {
		t.Errorf("most mentioned unknown = %+v, want زاخارووا of RUS/GOV, 4 mentions in 2 articles", z.ActorSummary)
	}
	if strings.Join(z.Names, "|") != "زاخارووا|ماریا زاخارووا" {
		t.Errorf("names seen %q, want the surname (twice) before the full name, no role phrase", z.Names)
	}
	if len(z.Roles) != 1 || z.Roles[0] != role {
		t.Errorf("roles seen %q, want %q", z.Roles, role)
	}
	wantEx := "ماریا زاخارووا، سخنگوی وزارت امور خارجه روسیه، روز پنجشنبه گفت مسکو از گفت‌وگوی ایران و چین حمایت می‌کند."
	if z.ExampleArticle != "u1" || z.Example != wantEx {
		t.Errorf("example %s %q, want u1 %q", z.ExampleArticle, z.Example, wantEx)
	}
	if page.Actors[1].ID != "سید-رضا" || page.Actors[1].Example == "" {
		t.Errorf("second unknown = %+v", page.Actors[1])
	}

	for _, tt := range []struct {
		f    didar.UnknownFilter
		want string
	}{
		{didar.UnknownFilter{Q: "زاخاروو"}, "ماریا-زاخارووا"},
		{didar.UnknownFilter{Country: "RUS"}, "ماریا-زاخارووا"},
		{didar.UnknownFilter{Kind: didar.KindGroup}, "group-irn-dip"},
	} {
		p, err := s.UnknownActors(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Actors) != 1 || p.Actors[0].ID != tt.want {
			t.Errorf("unknown actors %+v = %+v, want only %s", tt.f, p.Actors, tt.want)
		}
	}
	p, err := s.UnknownActors(ctx, didar.UnknownFilter{Limit: 1})
	if err != nil || p.Next == "" {
		t.Fatalf("first page of one: %v, next %q", err, p.Next)
	}
	p, err = s.UnknownActors(ctx, didar.UnknownFilter{Limit: 1, Cursor: p.Next})
	if err != nil || len(p.Actors) != 1 || p.Actors[0].ID != "سید-رضا" || p.Next != "" {
		t.Errorf("second page of one: %v %+v", err, p)
	}
	_, err = s.UnknownActors(ctx, didar.UnknownFilter{Cursor: "!!"})
	wantCode(t, err, didar.EINVALID)

	// A dictionary that now knows her: recoding links her to the entry,
	// and she leaves the list.
	for _, a := range []didar.NewArticle{a1, a2} {
		rec := a.Record
		for i := range rec.Actors {
			if rec.Actors[i].ID == "ماریا-زاخارووا" {
				rec.Actors[i].ID, rec.Actors[i].InDictionary = "maria-zakharova", true
			}
		}
		if _, err := s.Recode(ctx, rec.Article.ID, rec); err != nil {
			t.Fatal(err)
		}
	}
	page, err = s.UnknownActors(ctx, didar.UnknownFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Actors) != 1 || page.Actors[0].ID != "سید-رضا" {
		t.Errorf("after recoding with her entry: %+v, want only سید رضا", page.Actors)
	}
	// An entry saved under a provisional id takes it off the list too.
	if err := s.SaveEntries(ctx, []didar.Entry{{ID: "سید-رضا", Kind: didar.KindPerson, FA: []string{"سید رضا"}, Country: "IRN"}}); err != nil {
		t.Fatal(err)
	}
	page, err = s.UnknownActors(ctx, didar.UnknownFilter{})
	if err != nil || len(page.Actors) != 0 {
		t.Errorf("after adding سید رضا to the dictionary: %v %+v, want none", err, page)
	}
}
