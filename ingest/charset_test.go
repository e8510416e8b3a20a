package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/normalize"
	"golang.org/x/text/encoding/charmap"
)

func encode1256(s string) ([]byte, error) {
	return charmap.Windows1256.NewEncoder().Bytes([]byte(s))
}

// damaged is UTF-8 Persian on three lines with one byte of a letter on
// the second line lost, as a bad copy or a cut transfer leaves it.
func damaged() []byte {
	b := []byte(persian1 + "\n" + persian2 + "\n" + persian3)
	i := len(persian1) + 1 + strings.Index(persian2, "نشست")
	return append(b[:i:i], b[i+1:]...)
}

// utf16le is s as a Windows editor saves "Unicode" text.
func utf16le(s string) []byte {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func TestDecodeText(t *testing.T) {
	cp := func(s string) []byte {
		b, _ := encode1256(strings.NewReplacer("ی", "ي", "ک", "ك").Replace(s))
		return b
	}
	tests := []struct {
		name    string
		in      []byte
		charset string // "" for an error
		err     string
	}{
		{"utf-8", []byte(persian1), "utf-8", ""},
		{"utf-8 with BOM", []byte("\ufeff" + persian1), "utf-8", ""},
		{"windows-1256", cp(persian1 + "\n" + persian3), "windows-1256", ""},
		// One letter before پ makes a valid UTF-8 pair by chance.
		{"windows-1256 with a chance UTF-8 pair", cp("ب" + "پ " + persian4), "windows-1256", ""},
		{"utf-8 with one bad byte", damaged(), "", "line 2: invalid UTF-8"},
		{"utf-8 with a windows-1256 line pasted in", append([]byte(persian1+"\n"+persian2+"\n"), cp("تهران")...), "", "line 3: invalid UTF-8"},
		{"utf-16le", utf16le(persian1), "utf-16le", ""},
		{"latin-1", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e plain bytes"), "", "neither UTF-8 nor windows-1256"},
		{"binary", []byte("ab\x00cd"), "", "NUL byte at offset 2"},
	}
	for _, tt := range tests {
		text, cs, err := decodeText(tt.in)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: error %v, want %q (decoded as %s: %.40q)", tt.name, err, tt.err, cs, text)
		case tt.err == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.err == "" && (cs != tt.charset || !utf8.ValidString(text) || arabicShare(text) < 0.9):
			t.Errorf("%s: decoded as %s: %.60q", tt.name, cs, text)
		}
	}
}

// TestWindows1256Pages stores windows-1256 pages declared by a <meta> tag,
// by the HTTP Content-Type only, and not at all: each is decoded once,
// its text and raw page are stored as UTF-8 with the charset they came in.
func TestWindows1256Pages(t *testing.T) {
	body := func(head string, extra string) []byte {
		b := []byte(`<!doctype html><html><head>` + head + `<title>` + extra + `</title></head><body><article><h1>`)
		b = append(b, cp1256(t, "دیدار وزیران "+extra)...)
		b = append(b, "</h1><p>"...)
		b = append(b, cp1256(t, persian1+" "+persian3+" "+extra)...)
		return append(b, "</p></article></body></html>"...)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1256")
		w.Write(body("", "http"))
	}))
	defer srv.Close()
	dir := t.TempDir()
	meta := write(t, dir, "meta.html", body(`<meta charset="windows-1256">`, "meta"))
	bare := write(t, dir, "bare.html", body("", "bare"))
	s := openStore(t)
	g := &Ingester{Store: s, Coder: &meetCoder{}, Fetch: fetcher(), Workers: 1}
	sum, err := g.Run(context.Background(), []string{meta, bare, srv.URL + "/news"})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 3 || sum.Failed != 0 {
		t.Fatalf("ingested %d, failed %d: %+v", sum.Ingested, sum.Failed, sum.Failures)
	}
	list, err := s.Articles(context.Background(), didar.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list.Articles {
		full, err := s.Article(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(normalize.Key(full.Text), normalize.Key("سفیر روسیه")) {
			t.Errorf("%s: text %q", a.ID, full.Text)
		}
		if !utf8.ValidString(full.Raw) || !strings.Contains(normalize.Key(full.Raw), normalize.Key("سفیر روسیه")) || !strings.Contains(full.Raw, "<article>") {
			t.Errorf("%s: raw page not kept decoded: %.200q", a.ID, full.Raw)
		}
		if full.Charset != "windows-1256" {
			t.Errorf("%s: charset %q, want windows-1256", a.ID, full.Charset)
		}
	}
}

// TestDamagedUTF8 ingests UTF-8 text with a lost byte: it fails naming the
// file and line, and nothing (no mojibake) is stored.
func TestDamagedUTF8(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "damaged.txt", damaged())
	h := write(t, dir, "damaged.html", append(append([]byte("<html><head><meta charset=utf-8></head><body><article><p>"), damaged()...), "</p></article></body></html>"...))
	s := openStore(t)
	g := &Ingester{Store: s, Coder: &meetCoder{}, Workers: 1}
	sum, err := g.Run(context.Background(), []string{p, h})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 0 || sum.Failed != 2 {
		t.Fatalf("ingested %d, failed %d, want 0 and 2: %+v", sum.Ingested, sum.Failed, sum.Failures)
	}
	for _, f := range sum.Failures {
		if filepath.Dir(f.Where) != dir || !strings.Contains(f.Reason, "line 2: invalid UTF-8") {
			t.Errorf("failure %+v: want the file and line 2", f)
		}
	}
}

// FuzzDecodeText: whatever the bytes, a decoded text is valid UTF-8, and
// valid UTF-8 comes back as it was.
func FuzzDecodeText(f *testing.F) {
	f.Add([]byte(persian1))
	f.Add(damaged())
	f.Add([]byte("\xef\xbb\xbf" + persian2))
	if b, err := encode1256(persian4); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		text, cs, err := decodeText(b)
		if err != nil {
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("decoded as %s into invalid UTF-8", cs)
		}
		if utf8.Valid(b) && text != strings.TrimPrefix(string(b), "\ufeff") {
			t.Fatalf("valid UTF-8 changed by decoding (%s)", cs)
		}
	})
}
