// Package didar holds the domain of Didar: the article record that the
// extractor produces (articles, actors, mentions, events, quotes, topics),
// the dictionary entry with its dated roles, and the event-type table that
// ties each type to its CAMEO and PLOVER codes.
//
// It imports only the standard library. Every other package depends on it;
// it depends on none of them.
package didar
