package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestHelp asks every command for help in the three ways: each prints its
// usage and flags on standard output and exits 0, and no flag shows two
// defaults.
func TestHelp(t *testing.T) {
	twoDefaults := regexp.MustCompile(`(?i)default.*default`)
	for name := range commands {
		var first string
		for _, args := range [][]string{{name, "-h"}, {name, "--help"}, {"help", name}} {
			out, errs, code := cli(t, args...)
			if code != 0 || !strings.Contains(strings.ToLower(out), "usage") || errs != "" {
				t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
				continue
			}
			if first == "" {
				first = out
			} else if out != first {
				t.Errorf("%v printed other help than %s -h", args, name)
			}
			for _, line := range strings.Split(out, "\n") {
				if twoDefaults.MatchString(line) {
					t.Errorf("%v: a flag with two defaults: %q", args, line)
				}
			}
		}
	}
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		if out, _, code := cli(t, args...); code != 0 || !strings.Contains(out, "ingest") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
	if _, errs, code := cli(t, "help", "nosuch"); code != 2 || !strings.Contains(errs, `unknown command "nosuch"`) {
		t.Errorf("help nosuch: exit %d, %q", code, errs)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, _, code := cli(t, args...)
		if code != 0 || !strings.HasPrefix(out, "didar ") || !strings.Contains(out, "coder didar-extract/") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
}

// TestMissingDatabase: the commands that read a store refuse a SQLite
// file that does not exist, and leave no empty one behind.
func TestMissingDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "typo.db")
	for _, args := range [][]string{
		{"export", "--db", db},
		{"serve", "--db", db, "--addr", "127.0.0.1:0"},
		{"recode", "--db", db},
		{"actors", "--db", db, "--unknown"},
	} {
		_, errs, code := cli(t, args...)
		if code != 1 || !strings.Contains(errs, "typo.db does not exist") {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%v created %s", args, db)
		}
	}
}

// TestInvalidDates: a date that is not on the calendar says why.
func TestInvalidDates(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(p, []byte(corpus["visit.txt"]), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"extract", "--published", "2024-02-30", p}, "2024-02-30: February has 29 days in 2024"},
		{[]string{"extract", "--published", "1404-07-31", p}, "1404-07-31: no such day in the Solar Hijri calendar"},
		{[]string{"export", "--from", "2025-04-31"}, "2025-04-31: April has 30 days in 2025"},
		{[]string{"export", "--to", "2025-13-01"}, "there is no month 13"},
	} {
		if _, errs, code := cli(t, tc.args...); code == 0 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, %q; want %q", tc.args, code, errs, tc.want)
		}
	}
	if out, errs, code := cli(t, "extract", "--published", "1403-02-31", p); code != 0 || !strings.Contains(out, `"published":"2024-05-20"`) {
		t.Errorf("1403-02-31 (Ordibehesht has 31 days): exit %d, %s %s", code, errs, out[:min(len(out), 200)])
	}
}

// TestIngestPublishedSource dates and attributes bare text files from the
// command line, and warns with a count when stored events have no date.
func TestIngestPublishedSource(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "call.txt")
	os.WriteFile(p, []byte(corpus["call.txt"]), 0o644)
	db := filepath.Join(dir, "a.db")
	out, errs, code := cli(t, "ingest", "--db", db, p)
	// No dateline, no publication date: none of its events is dated.
	coded := regexp.MustCompile(`(\d+) events coded`).FindStringSubmatch(out)
	if code != 0 || coded == nil || !strings.Contains(out, "warning: "+coded[1]+" of these events have no date") {
		t.Errorf("undated ingest: exit %d\n%s%s", code, out, errs)
	}
	db2 := filepath.Join(dir, "b.db")
	out, errs, code = cli(t, "ingest", "--db", db2, "--published", "1404-08-27", "--source", "خبرگزاری آزمایشی", p)
	if code != 0 || strings.Contains(out, "warning") {
		t.Errorf("dated ingest: exit %d\n%s%s", code, out, errs)
	}
	out, _, _ = cli(t, "export", "--db", db2, "--format", "jsonl")
	if !strings.Contains(out, `"published":"2025-11-18"`) || !strings.Contains(out, `"source":"خبرگزاری آزمایشی"`) {
		t.Errorf("export after --published/--source: %.300s", out)
	}
	if _, errs, code := cli(t, "ingest", "--db", db2, "--published", "2025-02-29", p); code == 0 || !strings.Contains(errs, "February has 28 days in 2025") {
		t.Errorf("bad --published: exit %d, %s", code, errs)
	}
}
