// Package sqlstore is the didar.Store written once in portable SQL over
// database/sql. The sqlite and postgres packages open it with their
// driver, their migrations and their Dialect (placeholders and the
// full-text condition), so that both engines behave the same.
//
// It depends on the root package, normalize and dedup; it imports no
// driver (its own tests use SQLite's).
package sqlstore
