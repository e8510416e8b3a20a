package storetest

import (
	"context"
	"reflect"
	"testing"

	"github.com/didar-news/didar"
)

// OtherWriter checks that results a store computes once and keeps (a
// network, a period's counts) follow what another store on the same
// database writes, as a queue worker or another process would: a and
// b are two stores opened on one database.
func OtherWriter(t *testing.T, a, b didar.Store) {
	ctx := context.Background()
	c := &Corpus{Seed: 3, Actors: 12, Days: 60}
	if err := Load(ctx, a, c, 20); err != nil {
		t.Fatal(err)
	}
	period := didar.StatsFilter{From: didar.Date{Year: 2020, Month: 1, Day: 10}}
	read := func(s didar.Store) (*didar.Network, *didar.Stats) {
		t.Helper()
		n, err := s.Network(ctx, didar.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		st, err := s.Stats(ctx, period)
		if err != nil {
			t.Fatal(err)
		}
		return n, st
	}
	n1, st1 := read(a)
	if again, _ := read(a); !reflect.DeepEqual(again, n1) {
		t.Fatalf("the network read twice differs")
	}
	var more []didar.NewArticle
	for i := 20; i < 40; i++ {
		more = append(more, c.Article(i))
	}
	if _, err := b.SaveArticles(ctx, more); err != nil {
		t.Fatal(err)
	}
	n2, st2 := read(a)
	fresh, freshSt := read(b)
	if reflect.DeepEqual(n2, n1) || st2.Articles == st1.Articles {
		t.Errorf("after another store saved 20 articles, this one still gives the network of %d edges and %d articles in the period", len(n1.Edges), st1.Articles)
	}
	if !reflect.DeepEqual(n2, fresh) || !reflect.DeepEqual(st2, freshSt) {
		t.Errorf("network or period counts differ from the writer's own:\n%+v\n%+v", st2, freshSt)
	}
	// A caller may trim what it is given without changing what is kept.
	n2.Edges = n2.Edges[:0]
	if n3, _ := read(a); len(n3.Edges) == 0 {
		t.Errorf("trimming a returned network emptied the kept one")
	}
}
