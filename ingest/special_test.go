package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/extract"
)

// finish runs f and fails the test if it has not returned within a
// minute: the faults below used to block forever.
func finish(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatalf("%s never returned", what)
	}
}

// TestSpecialFiles names FIFOs, symbolic links and loops with the reason
// they are refused, on the command line and inside a directory, next to
// a good file that is stored; nothing blocks on the FIFO.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "good.txt", []byte(persian1))
	outside := write(t, t.TempDir(), "outside.txt", []byte(persian2))
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for name, target := range map[string]string{"link.txt": outside, "loop": filepath.Join(dir, "loop"), "broken": filepath.Join(dir, "nothing")} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	lonely := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(lonely, 0o644); err != nil {
		t.Fatal(err)
	}
	s := openStore(t)
	g := &Ingester{Store: s, Coder: &meetCoder{}, Workers: 1}
	var sum *Summary
	var err error
	finish(t, "ingest of FIFOs", func() { sum, err = g.Run(context.Background(), []string{dir, lonely}) })
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"pipe":     "named pipe",
		"fifo":     "named pipe",
		"link.txt": "symbolic link (-> " + outside + "), not followed",
		"loop":     "symbolic link loop",
		"broken":   "broken symbolic link",
	}
	got := map[string]string{}
	for _, f := range sum.Failures {
		got[filepath.Base(f.Where)] = f.Reason
	}
	for name, reason := range want {
		if !strings.Contains(got[name], reason) {
			t.Errorf("%s: reason %q, want %q", name, got[name], reason)
		}
	}
	if sum.Ingested != 1 || sum.Failed != len(want) {
		t.Errorf("ingested %d, failed %d; want 1 and %d: %+v", sum.Ingested, sum.Failed, len(want), sum.Failures)
	}
	var text string
	finish(t, "ReadText of a FIFO", func() { text, err = ReadText(context.Background(), lonely, nil, 1<<20) })
	if err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("ReadText of a FIFO: %q, %v", text, err)
	}
}

// TestCancelStdin cancels a run reading standard input that never ends,
// as SIGINT does: it stops, saying why.
func TestCancelStdin(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	w2 := make(chan struct{})
	go func() { w.Write([]byte(persian1)); close(w2) }() // some input, then silence
	ctx, cancel := context.WithCancel(context.Background())
	g := &Ingester{Store: openStore(t), Coder: &meetCoder{}, Workers: 1, Stdin: r}
	go func() { <-w2; cancel() }()
	var err error
	finish(t, "ingest of a silent standard input", func() { _, err = g.Run(ctx, []string{"-"}) })
	if err == nil || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("run ended with %v, want it cancelled", err)
	}
	finish(t, "ReadText of a silent standard input", func() { _, err = ReadText(ctx, "-", r, 1<<20) })
	if err == nil {
		t.Error("ReadText of a cancelled standard input succeeded")
	}
}

// TestOneValidation sends the same texts through a file and through Save
// (what POST /api/articles calls, after JSON decoding has turned invalid
// bytes into U+FFFD): each path refuses exactly what the other refuses.
func TestOneValidation(t *testing.T) {
	tests := []struct {
		name string
		file []byte
		ok   bool
	}{
		{"article", []byte(persian3), true},
		{"short", []byte("کوتاه است"), false},
		{"invalid bytes", []byte(persian1 + "\n" + persian2 + "\xff\xfe" + persian3), false},
		{"NUL", []byte(persian1 + "\x00" + persian2), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t)
			p := write(t, t.TempDir(), "a.txt", tt.file)
			sum, err := (&Ingester{Store: s, Coder: &meetCoder{}, Workers: 1}).Run(context.Background(), []string{p})
			if err != nil {
				t.Fatal(err)
			}
			var sub struct{ Text string }
			if err := json.Unmarshal(append(append([]byte(`{"text": "`), bytes.ReplaceAll(tt.file, []byte("\n"), []byte(`\n`))...), `"}`...), &sub); err != nil {
				sub.Text = string(tt.file) // NUL cannot travel raw in JSON; \u0000 can
			}
			res, saveErr := Save(context.Background(), openStore(t), &meetCoder{}, extract.Input{Text: sub.Text})
			if fileOK := sum.Ingested == 1; fileOK != tt.ok || (saveErr == nil) != tt.ok {
				t.Errorf("file ingested: %v (%+v); API: %+v, %v; want ok=%v", fileOK, sum.Failures, res, saveErr, tt.ok)
			}
			if saveErr != nil && didar.ErrorCode(saveErr) != didar.EINVALID {
				t.Errorf("API error %v is not a 400", saveErr)
			}
		})
	}
}
