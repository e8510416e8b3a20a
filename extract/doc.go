// Package extract turns the text of one article into its record: the
// actors it mentions, the interactions it reports (coded with CAMEO and
// PLOVER), the quotes with their speakers, and its topics.
//
// The text is normalised with the dictionary's names and the lexicon's
// word lists, and its page furniture (package furniture) is blanked out
// for the analysis, rune for rune, while the record keeps the whole text.
// The work goes sentence by sentence and clause by clause (clause.go): the
// subject, or the discourse subject when a pronoun or nothing stands for
// it; the cues of the trigger lexicon (trigger.go), each with the verb
// that governs it for status and negation; the parties the prepositions
// of a cue introduce (args.go), and on the conflict side who protests,
// summons, sanctions or condemns whom, the target of a condemned attack
// being its author, never its victim (conflict.go); then the event with its date, place and
// codes (event.go, place.go), and the merging of the same interaction
// stated twice (merge.go). Quotes follow cue verbs (quotes.go). The word
// lists live in data/*.tsv, embedded, and users add their own.
//
// It does no I/O: text and metadata in, didar.Record out. It depends on
// normalize, furniture, jalali and actors, never on storage or HTTP.
package extract
