package samples

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"articles/002-b.txt": {Data: []byte("متن دوم\n")},
		"articles/001-a.txt": {Data: []byte("متن اول\n")},
		"meta.jsonl": {Data: []byte(`{"id": "002-b", "published": null, "source": "ایسنا", "url": null, "title": null}
{"id": "001-a", "published": "2023-12-05", "source": "ایرنا", "url": "https://example.org/1", "title": "عنوان"}
`)},
	}
	got, err := load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "001-a" || got[1].ID != "002-b" {
		t.Fatalf("load = %+v, want 001-a then 002-b", got)
	}
	a := got[0]
	if a.Source != "ایرنا" || a.Title != "عنوان" || a.URL != "https://example.org/1" || a.Published.String() != "2023-12-05" || a.Text != "متن اول\n" {
		t.Errorf("first sample = %+v", a)
	}
	if b := got[1]; !b.Published.IsZero() || b.Title != "" || b.URL != "" {
		t.Errorf("second sample has values its metadata does not give: %+v", b)
	}
}

func TestLoadErrors(t *testing.T) {
	article := &fstest.MapFile{Data: []byte("متن\n")}
	good := `{"id": "001-a", "published": null, "source": "ایرنا", "url": null, "title": null}` + "\n"
	for _, c := range []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"no meta line", fstest.MapFS{"articles/001-a.txt": article, "articles/002-b.txt": article, "meta.jsonl": {Data: []byte(good)}},
			"articles/002-b.txt: no line in meta.jsonl"},
		{"meta without article", fstest.MapFS{"meta.jsonl": {Data: []byte(good)}},
			`meta.jsonl:1: id "001-a" has no file`},
		{"bad json", fstest.MapFS{"articles/001-a.txt": article, "meta.jsonl": {Data: []byte(good + "{\n")}},
			"meta.jsonl:2:"},
		{"unknown key", fstest.MapFS{"articles/001-a.txt": article, "meta.jsonl": {Data: []byte(`{"id": "001-a", "date": "2020-01-01"}` + "\n")}},
			`meta.jsonl:1: json: unknown field "date"`},
		{"bad date", fstest.MapFS{"articles/001-a.txt": article, "meta.jsonl": {Data: []byte(`{"id": "001-a", "published": "2023-13-05"}` + "\n")}},
			"meta.jsonl:1:"},
		{"duplicate id", fstest.MapFS{"articles/001-a.txt": article, "meta.jsonl": {Data: []byte(good + good)}},
			`meta.jsonl:2: duplicate id "001-a"`},
		{"empty id", fstest.MapFS{"meta.jsonl": {Data: []byte(`{"id": ""}` + "\n")}},
			"meta.jsonl:1: empty id"},
		{"no meta file", fstest.MapFS{"articles/001-a.txt": article},
			"read meta.jsonl"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := load(c.fsys)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("load: error %v, want one containing %q", err, c.want)
			}
		})
	}
}

func TestGoldIsEmbedded(t *testing.T) {
	b, err := Gold()
	if err != nil {
		t.Fatal(err)
	}
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), "\n"); n != len(all) {
		t.Errorf("gold.jsonl has %d lines, corpus %d articles", n, len(all))
	}
}
