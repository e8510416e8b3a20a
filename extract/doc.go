// Package extract turns the text of one article into its record: the
// actors it mentions, the interactions it reports (coded with CAMEO and
// PLOVER), the quotes with their speakers, and its topics.
//
// It does no I/O: text and metadata in, didar.Record out. It depends on
// normalize, jalali and actors, never on storage or HTTP.
package extract
