package dedup

import (
	"encoding/binary"
	"hash/fnv"
	"strings"
	"unicode"

	"github.com/didar-news/didar/normalize"
)

const (
	// Size is the number of values in a sketch.
	Size = 128
	// Rows is the number of sketch values per band: 32 bands of 4 make
	// a pair at Jaccard 0.5 a candidate with probability 0.87 and one at
	// 0.2 with probability 0.05.
	Rows = 4
	// Shingle is the number of words per shingle.
	Shingle = 3
	// Threshold is the estimated Jaccard similarity from which two
	// articles are one story. A reprint with a new headline scores near
	// 1; one with an extra paragraph in a ten-paragraph report about 0.8;
	// two reports of one meeting written apart rarely pass 0.3.
	Threshold = 0.5
)

// seeds makes the Size hash functions: each is the shingle's 64-bit hash
// mixed with its own seed, which behaves as an independent permutation
// for MinHash.
var seeds = func() [Size]uint64 {
	var s [Size]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = splitmix(x)
		s[i] = x
	}
	return s
}()

// splitmix is the finaliser of SplitMix64: a cheap bijective mixer.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// Sketch returns the MinHash sketch of text, or nil when the text has
// fewer words than a shingle (nothing to compare).
func Sketch(text string) []uint32 {
	// The words are read one by one, the last Shingle kept: a list of
	// every word of a long text costs more than the text.
	var last [Shingle]string
	n := 0
	sig := make([]uint32, Size)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	h := fnv.New64a()
	for w := range strings.FieldsSeq(normalize.Key(text)) {
		// Words made only of punctuation are dropped, so that a reprint
		// that changes a comma or a quotation mark keeps its shingles.
		if strings.IndexFunc(w, isWordRune) < 0 {
			continue
		}
		copy(last[:], last[1:])
		last[Shingle-1] = strings.TrimFunc(w, func(r rune) bool { return !isWordRune(r) })
		if n++; n < Shingle {
			continue
		}
		h.Reset()
		for _, w := range last {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for j, s := range seeds {
			v := uint32(splitmix(x^s) >> 32)
			if v < sig[j] {
				sig[j] = v
			}
		}
	}
	if n < Shingle {
		return nil
	}
	return sig
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Similarity estimates the Jaccard similarity of the texts of two
// sketches: the share of positions where they agree. Sketches of
// different sizes (or nil) score 0.
func Similarity(a, b []uint32) float64 {
	if len(a) != Size || len(b) != Size {
		return 0
	}
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / Size
}

// Bands returns one key per band of the sketch; two sketches that share a
// key are candidates for comparison. The band's index is part of its key.
func Bands(sig []uint32) []int64 {
	if len(sig) != Size {
		return nil
	}
	keys := make([]int64, 0, Size/Rows)
	var buf [4 * (Rows + 1)]byte
	for b := 0; b < Size/Rows; b++ {
		binary.LittleEndian.PutUint32(buf[:], uint32(b))
		for r := 0; r < Rows; r++ {
			binary.LittleEndian.PutUint32(buf[4*(r+1):], sig[b*Rows+r])
		}
		h := fnv.New64a()
		h.Write(buf[:])
		keys = append(keys, int64(h.Sum64()>>1)) // non-negative: fits any SQL integer
	}
	return keys
}

// Encode packs a sketch into bytes for storage; Decode reverses it.
func Encode(sig []uint32) []byte {
	b := make([]byte, 4*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// Decode unpacks a sketch packed by Encode.
func Decode(b []byte) []uint32 {
	sig := make([]uint32, len(b)/4)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return sig
}
