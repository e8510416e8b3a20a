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
// Users correct what the coder read on the article page (events,
// mentions, new actors), see the audit of every change and curate the
// actors the dictionary lacks. Reading needs no account; writing needs a
// user, signed in with a session cookie (HttpOnly, SameSite=Strict) whose
// forms carry a CSRF token, or a bearer token. Corrections are kept by
// the store beside the coder's output and applied with
// didar.ApplyCorrections.
//
// The package depends on the root package, export (the CSV download's
// rows), jalali and normalize (the date fields) and the standard library
// (plus gonum and yaml); it does not import storage engines, the
// extractor or the ingester: writing goes through the Ingest and Reload functions that
// the command wires in.
package web
