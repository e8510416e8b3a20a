package web

import (
	"crypto/sha256"
	"fmt"
	"html/template"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
	"gonum.org/v1/gonum/spatial/r2"

	"github.com/didar-news/didar"
)

// The charts are computed here as plain geometry and drawn by the
// templates, so that every label passes through html/template's escaping.

// barChart is a horizontal bar chart; in a right-to-left page the labels
// stand on the right and the bars grow leftwards.
type barChart struct {
	Label string
	W, H  float64
	Bars  []bar
}

type bar struct {
	Label, Href, CountText string
	Count                  int
	X, Y, W, H             float64
	LabelX, CountX, TextY  float64
	LabelAnchor, CntAnchor string
}

func newBarChart(rtl bool, items []barItem, num func(any) string) barChart {
	const (
		width  = 600.0
		row    = 32.0
		labelW = 150.0
		gap    = 8.0
		countW = 48.0
	)
	c := barChart{W: width, H: row*float64(len(items)) + 4}
	max := 1
	for _, it := range items {
		if it.Count > max {
			max = it.Count
		}
	}
	plot := width - labelW - gap - countW
	for i, it := range items {
		w := plot * float64(it.Count) / float64(max)
		y := float64(i)*row + 2
		b := bar{Label: it.Label, Href: it.Href, Count: it.Count, CountText: num(it.Count), Y: y + 4, W: w, H: row - 8, TextY: y + row/2 + 5}
		if rtl {
			b.LabelX, b.LabelAnchor = width-4, "end"
			b.X = width - labelW - gap - w
			b.CountX, b.CntAnchor = b.X-6, "end"
		} else {
			b.LabelX, b.LabelAnchor = labelW-4, "end"
			b.X = labelW + gap
			b.CountX, b.CntAnchor = b.X+w+6, "start"
		}
		c.Bars = append(c.Bars, b)
	}
	return c
}

type barItem struct {
	Label, Href string
	Count       int
}

// timeline draws a dyad's months: cooperation (quad classes 1 and 2)
// above the axis, conflict (3 and 4) below, and the summed Goldstein
// score as a line. Months without events are filled in so that gaps
// show as gaps.
type timeline struct {
	W, H, Zero float64
	Left       float64
	Right      float64
	Bars       []timelineBar
	Line       string // polyline points of the Goldstein sum
	Ticks      []tick
	MaxCount   int
	MaxG       float64
	TopY, BotY float64
}

type timelineBar struct {
	Month     string
	X, W      float64
	Rects     [4]rect // by quad class
	Counts    [4]int
	Events    int
	Goldstein float64
	HasEvents bool
	LineX     float64
	LineY     float64
}

type rect struct{ Y, H float64 }

type tick struct {
	X     float64
	Label string
}

