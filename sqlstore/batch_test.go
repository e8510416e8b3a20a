package sqlstore_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/didar-news/didar/sqlite"
	"github.com/didar-news/didar/sqlstore"
	"github.com/didar-news/didar/storetest"
)

// TestBatchSameAsSingleRemote: a batch that reads its story candidates
// up front, as on a server, stores what saving one article at a time
// stores (storetest checks each engine in its own mode).
func TestBatchSameAsSingleRemote(t *testing.T) {
	ctx := context.Background()
	in := storetest.BatchInput()
	open := func(name string) *sqlstore.Store {
		s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), name+".db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	one := open("one")
	singles := storetest.SaveInBatches(t, one, in, 1)
	want := storetest.Summary(t, one)
	for _, remote := range []bool{false, true} {
		many := open(fmt.Sprintf("many-%v", remote))
		sqlstore.SetRemote(many, remote)
		batched := storetest.SaveInBatches(t, many, in, 7)
		if !slices.Equal(singles, batched) {
			t.Errorf("remote %v: results differ:\none at a time %+v\nbatched      %+v", remote, singles, batched)
		}
		if got := storetest.Summary(t, many); want != got {
			t.Errorf("remote %v: stores differ:\none at a time:\n%s\nbatched:\n%s", remote, want, got)
		}
	}
}
