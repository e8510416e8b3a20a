package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer the server's goroutines and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestDemoCounts: the number of events the demo logs is the number the
// page and the API show.
func TestDemoCounts(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errs syncBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"demo", "--addr", "127.0.0.1:0"}, strings.NewReader(""), &out, &errs)
	}()
	defer func() { cancel(); <-done }()
	url := regexp.MustCompile(`open (http://\S+)`)
	var m []string
	for deadline := time.Now().Add(2 * time.Minute); m == nil; m = url.FindStringSubmatch(out.String()) {
		if time.Now().After(deadline) {
			t.Fatalf("the demo did not start:\n%s", errs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	logged := regexp.MustCompile(`demo loaded.* events=(\d+) reports=(\d+)`).FindStringSubmatch(errs.String())
	if logged == nil {
		t.Fatalf("no events in the log:\n%s", errs.String())
	}
	resp, err := http.Get(m[1] + "/api/stats")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var st struct{ Events int }
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		t.Fatal(err)
	}
	if got := logged[1]; got != strconv.Itoa(st.Events) {
		t.Errorf("the log says %s events, the API %d", got, st.Events)
	}
}