func newTimeline(months []didar.DyadMonth) timeline {
	const (
		width  = 760.0
		height = 320.0
		left   = 44.0
		right  = 44.0
		top    = 16.0
		bottom = 30.0
	)
	t := timeline{W: width, H: height, Left: left, Right: width - right, TopY: top, BotY: height - bottom}
	t.Zero = top + (height-top-bottom)/2
	if len(months) == 0 {
		return t
	}
	all := fillMonths(months)
	half := t.Zero - top
	t.MaxCount, t.MaxG = 1, 1
	for _, m := range all {
		if up := m.QuadClass[0] + m.QuadClass[1]; up > t.MaxCount {
			t.MaxCount = up
		}
		if down := m.QuadClass[2] + m.QuadClass[3]; down > t.MaxCount {
			t.MaxCount = down
		}
		if g := math.Abs(m.Goldstein); g > t.MaxG {
			t.MaxG = g
		}
	}
	step := (t.Right - t.Left) / float64(len(all))
	unit := half / float64(t.MaxCount)
	var pts []string
	for i, m := range all {
		x := t.Left + float64(i)*step
		b := timelineBar{Month: m.Month, X: x + step*0.1, W: step * 0.8, Counts: m.QuadClass, Events: m.Events, Goldstein: m.Goldstein, HasEvents: m.Events > 0}
		// Cooperation stacks upwards from the axis: verbal, then material.
		y := t.Zero
		for q := 0; q < 2; q++ {
			h := float64(m.QuadClass[q]) * unit
			y -= h
			b.Rects[q] = rect{Y: y, H: h}
		}
		// Conflict stacks downwards: verbal, then material.
		y = t.Zero
		for q := 2; q < 4; q++ {
			h := float64(m.QuadClass[q]) * unit
			b.Rects[q] = rect{Y: y, H: h}
			y += h
		}
		b.LineX = x + step/2
		b.LineY = t.Zero - m.Goldstein/t.MaxG*half
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", b.LineX, b.LineY))
		t.Bars = append(t.Bars, b)
		// The first month is labelled with its year unless January comes
		// too soon after it for both labels to fit.
		if strings.HasSuffix(m.Month, "-01") || (i == 0 && (len(all) <= 12 || m.Month[5:] <= "09")) {
			label := m.Month[:4]
			if len(all) <= 12 {
				label = m.Month
			}
			t.Ticks = append(t.Ticks, tick{X: x, Label: label})
		} else if len(all) <= 12 {
			t.Ticks = append(t.Ticks, tick{X: x, Label: m.Month[5:]})
		}
	}
	t.Line = strings.Join(pts, " ")
	return t
}

