package eval

import (
	"os"
	"strings"
	"testing"
)

// TestGoldDoc reads the example of docs/gold.md as gold: the format the
// page describes is the one ReadGold accepts (strictly).
func TestGoldDoc(t *testing.T) {
	b, err := os.ReadFile("../docs/gold.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "```json\n")
	example, _, _ := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("docs/gold.md has no JSON example")
	}
	line := strings.Join(strings.Fields(example), " ") // one object, one line
	golds, err := ReadGold(strings.NewReader(line), "docs/gold.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) != 1 || len(golds[0].Events) != 1 || golds[0].Events[0].Status != "occurred" {
		t.Errorf("example read as %+v", golds)
	}
}
