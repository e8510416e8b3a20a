// Package eval scores article records against hand-made gold annotations,
// implementing the rules of shared/gold/README.md: actor matching by
// English name, Persian name or country and sector; one-to-one greedy event
// matching in file order; event precision and recall, date, location and
// status accuracy, actor recall, person precision and quote recall, per
// article and micro-averaged.
//
// It depends only on the root package; it does not run the extractor.
package eval