// fillMonths returns every month from the first to the last of ms, with
// zero counts where ms has none.
func fillMonths(ms []didar.DyadMonth) []didar.DyadMonth {
	byMonth := map[string]didar.DyadMonth{}
	for _, m := range ms {
		byMonth[m.Month] = m
	}
	keys := make([]string, 0, len(byMonth))
	for k := range byMonth {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var y, m, ly, lm int
	fmt.Sscanf(keys[0], "%d-%d", &y, &m)
	fmt.Sscanf(keys[len(keys)-1], "%d-%d", &ly, &lm)
	var out []didar.DyadMonth
	// Bounded so that a stray year in the data cannot make a huge chart.
	for i := 0; i < 600 && (y < ly || (y == ly && m <= lm)); i++ {
		k := fmt.Sprintf("%04d-%02d", y, m)
		v, ok := byMonth[k]
		if !ok {
			v = didar.DyadMonth{Month: k}
		}
		out = append(out, v)
		if m++; m > 12 {
			y, m = y+1, 1
		}
	}
	return out
}

// networkDrawing is a laid-out actor network.
type networkDrawing struct {
	W, H  float64
	Nodes []drawnNode
	Edges []drawnEdge // strongest first
	Drawn []drawnEdge // weakest first, so that strong ties lie on top
	// The markup of the lines, the nodes and the list of ties.
	EdgesHTML, NodesHTML, ListHTML template.HTML
}

type drawnNode struct {
	didar.NetworkNode
	Name    string
	X, Y, R float64
	// The label stands beside the node where it meets no other label or
	// node; Label is false when there is no such room, and the name
	// shows on hover.
	Label          bool
	LabelX, LabelY float64
	Anchor         string
	labelBox       rect2 // the room the label was given
}

type drawnEdge struct {
	A, B           string
	NameA, NameB   string
	X1, Y1, X2, Y2 float64
	Weight         int
	Goldstein      float64
	Width          float64
	Tone           string // coop, conflict or mixed
	Types          string
}

// drawNetwork lays the network out with gonum's Eades force-directed
// optimiser. The random source is fixed, so the same network is drawn the
// same way each time (a reader can compare two views). Ties weaker than
// minWeight events are left out, and the actors they alone joined. The
// picture grows with the number of actors, for zooming into.
func drawNetwork(n *didar.Network, name func(didar.ActorRef) string, typeName func(didar.EventType) string, num func(any) string, minWeight int, lays *layouts) networkDrawing {
	const pad = 60.0
	var d networkDrawing
	if n == nil || len(n.Nodes) == 0 {
		return d
	}
	// Edges of several types between one pair are drawn as one tie.
	type pairKey struct{ a, b string }
	pairs := map[pairKey]*drawnEdge{}
	var order []pairKey
	known := map[string]bool{}
	for _, nd := range n.Nodes {
		known[nd.ID] = true
	}
	for _, e := range n.Edges {
		if !known[e.Source] || !known[e.Target] || e.Source == e.Target {
			continue
		}
		k := pairKey{e.Source, e.Target}
		if e.Target < e.Source {
			k = pairKey{e.Target, e.Source}
		}
		p, ok := pairs[k]
		if !ok {
			p = &drawnEdge{A: k.a, B: k.b}
			pairs[k] = p
			order = append(order, k)
		}
		p.Weight += e.Weight
		p.Goldstein += e.Goldstein
		if p.Types != "" {
			p.Types += " · "
		}
		p.Types += typeName(e.Type) + " ×" + num(e.Weight)
	}
	used := map[string]bool{}
	kept := order[:0]
	for _, k := range order {
		if pairs[k].Weight >= minWeight {
			kept = append(kept, k)
			used[k.a], used[k.b] = true, true
		}
	}
	order = kept
	var nodes []didar.NetworkNode
	for _, nd := range n.Nodes {
		if used[nd.ID] || minWeight <= 1 {
			nodes = append(nodes, nd)
		}
	}
	if len(nodes) == 0 {
		return d
	}
	scale := math.Max(1, math.Sqrt(float64(len(nodes))/80))
	d.W, d.H = math.Round(820*scale), math.Round(620*scale)
	index := map[string]int64{}
	g := simple.NewUndirectedGraph()
	for i, nd := range nodes {
		index[nd.ID] = int64(i)
		g.AddNode(simple.Node(i))
	}
	maxEvents := 1
	for _, nd := range nodes {
		if nd.Events > maxEvents {
			maxEvents = nd.Events
		}
	}
	// Many actors get smaller circles, so that they fit apart.
	rMin, rSpan := 5.0, 15.0
	if len(nodes) > 80 {
		rMin, rSpan = 3, 10
	}
	drawn := make([]drawnNode, len(nodes))
	for i, nd := range nodes {
		drawn[i] = drawnNode{NetworkNode: nd, Name: name(nd.ActorRef)}
		drawn[i].R = rMin + rSpan*math.Sqrt(float64(nd.Events)/float64(maxEvents))
	}
	// The key names the drawing wholly: its size, its ties in order, and
	// the radius and name of each node, which place it and its label.
	key := strconv.AppendInt(nil, int64(len(nodes)), 10)
	for _, k := range order {
		g.SetEdge(simple.Edge{F: simple.Node(index[k.a]), T: simple.Node(index[k.b])})
		key = strconv.AppendInt(append(key, ' '), index[k.a], 10)
		key = strconv.AppendInt(append(key, '-'), index[k.b], 10)
	}
	for _, dn := range drawn {
		key = strconv.AppendFloat(append(key, ' '), dn.R, 'g', -1, 64)
		key = append(append(key, ' '), dn.Name...)
	}
	placed := lays.get(string(key), func() []drawnNode {
		p := slices.Clone(drawn)
		place := layoutComponents(g, len(nodes), d.W, d.H, pad)
		for i := range p {
			p[i].X, p[i].Y = place[i].X, place[i].Y
		}
		separate(p, d.W, d.H, pad/2)
		placeLabels(p, d.W, d.H)
		return p
	})
	// Only places come from the kept drawing; the nodes are this graph's.
	for i, p := range placed {
		dn := &drawn[i]
		dn.X, dn.Y, dn.Label, dn.LabelX, dn.LabelY, dn.Anchor, dn.labelBox = p.X, p.Y, p.Label, p.LabelX, p.LabelY, p.Anchor, p.labelBox
	}
	d.Nodes = drawn
	pos := map[string]drawnNode{}
	for _, dn := range d.Nodes {
		pos[dn.ID] = dn
	}
	maxW := 1
	for _, k := range order {
		if w := pairs[k].Weight; w > maxW {
			maxW = w
		}
	}
	for _, k := range order {
		e := pairs[k]
		a, b := pos[e.A], pos[e.B]
		e.NameA, e.NameB = a.Name, b.Name
		e.X1, e.Y1, e.X2, e.Y2 = a.X, a.Y, b.X, b.Y
		e.Width = 1 + 5*float64(e.Weight)/float64(maxW)
		switch {
		case e.Goldstein > 0:
			e.Tone = "coop"
		case e.Goldstein < 0:
			e.Tone = "conflict"
		default:
			e.Tone = "mixed"
		}
		d.Edges = append(d.Edges, *e)
	}
	// Strongest ties first in the list; drawn last, on top.
	sort.SliceStable(d.Edges, func(i, j int) bool { return d.Edges[i].Weight > d.Edges[j].Weight })
	for i := len(d.Edges) - 1; i >= 0; i-- {
		d.Drawn = append(d.Drawn, d.Edges[i])
	}
	// Big nodes last, so that they are drawn on top and tabbed to last.
	sort.SliceStable(d.Nodes, func(i, j int) bool { return d.Nodes[i].Events < d.Nodes[j].Events })
	return d
}

// keep holds recent values by key, at most max, for what costs most of
// a network page: the placed nodes of a drawing (a force layout, then
// circles pushed apart and labels placed; the layout's random source is
// seeded, so the same drawing places them the same way) and a whole
// drawing with its markup, keyed by what it is made of. The network
// comes fresh from the store each time, so nothing kept is stale. A nil
// keep holds nothing.
type keep[T any] struct {
	mu    sync.Mutex
	max   int
	byKey map[string]T
}

func newKeep[T any](max int) *keep[T] { return &keep[T]{max: max, byKey: map[string]T{}} }

// layouts keeps placed nodes by drawing.
type layouts = keep[[]drawnNode]

func newLayouts(max int) *layouts { return newKeep[[]drawnNode](max) }

// get returns the value kept under key, else makes it with make and
// keeps it. Callers must not change what it returns.
func (k *keep[T]) get(key string, make func() T) T {
	if k == nil {
		return make()
	}
	k.mu.Lock()
	v, ok := k.byKey[key]
	k.mu.Unlock()
	if ok {
		return v
	}
	v = make()
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.byKey) >= k.max {
		for old := range k.byKey { // any one: drawings recur or not at all
			delete(k.byKey, old)
			break
		}
	}
	k.byKey[key] = v
	return v
}

