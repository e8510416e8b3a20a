// Package normalize turns scraped Persian text into two forms: the display
// form (Arabic letter forms unified, digits and punctuation spacing fixed,
// lost zero-width non-joiners restored), which is stored and shown and which
// all offsets refer to; and the matching key (no ZWNJ, letters and digits
// folded), which dictionary lookups and search use. It also splits
// sentences and words and reads numbers written in words.
//
// Text gives the display form and Key the matching key, with
// Key(Text(s)) == Key(s) and Text idempotent. Choices the display form
// makes: ه with hamza is always ۀ (U+06C0), never ه + U+0654; Arabic-Indic
// digits become Persian ones and ASCII digits stay; a spaced compound such
// as "رئیس جمهور" keeps its space (only the glued "رئیسجمهور" gets a ZWNJ),
// while the few compounds of data/joins.txt are joined across " و "
// (گفت و گو → گفت‌وگو).
//
// ZWNJ restoration uses the word lists in data/ (embedded; New().AddWords
// adds more): a known word, then می/نمی + a verb stem from data/verbs.txt,
// then a known stem + a suffix (ها, های, ترین, ای, ...) or a compound part
// after ه (data/elements.txt), the longest stem winning.
//
// Sentences, Words and Numbers give rune offsets (Span, Token, Number), as
// does Fold for key bytes.
//
// It depends on the standard library and golang.org/x/text only; it knows
// nothing of actors, dates or events.
package normalize
