// Package normalize turns scraped Persian text into two forms: the display
// form (Arabic letter forms unified, digits and punctuation spacing fixed,
// lost zero-width non-joiners restored), which is stored and shown and which
// all offsets refer to; and the matching key (no ZWNJ, letters and digits
// folded), which dictionary lookups and search use. It also splits
// sentences and words and reads numbers written in words.
//
// Text gives the display form and Key the matching key. Text repairs
// spacing, so Key(Text(s)) is not Key(s): what holds is that Text is
// idempotent (hence Key(Text(Text(s))) == Key(Text(s))), that it changes
// only spaces and ZWNJs (Key(Text(s)) and Key(s) differ only in spaces),
// and that a cleanly written text keeps its key. Dictionaries hold clean
// names, so matching Key(name) against the key of the display text works
// on repaired text. Choices the display form
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
// Two spacing repairs follow (glue.go). A token that is no known word,
// nor a known word + suffix, nor a می/نمی verb, is split into two or three
// known words when one best split exists, a split after a preposition or
// conjunction (از با به در بر و که تا) winning over others and a split in
// two over one in three: درراستای → در راستای, سفرکنند → سفر کنند. Names
// are not listed, so they stay whole; so do prefixed verbs (درگذشت) and
// words ending in a compound part or family-name ending of data/tails.txt
// (تأثیرگذاری, حسن‌نژاد), real words that two shorter ones spell
// (data/fa-ir.txt, derived from a large word list: بامداد, ولیعهد,
// غیرضروری) and the names given to AddNames (مهرداد). A word glued before
// a ZWNJ is split too (درسازمان‌های → در سازمان‌های). A plural that its
// letters spell as they stand is not read as ه + ای (روزهای, not
// روزه‌ای), and a number glued to a Persian word is set apart
// (آذرماه۱۴۰۲ → آذرماه ۱۴۰۲) unless an ordinal ending follows (۱۲مین).
// Suffixes and verbs written apart are joined back: تحریم های →
// تحریم‌های, می کنیم → می‌کنیم, بین المللی → بین‌المللی; but not می after
// a number (the month: ۱۰ می ۲۰۲۴) nor ای after a consonant (the
// vocative). Latin, digits, URLs and e-mail addresses are never touched.
//
// Sentences, Words and Numbers give rune offsets (Span, Token, Number), as
// does Fold for key bytes.
//
// It depends on the standard library and golang.org/x/text only; it knows
// nothing of actors, dates or events.
package normalize
