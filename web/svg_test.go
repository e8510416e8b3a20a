package web

import (
	"fmt"
	"math"
	"testing"

	"github.com/didar-news/didar"
)

// TestNetworkLayout checks that a network shaped like the news (a few
// hubs, many actors met once, a separate pair) is drawn with every node
// inside the picture and no two nodes on top of each other.
func TestNetworkLayout(t *testing.T) {
	n := &didar.Network{}
	id := func(i int) string { return fmt.Sprintf("actor-%d", i) }
	for i := 0; i < 100; i++ {
		n.Nodes = append(n.Nodes, didar.NetworkNode{ActorRef: didar.ActorRef{ID: id(i)}, Events: 1 + i%7})
	}
	for i := 4; i < 98; i++ {
		n.Edges = append(n.Edges, didar.NetworkEdge{Source: id(i % 4), Target: id(i), Type: didar.Meet, Weight: 1 + i%3, Goldstein: 1})
		if i%5 == 0 {
			n.Edges = append(n.Edges, didar.NetworkEdge{Source: id(i), Target: id((i*7)%94 + 4), Type: didar.Criticize, Weight: 1, Goldstein: -2})
		}
	}
	n.Edges = append(n.Edges, didar.NetworkEdge{Source: id(98), Target: id(99), Type: didar.Call, Weight: 1, Goldstein: 1})
	d := drawNetwork(n, func(a didar.ActorRef) string { return a.ID }, func(e didar.EventType) string { return string(e) }, num, 1, nil)
	if len(d.Nodes) != 100 {
		t.Fatalf("%d nodes drawn, want 100", len(d.Nodes))
	}
	for i, a := range d.Nodes {
		if a.X < 0 || a.Y < 0 || a.X > d.W || a.Y > d.H {
			t.Errorf("%s at (%.0f, %.0f) is outside the %vx%v picture", a.ID, a.X, a.Y, d.W, d.H)
		}
		for _, b := range d.Nodes[i+1:] {
			if math.Hypot(a.X-b.X, a.Y-b.Y) < 8 {
				t.Errorf("%s and %s overlap at (%.0f, %.0f)", a.ID, b.ID, a.X, a.Y)
			}
		}
	}
	tones := map[string]int{}
	for _, e := range d.Edges {
		tones[e.Tone]++
	}
	if tones["coop"] == 0 || tones["conflict"] == 0 {
		t.Errorf("edge tones %v, want cooperation and conflict", tones)
	}
}

func num(v any) string { return fmt.Sprint(v) }

// network200 is a news-shaped network of 200 actors: a few hubs, many
// actors met once or twice.
func network200() *didar.Network {
	n := &didar.Network{}
	id := func(i int) string { return fmt.Sprintf("actor-%03d", i) }
	for i := 0; i < 200; i++ {
		n.Nodes = append(n.Nodes, didar.NetworkNode{ActorRef: didar.ActorRef{ID: id(i), NameFA: fmt.Sprintf("کنشگر شماره %d", i)}, Events: 1 + (200-i)/10})
	}
	for i := 8; i < 200; i++ {
		n.Edges = append(n.Edges, didar.NetworkEdge{Source: id(i % 8), Target: id(i), Type: didar.Meet, Weight: 1 + (200-i)/25, Goldstein: 1})
		if i%3 == 0 {
			n.Edges = append(n.Edges, didar.NetworkEdge{Source: id(i), Target: id((i*7)%192 + 8), Type: didar.Criticize, Weight: 1, Goldstein: -2})
		}
	}
	return n
}

// TestNetworkLabels: at 200 actors no label overlaps another, none but
// the busiest tenth's covers a node, the busiest actors are labelled, ties come strongest first, and a
// minimum weight leaves out the weak ties and the actors only they join.
func TestNetworkLabels(t *testing.T) {
	d := drawNetwork(network200(), func(a didar.ActorRef) string { return a.NameFA }, func(e didar.EventType) string { return string(e) }, num, 1, nil)
	if len(d.Nodes) != 200 {
		t.Fatalf("%d nodes", len(d.Nodes))
	}
	labelled := 0
	for i, a := range d.Nodes {
		if !a.Label {
			continue
		}
		labelled++
		la := a.labelBox
		for j, b := range d.Nodes {
			if j == i {
				continue
			}
			if b.Label && j > i && la.overlaps(b.labelBox) {
				t.Errorf("labels of %s and %s overlap", a.ID, b.ID)
			}
			if a.Events < d.Nodes[len(d.Nodes)-20].Events && la.overlaps(rect2{b.X - b.R, b.Y - b.R, b.X + b.R, b.Y + b.R}) {
				t.Errorf("label of %s covers node %s", a.ID, b.ID)
			}
		}
	}
	top := 0 // the nodes are in order of events, busiest last
	for _, n := range d.Nodes[len(d.Nodes)-10:] {
		if n.Label {
			top++
		}
	}
	if top < 10 || labelled < 50 {
		t.Errorf("%d of 200 labelled, %d of the 10 busiest; want 50 and all 10", labelled, top)
	}
	for i := 1; i < len(d.Edges); i++ {
		if d.Edges[i].Weight > d.Edges[i-1].Weight {
			t.Fatalf("ties not strongest first: %d after %d", d.Edges[i].Weight, d.Edges[i-1].Weight)
		}
	}
	if last := d.Drawn[len(d.Drawn)-1]; last.Weight != d.Edges[0].Weight {
		t.Errorf("the strongest tie is not drawn last (on top)")
	}
	strong := drawNetwork(network200(), func(a didar.ActorRef) string { return a.NameFA }, func(e didar.EventType) string { return string(e) }, num, 5, nil)
	if len(strong.Edges) != 93 || len(strong.Nodes) != 101 {
		t.Fatalf("min weight 5: %d ties, %d nodes; want 93 and the 101 they join", len(strong.Edges), len(strong.Nodes))
	}
	for _, e := range strong.Edges {
		if e.Weight < 5 {
			t.Errorf("tie %s–%s of weight %d kept under min 5", e.A, e.B, e.Weight)
		}
	}
}

