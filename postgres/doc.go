// Package postgres is the didar.Store on PostgreSQL, for a corpus shared
// by several machines. It talks to the server with pgx and indexes the
// search key with pg_trgm (there is no Persian text-search
// configuration; the key is already folded by normalize).
//
// The queries are shared with the sqlite package through sqlstore; this
// package owns only the connection, the migrations and the search
// condition.
package postgres
