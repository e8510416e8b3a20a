// Package sqlite is the default didar.Store: one file, opened in WAL mode
// with the pure-Go modernc.org/sqlite driver (no C toolchain needed), with
// a trigram FTS5 index for full-text search.
//
// The queries are shared with the postgres package through sqlstore; this
// package owns only the driver settings, the migrations and the search
// condition.
package sqlite
