// Package samples embeds Didar's own article corpus: short Persian news
// articles written by the team, each retelling a documented diplomatic
// interaction of 2013-2025, with their publication metadata (meta.jsonl)
// and hand-made gold annotations (gold.jsonl) in the format of
// shared/gold/README.md.
//
// The same set serves as the test corpus that the extractor is scored on
// and as the bundled articles of `didar demo`. Some articles carry no
// publication date on purpose, so that tests can check dates are never
// guessed; some are written with the noise of scraped pages (lost
// zero-width non-joiners, Arabic letter forms, mixed digits, unusual
// spellings of names).
//
// Annotation conventions, beyond shared/gold/README.md: every event has a
// date key (null when neither the text nor the publication date fixes it);
// week-wide or multi-day expressions carry date_approx_days; an actor is
// required when a non-optional event names it; sources and targets list
// the person first and the state or organisation as alternatives. A
// negated interaction ("دیدار نکرد") has no gold event. To add an article,
// write articles/NNN-slug.txt and one line each in meta.jsonl and
// gold.jsonl; the tests check that the three agree.
//
// It depends on the root package didar and the standard library only.
package samples
