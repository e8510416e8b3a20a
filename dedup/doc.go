// Package dedup finds near-duplicate articles: a reprint under a new
// headline, or with one paragraph added, of a report another outlet
// published first.
//
// It sketches the normalised text with MinHash over word shingles, so that
// the share of equal sketch values estimates the Jaccard similarity of the
// two texts' shingle sets, and cuts the sketch into bands (locality-
// sensitive hashing) so that a store finds candidates by an index lookup
// instead of comparing every pair. It depends only on normalize.
package dedup
