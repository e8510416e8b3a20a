package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didar-news/didar"
)

func actorsFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestActorsCommand(t *testing.T) {
	for _, tc := range []struct {
		name  string
		args  []string
		code  int
		out   []string // substrings of standard output
		errIn string   // substring of standard error
	}{
		{"persian name", []string{"actors", "ولادیمیر پوتین"}, 0, []string{"vladimir-putin (person) Vladimir Putin", "country: RUS"}, ""},
		{"english name", []string{"actors", "Vladimir Putin"}, 0, []string{"vladimir-putin (person)", "ولادیمیر پوتین"}, ""},
		{"country by persian name", []string{"actors", "چین"}, 0, []string{"CHN (country)"}, ""},
		{"no match", []string{"actors", "زززززز"}, 1, nil, "no entry matches"},
		{"whole list", []string{"actors"}, 0, []string{"ID", "KIND", "vladimir-putin", "IRN"}, ""},
		{"check passes", []string{"actors", "--check"}, 0, []string{"no problems"}, ""},
		{"bad flag", []string{"actors", "--no-such-flag"}, 1, nil, "no-such-flag"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := cli(t, tc.args...)
			if code != tc.code {
				t.Fatalf("%v exited %d, want %d; stderr: %s", tc.args, code, tc.code, errs)
			}
			for _, s := range tc.out {
				if !strings.Contains(out, s) {
					t.Errorf("%v: output lacks %q:\n%s", tc.args, s, out)
				}
			}
			if tc.errIn != "" && !strings.Contains(errs, tc.errIn) {
				t.Errorf("%v: stderr %q, want it to say %q", tc.args, errs, tc.errIn)
			}
		})
	}
}

func TestActorsJSON(t *testing.T) {
	out, errs, code := cli(t, "actors", "--json", "Vladimir Putin")
	if code != 0 {
		t.Fatalf("exited %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	found := false
	for _, ln := range lines {
		var e didar.Entry
		if err := json.Unmarshal([]byte(ln), &e); err != nil {
			t.Fatalf("line %q is not an entry: %v", ln, err)
		}
		if e.ID == "vladimir-putin" {
			found = true
			if e.Kind != didar.KindPerson || e.Country != "RUS" || len(e.Roles) == 0 {
				t.Errorf("putin = %+v, want a Russian person with roles", e)
			}
		}
	}
	if !found {
		t.Errorf("vladimir-putin not in the JSON output:\n%s", out)
	}
}

func TestActorsCheckFails(t *testing.T) {
	dir := t.TempDir()
	actorsFile(t, dir, "broken.yaml", []byte(`- id: test-person
  kind: person
  en: Test Person
  fa: [فرد آزمایشی]
  country: XXY
  roles:
    - {office: no-such-office, country: IRN, from: 2020-01-01}
`))
	out, errs, code := cli(t, "actors", "--dict", dir, "--check")
	if code != 1 {
		t.Fatalf("--check on a broken dictionary exited %d, want 1; stderr: %s", code, errs)
	}
	for _, s := range []string{"test-person", "no-such-office", "XXY"} {
		if !strings.Contains(out, s) {
			t.Errorf("problem list lacks %q:\n%s", s, out)
		}
	}
	if !strings.Contains(errs, "problems") {
		t.Errorf("stderr %q does not count the problems", errs)
	}
	// A dictionary folder that is not there is an error, not an empty list.
	if _, errs, code := cli(t, "actors", "--dict", filepath.Join(dir, "missing"), "--check"); code != 1 || !strings.Contains(errs, "missing") {
		t.Errorf("missing --dict folder: exit %d, stderr %q", code, errs)
	}
}

func TestAnnotateCommand(t *testing.T) {
	dir := t.TempDir()
	good := actorsFile(t, dir, "visit.txt", []byte("ولادیمیر پوتین رئیس‌جمهور روسیه به تهران سفر کرد و با همتای ایرانی خود دیدار کرد.\n"))
	out, errs, code := cli(t, "annotate", "--published", "2024-10-01", good)
	if code != 0 {
		t.Fatalf("annotate exited %d: %s", code, errs)
	}
	for _, s := range []string{"[ولادیمیر پوتین|vladimir-putin|name]", "[رئیس‌جمهور روسیه|vladimir-putin|role]", "[تهران|IRN|capital]", "MENTIONS", "vladimir-putin"} {
		if !strings.Contains(out, s) {
			t.Errorf("annotate output lacks %q:\n%s", s, out)
		}
	}
	// Standard input works the same.
	var in strings.Builder
	in.WriteString("شی جین‌پینگ به مسکو رفت.")
	if out, errs, code := cliStdin(t, in.String(), "annotate", "-"); code != 0 || !strings.Contains(out, "|xi-jinping|") {
		t.Errorf("annotate - exited %d, output %q, stderr %q", code, out, errs)
	}
}

func TestAnnotateUserTitle(t *testing.T) {
	dir := t.TempDir()
	text := actorsFile(t, dir, "a.txt", []byte("استاد حمید فرهادی‌پور در این نشست گفت که همکاری ادامه دارد.\n"))
	out, _, code := cli(t, "annotate", text)
	if code != 0 || strings.Contains(out, "[حمید فرهادی‌پور|") {
		t.Fatalf("without the user lexicon: exit %d, output %s", code, out)
	}
	dict := filepath.Join(dir, "dict")
	if err := os.Mkdir(dict, 0o755); err != nil {
		t.Fatal(err)
	}
	actorsFile(t, dict, "lexicon.yaml", []byte("titles: [استاد]\n"))
	out, errs, code := cli(t, "annotate", "--dict", dict, text)
	if code != 0 || !strings.Contains(out, "[حمید فرهادی‌پور|حمید-فرهادیپور|title]") {
		t.Errorf("with the user lexicon: exit %d, output %s, stderr %s", code, out, errs)
	}
}

func TestAnnotateBadInput(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, file string
		body       []byte
		want       string
	}{
		{"empty", "empty.txt", []byte(" \n\n"), "empty.txt: empty"},
		{"binary", "image.txt", []byte("PNG\x00\x01\x02"), "image.txt: binary content"},
		{"invalid utf-8", "latin1.txt", []byte("سلام\ndéjà \xe9t\xe9"), "latin1.txt: line 2: invalid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := actorsFile(t, dir, tc.file, tc.body)
			out, errs, code := cli(t, "annotate", p)
			if code != 1 {
				t.Fatalf("exit %d, want 1; stdout %q", code, out)
			}
			if !strings.Contains(errs, tc.want) {
				t.Errorf("stderr %q, want it to say %q", errs, tc.want)
			}
			if out != "" {
				t.Errorf("bad input printed %q", out)
			}
		})
	}
	if _, errs, code := cli(t, "annotate"); code != 1 || !strings.Contains(errs, "FILE") {
		t.Errorf("no file: exit %d, stderr %q", code, errs)
	}
	if _, errs, code := cli(t, "annotate", "--published", "tomorrow", filepath.Join(dir, "empty.txt")); code != 1 || !strings.Contains(errs, "--published") {
		t.Errorf("bad date: exit %d, stderr %q", code, errs)
	}
}

