package ingest

import (
	"github.com/didar-news/didar"
	"strings"
	"testing"
)

func TestReadHTML(t *testing.T) {
	body := "<p>" + persian1 + "</p><p>" + persian2 + "</p><p>" + persian3 + "</p>"
	tests := []struct {
		name        string
		head        string
		body        string
		contentType string
		title, site string
		published   string
	}{
		{"og and article tags",
			`<meta property="og:title" content="عنوان خبر"><meta property="og:site_name" content="خبرگزاری"><meta property="article:published_time" content="2025-11-17T09:30:00Z">`,
			body, "text/html; charset=utf-8", "عنوان خبر", "خبرگزاری", "2025-11-17"},
		{"JSON-LD graph",
			`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"تیتر از داده ساختاریافته","datePublished":"2025-11-18T08:00:00+03:30","publisher":{"@type":"Organization","name":"ناشر"}}]}</script>`,
			body, "text/html", "تیتر از داده ساختاریافته", "ناشر", "2025-11-18"},
		{"broken JSON-LD and a Persian dateline in the text",
			`<title>صفحه</title><script type="application/ld+json">{broken</script>`,
			"<p>تهران - دوشنبه ۲۶ آبان ۱۴۰۴</p>" + body, "", "", "", "2025-11-17"},
	}
	for _, tt := range tests {
		page := "<html><head>" + tt.head + "</head><body><article>" + tt.body + "</article></body></html>"
		p, err := readHTML([]byte(page), tt.contentType, "https://example.ir/news/1")
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if tt.title != "" && p.Title != tt.title || p.Site != tt.site || p.Published.String() != tt.published {
			t.Errorf("%s: title %q, site %q, published %s; want %q, %q, %s", tt.name, p.Title, p.Site, p.Published, tt.title, tt.site, tt.published)
		}
		if !strings.Contains(p.Text, "سفیر روسیه") {
			t.Errorf("%s: main text lost: %q", tt.name, p.Text)
		}
	}
}

func TestReadHTMLWindows1256(t *testing.T) {
	page := append([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body><article><p>`),
		cp1256(t, persian1+" "+persian3)...)
	page = append(page, []byte("</p></article></body></html>")...)
	p, err := readHTML(page, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, "سفير روسيه") && !strings.Contains(p.Text, "سفیر روسیه") {
		t.Errorf("windows-1256 page read as %q", p.Text)
	}
}

func FuzzReadHTML(f *testing.F) {
	f.Add([]byte(page))
	f.Add([]byte("<html><script type=\"application/ld+json\">[[[{}]]]</script>"))
	f.Add([]byte{0xff, 0xfe, '<'})
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := readHTML(b, "", "")
		if err == nil && didar.CheckText(p.Text) != nil {
			t.Fatalf("accepted a page without enough text: %q", p.Text)
		}
	})
}

func FuzzFromMeta(f *testing.F) {
	f.Add([]byte(jsonLine(Meta{ID: "x", Published: "2025-11-17", Text: persian1})))
	f.Add([]byte(`{"text": 5}`))
	f.Add([]byte(`{"published": "۲۶ آبان ۱۴۰۴", "html": "<p>x</p>"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		it := fromMeta("f.jsonl:1", b)
		if it.Err == nil && didar.CheckText(it.Input.Text) != nil {
			t.Fatalf("accepted an item without text: %+v", it)
		}
		if it.Err != nil && !strings.HasPrefix(it.Where, "f.jsonl:1") {
			t.Fatalf("failure lost its place: %+v", it)
		}
	})
}
