// Package actors is Didar's actor dictionary and its linker: it loads the
// embedded YAML dictionary (countries, organisations, places, offices and
// people with dated roles) plus any user files, finds every mention of a
// dictionary entry in one multi-pattern pass over the matching key, and
// links names, titled and role-phrased persons, surnames, pronouns,
// counterparts and collective actors to actor ids at the article's date.
//
// It depends on the root package didar and on normalize, never on storage,
// HTTP or the extractor.
package actors
