package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/didar-news/didar/postgres"
)

// articles written for these tests (not from any outlet).
var corpus = map[string]string{
	"visit.txt": "به گزارش خبرگزاری نمونه، عباس عراقچی وزیر امور خارجه ایران روز دوشنبه ۲۶ آبان ۱۴۰۴ در پکن با وانگ یی وزیر امور خارجه چین دیدار و گفت‌وگو کرد. دو طرف درباره گسترش همکاری‌های اقتصادی و تحولات منطقه تبادل نظر کردند.",
	"call.txt":  "سرگئی لاوروف وزیر امور خارجه روسیه در تماس تلفنی با عباس عراقچی درباره برنامه هسته‌ای ایران و روند مذاکرات گفت‌وگو کرد. این گفت‌وگو به درخواست طرف روس انجام شد.",
	"other.json": `{"id": "budget", "published": "2025-11-20", "source": "ایرنا", "url": "https://irna.example/1",
		"text": "سخنگوی دولت در نشست خبری هفتگی درباره لایحه بودجه سال آینده و وضعیت بازار ارز توضیح داد و به پرسش‌های خبرنگاران پاسخ گفت."}`,
}

func cli(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// dsns returns the databases to run the CLI tests on: a SQLite file, and
// a PostgreSQL schema when DIDAR_TEST_POSTGRES is set.
func dsns(t *testing.T) map[string]string {
	m := map[string]string{"sqlite": filepath.Join(t.TempDir(), "didar.db")}
	u := os.Getenv("DIDAR_TEST_POSTGRES")
	if u == "" {
		t.Log("DIDAR_TEST_POSTGRES is not set: the CLI runs on SQLite only")
		return m
	}
	schema := fmt.Sprintf("didar_cli_%d", time.Now().UnixNano())
	s, err := postgres.Open(context.Background(), u, schema)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	t.Cleanup(func() { postgres.DropSchema(context.Background(), u, schema) })
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	m["postgres"] = u + sep + "search_path=" + schema + ",public"
	return m
}

func TestCorpusCommands(t *testing.T) {
	dir := t.TempDir()
	for name, text := range corpus {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "junk.bin"), []byte{0, 1, 2, 3}, 0o644)
	for engine, db := range dsns(t) {
		t.Run(engine, func(t *testing.T) {
			out, errs, code := cli(t, "ingest", "--db", db, dir)
			if code != 1 || !strings.Contains(out, "ingested 3, already present 0, failed 1") || !strings.Contains(out, "junk.bin: binary") {
				t.Fatalf("ingest: code %d\n%s%s", code, out, errs)
			}
			out, errs, code = cli(t, "ingest", "--db", db, filepath.Join(dir, "visit.txt"), filepath.Join(dir, "call.txt"))
			if code != 0 || !strings.Contains(out, "ingested 0, already present 2, failed 0") {
				t.Fatalf("second ingest: code %d\n%s%s", code, out, errs)
			}
			out, errs, code = cli(t, "export", "--db", db, "--format", "jsonl")
			if code != 0 || strings.Count(out, "\n") != 3 {
				t.Fatalf("export jsonl: code %d, %d lines\n%s", code, strings.Count(out, "\n"), errs)
			}
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				var rec struct {
					Article struct{ ID, Text string }
				}
				if err := json.Unmarshal([]byte(line), &rec); err != nil || rec.Article.Text == "" {
					t.Errorf("record line %.80q: %v", line, err)
				}
			}
			out, errs, code = cli(t, "export", "--db", db, "--format", "csv", "--from", "2025-01-01", "--country", "IRN")
			if code != 0 || !strings.HasPrefix(out, "GlobalEventID,Day,") {
				t.Fatalf("export csv: code %d\n%s%s", code, out, errs)
			}
			out, errs, code = cli(t, "export", "--db", db, "--format", "gexf")
			if code != 0 || xml.Unmarshal([]byte(out), new(struct{})) != nil {
				t.Fatalf("export gexf: code %d\n%s%s", code, out, errs)
			}
			if _, errs, code = cli(t, "export", "--db", db, "--format", "pdf"); code == 0 || !strings.Contains(errs, "want csv, jsonl or gexf") {
				t.Errorf("export --format pdf: code %d, %s", code, errs)
			}
			if _, errs, code = cli(t, "export", "--db", db, "--from", "yesterday"); code == 0 || !strings.Contains(errs, "YYYY-MM-DD") {
				t.Errorf("export --from yesterday: code %d, %s", code, errs)
			}
			out, errs, code = cli(t, "recode", "--db", db)
			if code != 0 || !strings.Contains(out, "recoded 0 articles") {
				t.Errorf("recode: code %d\n%s%s", code, out, errs)
			}
			out, errs, code = cli(t, "recode", "--db", db, "--all")
			if code != 0 || !strings.Contains(out, "recoded 3 articles") || !strings.Contains(out, "0 events appeared, 0 disappeared, 0 changed") {
				t.Errorf("recode --all: code %d\n%s%s", code, out, errs)
			}
		})
	}
}

func TestWatchOnce(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>آزمایش</title><item><title>خبر</title><link>http://x.example/1</link><description>` +
		strings.Repeat(corpus["visit.txt"]+" ", 4) + `</description></item></channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/down" {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feed)
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "didar.db")
	out, errs, code := cli(t, "watch", "--db", db, srv.URL+"/feed", "--once", "--delay", "0s")
	if code != 0 || !strings.Contains(errs, "ingested=1") {
		t.Fatalf("watch --once: code %d\n%s%s", code, out, errs)
	}
	_, errs, code = cli(t, "watch", "--db", db, "--once", srv.URL+"/down")
	if code == 0 || !strings.Contains(errs, "HTTP 500") {
		t.Errorf("watch a feed that is down: code %d\n%s", code, errs)
	}
}
