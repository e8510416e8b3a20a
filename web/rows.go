package web

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/didar-news/didar"
)

// The parts below repeat once per row or per month: events tables and
// the dyad timeline. They are written here rather than in templates
// because html/template spends about 30 µs a row on reflection and
// escaping, most of a page's CPU at 50 rows; a page of events renders
// about five times faster this way. Every value from the data passes
// through esc or pathEsc.

// html builds a fragment of markup.
type html struct{ strings.Builder }

func (b *html) raw(ss ...string) {
	for _, s := range ss {
		b.WriteString(s)
	}
}

// esc writes text or an attribute value, escaped.
func (b *html) esc(s string) { template.HTMLEscape(&b.Builder, []byte(s)) }

// at writes a coordinate attribute, to a tenth of a pixel.
func (b *html) at(name string, f float64) {
	var buf [32]byte
	b.raw(" ", name, `="`)
	b.Write(strconv.AppendFloat(buf[:0], f, 'f', 1, 64))
	b.raw(`"`)
}

// text writes an SVG text element that open starts, at x, y.
func (b *html) text(open string, x, y float64, anchor, s string) {
	b.raw(open)
	b.at("x", x)
	b.at("y", y)
	b.attr("text-anchor", anchor)
	b.raw(">")
	b.esc(s)
	b.raw("</text>")
}

// attr writes an attribute, its value escaped.
func (b *html) attr(name, value string) {
	b.raw(" ", name, `="`)
	b.esc(value)
	b.raw(`"`)
}

func (b *html) done() template.HTML { return template.HTML(b.String()) }

// pathEsc makes one segment of a link's path.
func pathEsc(s string) string { return url.PathEscape(s) }

// EventRows writes the rows of an events table: date, type with its
// marks, who, status, Goldstein score and the first report's link.
func (p *page) EventRows(evs []didar.StoredEvent) template.HTML {
	var b html
	b.Grow(700 * len(evs))
	for _, e := range evs {
		b.raw(`<tr class="q`, strconv.Itoa(e.QuadClass), `">`, "\n<td>")
		if e.Date.IsZero() {
			b.raw("–")
		} else {
			d := e.Date.String()
			b.raw(`<time datetime="`, d, `">`, d, `</time>`)
		}
		b.raw("</td>\n", `<td><a href="/events/`, pathEsc(e.ID), `">`)
		b.esc(p.Type(e.Type))
		b.raw("</a>")
		p.marks(&b, e.Corrected, e.Checked)
		b.raw("</td>\n<td>")
		p.who(&b, p.Who(e.Type, e.Actors, e.Source, e.Target))
		b.raw("</td>\n<td>")
		b.esc(p.Status(e.Status))
		b.raw("</td>\n", `<td class="num">`)
		b.esc(p.Num(e.Goldstein))
		b.raw("</td>\n", `<td class="num"><a href="/articles/`, pathEsc(e.ArticleID), `">`)
		b.esc(p.Num(e.NumArticles))
		b.raw("</a></td>\n</tr>\n")
	}
	return b.done()
}

// WhoHTML writes an event's actors: source, arrow and target for a
// directed event (others in brackets), else a list.
func (p *page) WhoHTML(w who) template.HTML {
	var b html
	p.who(&b, w)
	return b.done()
}

func (p *page) who(b *html, w who) {
	if !w.Directed {
		p.actorLinks(b, w.Others)
		return
	}
	b.raw(`<span class="who directed">`)
	p.actor(b, w.Source)
	b.raw(` <span class="arrow" role="img" aria-label="`)
	b.esc(p.T("who.to"))
	b.raw(`">`, p.Arrow(), `</span> `)
	p.actor(b, w.Target)
	b.raw(`</span>`)
	if len(w.Others) > 0 {
		b.raw(" (")
		p.actorLinks(b, w.Others)
		b.raw(")")
	}
}

func (p *page) actorLinks(b *html, refs []didar.ActorRef) {
	for i, a := range refs {
		if i > 0 {
			b.esc(p.Sep())
		}
		p.actor(b, a)
	}
}