func TestTimeline(t *testing.T) {
	months := []didar.DyadMonth{
		{Month: "2013-11", Events: 3, QuadClass: [4]int{2, 0, 1, 0}, Goldstein: 2},
		{Month: "2015-06", Events: 2, QuadClass: [4]int{0, 0, 1, 1}, Goldstein: -10},
	}
	tl := newTimeline(months)
	if len(tl.Bars) != 20 {
		t.Fatalf("%d bars, want 20 months from 2013-11 to 2015-06", len(tl.Bars))
	}
	var labels []string
	for _, tk := range tl.Ticks {
		labels = append(labels, tk.Label)
	}
	if fmt.Sprint(labels) != "[2014 2015]" {
		t.Errorf("ticks %v, want [2014 2015] (November is too close to January for a label)", labels)
	}
	first, last := tl.Bars[0], tl.Bars[19]
	// Cooperation stands above the axis, conflict hangs below it.
	if first.Rects[0].Y+first.Rects[0].H != tl.Zero || first.Rects[2].Y != tl.Zero {
		t.Errorf("first month rects %+v around axis %v", first.Rects, tl.Zero)
	}
	if last.LineY <= tl.Zero || first.LineY >= tl.Zero {
		t.Errorf("Goldstein line at %v and %v, want above then below the axis at %v", first.LineY, last.LineY, tl.Zero)
	}
	if last.LineY > tl.BotY+0.01 {
		t.Errorf("the most hostile month's line point %v falls below the chart %v", last.LineY, tl.BotY)
	}
}

// TestLayoutsKept checks that a graph is laid out once and drawn the
// same from the kept layout, and that the kept layouts stay bounded.
func TestLayoutsKept(t *testing.T) {
	name := func(a didar.ActorRef) string { return a.NameFA }
	typeName := func(e didar.EventType) string { return string(e) }
	lays := newLayouts(2)
	first := drawNetwork(network200(), name, typeName, num, 1, lays)
	if len(lays.byKey) != 1 {
		t.Fatalf("%d layouts kept after one drawing, want 1", len(lays.byKey))
	}
	again := drawNetwork(network200(), name, typeName, num, 1, lays)
	if fmt.Sprint(again.Nodes) != fmt.Sprint(first.Nodes) || len(lays.byKey) != 1 {
		t.Errorf("the same graph drawn again is placed elsewhere, or laid out anew (%d layouts kept)", len(lays.byKey))
	}
	drawNetwork(network200(), name, typeName, num, 5, lays) // fewer ties: another graph
	calls := 0
	for i := range 3 {
		lays.get(fmt.Sprint(i), func() []drawnNode { calls++; return nil })
		lays.get(fmt.Sprint(i), func() []drawnNode { calls++; return nil })
	}
	if calls != 3 || len(lays.byKey) > 2 {
		t.Errorf("%d layouts computed for 3 graphs each asked twice, %d kept of at most 2", calls, len(lays.byKey))
	}
}

// TestNetworkKey checks that a kept drawing is found again only for the
// same network, language and weakest tie.
func TestNetworkKey(t *testing.T) {
	n := network200()
	key := networkKey(n, "fa", 1)
	if networkKey(network200(), "fa", 1) != key {
		t.Fatal("the same network gives two keys")
	}
	heavier := network200()
	heavier.Edges[len(heavier.Edges)-1].Weight++
	renamed := network200()
	renamed.Nodes[0].NameFA += "ی"
	for name, k := range map[string]string{
		"a tie one event heavier": networkKey(heavier, "fa", 1),
		"a node renamed":          networkKey(renamed, "fa", 1),
		"the English page":        networkKey(n, "en", 1),
		"a higher minimum weight": networkKey(n, "fa", 2),
	} {
		if k == key {
			t.Errorf("%s gives the same key", name)
		}
	}
}

// TestMonthsKey checks that a kept dyad chart is found again only for
// the same months and language.
func TestMonthsKey(t *testing.T) {
	months := func() []didar.DyadMonth {
		return []didar.DyadMonth{{Month: "2024-01", Events: 3, QuadClass: [4]int{2, 0, 1, 0}, Goldstein: 2.4}, {Month: "2024-03", Events: 1, QuadClass: [4]int{1, 0, 0, 0}, Goldstein: 1}}
	}
	key := monthsKey(months(), "fa")
	if monthsKey(months(), "fa") != key {
		t.Fatal("the same months give two keys")
	}
	moved := months()
	moved[1].QuadClass = [4]int{0, 0, 1, 0}
	for name, k := range map[string]string{
		"an event of another quad class": monthsKey(moved, "fa"),
		"a month fewer":                  monthsKey(months()[:1], "fa"),
		"the English page":               monthsKey(months(), "en"),
	} {
		if k == key {
			t.Errorf("%s gives the same key", name)
		}
	}
}
