// Package ingest reads articles from files, directories, standard input,
// web pages and RSS/Atom feeds, codes them and stores them.
//
// Text, HTML (main content by go-readability, metadata from og: and
// article: tags and JSON-LD), JSON and JSON Lines are recognised by
// extension or, failing that, by content. Every input that cannot be read
// becomes a Failure naming the file, line or URL and the reason; it never
// stops a run. Each article is stored with its record in one transaction,
// so an interrupted run leaves no half article and can simply be run
// again (saving is idempotent by content hash).
//
// It depends on the root package, extract (for its Input type), jalali
// (datelines), dedup and the HTML and feed libraries; it reaches the
// database only through didar.Store.
package ingest
