package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/actors"
	"github.com/didar-news/didar/eval"
)

// TestCorrectionCommands corrects a stored article and checks what the
// commands make of it: user add, recode, audit, gold export (scored by
// eval) and dict export (read back by the dictionary loader).
func TestCorrectionCommands(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "visit.txt"), []byte(corpus["visit.txt"]), 0o644); err != nil {
		t.Fatal(err)
	}
	for engine, db := range dsns(t) {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			if out, errs, code := cli(t, "ingest", "--db", db, dir); code != 0 {
				t.Fatalf("ingest: %s%s", out, errs)
			}
			token, errs, code := cli(t, "user", "add", "--db", db, "maryam", "--role", "admin")
			token = strings.TrimSpace(token)
			if code != 0 || len(token) < 32 || !strings.Contains(errs, "not shown again") {
				t.Fatalf("user add: code %d %q %s", code, token, errs)
			}
			if _, errs, code := cli(t, "user", "add", "--db", db, "maryam"); code == 0 || !strings.Contains(errs, "exists") {
				t.Errorf("user add twice: code %d %s", code, errs)
			}
			if out, _, _ := cli(t, "user", "list", "--db", db); !strings.HasPrefix(out, "maryam\tadmin\t") {
				t.Errorf("user list: %q", out)
			}

			s, err := openStore(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			u, err := s.UserByToken(ctx, didar.TokenHash(token))
			if err != nil || u.Name != "maryam" {
				t.Fatalf("the printed token does not find the user: %v", err)
			}
			page, err := s.Articles(ctx, didar.ArticleFilter{})
			if err != nil || len(page.Articles) != 1 {
				t.Fatalf("articles: %v", err)
			}
			id := page.Articles[0].ID
			rec, err := s.Record(ctx, id)
			if err != nil || len(rec.Events) == 0 {
				t.Fatalf("record: %v, %d events", err, len(rec.Events))
			}
			ev := rec.Events[0]
			changed := ev
			changed.Status = didar.StatusPlanned
			if _, err := s.Correct(ctx, didar.Correction{Article: id, Op: didar.OpEditEvent, User: "maryam", Reason: "announced, not held",
				Before: &didar.Change{Event: &ev}, After: &didar.Change{Event: &changed}}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Correct(ctx, didar.Correction{Article: id, Op: didar.OpCheckEvent, User: "maryam", Before: &didar.Change{Event: &changed}}); err != nil {
				t.Fatal(err)
			}
			var m didar.Mention
			var from string
			for _, a := range rec.Actors {
				if a.ID == "wang-yi" {
					m, from = a.Mentions[0], a.ID
				}
			}
			if from == "" {
				t.Fatal("the coder did not find Wang Yi")
			}
			entry := didar.Entry{ID: "wang-yi-test", Kind: didar.KindPerson, EN: "Wang Yi (test)", FA: []string{"وانگ یی"}, Country: "CHN",
				Roles: []didar.Role{{Office: "foreign-minister", Title: "Foreign Minister of China", Country: "CHN", From: didar.Date{Year: 2013, Month: 3, Day: 16}}}}
			if _, err := s.Correct(ctx, didar.Correction{Article: id, Op: didar.OpNewActor, User: "maryam", Before: &didar.Change{Mention: &m, Actor: &didar.Actor{ID: from}},
				After: &didar.Change{Actor: &didar.Actor{ID: entry.ID, Kind: entry.Kind, NameFA: entry.FA[0], InDictionary: true}, Entry: &entry}}); err != nil {
				t.Fatal(err)
			}
			s.Close()

			out, errs, code := cli(t, "recode", "--db", db, "--all")
			if code != 0 || strings.Contains(out, "no longer applies") {
				t.Errorf("recode: code %d\n%s%s", code, out, errs)
			}
			out, _, code = cli(t, "audit", "--db", db, "--user", "maryam")
			if code != 0 || strings.Count(out, "\n") != 3 || !strings.Contains(out, "status occurred → planned") || !strings.Contains(out, `"announced, not held"`) {
				t.Errorf("audit: code %d\n%s", code, out)
			}
			if out, _, _ := cli(t, "audit", "--db", db, "--user", "reza"); out != "" {
				t.Errorf("audit of another user: %q", out)
			}

			texts := filepath.Join(t.TempDir(), "texts")
			out, errs, code = cli(t, "gold", "export", "--db", db, "--checked", "--texts", texts)
			if code != 0 || strings.Count(out, "\n") != 1 {
				t.Fatalf("gold export: code %d\n%s%s", code, out, errs)
			}
			golds, err := eval.ReadGold(strings.NewReader(out), "export")
			if err != nil {
				t.Fatalf("the exported gold does not read back: %v", err)
			}
			if g := golds[0]; g.Doc != id || len(g.Events) == 0 || g.Events[0].Status != "planned" || g.Events[0].Optional {
				t.Errorf("gold line %+v", g)
			}
			goldFile := filepath.Join(t.TempDir(), "gold.jsonl")
			os.WriteFile(goldFile, []byte(out), 0o644)
			out, errs, code = cli(t, "eval", "--articles", texts, goldFile)
			if code != 0 || !strings.Contains(out, id) {
				t.Errorf("eval against the exported gold: code %d\n%s%s", code, out, errs)
			}

			out, errs, code = cli(t, "dict", "export", "--db", db, "--from-corrections")
			if code != 0 || !strings.Contains(out, "id: wang-yi-test") {
				t.Fatalf("dict export: code %d\n%s%s", code, out, errs)
			}
			dictDir := t.TempDir()
			os.WriteFile(filepath.Join(dictDir, "corrections.yaml"), []byte(out), 0o644)
			d, err := actors.Load(dictDir)
			if err != nil {
				t.Fatalf("--dict does not read the export: %v", err)
			}
			if e, ok := d.Entry("wang-yi-test"); !ok || len(e.Roles) != 1 || e.Roles[0].From.String() != "2013-03-16" {
				t.Errorf("the exported entry reads back as %+v", e)
			}
		})
	}
}
