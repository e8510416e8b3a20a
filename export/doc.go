// Package export writes stored events for other tools: CSV with the 61
// GDELT 2.0 event columns in the codebook's order (CAMEO actor codes such
// as IRNGOV and IGOUNO, IsRootEvent for the events of an article's lead)
// followed by Didar's own, JSON Lines of article records, and GEXF of the
// actor network for Gephi.
//
// It reads only through didar.Store.
package export