// separate pushes overlapping circles apart, a few rounds, keeping them
// margin inside the picture: a force layout of a dense cluster leaves
// many on top of one another.
func separate(nodes []drawnNode, w, h, margin float64) {
	const gap = 3.0
	for round := 0; round < 60; round++ {
		moved := false
		for i := range nodes {
			for j := i + 1; j < len(nodes); j++ {
				a, b := &nodes[i], &nodes[j]
				dx, dy := b.X-a.X, b.Y-a.Y
				dist := math.Hypot(dx, dy)
				need := a.R + b.R + gap
				if dist >= need {
					continue
				}
				if dist < 1e-6 {
					// Same spot: part them along a fixed direction.
					dx, dy, dist = float64(j-i), 1, math.Hypot(float64(j-i), 1)
				}
				push := (need - dist) / 2
				ux, uy := dx/dist, dy/dist
				a.X, a.Y = a.X-ux*push, a.Y-uy*push
				b.X, b.Y = b.X+ux*push, b.Y+uy*push
				moved = true
			}
		}
		for i := range nodes {
			n := &nodes[i]
			n.X = math.Min(w-margin, math.Max(margin, n.X))
			n.Y = math.Min(h-margin, math.Max(margin, n.Y))
		}
		if !moved {
			return
		}
	}
}

