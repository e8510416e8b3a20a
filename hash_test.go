package didar

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// TestContentHash checks the hash written in pieces against SHA-256 of
// the text whole, at lengths around the piece size.
func TestContentHash(t *testing.T) {
	for _, n := range []int{0, 1, 8<<10 - 1, 8 << 10, 8<<10 + 1, 100_003} {
		text := strings.Repeat("ایران و چین ", n/20+1)[:n]
		h := sha256.Sum256([]byte(text))
		if got, want := ContentHash(text), hex.EncodeToString(h[:]); got != want {
			t.Errorf("%d bytes: %s, want %s", n, got, want)
		}
	}
}
