package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didar-news/didar"
)

func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("visit.txt", []byte(corpus["visit.txt"]))
	empty := write("empty.txt", []byte(" \n"))
	binary := write("image.txt", []byte("PNG\x00\x01\x02"))
	latin1 := write("latin1.txt", []byte("ok\nبه گزارش \xe9t\xe9"))
	huge := write("huge.txt", []byte(strings.Repeat("آ", maxArticleBytes/2+1)))

	out, errs, code := cli(t, "extract", "--published", "2025-11-20", good)
	if code != 0 {
		t.Fatalf("extract exited %d: %s", code, errs)
	}
	var rec didar.Record
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatalf("output is not one record: %v\n%s", err, out)
	}
	if rec.Article.ID != "visit" || rec.Article.Published.String() != "2025-11-20" || len(rec.Events) == 0 {
		t.Errorf("record id %q published %v with %d events", rec.Article.ID, rec.Article.Published, len(rec.Events))
	}

	out, _, code = cli(t, "extract", "--published", "1404-08-26", good)
	if code != 0 || !strings.Contains(out, `"published":"2025-11-17"`) {
		t.Errorf("a Solar Hijri --published was not converted (exit %d)", code)
	}

	out, _, code = cli(t, "extract", "--format", "text", good)
	if code != 0 || !strings.Contains(out, "meet: Abbas Araghchi") || !strings.Contains(out, "Beijing (CHN)") {
		t.Errorf("text format (exit %d):\n%s", code, out)
	}

	// Bad files are named with their fault; the good one is still coded.
	out, errs, code = cli(t, "extract", empty, binary, good, latin1, huge)
	if code == 0 {
		t.Error("a run with bad files exited 0")
	}
	for _, w := range []string{"empty.txt: empty", "image.txt: binary content", "latin1.txt: line 2: invalid UTF-8", "huge.txt: larger than", "4 of 5 inputs failed"} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, `"id":"visit"`) {
		t.Errorf("the good file was not coded alongside the bad ones:\n%s", out)
	}

	for _, args := range [][]string{
		{"extract"},
		{"extract", "--format", "xml", good},
		{"extract", "--published", "yesterday", good},
		{"extract", "--id", "x", good, good},
	} {
		if _, errs, code := cli(t, args...); code == 0 || errs == "" {
			t.Errorf("%v exited %d with %q, want a usage error", args, code, errs)
		}
	}
}

func TestEvalCommand(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "visit.txt"), []byte(corpus["visit.txt"]), 0o644); err != nil {
		t.Fatal(err)
	}
	gold := `{"doc":"visit","published":"2025-11-17","source":null,"actors":[` +
		`{"key":"araghchi","kind":"person","fa":["عباس عراقچی"],"en":"Abbas Araghchi","country":"IRN","sector":"GOV","required":true},` +
		`{"key":"wang","kind":"person","fa":["وانگ یی"],"en":"Wang Yi","country":"CHN","sector":"GOV","required":true}],` +
		`"events":[{"type":["meet"],"actors":["araghchi","wang"],"date":"2025-11-17","location_country":"CHN","status":"occurred"}],` +
		`"quotes":[]}`
	gp := filepath.Join(dir, "gold.jsonl")
	if err := os.WriteFile(gp, []byte(gold+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := cli(t, "eval", "--articles", dir, gp)
	if code != 0 {
		t.Fatalf("eval exited %d: %s", code, errs)
	}
	micro := ""
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "micro") {
			micro = l
		}
	}
	if f := strings.Fields(micro); len(f) < 10 || f[3] != "1.000" || f[4] != "1.000" || f[5] != "1.000" {
		t.Errorf("micro row %q: want event F1, date and location 1.000\n%s", micro, out)
	}

	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(strings.Replace(gold, `"quotes"`, `"quotez"`, 1)+"\n"), 0o644)
	if _, errs, code := cli(t, "eval", "--articles", dir, bad); code == 0 || !strings.Contains(errs, `bad.jsonl:1: json: unknown field "quotez"`) {
		t.Errorf("unknown key: exit %d, %q", code, errs)
	}
}
