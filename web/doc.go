// Package web is Didar's HTTP face: a JSON API under /api/ and
// server-rendered Persian pages (right-to-left, with an English switch)
// for reading events, actors, articles, dyads and the actor network.
//
// New returns an http.Handler over any didar.Store; Server runs it with
// timeouts and a clean shutdown. Templates, the stylesheet, the small
// progressive script, the label tables and the OpenAPI document are
// embedded, so the binary alone serves everything. Charts are SVG drawn
// on the server; the network layout comes from gonum's force-directed
// optimiser.
//
// The package depends on the root package and the standard library (plus
// gonum and yaml); it does not import storage engines, the extractor or
// the ingester: writing goes through the Ingest and Reload functions that
// the command wires in.
package web
