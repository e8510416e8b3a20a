package sharedtest

import (
	"fmt"
	"testing"
)

// recorder is a testing.TB that notes what Path asked for.
type recorder struct {
	testing.TB
	fatal, skip string
}

func (r *recorder) Helper()                        {}
func (r *recorder) Fatalf(format string, a ...any) { r.fatal = fmt.Sprintf(format, a...) }
func (r *recorder) Skipf(format string, a ...any)  { r.skip = fmt.Sprintf(format, a...) }

func TestMissing(t *testing.T) {
	for _, required := range []string{"", "1"} {
		t.Setenv(Required, required)
		r := &recorder{TB: t}
		Path(r, "no-such-directory-here")
		if required == "1" && (r.fatal == "" || r.skip != "") {
			t.Errorf("required: fatal %q, skip %q; want a failure", r.fatal, r.skip)
		}
		if required == "" && (r.skip == "" || r.fatal != "") {
			t.Errorf("not required: fatal %q, skip %q; want a skip", r.fatal, r.skip)
		}
	}
}

func TestPresent(t *testing.T) {
	p := Path(t) // ../shared itself; skips (or fails in CI) without it
	r := &recorder{TB: t}
	if got := Path(r); got != p || r.fatal != "" || r.skip != "" {
		t.Errorf("Path = %q (fatal %q, skip %q)", got, r.fatal, r.skip)
	}
}