// cliStdin runs the command line with stdin as its standard input.
func cliStdin(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestActorsUnknown(t *testing.T) {
	for engine, db := range dsns(t) {
		t.Run(engine, func(t *testing.T) {
			dir := t.TempDir()
			// Written for this test: a general named after his rank, twice.
			actorsFile(t, dir, "a.txt", []byte("سرلشکر کامران دلاوری فرمانده نیروی زمینی ارتش روز گذشته در تهران با عباس عراقچی دیدار کرد. دلاوری در این دیدار از همکاری دو نهاد سخن گفت."))
			actorsFile(t, dir, "b.txt", []byte("سرلشکر کامران دلاوری روز سه‌شنبه از پادگانی در شمال کشور بازدید کرد."))
			if out, errs, code := cli(t, "ingest", "--db", db, dir); code != 0 {
				t.Fatalf("ingest: %s%s", out, errs)
			}
			out, errs, code := cli(t, "actors", "--unknown", "--db", db)
			if code != 0 {
				t.Fatalf("actors --unknown exited %d: %s", code, errs)
			}
			for _, s := range []string{"کامران-دلاوری (person) 4 mentions in 2 articles", "country: IRN  sector: MIL", "roles: فرمانده نیروی زمینی ارتش", "in a: سرلشکر کامران دلاوری فرمانده"} {
				if !strings.Contains(out, s) {
					t.Errorf("actors --unknown lacks %q:\n%s", s, out)
				}
			}
			if strings.Contains(out, "abbas-araghchi") {
				t.Errorf("a dictionary actor in the unknown list:\n%s", out)
			}
			out, errs, code = cli(t, "actors", "--unknown", "--json", "--db", db, "دلاوری")
			if code != 0 {
				t.Fatalf("actors --unknown --json exited %d: %s", code, errs)
			}
			var u didar.UnknownActor
			if err := json.Unmarshal([]byte(out), &u); err != nil {
				t.Fatalf("%v in %q", err, out)
			}
			if u.ID != "کامران-دلاوری" || u.InDictionary || u.Articles != 2 || u.ExampleArticle != "a" {
				t.Errorf("json = %+v", u)
			}
			if _, errs, code := cli(t, "actors", "--unknown", "--db", db, "--kind", "people"); code != 1 || !strings.Contains(errs, `--kind "people"`) {
				t.Errorf("bad --kind: exit %d, %s", code, errs)
			}
			// A curator adds him to a dictionary: recoding with it links
			// him to the entry, and he leaves the list.
			dict := t.TempDir()
			actorsFile(t, dict, "people.yaml", []byte("- id: kamran-delavari\n  kind: person\n  en: Kamran Delavari\n  fa: [کامران دلاوری]\n  country: IRN\n  sector: MIL\n"))
			if out, errs, code := cli(t, "recode", "--db", db, "--all", "--dict", dict); code != 0 {
				t.Fatalf("recode: %s%s", out, errs)
			}
			out, errs, code = cli(t, "actors", "--unknown", "--db", db)
			if code != 0 || strings.Contains(out, "دلاوری") {
				t.Errorf("after recoding with his entry (exit %d): %s%s", code, out, errs)
			}
		})
	}
}
