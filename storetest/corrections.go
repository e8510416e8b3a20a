package storetest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/didar-news/didar"
)

// spanOf returns the rune offsets of sub in text.
func spanOf(t testing.TB, text, sub string) didar.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in the text", sub)
	}
	start := len([]rune(text[:i]))
	return didar.Span{Start: start, End: start + len([]rune(sub)), Text: sub}
}

// correctable saves an article whose one event has its direction wrong:
// Wang Yi visiting Araghchi, where the text has Araghchi in Beijing.
func correctable(t *testing.T, s didar.Store) didar.Record {
	t.Helper()
	in := article("c1", "irna", "2025-11-18", "دیدار در پکن", textMeet, nil,
		event("e1", didar.Visit, "2025-11-17", "wang-yi", "abbas-araghchi", "wang-yi", "abbas-araghchi"))
	rec := &in.Record
	for _, m := range []struct{ id, text string }{{"abbas-araghchi", "عباس عراقچی"}, {"wang-yi", "وانگ یی"}, {"CHN", "چینی"}} {
		a := actor(m.id)
		sp := spanOf(t, textMeet, m.text)
		a.Mentions = []didar.Mention{{Start: sp.Start, End: sp.End, Text: sp.Text, Via: "name"}}
		rec.Actors = append(rec.Actors, a)
	}
	rec.Events[0].Evidence = spanOf(t, textMeet, "در پکن با وانگ یی همتای چینی خود دیدار")
	save(t, s, in)
	got, err := s.Record(context.Background(), "c1")
	if err != nil {
		t.Fatal(err)
	}
	return *got
}

func corrected(t *testing.T, s didar.Store, id string) (didar.Record, []didar.Unapplied) {
	t.Helper()
	rec, _, un, err := didar.CorrectedRecord(context.Background(), s, id)
	if err != nil {
		t.Fatal(err)
	}
	return *rec, un
}

func asJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func onlyEvent(t *testing.T, s didar.Store, f didar.EventFilter) didar.StoredEvent {
	t.Helper()
	p, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Events) != 1 {
		t.Fatalf("%+v: %d events, want 1", f, len(p.Events))
	}
	return p.Events[0]
}

