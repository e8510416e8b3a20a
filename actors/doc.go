// Package actors is Didar's actor dictionary and its linker.
//
// Load reads the embedded YAML dictionary (data/: countries,
// organisations, places, offices and people with dated roles) and any
// user folders, and builds one Aho-Corasick automaton over the matching
// key of every name, adjective, demonym, metonym, office title and the
// closed word classes of lexicon.yaml (titles, pronouns, group and head
// nouns, stop words, suffixes...). A file named lexicon.yaml in a --dict
// folder is read as word lists, not entries: its lists are added to the
// embedded ones and its maps add or replace words, so users can teach the
// linker a new title without recompiling. The automaton reads a compact form of
// the key (one byte per rune, spaces dropped), so that spelling a compound
// with a space, a ZWNJ or neither makes no difference and the trie stays
// small; matches are kept leftmost-longest and only at word boundaries,
// with the glued prefixes and suffixes Persian writing allows.
//
// Link then reads the matches in order: titles and the names after them,
// role phrases resolved to the office holder at the article's date,
// names next to roles, lists of names, collective actors; then surnames,
// pronouns, counterparts and pairs, which need every name of the article.
// Names not written as in the dictionary are ranked by consonant skeleton
// (skeleton.go) together with role, country and date; a close skeleton
// is not enough when the surname differs (a namesake is another person).
// A name the dictionary lacks, read next to a role, after a title, or
// repeated later by its surname, becomes a provisional actor: its id a
// slug of the name, its country and sector those of the role, not
// InDictionary. Words of news (normalize.Common) and glued verbs are
// never read as such a name.
//
// It depends on the root package didar and on normalize, never on storage,
// HTTP or the extractor.
package actors
