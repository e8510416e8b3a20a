package didar_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/didar-news/didar"
)

// TestEventTypesDoc checks the table of docs/event-types.md against the
// codings: every type, with its CAMEO code, PLOVER category, Goldstein
// value and direction.
func TestEventTypesDoc(t *testing.T) {
	b, err := os.ReadFile("docs/event-types.md")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[didar.EventType]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cells) != 6 {
			continue
		}
		typ, err := didar.ParseEventType(cells[0])
		if err != nil {
			continue // the header
		}
		seen[typ] = true
		c := typ.Coding()
		g, _ := strconv.ParseFloat(cells[5], 64)
		if cells[3] != c.CAMEO || cells[4] != c.PLOVER || g != c.Goldstein || (cells[2] == "symmetric") != c.Symmetric {
			t.Errorf("docs say %q; the code %+v", line, c)
		}
	}
	for _, typ := range didar.EventTypes() {
		if !seen[typ] {
			t.Errorf("docs/event-types.md lacks %s", typ)
		}
	}
}

// TestDocLinks checks that the README and docs/ link only files that a
// clone has.
func TestDocLinks(t *testing.T) {
	files, _ := filepath.Glob("docs/*.md")
	link := regexp.MustCompile(`\]\(([^)#\s]+)`)
	for _, f := range append(files, "README.md", "DEVELOPERS.md") {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range link.FindAllStringSubmatch(string(b), -1) {
			target := m[1]
			if strings.Contains(target, "://") {
				continue
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(f), target)); err != nil {
				t.Errorf("%s links %s, which a clone does not have", f, target)
			}
		}
		if strings.Contains(string(b), "`shared/") {
			t.Errorf("%s refers to a file under shared/, which is not in the repository", f)
		}
	}
}
