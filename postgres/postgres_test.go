package postgres_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/postgres"
	"github.com/didar-news/didar/storetest"
)

// dsn returns the test server's URL or skips the test.
func dsn(t testing.TB) string {
	u := os.Getenv("DIDAR_TEST_POSTGRES")
	if u == "" {
		t.Skip("DIDAR_TEST_POSTGRES is not set: set it to a PostgreSQL URL (CI does) to run the PostgreSQL store tests")
	}
	return u
}

// open returns a store in a schema of its own, dropped when the test
// ends, so that runs and tests do not collide.
func open(t *testing.T) didar.Store {
	u := dsn(t)
	schema := fmt.Sprintf("didar_test_%d_%s", time.Now().UnixNano(), strings.ToLower(strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())))
	if len(schema) > 60 {
		schema = schema[:60]
	}
	s, err := postgres.Open(context.Background(), u, schema)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := postgres.DropSchema(context.Background(), u, schema); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	return s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }

func TestOtherWriter(t *testing.T) {
	u := dsn(t)
	schema := fmt.Sprintf("didar_test_%d_other_writer", time.Now().UnixNano())
	var stores [2]didar.Store
	for i := range stores {
		s, err := postgres.Open(context.Background(), u, schema)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	t.Cleanup(func() {
		if err := postgres.DropSchema(context.Background(), u, schema); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	storetest.OtherWriter(t, stores[0], stores[1])
}