func testCorrections(t *testing.T, s didar.Store) {
	ctx := context.Background()
	coded := correctable(t, s)
	wrong := coded.Events[0]

	// Swap the direction.
	fixed := wrong
	fixed.Source, fixed.Target = wrong.Target, wrong.Source
	edit, err := s.Correct(ctx, didar.Correction{Article: "c1", Op: didar.OpEditEvent, User: "maryam", Reason: "Araghchi went to Beijing",
		Before: &didar.Change{Event: &wrong}, After: &didar.Change{Event: &fixed}})
	if err != nil {
		t.Fatal(err)
	}
	if edit.ID == 0 || edit.At.IsZero() {
		t.Errorf("stored correction %+v has no id or time", edit)
	}
	if rec, err := s.Record(ctx, "c1"); err != nil || asJSON(rec) != asJSON(coded) {
		t.Errorf("the coder's record changed: %v", err)
	}
	rec, un := corrected(t, s, "c1")
	if len(un) != 0 || rec.Events[0].Source != "abbas-araghchi" || rec.Events[0].Target != "wang-yi" || len(rec.Events[0].Corrections) != 1 {
		t.Fatalf("corrected event %+v (unapplied %v)", rec.Events[0], un)
	}
	e := onlyEvent(t, s, didar.EventFilter{Type: didar.Visit})
	if e.Source != "abbas-araghchi" || !e.Corrected || e.Checked {
		t.Errorf("merged event after the edit: source %s corrected %v checked %v", e.Source, e.Corrected, e.Checked)
	}

	// A correction of what the record no longer holds is refused.
	_, err = s.Correct(ctx, didar.Correction{Article: "c1", Op: didar.OpDeleteEvent, User: "maryam", Before: &didar.Change{Event: &wrong}})
	wantCode(t, err, didar.EINVALID)
	bad := fixed
	bad.Participants = []string{"abbas-araghchi", "nobody"}
	_, err = s.Correct(ctx, didar.Correction{Article: "c1", Op: didar.OpEditEvent, User: "maryam", Before: &didar.Change{Event: &fixed}, After: &didar.Change{Event: &bad}})
	wantCode(t, err, didar.EINVALID)
	_, err = s.Correct(ctx, didar.Correction{Article: "nope", Op: didar.OpCheckEvent, User: "maryam", Before: &didar.Change{Event: &fixed}})
	wantCode(t, err, didar.ENOTFOUND)

	// Confirm it.
	if _, err := s.Correct(ctx, didar.Correction{Article: "c1", Op: didar.OpCheckEvent, User: "reza", Before: &didar.Change{Event: &rec.Events[0]}}); err != nil {
		t.Fatal(err)
	}
	if e := onlyEvent(t, s, didar.EventFilter{Type: didar.Visit}); !e.Checked || !e.Corrected || e.Corrections[0] != edit.ID {
		t.Errorf("checked event: corrected %v checked %v", e.Corrected, e.Checked)
	}
	beforeRelink, _ := corrected(t, s, "c1")

	// Relink Wang Yi's mention to Lavrov: the event follows.
	wang := coded.Actors[1]
	lavrov := actor("sergey-lavrov")
	lavrov.Mentions = nil
	relink, err := s.Correct(ctx, didar.Correction{Article: "c1", Op: didar.OpRelink, User: "maryam",
		Before: &didar.Change{Mention: &wang.Mentions[0], Actor: &didar.Actor{ID: wang.ID}}, After: &didar.Change{Actor: &lavrov}})
	if err != nil {
		t.Fatal(err)
	}
	rec, _ = corrected(t, s, "c1")
	if e := rec.Events[0]; e.Target != "sergey-lavrov" || len(e.Corrections) != 2 || !e.Checked {
		t.Errorf("after the relink the event is %+v", e)
	}
	if n := count(t, s, didar.EventFilter{Actor: "sergey-lavrov"}); n != 1 {
		t.Errorf("%d events of Lavrov after the relink, want 1", n)
	}
	if n := count(t, s, didar.EventFilter{Actor: "wang-yi"}); n != 0 {
		t.Errorf("%d events of Wang Yi after the relink, want 0", n)
	}

	// Only the latest correction can be undone, and undoing restores
	// the record exactly.
	_, err = s.Undo(ctx, edit.ID, "maryam", "")
	wantCode(t, err, didar.ECONFLICT)
	undo, err := s.Undo(ctx, relink.ID, "reza", "it was Wang Yi after all")
	if err != nil {
		t.Fatal(err)
	}
	if undo.Op != didar.OpUndo || undo.Undoes != relink.ID || undo.User != "reza" {
		t.Errorf("undo record %+v", undo)
	}
	if rec, _ := corrected(t, s, "c1"); asJSON(rec) != asJSON(beforeRelink) {
		t.Errorf("undo did not restore the record:\n got %s\nwant %s", asJSON(rec), asJSON(beforeRelink))
	}
	_, err = s.Undo(ctx, relink.ID, "reza", "")
	wantCode(t, err, didar.ECONFLICT)
	if n := count(t, s, didar.EventFilter{Actor: "wang-yi"}); n != 1 {
		t.Errorf("%d events of Wang Yi after the undo, want 1", n)
	}

	// A new actor from a mention joins the dictionary.
	chn := coded.Actors[2]
	entry := didar.Entry{ID: "chinese-side", Kind: didar.KindGroup, EN: "Chinese side", FA: []string{"طرف چینی"}, Country: "CHN"}
	na := didar.Actor{ID: entry.ID, Kind: entry.Kind, NameFA: entry.FA[0], NameEN: didar.NullString(entry.EN), Country: "CHN", InDictionary: true, Roles: []string{}}
	if _, err := s.Correct(ctx, didar.Correction{Article: "c1", Op: didar.OpNewActor, User: "maryam",
		Before: &didar.Change{Mention: &chn.Mentions[0], Actor: &didar.Actor{ID: "CHN"}}, After: &didar.Change{Actor: &na, Entry: &entry}}); err != nil {
		t.Fatal(err)
	}
	if a, err := s.Actor(ctx, "chinese-side"); err != nil || !a.InDictionary || a.Mentions != 1 {
		t.Errorf("new actor: %+v, %v", a, err)
	}

	// Add a missed event, delete it.
	added := didar.Event{Type: didar.Meet, Status: didar.StatusOccurred, Date: date("2025-11-17"), Participants: []string{"abbas-araghchi", "wang-yi"},
		Evidence: spanOf(t, textMeet, "دیدار و درباره همکاری‌های دوجانبه")}
	add, err := s.Correct(ctx, didar.Correction{Article: "c1", Op: didar.OpAddEvent, User: "maryam", After: &didar.Change{Event: &added}})
	if err != nil {
		t.Fatal(err)
	}
	rec, _ = corrected(t, s, "c1")
	if len(rec.Events) != 2 || rec.Events[1].CAMEO != "040" || rec.Events[1].ID == "" {
		t.Fatalf("after adding: %+v", rec.Events)
	}
	if n := count(t, s, didar.EventFilter{Type: didar.Meet}); n != 1 {
		t.Errorf("%d meet events after adding one, want 1", n)
	}
	if _, err := s.Correct(ctx, didar.Correction{Article: "c1", Op: didar.OpDeleteEvent, User: "reza", Before: &didar.Change{Event: &rec.Events[1]}}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, didar.EventFilter{Type: didar.Meet}); n != 0 {
		t.Errorf("%d meet events after deleting it, want 0", n)
	}
	_ = add

	// The audit: by article, user and day.
	all, err := s.Corrections(ctx, didar.CorrectionFilter{Article: "c1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Corrections) != 7 {
		t.Fatalf("%d corrections of c1, want 7", len(all.Corrections))
	}
	if c := all.Corrections[2]; c.ID != relink.ID || c.UndoneBy != undo.ID || c.Before.Mention == nil || c.After.Actor.ID != "sergey-lavrov" {
		t.Errorf("the relink as stored: %+v", c)
	}
	byReza, _ := s.Corrections(ctx, didar.CorrectionFilter{User: "reza"})
	if len(byReza.Corrections) != 3 {
		t.Errorf("%d corrections by reza, want 3", len(byReza.Corrections))
	}
	today := didar.DateOf(time.Now().UTC())
	if p, _ := s.Corrections(ctx, didar.CorrectionFilter{From: today.AddDays(1)}); len(p.Corrections) != 0 {
		t.Errorf("%d corrections made tomorrow", len(p.Corrections))
	}
	if p, _ := s.Corrections(ctx, didar.CorrectionFilter{From: today.AddDays(-1), To: today.AddDays(1), Limit: 2}); len(p.Corrections) != 2 || p.Next == "" {
		t.Errorf("a page of two corrections: %d, next %q", len(p.Corrections), p.Next)
	}

	// A recode keeps the corrections and reports those that no longer apply.
	res, err := s.Recode(ctx, "c1", coded)
	if err != nil {
		t.Fatal(err)
	}
	if res.Unapplied != 0 {
		t.Errorf("recode with the same record: %d corrections no longer apply", res.Unapplied)
	}
	if e := onlyEvent(t, s, didar.EventFilter{Type: didar.Visit}); e.Source != "abbas-araghchi" || !e.Checked {
		t.Errorf("after the recode the event is %+v", e.Event)
	}
	gone := coded
	gone.Events = []didar.Event{}
	if res, err = s.Recode(ctx, "c1", gone); err != nil {
		t.Fatal(err)
	}
	if res.Unapplied != 2 { // the edit and the check; the added and deleted event cancel out
		t.Errorf("recode without the event: %d unapplied, want 2", res.Unapplied)
	}
	if _, un := corrected(t, s, "c1"); len(un) != 2 || un[0].ID != edit.ID {
		t.Errorf("unapplied after the recode: %+v", un)
	}
	if p, _ := s.Corrections(ctx, didar.CorrectionFilter{Article: "c1"}); len(p.Corrections) != 7 {
		t.Errorf("the recode dropped corrections: %d left", len(p.Corrections))
	}
	if _, err := s.Recode(ctx, "c1", coded); err != nil {
		t.Fatal(err)
	}
	if e := onlyEvent(t, s, didar.EventFilter{Type: didar.Visit}); e.Source != "abbas-araghchi" {
		t.Errorf("the event came back without its correction: %+v", e.Event)
	}
}

func testUsers(t *testing.T, s didar.Store) {
	ctx := context.Background()
	if err := s.AddUser(ctx, didar.User{Name: "maryam", Role: didar.RoleEditor}, didar.TokenHash("tok-1")); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.AddUser(ctx, didar.User{Name: "maryam", Role: didar.RoleAdmin}, didar.TokenHash("tok-2")), didar.ECONFLICT)
	wantCode(t, s.AddUser(ctx, didar.User{Name: "x", Role: "owner"}, didar.TokenHash("tok-3")), didar.EINVALID)
	if err := s.AddUser(ctx, didar.User{Name: "ali", Role: didar.RoleAdmin}, didar.TokenHash("tok-4")); err != nil {
		t.Fatal(err)
	}
	u, err := s.UserByToken(ctx, didar.TokenHash("tok-1"))
	if err != nil || u.Name != "maryam" || u.Role != didar.RoleEditor || u.Created.IsZero() {
		t.Fatalf("user by token: %+v, %v", u, err)
	}
	_, err = s.UserByToken(ctx, "tok-1")
	wantCode(t, err, didar.ENOTFOUND)
	users, err := s.Users(ctx)
	if err != nil || len(users) != 2 || users[0].Name != "ali" {
		t.Errorf("users: %+v, %v", users, err)
	}

	se := didar.Session{IDHash: didar.TokenHash("cookie-1"), User: *u, CSRF: "csrf-1", Expires: time.Now().Add(time.Hour)}
	if err := s.SaveSession(ctx, se); err != nil {
		t.Fatal(err)
	}
	old := didar.Session{IDHash: didar.TokenHash("cookie-2"), User: *u, CSRF: "csrf-2", Expires: time.Now().Add(-time.Minute)}
	if err := s.SaveSession(ctx, old); err != nil {
		t.Fatal(err)
	}
	got, err := s.Session(ctx, se.IDHash)
	if err != nil || got.User.Name != "maryam" || got.User.Role != didar.RoleEditor || got.CSRF != "csrf-1" {
		t.Errorf("session: %+v, %v", got, err)
	}
	_, err = s.Session(ctx, old.IDHash)
	wantCode(t, err, didar.ENOTFOUND)
	if err := s.DeleteSession(ctx, se.IDHash); err != nil {
		t.Fatal(err)
	}
	_, err = s.Session(ctx, se.IDHash)
	wantCode(t, err, didar.ENOTFOUND)

	if err := s.SaveSession(ctx, se); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveUser(ctx, "maryam"); err != nil {
		t.Fatal(err)
	}
	_, err = s.Session(ctx, se.IDHash)
	wantCode(t, err, didar.ENOTFOUND)
	wantCode(t, s.RemoveUser(ctx, "maryam"), didar.ENOTFOUND)
}
