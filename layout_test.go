package didar_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/didar-news/didar"

// layers orders the packages: a package may import only packages of a
// lower layer (and sqlite and postgres the shared sqlstore). Domain at
// the bottom, logic above it, adapters above that, commands on top.
var layers = map[string]int{
	"":          0,
	"normalize": 1, "jalali": 2, "dedup": 2, "eval": 1, "furniture": 2,
	"actors": 3, "extract": 4, "samples": 1,
	"sqlstore": 5, "sqlite": 6, "postgres": 6, "storetest": 7,
	// export formats events read through didar.Store, and web serves
	// its CSV, so it sits below the adapters.
	"export": 4, "ingest": 5, "web": 5, "queue": 5,
	"internal/sharedtest": 1,
	"cmd/didar":           9, "cmd/didar-gen": 9, "cmd/didar-load": 9,
}

// TestLayout checks that imports point down: the domain imports only the
// standard library, logic imports no adapter, adapters import no other
// adapter, so storage and HTTP depend on the domain and never the other
// way round.
func TestLayout(t *testing.T) {
	for pkg, layer := range layers {
		dir := filepath.Join(".", pkg)
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Errorf("package %q has no Go files", pkg)
			continue
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			ast, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range ast.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if pkg == "" && strings.Contains(path, ".") {
					t.Errorf("%s: the domain imports %s; it may use the standard library only", f, path)
				}
				dep, ok := strings.CutPrefix(path, module)
				if !ok {
					continue
				}
				dep = strings.TrimPrefix(dep, "/")
				dl, known := layers[dep]
				if !known {
					t.Errorf("%s imports %s, which has no layer in this test", f, path)
					continue
				}
				if dl >= layer {
					t.Errorf("%s (layer %d) imports %s (layer %d): imports must point down", f, layer, path, dl)
				}
			}
		}
	}
}
