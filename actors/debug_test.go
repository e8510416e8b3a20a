package actors

import (
	"fmt"
	"os"
	"testing"

	"github.com/didar-news/didar"
)

func TestDebugLink(t *testing.T) {
	in := os.Getenv("DBG")
	if in == "" {
		t.Skip()
	}
	d, err := load(os.Getenv("DBGEMB") != "", "testdata/fixture")
	if err != nil {
		t.Fatal(err)
	}
	at, _ := didar.ParseDate(os.Getenv("DBGAT"))
	if b, err := os.ReadFile(in); err == nil {
		in = string(b)
	}
	r := d.Link(in, at)
	for _, l := range r.Links {
		fmt.Printf("%d-%d %q %s %s %q %v\n", l.Start, l.End, l.Text, l.ActorID, l.Via, l.Role, l.ActorIDs)
	}
	for id, a := range r.Actors {
		fmt.Printf("  %s %s %s %s %s %v %d\n", id, a.Kind, a.NameFA, a.Country, a.Sector, a.Roles, len(a.Mentions))
	}
}
