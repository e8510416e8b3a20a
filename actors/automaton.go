package actors

// automaton finds every pattern in a text of compact codes in one pass:
// an Aho-Corasick trie whose failure links are resolved ahead into a
// plain transition table, so that each code costs one lookup. The table
// is state × code, and the codes number a few dozen, so it stays small
// enough for the processor's caches where a table over all 256 byte
// values did not.
type automaton struct {
	width int // codes are 0 to width-1
	// next is state*width + code → next state, state 0 the root. A
	// state where patterns end is stored complemented (negative), so
	// that the walk looks at matches only there.
	next []int32
	// The matches ending at a state are outs[outAt[state]:outAt[state+1]],
	// longest first.
	outAt []int32
	outs  []acMatch
}

// acMatch is a pattern ending at a state: its length in codes and index.
type acMatch struct {
	n, pat int32
}

// newAutomaton builds the automaton of pats, each a string of codes
// below width; pattern i is reported as i.
func newAutomaton(pats [][]byte, width int) *automaton {
	a := &automaton{width: width}
	a.next = make([]int32, width)
	for i := range a.next {
		a.next[i] = -1
	}
	term := []int32{-1} // state → the pattern ending there, or -1
	depth := []int32{0}
	for pi, p := range pats {
		s := int32(0)
		for _, c := range p {
			t := a.next[int(s)*width+int(c)]
			if t < 0 {
				t = int32(len(term))
				a.next[int(s)*width+int(c)] = t
				for range width {
					a.next = append(a.next, -1)
				}
				term = append(term, -1)
				depth = append(depth, depth[s]+1)
			}
			s = t
		}
		if term[s] < 0 {
			term[s] = int32(pi)
		}
	}

	// Breadth first, so that a state's failure state is complete before
	// it: a missing transition is the failure state's.
	fail := make([]int32, len(term))
	order := make([]int32, 0, len(term))
	for c := range width {
		if t := a.next[c]; t < 0 {
			a.next[c] = 0
		} else {
			order = append(order, t)
		}
	}
	for q := 0; q < len(order); q++ {
		s := order[q]
		row, frow := int(s)*width, int(fail[s])*width
		for c := range width {
			if t := a.next[row+c]; t < 0 {
				a.next[row+c] = a.next[frow+c]
			} else {
				fail[t] = a.next[frow+c]
				order = append(order, t)
			}
		}
	}

	// A state's matches are its own pattern, then its failure state's.
	own := make([][]acMatch, len(term))
	for _, s := range order {
		var m []acMatch
		if term[s] >= 0 {
			m = append(m, acMatch{n: depth[s], pat: term[s]})
		}
		own[s] = append(m, own[fail[s]]...)
	}
	// Renumber the states breadth first: the walk spends most of its
	// time near the root, and those rows then share the cache.
	num := make([]int32, len(term)) // old state → new
	for i, s := range order {
		num[s] = int32(i + 1)
	}
	next := make([]int32, len(a.next))
	a.outAt = make([]int32, len(term)+1)
	for n := range len(term) {
		s := int32(0)
		if n > 0 {
			s = order[n-1]
		}
		for c := range width {
			t := a.next[int(s)*width+c]
			next[n*width+c] = num[t]
			if len(own[t]) > 0 {
				next[n*width+c] = ^num[t]
			}
		}
		a.outAt[n] = int32(len(a.outs))
		a.outs = append(a.outs, own[s]...)
	}
	a.outAt[len(term)] = int32(len(a.outs))
	a.next = next
	return a
}

// step returns the state after code c from state s, and whether
// patterns end there.
func (a *automaton) step(s int32, c byte) (int32, bool) {
	t := a.next[int(s)*a.width+int(c)]
	if t < 0 {
		return ^t, true
	}
	return t, false
}

// matches returns the patterns ending at state s.
func (a *automaton) matches(s int32) []acMatch {
	return a.outs[a.outAt[s]:a.outAt[s+1]]
}
