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

// startDemo runs didar demo on a free port until the test ends and
// returns its URL and its log.
func startDemo(t *testing.T) (string, *syncBuffer) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errs syncBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"demo", "--addr", "127.0.0.1:0"}, strings.NewReader(""), &out, &errs)
	}()
	t.Cleanup(func() { cancel(); <-done })
	url := regexp.MustCompile(`open (http://\S+)`)
	var m []string
	for deadline := time.Now().Add(2 * time.Minute); m == nil; m = url.FindStringSubmatch(out.String()) {
		if time.Now().After(deadline) {
			t.Fatalf("the demo did not start:\n%s", errs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return m[1], &errs
}

// TestDemoCounts: the number of events the demo logs is the number the
// page and the API show.
func TestDemoCounts(t *testing.T) {
	url, errs := startDemo(t)
	logged := regexp.MustCompile(`demo loaded.* events=(\d+) reports=(\d+)`).FindStringSubmatch(errs.String())
	if logged == nil {
		t.Fatalf("no events in the log:\n%s", errs.String())
	}
	resp, err := http.Get(url + "/api/stats")
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

// TestSubmissionChecks posts to the API the texts that didar ingest
// refuses: the API refuses them too, with a 400 that says why.
func TestSubmissionChecks(t *testing.T) {
	t.Setenv("DIDAR_TOKEN", "secret")
	url, _ := startDemo(t)
	post := func(body []byte) (int, string) {
		req, _ := http.NewRequest(http.MethodPost, url+"/api/articles", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer secret")
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		return resp.StatusCode, b.String()
	}
	article := corpus["call.txt"]
	for _, tc := range []struct {
		name string
		body []byte
		code int
		want string
	}{
		{"short", []byte(`{"text": "متن کوتاه"}`), 400, "too little text"},
		{"invalid bytes", []byte(`{"text": "` + article[:40] + "\xff\xfe" + article[40:] + `"}`), 400, "U+FFFD"},
		{"article", []byte(`{"id": "call", "text": "` + article + `"}`), 201, `"created":true`},
	} {
		if code, body := post(tc.body); code != tc.code || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d %s; want %d with %q", tc.name, code, body, tc.code, tc.want)
		}
	}
}
