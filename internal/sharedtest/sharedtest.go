package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Required is the variable that makes the shared data required.
const Required = "DIDAR_REQUIRE_SHARED"

// Path returns the path of ../shared/elem... beside the module root. When
// it is not there the test is skipped, or fails when DIDAR_REQUIRE_SHARED
// is 1.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	p, err := find(elem)
	if err == nil {
		_, err = os.Stat(p)
	}
	if err != nil {
		if os.Getenv(Required) == "1" {
			t.Fatalf("%s=1 but the shared data is missing: %v", Required, err)
		} else {
			t.Skipf("the shared data is absent (%v); %s=1 makes this a failure", err, Required)
		}
	}
	return p
}

// find looks up from the working directory (a package's, in tests) for
// the module root, the directory with go.mod.
func find(elem []string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(append([]string{filepath.Dir(dir), "shared"}, elem...)...), nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", os.ErrNotExist
		}
		dir = up
	}
}