// actor links an actor, or marks a side the coder left open.
func (p *page) actor(b *html, a didar.ActorRef) {
	if a.ID == "" {
		b.raw(`<span class="open" title="`)
		b.esc(p.T("who.open"))
		b.raw(`">?</span>`)
		return
	}
	b.raw(`<a href="/actors/`, pathEsc(a.ID), `"><bdi>`)
	b.esc(p.Name(a))
	b.raw(`</bdi></a>`)
}

// marks flags an event a user corrected or confirmed.
func (p *page) marks(b *html, corrected, checked bool) {
	for _, m := range []struct {
		on         bool
		class, key string
		sign       string
	}{{corrected, "corrected", "mark.corrected", "✎"}, {checked, "checked", "mark.checked", "✓"}} {
		if !m.on {
			continue
		}
		b.raw(` <span class="mark `, m.class, `" title="`)
		b.esc(p.T(m.key))
		b.raw(`" aria-label="`)
		b.esc(p.T(m.key))
		b.raw(`">`, m.sign, `</span>`)
	}
}

// TimelineBars writes the months of a dyad's timeline: a hover target
// with the month's counts, and a bar for each quad class it has.
func (p *page) TimelineBars(t timeline) template.HTML {
	var b html
	b.Grow(600 * len(t.Bars))
	// The labels every month repeats, escaped once.
	var quads [4]string
	for q := range quads {
		if q > 0 {
			quads[q] = template.HTMLEscapeString(p.Sep())
		}
		quads[q] += template.HTMLEscapeString(p.Quad(q+1)) + ": "
	}
	sum := " · " + template.HTMLEscapeString(p.T("dyad.goldstein_sum")) + ": "
	for _, m := range t.Bars {
		b.raw(`<g class="month"><title>`)
		b.esc(p.Digits(m.Month))
		b.raw(" — ")
		for q, label := range quads {
			b.raw(label)
			b.esc(p.Num(m.Counts[q]))
		}
		b.raw(sum)
		b.esc(p.Num(strconv.FormatFloat(m.Goldstein, 'f', 1, 64)))
		b.raw("</title>\n", `<rect class="hit"`)
		b.at("x", m.X)
		b.at("y", t.TopY)
		b.at("width", m.W)
		b.at("height", t.BotY-t.TopY)
		b.raw(`></rect>`, "\n")
		for q, r := range m.Rects {
			if r.H <= 0 {
				continue
			}
			b.raw(`<rect class="q`, strconv.Itoa(q+1), `"`)
			b.at("x", m.X)
			b.at("y", r.Y)
			b.at("width", m.W)
			b.at("height", r.H)
			b.raw(`></rect>`)
		}
		b.raw("\n</g>\n")
	}
	return b.done()
}

// DyadRows writes the rows of a dyad's table: a month, its events by
// quad class and its Goldstein sum.
func (p *page) DyadRows(ms []didar.DyadMonth) template.HTML {
	var b html
	b.Grow(200 * len(ms))
	for _, m := range ms {
		b.raw("<tr><td>")
		b.esc(p.Digits(m.Month))
		b.raw("</td>")
		for _, n := range m.QuadClass {
			b.raw(`<td class="num">`)
			b.esc(p.Num(n))
			b.raw("</td>")
		}
		b.raw(`<td class="num">`)
		b.esc(p.Num(m.Goldstein))
		b.raw("</td></tr>\n")
	}
	return b.done()
}

// NetworkEdges writes a network's ties as lines, each linking to its
// dyad, in the order given (weakest first, so that strong ones lie on
// top).
func (p *page) NetworkEdges(edges []drawnEdge) template.HTML {
	var b html
	for _, e := range edges {
		b.raw(`<a href="/dyads/`, pathEsc(e.A), `/`, pathEsc(e.B), `" tabindex="-1"><line class="`, e.Tone, `"`)
		b.attr("data-a", e.A)
		b.attr("data-b", e.B)
		b.at("x1", e.X1)
		b.at("y1", e.Y1)
		b.at("x2", e.X2)
		b.at("y2", e.Y2)
		b.at("stroke-width", e.Width)
		b.raw(`><title>`)
		b.esc(e.NameA + " – " + e.NameB + ": " + e.Types)
		b.raw(`</title></line></a>`)
	}
	return b.done()
}

