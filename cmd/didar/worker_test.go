package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/didar-news/didar/postgres"
	"github.com/didar-news/didar/queue"
	"github.com/didar-news/didar/samples"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// TestMain lets the test binary be the didar command, for the tests that
// run a worker as a process of its own (to kill it).
func TestMain(m *testing.M) {
	if os.Getenv("DIDAR_TEST_AS_DIDAR") == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// servers are the NATS and PostgreSQL servers of a queue test, with a
// stream and a schema of its own.
type servers struct {
	nats, pg, stream string
}

func queueServers(t *testing.T) *servers {
	n, pg := os.Getenv("DIDAR_TEST_NATS"), os.Getenv("DIDAR_TEST_POSTGRES")
	if n == "" || pg == "" {
		t.Skip("DIDAR_TEST_NATS and DIDAR_TEST_POSTGRES must both be set (nats://127.0.0.1:4222 with JetStream, and a PostgreSQL URL) to run the queue tests")
	}
	s := &servers{nats: n, pg: pg, stream: fmt.Sprintf("TEST_CLI_%d", time.Now().UnixNano())}
	t.Cleanup(s.removeStreams)
	return s
}

// removeStreams removes the test's streams and bucket from the server.
func (s *servers) removeStreams() {
	nc, err := nats.Connect(s.nats)
	if err != nil {
		return
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx := context.Background()
	js.DeleteStream(ctx, s.stream)
	js.DeleteStream(ctx, s.stream+"_FAILED")
	js.DeleteKeyValue(ctx, s.stream+"_WORKERS")
}

// schema makes a fresh schema, dropped at the end, and returns the URL of
// a store in it; app names the connections (application_name).
func (s *servers) schema(t testing.TB, app string) string {
	name := fmt.Sprintf("didar_q_%s_%d", app, time.Now().UnixNano())
	st, err := postgres.Open(context.Background(), s.pg, name)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	t.Cleanup(func() { postgres.DropSchema(context.Background(), s.pg, name) })
	sep := "?"
	if strings.Contains(s.pg, "?") {
		sep = "&"
	}
	return s.pg + sep + "search_path=" + name + ",public&application_name=" + name
}

// flags puts the queue flags after the command name, args[0].
func (s *servers) flags(args ...string) []string {
	return append([]string{args[0], "--queue", s.nats, "--stream", s.stream}, args[1:]...)
}

// writeCorpus writes the bundled samples as JSON articles, each also
// reprinted with a line added (a near-duplicate reporting the same
// events), and returns the directory and the number of articles.
func writeCorpus(t *testing.T) (string, int) {
	all, err := samples.All()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	n := 0
	for _, a := range all {
		for v, text := range []string{a.Text, a.Text + "\nبازنشر از خبرگزاری دیگر."} {
			body, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("%s-%d", a.ID, v), "source": a.Source, "title": a.Title,
				"published": a.Published.String(), "text": text})
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.json", a.ID, v)), body, 0o644); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	return dir, n
}

// startWorker runs `didar worker` in the test process until the test
// ends or stop is called.
func (s *servers) startWorker(t *testing.T, dsn string, args ...string) (stop func() string) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, s.flags(append([]string{"worker", "--db", dsn, "--every", "500ms"}, args...)...), strings.NewReader(""), &out, &errb)
	}()
	var once sync.Once
	stop = func() string {
		once.Do(func() {
			cancel()
			if code := <-done; code != 0 {
				t.Errorf("worker exited %d: %s", code, errb.String())
			}
		})
		return errb.String()
	}
	t.Cleanup(func() { stop() })
	return stop
}