// Label metrics, in the picture's units (the stylesheet's 12px font).
const (
	labelH    = 15.0
	labelChar = 7.0
)

// labelWidth estimates the drawn width of a label, generously: a label
// thought narrower than it is would overlap its neighbour.
func labelWidth(s string) float64 { return labelChar*float64(utf8.RuneCountInString(s)) + 8 }

type rect2 struct{ x0, y0, x1, y1 float64 }

func (a rect2) overlaps(b rect2) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// placeLabels gives labels to the most active actors first, each at the
// first spot around its node (below, above, right, left, then the same a
// little further out) that stays in the picture and meets no node and no
// label already placed.
func placeLabels(nodes []drawnNode, w, h float64) {
	idx := make([]int, len(nodes))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return nodes[idx[a]].Events > nodes[idx[b]].Events })
	var taken []rect2
	for _, n := range nodes {
		taken = append(taken, rect2{n.X - n.R, n.Y - n.R, n.X + n.R, n.Y + n.R})
	}
	for rank, i := range idx {
		n := &nodes[i]
		lw := labelWidth(n.Name)
		type spot struct {
			x, y   float64
			anchor string
			box    rect2
		}
		var spots []spot
		// Beside the node first, then a little further out.
		for _, off := range []float64{0, labelH, 2 * labelH} {
			r := n.R + off
			spots = append(spots,
				spot{n.X, n.Y + r + labelH - 2, "middle", rect2{n.X - lw/2, n.Y + r + 1, n.X + lw/2, n.Y + r + 1 + labelH}},
				spot{n.X, n.Y - r - 4, "middle", rect2{n.X - lw/2, n.Y - r - 1 - labelH, n.X + lw/2, n.Y - r - 1}},
				spot{n.X + r + 3, n.Y + 4, "start", rect2{n.X + r + 2, n.Y - labelH/2, n.X + r + 2 + lw, n.Y + labelH/2}},
				spot{n.X - r - 3, n.Y + 4, "end", rect2{n.X - r - 2 - lw, n.Y - labelH/2, n.X - r - 2, n.Y + labelH/2}})
		}
		// The busiest tenth may lie over other circles when there is no
		// other room (a hub is crowded by its partners), never over a
		// label.
		passes := 1
		if rank < (len(nodes)+9)/10 {
			passes = 2
		}
		for pass := 0; pass < passes && !n.Label; pass++ {
			from := 0
			if pass == 1 {
				from = len(nodes) // labels only
			}
			for _, sp := range spots {
				if sp.box.x0 < 0 || sp.box.y0 < 0 || sp.box.x1 > w || sp.box.y1 > h {
					continue
				}
				free := true
				for j, t := range taken[from:] {
					if j+from != i && t.overlaps(sp.box) {
						free = false
						break
					}
				}
				if free {
					n.Label, n.LabelX, n.LabelY, n.Anchor, n.labelBox = true, sp.x, sp.y, sp.anchor, sp.box
					taken = append(taken, sp.box)
					break
				}
			}
		}
		if !n.Label {
			// Hidden until hover: below the node.
			n.LabelX, n.LabelY, n.Anchor = n.X, n.Y+n.R+labelH-2, "middle"
		}
	}
}

