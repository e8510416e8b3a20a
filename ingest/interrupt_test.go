package ingest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/sqlite"
)

// corpusDir writes n JSON articles, each reporting one meeting on its
// own date (three days apart, so none merge).
func corpusDir(t *testing.T, n int) string {
	dir := t.TempDir()
	start := didar.Date{Year: 2020, Month: 1, Day: 1}
	for i := range n {
		m := Meta{ID: fmt.Sprintf("art%04d", i), Published: start.AddDays(3 * i).String(),
			Text: fmt.Sprintf("%s شماره %d در روز %d.", persian1, i, i)}
		write(t, dir, fmt.Sprintf("art%04d.json", i), []byte(jsonLine(m)))
	}
	return dir
}

// checkWhole checks that every stored article has its whole record: one
// event reported by it alone.
func checkWhole(t *testing.T, s didar.Store) int {
	t.Helper()
	ctx := context.Background()
	n := 0
	f := didar.ArticleFilter{Limit: didar.MaxLimit}
	for {
		page, err := s.Articles(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range page.Articles {
			n++
			rec, err := s.Record(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if a.NumEvents != 1 || len(rec.Events) != 1 {
				t.Errorf("article %s stored with %d events, want 1", a.ID, len(rec.Events))
			}
		}
		if page.Next == "" {
			break
		}
		f.Cursor = page.Next
	}
	events, err := s.Events(ctx, didar.EventFilter{Limit: didar.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if len(events.Events) != n {
		t.Errorf("%d events for %d articles: a half-stored article", len(events.Events), n)
	}
	return n
}

func TestCancelMidRun(t *testing.T) {
	const n = 60
	dir := corpusDir(t, n)
	s := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	coder := &meetCoder{after: func(k int64) {
		if k == 20 {
			cancel()
		}
	}}
	g := &Ingester{Store: s, Coder: coder, Workers: 2}
	sum, err := g.Run(ctx, []string{dir})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("run cancelled mid-way returned %v", err)
	}
	stored := checkWhole(t, s)
	if stored != sum.Ingested || stored >= n {
		t.Errorf("%d stored, summary says %d, of %d", stored, sum.Ingested, n)
	}
	g.Coder = &meetCoder{}
	again, err := g.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if again.Ingested != n-stored || again.Present != stored || checkWhole(t, s) != n {
		t.Errorf("rerun: %+v after %d stored", again, stored)
	}
}

// TestKillChild is the child of TestKill: it ingests slowly until killed.
func TestKillChild(t *testing.T) {
	spec := os.Getenv("DIDAR_INGEST_CHILD")
	if spec == "" {
		t.Skip("run by TestKill")
	}
	db, dir, _ := strings.Cut(spec, "|")
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	g := &Ingester{Store: s, Coder: &meetCoder{after: func(int64) { time.Sleep(3 * time.Millisecond) }}, Workers: 1}
	g.Run(context.Background(), []string{dir})
	time.Sleep(time.Minute) // wait to be killed
}

// TestKill kills an ingesting process with SIGKILL and checks that the
// database holds only whole articles and that a rerun completes.
func TestKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	const n = 400
	dir := corpusDir(t, n)
	db := filepath.Join(t.TempDir(), "didar.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DIDAR_INGEST_CHILD="+db+"|"+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the child stored nothing in 30 s")
		}
		time.Sleep(20 * time.Millisecond)
		if got := countArticles(db); got >= 30 {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stored := checkWhole(t, s)
	if stored == 0 || stored >= n {
		t.Fatalf("%d articles stored when killed, want some but not all %d", stored, n)
	}
	g := &Ingester{Store: s, Coder: &meetCoder{}}
	sum, err := g.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != n-stored || sum.Present != stored || sum.Failed != 0 || checkWhole(t, s) != n {
		t.Errorf("rerun after kill: %+v, %d stored before", sum, stored)
	}
}

// countArticles reads the child's database without migrating it, so as
// not to race the child's own start.
func countArticles(path string) int {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n)
	return n
}
