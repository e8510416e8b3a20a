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
	d := drawNetwork(n, func(a didar.ActorRef) string { return a.ID }, func(e didar.EventType) string { return string(e) })
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