// NetworkNodes writes a network's actors: a circle sized by events and
// a label where there is room for one.
func (p *page) NetworkNodes(nodes []drawnNode) template.HTML {
	var b html
	for _, n := range nodes {
		b.raw(`<a href="/actors/`, pathEsc(n.ID), `" class="node`)
		if !n.Label {
			b.raw(` unlabelled`)
		}
		b.raw(`"`)
		b.attr("data-id", n.ID)
		b.raw(`><title>`)
		b.esc(n.Name + ": " + p.Num(n.Events))
		b.raw(`</title><circle`)
		b.attr("class", "k-"+string(n.Kind))
		b.at("cx", n.X)
		b.at("cy", n.Y)
		b.at("r", n.R)
		b.raw(`></circle>`)
		b.text(`<text`, n.LabelX, n.LabelY, n.Anchor, n.Name)
		b.raw(`</a>`)
	}
	return b.done()
}

// NetworkList writes a network's ties as a list, strongest first.
func (p *page) NetworkList(edges []drawnEdge) template.HTML {
	var b html
	for _, e := range edges {
		b.raw(`<li><a href="/dyads/`, pathEsc(e.A), `/`, pathEsc(e.B), `">`)
		b.esc(e.NameA + " – " + e.NameB)
		b.raw(`</a>: `)
		b.esc(e.Types)
		b.raw(`</li>`)
	}
	return b.done()
}

// TypeOptions writes the options of an event type menu, selected
// marking the chosen one; a filter's menu opens with "any".
func (p *page) TypeOptions(selected string) template.HTML {
	var b html
	for _, t := range p.Types() {
		b.raw(`<option value="`, string(t), `"`)
		if string(t) == selected {
			b.raw(` selected`)
		}
		b.raw(`>`)
		b.esc(p.Type(t))
		b.raw(`</option>`)
	}
	return b.done()
}

// ArticleRows writes the items of a list of articles: headline, outlet,
// date, events and the start of the text.
func (p *page) ArticleRows(arts []didar.StoredArticle) template.HTML {
	var b html
	b.Grow(800 * len(arts))
	events := " " + template.HTMLEscapeString(p.T("stat.events"))
	for _, a := range arts {
		title := string(a.Title)
		if title == "" {
			title = a.ID
		}
		b.raw("<li>\n", `<h2><a href="/articles/`, pathEsc(a.ID), `">`)
		b.esc(title)
		b.raw("</a></h2>\n", `<p class="meta">`)
		b.esc(a.Outlet)
		b.raw(" · ")
		if a.Published.IsZero() {
			b.raw("–")
		} else {
			d := a.Published.String()
			b.raw(`<time datetime="`, d, `">`, d, `</time>`)
		}
		b.raw(" · ")
		b.esc(p.Num(a.NumEvents))
		b.raw(events, "</p>\n", `<p class="snippet">`)
		b.esc(a.Snippet)
		b.raw("</p>\n</li>\n")
	}
	return b.done()
}

// SVG writes a bar chart: a row for each item, its label, bar and count,
// linking to the item's events.
func (c barChart) SVG() template.HTML {
	var b html
	b.Grow(400 * len(c.Bars))
	b.raw(`<svg class="bars" viewBox="0 0 `, strconv.FormatFloat(c.W, 'f', -1, 64), " ", strconv.FormatFloat(c.H, 'f', -1, 64), `" role="img"`)
	b.attr("aria-label", c.Label)
	b.raw(` direction="ltr">`, "\n")
	for _, r := range c.Bars {
		b.raw(`<a`)
		b.attr("href", r.Href)
		b.raw(`><title>`)
		b.esc(r.Label + ": " + r.CountText)
		b.raw("</title>\n")
		b.text(`<text`, r.LabelX, r.TextY, r.LabelAnchor, r.Label)
		b.raw("\n<rect")
		b.at("x", r.X)
		b.at("y", r.Y)
		b.at("width", r.W)
		b.at("height", r.H)
		b.raw(` rx="3"></rect>`, "\n")
		b.text(`<text class="count"`, r.CountX, r.TextY, r.CntAnchor, r.CountText)
		b.raw("</a>\n")
	}
	b.raw("</svg>")
	return b.done()
}
