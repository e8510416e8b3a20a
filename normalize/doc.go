// Package normalize turns scraped Persian text into two forms: the display
// form (Arabic letter forms unified, digits and punctuation spacing fixed,
// lost zero-width non-joiners restored), which is stored and shown and which
// all offsets refer to; and the matching key (no ZWNJ, letters and digits
// folded), which dictionary lookups and search use. It also splits
// sentences and words and reads numbers written in words.
//
// It depends on the standard library and golang.org/x/text only; it knows
// nothing of actors, dates or events.
package normalize
