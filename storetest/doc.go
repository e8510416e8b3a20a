// Package storetest is the conformance suite of didar.Store: the sqlite
// and postgres packages run the same Run against their engine, so that
// both behave alike. It also generates synthetic corpora for load tests
// and benchmarks (Corpus).
package storetest