// drain waits until the queue has no job pending or in flight.
func (s *servers) drain(t *testing.T, within time.Duration) *queue.Status {
	t.Helper()
	q, err := queue.Open(context.Background(), queue.Config{URL: s.nats, Stream: s.stream})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	deadline := time.Now().Add(within)
	for {
		st, err := q.Status(context.Background())
		if err == nil && st.Pending == 0 && st.InFlight == 0 {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue not drained after %s: %+v, %v", within, st, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := cli(t, args...)
	if code != 0 {
		t.Fatalf("didar %s: exit %d: %s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func count(t testing.TB, dsn, query string) int {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// dump returns every table of the store at dsn as sorted rows of JSON,
// with what depends on the order of arrival replaced by what it stands
// for: an article's seq by its id, an event's id by its reports, a
// story's id by its articles, an event's article by the reports it may
// be. ingested_at is dropped.
func dump(t *testing.T, dsn string) map[string][]string {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rowsOf := func(query string) []map[string]any {
		r, err := db.Query(query)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var out []map[string]any
		for r.Next() {
			var b []byte
			if err := r.Scan(&b); err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			out = append(out, m)
		}
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	ids := map[float64]string{}
	stories := map[string][]string{}
	for _, a := range rowsOf(`SELECT to_jsonb(a) FROM articles a`) {
		ids[a["seq"].(float64)] = a["id"].(string)
		stories[a["story_id"].(string)] = append(stories[a["story_id"].(string)], a["id"].(string))
	}
	events := map[string][]string{}
	firsts := map[string]map[string]bool{} // the articles of an event's earliest reports
	earliest := map[string]string{}
	for _, r := range rowsOf(`SELECT to_jsonb(r) FROM reports r`) {
		e, art, pub := r["event"].(string), ids[r["article"].(float64)], r["published"].(string)
		events[e] = append(events[e], art+"/"+r["local_id"].(string))
		if old, ok := earliest[e]; !ok || pub != "" && (old == "" || pub < old) {
			earliest[e], firsts[e] = pub, map[string]bool{}
		}
		if pub == earliest[e] {
			firsts[e][art] = true
		}
	}
	canon := func(m map[string][]string, k string) string {
		v := append([]string(nil), m[k]...)
		sort.Strings(v)
		return strings.Join(v, " ")
	}
	var tables []string
	// corpus_version counts writes, and the number of statements a
	// store takes depends on how its articles were batched.
	r, err := db.Query(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('schema_migrations', 'corpus_version')`)
	if err != nil {
		t.Fatal(err)
	}
	for r.Next() {
		var n string
		r.Scan(&n)
		tables = append(tables, n)
	}
	r.Close()
	out := map[string][]string{}
	for _, table := range tables {
		var lines []string
		for _, m := range rowsOf(`SELECT to_jsonb(t) FROM ` + table + ` t`) {
			delete(m, "seq")
			delete(m, "ingested_at")
			if s, ok := m["article"].(float64); ok {
				m["article"] = ids[s]
			}
			for _, col := range []string{"story_id", "story"} {
				if s, ok := m[col].(string); ok {
					m[col] = canon(stories, s)
				}
			}
			if table == "events" {
				// Of reports published the same day, the one that
				// arrived first represents the event: any of them will do.
				id := m["id"].(string)
				if firsts[id][m["article"].(string)] {
					m["article"] = fmt.Sprintf("one of the %d first reports", len(firsts[id]))
				}
				m["id"] = canon(events, id)
				var body map[string]any
				if json.Unmarshal([]byte(m["event"].(string)), &body) == nil {
					body["id"] = m["id"]
					m["event"] = body
				}
			} else if e, ok := m["event"].(string); ok {
				m["event"] = canon(events, e)
			}
			b, _ := json.Marshal(m)
			lines = append(lines, string(b))
		}
		sort.Strings(lines)
		out[table] = lines
	}
	return out
}

// sameStore fails unless the stores at a and b hold the same rows.
func sameStore(t *testing.T, a, b string) {
	t.Helper()
	da, db := dump(t, a), dump(t, b)
	if len(da["articles"]) == 0 {
		t.Fatal("the store is empty")
	}
	for table, rows := range da {
		other := db[table]
		if len(rows) != len(other) {
			t.Errorf("table %s: %d rows, single-process ingest %d", table, len(rows), len(other))
			continue
		}
		bad := 0
		for i := range rows {
			if rows[i] != other[i] {
				if bad < 2 {
					t.Errorf("table %s row %d:\n queue:  %.300s\n single: %.300s", table, i, rows[i], other[i])
				}
				bad++
			}
		}
		if bad > 0 {
			t.Errorf("table %s: %d of %d rows differ", table, bad, len(rows))
		}
	}
	if len(da) != len(db) {
		t.Errorf("%d tables, single-process ingest %d", len(da), len(db))
	}
}

// single ingests dir in one process into a fresh schema, for comparison.
func (s *servers) single(t *testing.T, dir string) string {
	dsn := s.schema(t, "single")
	mustCLI(t, "ingest", "--db", dsn, dir)
	return dsn
}

// Two workers share one stream: every article is stored once, and the
// store is the one a single ingest makes. Publishing again queues nothing.
func TestQueueTwoWorkers(t *testing.T) {
	s := queueServers(t)
	dir, n := writeCorpus(t)
	dsn := s.schema(t, "two")
	out := mustCLI(t, s.flags("ingest", dir)...)
	if !strings.HasPrefix(out, fmt.Sprintf("queued %d, already queued 0, failed 0", n)) {
		t.Fatalf("first publish: %s", out)
	}
	out = mustCLI(t, s.flags("ingest", dir)...)
	if !strings.HasPrefix(out, fmt.Sprintf("queued 0, already queued %d, failed 0", n)) {
		t.Fatalf("second publish: %s", out)
	}
	stop1 := s.startWorker(t, dsn, "--name", "one", "--batch", "8")
	stop2 := s.startWorker(t, dsn, "--name", "two", "--batch", "8")
	s.drain(t, 2*time.Minute)
	status := mustCLI(t, s.flags("queue", "status")...)
	log1, log2 := stop1(), stop2()
	for name, log := range map[string]string{"one": log1, "two": log2} {
		if !strings.Contains(log, "worker stopped") || !strings.Contains(log, "worker="+name) {
			t.Errorf("worker %s log:\n%s", name, log)
		}
	}
	if !strings.Contains(status, "0 pending, 0 in flight") || !strings.Contains(status, "one") || !strings.Contains(status, "two") {
		t.Errorf("status:\n%s", status)
	}
	if got := count(t, dsn, `SELECT count(*) FROM articles`); got != n {
		t.Errorf("%d articles stored, want %d", got, n)
	}
	sameStore(t, dsn, s.single(t, dir))
}

// startChild runs `didar worker` as a process of its own (this test
// binary, as TestMain makes it), and waits until it is mid-run and
// mid-batch: some articles committed, a batch in hand.
func (s *servers) startChild(t *testing.T, dsn string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, s.flags(append([]string{"worker", "--db", dsn, "--batch", "8"}, args...)...)...)
	cmd.Env = append(os.Environ(), "DIDAR_TEST_AS_DIDAR=1")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	q, err := queue.Open(context.Background(), queue.Config{URL: s.nats, Stream: s.stream})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		st, err := q.Status(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if st.InFlight > 0 && count(t, dsn, `SELECT count(*) FROM articles`) >= 16 {
			return cmd, &errb
		}
		if time.Now().After(deadline) {
			t.Fatalf("the worker never got going: %+v\n%s", st, errb.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A worker killed with SIGKILL mid-batch loses nothing: another takes
// its jobs, and the store is the one a single ingest makes.
func TestQueueWorkerKilled(t *testing.T) {
	s := queueServers(t)
	dir, n := writeCorpus(t)
	dsn := s.schema(t, "kill")
	mustCLI(t, s.flags("ingest", dir)...)
	cmd, _ := s.startChild(t, dsn, "--ack-wait", "3s", "--name", "doomed")
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if got := count(t, dsn, `SELECT count(*) FROM articles`); got >= n {
		t.Fatalf("the worker finished (%d articles) before it was killed", got)
	}
	s.startWorker(t, dsn, "--ack-wait", "3s")
	st := s.drain(t, 2*time.Minute)
	if st.Failed != 0 {
		t.Errorf("%d dead letters", st.Failed)
	}
	sameStore(t, dsn, s.single(t, dir))
}

// SIGTERM mid-batch: the worker finishes and acknowledges the batch in
// hand, and exits 0.
func TestQueueWorkerSIGTERM(t *testing.T) {
	s := queueServers(t)
	dir, _ := writeCorpus(t)
	dsn := s.schema(t, "term")
	mustCLI(t, s.flags("ingest", dir)...)
	cmd, errb := s.startChild(t, dsn, "--name", "stopped")
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("worker after SIGTERM: %v\n%s", err, errb.String())
	}
	if !strings.Contains(errb.String(), "worker stopped") {
		t.Errorf("log:\n%s", errb.String())
	}
	q, err := queue.Open(context.Background(), queue.Config{URL: s.nats, Stream: s.stream})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	st, err := q.Status(context.Background())
	if err != nil || st.InFlight != 0 || st.Pending == 0 {
		t.Fatalf("after SIGTERM: %+v, %v; want the batch in hand done, the rest pending", st, err)
	}
	stored := count(t, dsn, `SELECT count(*) FROM articles`)
	if len(st.Workers) != 1 || st.Workers[0].Done != stored {
		t.Errorf("workers %+v; %d articles stored", st.Workers, stored)
	}
}

// A poison article (one the database refuses) ends in the dead letters
// with its reason after its attempts; the others are stored; once the
// cause is fixed, `queue retry` stores it.
func TestQueuePoison(t *testing.T) {
	s := queueServers(t)
	dir, n := writeCorpus(t)
	dsn := s.schema(t, "poison")
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`ALTER TABLE articles ADD CONSTRAINT no_embargo CHECK (title NOT LIKE '%EMBARGO%')`); err != nil {
		t.Fatal(err)
	}
	poison := `{"id": "embargoed", "title": "EMBARGO تا ساعت ۱۰", "published": "2024-05-01", "text": "وزیر امور خارجه ایران در سفر به مسقط با همتای عمانی خود درباره تحولات منطقه و روابط دوجانبه گفت‌وگو کرد."}`
	if err := os.WriteFile(filepath.Join(dir, "embargoed.json"), []byte(poison), 0o644); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, s.flags("ingest", dir)...)
	stop := s.startWorker(t, dsn, "--attempts", "3", "--backoff", "50ms,100ms")
	st := s.drain(t, 2*time.Minute)
	log := stop()
	if st.Failed != 1 {
		t.Fatalf("%d dead letters, want 1\n%s", st.Failed, log)
	}
	failed := mustCLI(t, s.flags("queue", "failed")...)
	if !strings.Contains(failed, "embargoed.json") || !strings.Contains(failed, "no_embargo") || !strings.Contains(failed, "after 3 attempts") {
		t.Errorf("queue failed:\n%s", failed)
	}
	if got := count(t, dsn, `SELECT count(*) FROM articles`); got != n {
		t.Errorf("%d articles stored, want the %d good ones", got, n)
	}
	if _, err := db.Exec(`ALTER TABLE articles DROP CONSTRAINT no_embargo`); err != nil {
		t.Fatal(err)
	}
	if out := mustCLI(t, s.flags("queue", "retry")...); !strings.Contains(out, "requeued 1") {
		t.Errorf("queue retry: %s", out)
	}
	s.startWorker(t, dsn)
	if st := s.drain(t, time.Minute); st.Failed != 0 {
		t.Errorf("%d dead letters after the retry", st.Failed)
	}
	if got := count(t, dsn, `SELECT count(*) FROM articles WHERE id = 'embargoed'`); got != 1 {
		t.Errorf("the retried article is stored %d times", got)
	}
}

// The worker's PostgreSQL connections are cut mid-run: it reconnects,
// and the store is the one a single ingest makes.
func TestQueuePostgresDropped(t *testing.T) {
	s := queueServers(t)
	dir, _ := writeCorpus(t)
	dsn := s.schema(t, "drop")
	app := dsn[strings.LastIndex(dsn, "=")+1:]
	mustCLI(t, s.flags("ingest", dir)...)
	s.startWorker(t, dsn, "--batch", "8", "--backoff", "100ms")
	cut := 0
	for count(t, dsn, `SELECT count(*) FROM articles`) < 40 {
		time.Sleep(20 * time.Millisecond)
	}
	for range 3 {
		cut += count(t, s.pg, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '`+app+`'`)
		time.Sleep(300 * time.Millisecond)
	}
	if cut == 0 {
		t.Fatal("no connection of the worker's was cut")
	}
	if st := s.drain(t, 2*time.Minute); st.Failed != 0 {
		t.Errorf("%d dead letters", st.Failed)
	}
	sameStore(t, dsn, s.single(t, dir))
}

// Recoding through the queue: after a dictionary change, the workers
// (started with the new dictionary) recode every stored article.
func TestQueueRecode(t *testing.T) {
	s := queueServers(t)
	dir, n := writeCorpus(t)
	text := "به گزارش خبرگزاری نمونه، عباس عراقچی وزیر امور خارجه ایران روز دوشنبه ۲۶ آبان ۱۴۰۴ در تهران با کاوه آزادمنش فرستاده ویژه سازمان همکاری نمونه دیدار و درباره همکاری‌های منطقه‌ای گفت‌وگو کرد."
	if err := os.WriteFile(filepath.Join(dir, "envoy.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	n++
	dict := t.TempDir()
	entry := "- id: kaveh-azadmanesh\n  kind: person\n  en: Kaveh Azadmanesh\n  fa: [کاوه آزادمنش]\n  country: IRN\n  sector: GOV\n"
	if err := os.WriteFile(filepath.Join(dict, "people.yaml"), []byte(entry), 0o644); err != nil {
		t.Fatal(err)
	}
	dsn := s.schema(t, "recode")
	mustCLI(t, "ingest", "--db", dsn, dir)
	linked := `SELECT count(*) FROM articles WHERE record LIKE '%"kaveh-azadmanesh"%'`
	if got := count(t, dsn, linked); got != 0 {
		t.Fatalf("%d articles link the new entry before it exists", got)
	}
	out := mustCLI(t, s.flags("recode", "--db", dsn, "--dict", dict)...)
	if out != fmt.Sprintf("queued %d articles to recode\n", n) {
		t.Fatalf("recode --queue: %s", out)
	}
	stop := s.startWorker(t, dsn, "--dict", dict)
	s.drain(t, 2*time.Minute)
	if log := stop(); !strings.Contains(log, fmt.Sprintf("done=%d", n)) {
		t.Errorf("worker log:\n%s", log)
	}
	if got := count(t, dsn, linked); got != 1 {
		t.Errorf("%d articles link the new entry after the recode, want 1", got)
	}
	if got := count(t, dsn, `SELECT count(*) FROM articles`); got != n {
		t.Errorf("%d articles after the recode, want %d", got, n)
	}
}

func TestQueueRefusesSQLite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "didar.db")
	for _, args := range [][]string{
		{"worker", "--queue", "nats://127.0.0.1:4222", "--db", db},
		{"ingest", "--queue", "nats://127.0.0.1:4222", "--db", db, "x.txt"},
		{"recode", "--queue", "nats://127.0.0.1:4222", "--db", db},
	} {
		_, errs, code := cli(t, args...)
		if code != 1 || !strings.Contains(errs, db+" is a SQLite file") || !strings.Contains(errs, "postgres://") {
			t.Errorf("didar %s: exit %d: %s", args[0], code, errs)
		}
	}
}

func TestQueueDown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "nats://" + l.Addr().String()
	l.Close()
	for _, args := range [][]string{
		{"ingest", "--queue", url, "x.txt"},
		{"worker", "--queue", url, "--db", "postgres://127.0.0.1/none"},
		{"queue", "status", "--queue", url},
	} {
		_, errs, code := cli(t, args...)
		if code != 1 || !strings.Contains(errs, "cannot reach the queue at "+url) {
			t.Errorf("didar %s with the queue down: exit %d: %s", args[0], code, errs)
		}
	}
}

// The NATS server (here one in the test process, which can be
// restarted) goes down mid-run and comes back: the worker reconnects,
// and the store is the one a single ingest makes.
func TestQueueNATSRestart(t *testing.T) {
	pg := os.Getenv("DIDAR_TEST_POSTGRES")
	if pg == "" {
		t.Skip("DIDAR_TEST_POSTGRES is not set: set it to a PostgreSQL URL to run the queue tests")
	}
	dir, n := writeCorpus(t)
	store := t.TempDir()
	srv := startNATS(t, -1, store)
	port := srv.Addr().(*net.TCPAddr).Port
	s := &servers{nats: srv.ClientURL(), pg: pg, stream: "RESTART"}
	dsn := s.schema(t, "restart")
	mustCLI(t, s.flags("ingest", dir)...)
	s.startWorker(t, dsn, "--batch", "8", "--ack-wait", "3s", "--backoff", "100ms")
	for count(t, dsn, `SELECT count(*) FROM articles`) < n/4 {
		time.Sleep(20 * time.Millisecond)
	}
	srv.Shutdown()
	srv.WaitForShutdown()
	time.Sleep(time.Second)
	if got := count(t, dsn, `SELECT count(*) FROM articles`); got >= n {
		t.Fatalf("the run ended (%d articles) before the server went down", got)
	}
	srv = startNATS(t, port, store)
	if st := s.drain(t, 2*time.Minute); st.Failed != 0 {
		t.Errorf("%d dead letters", st.Failed)
	}
	sameStore(t, dsn, s.single(t, dir))
}

// startNATS runs a NATS server with JetStream in the test process, on
// port (-1: any) and storing in dir, until the test ends.
func startNATS(t *testing.T, port int, dir string) *server.Server {
	t.Helper()
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: port, JetStream: true, StoreDir: dir, NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("NATS server not ready")
	}
	t.Cleanup(srv.Shutdown)
	return srv
}

// watch --queue queues a feed's new items; a worker stores them.
func TestQueueWatch(t *testing.T) {
	s := queueServers(t)
	dsn := s.schema(t, "watch")
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>آزمایش</title>` +
		`<item><title>دیدار</title><link>http://x.example/1</link><description>` + corpus["visit.txt"] + `</description></item>` +
		`<item><title>تماس</title><link>http://x.example/2</link><description>` + corpus["call.txt"] + `</description></item>` +
		`</channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feed)
	}))
	defer srv.Close()
	_, errs, code := cli(t, s.flags("watch", "--once", "--delay", "0s", srv.URL+"/feed")...)
	if code != 0 || !strings.Contains(errs, "new=2") {
		t.Fatalf("watch --queue --once: exit %d\n%s", code, errs)
	}
	s.startWorker(t, dsn)
	s.drain(t, time.Minute)
	if got := count(t, dsn, `SELECT count(*) FROM articles WHERE url LIKE 'http://x.example/%'`); got != 2 {
		t.Errorf("%d feed items stored, want 2", got)
	}
}