// layoutComponents lays out each connected component on its own and
// packs them in a grid, largest first: laid out together, the repulsion
// between unconnected parts pushes them to the corners and shrinks
// everything else.
func layoutComponents(g *simple.UndirectedGraph, n int, width, height, pad float64) []r2.Vec {
	comps := topo.ConnectedComponents(g)
	sort.SliceStable(comps, func(i, j int) bool { return len(comps[i]) > len(comps[j]) })
	cells := packCells(comps, pad, pad, width-2*pad, height-2*pad)
	pos := make([]r2.Vec, n)
	for ci, comp := range comps {
		sub := simple.NewUndirectedGraph()
		for _, nd := range comp {
			sub.AddNode(nd)
		}
		for _, u := range comp {
			for _, v := range comp {
				if u.ID() < v.ID() && g.HasEdgeBetween(u.ID(), v.ID()) {
					sub.SetEdge(simple.Edge{F: u, T: v})
				}
			}
		}
		eades := layout.EadesR2{Repulsion: 1, Rate: 0.01, Updates: 150, Theta: 0.2, Src: rand.NewPCG(1, 2)}
		opt := layout.NewOptimizerR2(sub, eades.Update)
		for opt.Update() {
		}
		xs, ys := make([]float64, len(comp)), make([]float64, len(comp))
		for i, nd := range comp {
			c := opt.Coord2(nd.ID())
			xs[i], ys[i] = c.X, c.Y
		}
		fx, fy := spread(xs), spread(ys)
		// A cell keeps a margin so that labels of neighbouring cells do
		// not meet.
		c := cells[ci]
		for i, nd := range comp {
			pos[nd.ID()] = r2.Vec{X: c.x + c.w*(0.1+0.8*fx[i]), Y: c.y + c.h*(0.1+0.8*fy[i])}
		}
	}
	return pos
}

type box struct{ x, y, w, h float64 }

// packCells gives the largest component a share of the width that grows
// with its size and puts the others in a grid beside it.
func packCells(comps [][]graph.Node, x, y, w, h float64) []box {
	if len(comps) == 1 {
		return []box{{x, y, w, h}}
	}
	total := 0
	for _, c := range comps {
		total += len(c)
	}
	share := math.Min(0.75, math.Max(0.4, float64(len(comps[0]))/float64(total)))
	cells := []box{{x, y, w * share, h}}
	rest := comps[1:]
	cols := int(math.Ceil(math.Sqrt(float64(len(rest)))))
	rows := (len(rest) + cols - 1) / cols
	rw := w * (1 - share)
	for i := range rest {
		cells = append(cells, box{x + w*share + float64(i%cols)*rw/float64(cols), y + float64(i/cols)*h/float64(rows), rw / float64(cols), h / float64(rows)})
	}
	return cells
}

// spread maps coordinates to [0, 1], half by value and half by rank, so
// that a force layout's far outlier does not squeeze every other node
// into a corner.
func spread(v []float64) []float64 {
	out := make([]float64, len(v))
	if len(v) == 1 {
		out[0] = 0.5
		return out
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range v {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	for r, i := range idx {
		byValue := 0.5
		if hi-lo > 1e-9 {
			byValue = (v[i] - lo) / (hi - lo)
		}
		out[i] = 0.5*byValue + 0.5*float64(r)/float64(len(v)-1)
	}
	return out
}

// networkKey names a drawing by everything it is made of: the page's
// language, the weakest tie kept, and every node and tie of n.
func networkKey(n *didar.Network, lang string, minWeight int) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s %d\n", lang, minWeight)
	for _, nd := range n.Nodes {
		fmt.Fprintf(h, "%q %q %q %q %q %d\n", nd.ID, nd.NameFA, nd.NameEN, nd.Kind, nd.Country, nd.Events)
	}
	for _, e := range n.Edges {
		fmt.Fprintf(h, "%q %q %q %d %g\n", e.Source, e.Target, e.Type, e.Weight, e.Goldstein)
	}
	return string(h.Sum(nil))
}

// dyadChart is a dyad's timeline with the markup of its months and of
// its table.
type dyadChart struct {
	Timeline   timeline
	Bars, Rows template.HTML
}

// monthsKey names a dyad's chart by the page's language and its months.
func monthsKey(ms []didar.DyadMonth, lang string) string {
	h := sha256.New()
	fmt.Fprintln(h, lang)
	for _, m := range ms {
		fmt.Fprintf(h, "%s %d %v %g\n", m.Month, m.Events, m.QuadClass, m.Goldstein)
	}
	return string(h.Sum(nil))
}
