package web

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"

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
	Edges []drawnEdge
}

type drawnNode struct {
	didar.NetworkNode
	Name    string
	X, Y, R float64
	LabelY  float64
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
// same way each time (a reader can compare two views).
func drawNetwork(n *didar.Network, name func(didar.ActorRef) string, typeName func(didar.EventType) string) networkDrawing {
	const (
		width  = 820.0
		height = 620.0
		pad    = 60.0
	)
	d := networkDrawing{W: width, H: height}
	if n == nil || len(n.Nodes) == 0 {
		return d
	}
	index := map[string]int64{}
	g := simple.NewUndirectedGraph()
	for i, nd := range n.Nodes {
		index[nd.ID] = int64(i)
		g.AddNode(simple.Node(i))
	}
	// Edges of several types between one pair are drawn as one line.
	type pairKey struct{ a, b string }
	pairs := map[pairKey]*drawnEdge{}
	var order []pairKey
	for _, e := range n.Edges {
		ia, oka := index[e.Source]
		ib, okb := index[e.Target]
		if !oka || !okb || ia == ib {
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
			g.SetEdge(simple.Edge{F: simple.Node(ia), T: simple.Node(ib)})
		}
		p.Weight += e.Weight
		p.Goldstein += e.Goldstein
		if p.Types != "" {
			p.Types += " · "
		}
		p.Types += fmt.Sprintf("%s ×%d", typeName(e.Type), e.Weight)
	}
	place := layoutComponents(g, len(n.Nodes), width, height, pad)
	maxEvents := 1
	for _, nd := range n.Nodes {
		if nd.Events > maxEvents {
			maxEvents = nd.Events
		}
	}
	pos := map[string]drawnNode{}
	for i, nd := range n.Nodes {
		dn := drawnNode{NetworkNode: nd, Name: name(nd.ActorRef)}
		dn.X, dn.Y = place[i].X, place[i].Y
		dn.R = 5 + 15*math.Sqrt(float64(nd.Events)/float64(maxEvents))
		dn.LabelY = dn.Y + dn.R + 13
		pos[nd.ID] = dn
		d.Nodes = append(d.Nodes, dn)
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
	// Big nodes last, so that they are drawn on top and tabbed to last.
	sort.SliceStable(d.Nodes, func(i, j int) bool { return d.Nodes[i].Events < d.Nodes[j].Events })
	return d
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
