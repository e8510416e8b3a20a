package eval

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/didar-news/didar"
)

// Evaluate scores every gold article against the record with the same id.
// A gold article with no record scores as an empty one; records with no
// gold are ignored.
func Evaluate(golds []Gold, recs []didar.Record) []Result {
	byID := map[string]*didar.Record{}
	for i := range recs {
		byID[recs[i].Article.ID] = &recs[i]
	}
	results := make([]Result, 0, len(golds))
	for _, g := range golds {
		results = append(results, Score(g, byID[g.Doc]))
	}
	return results
}

// Total returns the micro-averaged counts of results.
func Total(results []Result) Counts {
	var c Counts
	for _, r := range results {
		c = c.Add(r.Counts)
	}
	return c
}

// WriteTable prints one row per article and a micro-averaged last row.
// With verbose, each article's misses and extras follow its row.
func WriteTable(w io.Writer, results []Result, verbose bool) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "doc\tev.P\tev.R\tev.F1\tdate\tloc\tstatus\tactor.R\tperson.P\tquote.R\t")
	row := func(name string, c Counts) {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", name,
			c.EventPrecision(), c.EventRecall(), c.EventF1(), c.DateAccuracy(), c.LocationAccuracy(),
			c.StatusAccuracy(), c.ActorRecall(), c.PersonPrecision(), c.QuoteRecall())
	}
	for _, r := range results {
		row(r.Doc, r.Counts)
	}
	row("micro", Total(results))
	if err := tw.Flush(); err != nil {
		return err
	}
	if !verbose {
		return nil
	}
	for _, r := range results {
		if len(r.Missed)+len(r.Extra)+len(r.Wrong)+len(r.Unfound)+len(r.Persons)+len(r.Silent) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n# %s\n", r.Doc)
		for _, m := range r.Missed {
			fmt.Fprintf(w, "  missed %v actors=%v source=%v target=%v status=%s\n", m.Type, m.Actors, m.Source, m.Target, m.Status)
		}
		for _, e := range r.Extra {
			fmt.Fprintf(w, "  extra  %s %s %v %s->%s %s [%s] %q\n", e.ID, e.Type, e.Participants, e.Source, e.Target, e.Status, e.Rule, e.Evidence.Text)
		}
		for _, s := range r.Wrong {
			fmt.Fprintf(w, "  wrong  %s\n", s)
		}
		for _, a := range r.Unfound {
			fmt.Fprintf(w, "  actor not found: %s\n", a.Key)
		}
		for _, p := range r.Persons {
			fmt.Fprintf(w, "  person not in gold: %s\n", p)
		}
		for _, s := range r.Silent {
			fmt.Fprintf(w, "  no quote of: %s\n", s)
		}
	}
	return nil
}
