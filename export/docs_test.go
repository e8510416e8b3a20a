package export

import (
	"os"
	"strings"
	"testing"
)

// TestCSVDoc checks that docs/csv.md documents every column the CSV
// export writes (the Actor2 columns by their Actor1 twins, and groups of
// columns by their prefix).
func TestCSVDoc(t *testing.T) {
	b, err := os.ReadFile("../docs/csv.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	has := func(s string) bool { return strings.Contains(doc, "`"+s+"`") }
	for _, col := range append(append([]string{}, GDELTColumns...), DidarColumns...) {
		twin := strings.Replace(col, "Actor2", "Actor1", 1)
		prefix, suffix, grouped := strings.Cut(col, "_")
		switch {
		case has(col), has(twin):
		case grouped && (has(prefix+"_*") || has(strings.Replace(prefix, "Actor2", "Actor1", 1)+"_*") || has(suffix)):
		default:
			t.Errorf("docs/csv.md does not document column %s", col)
		}
	}
}
