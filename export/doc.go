// Package export writes stored events for other tools: CSV with the
// GDELT event columns that apply plus Didar's own, JSON Lines of article
// records, and GEXF of the actor network for Gephi.
//
// It reads only through didar.Store.
package export
