package didar

// Entry is a canonical actor of the dictionary: every name it goes by and
// the offices it held, with dates, as the ICEWS and PETRARCH actor
// dictionaries keep them.
type Entry struct {
	ID      string   `json:"id" yaml:"id"`
	Kind    Kind     `json:"kind" yaml:"kind"`
	EN      string   `json:"en" yaml:"en"`
	FA      []string `json:"fa" yaml:"fa"`
	Country string   `json:"country,omitempty" yaml:"country"`
	Sector  string   `json:"sector,omitempty" yaml:"sector"`
	Roles   []Role   `json:"roles,omitempty" yaml:"roles"`

	// For countries: adjective (چینی), plural demonym (چینی‌ها), capital
	// and metonyms (کاخ سفید, کرملین) that stand for the state.
	Adjectives []string `json:"adjectives,omitempty" yaml:"adjectives"`
	Demonyms   []string `json:"demonyms,omitempty" yaml:"demonyms"`
	Capital    string   `json:"capital,omitempty" yaml:"capital"` // id of a place entry
	Metonyms   []string `json:"metonyms,omitempty" yaml:"metonyms"`
}

// Role is an office held for a period. To is zero while it is still held.
type Role struct {
	Office  string `json:"office" yaml:"office"` // id of an office: head-of-state, foreign-minister, ...
	Title   string `json:"title" yaml:"title"`   // English title: "President of China"
	Org     string `json:"org,omitempty" yaml:"org"`
	Country string `json:"country,omitempty" yaml:"country"`
	Host    string `json:"host,omitempty" yaml:"host"` // for ambassadors: the country posted to
	Sector  string `json:"sector,omitempty" yaml:"sector"`
	From    Date   `json:"from" yaml:"from"`
	To      Date   `json:"to" yaml:"to"`
}

// Holds reports whether the role was held on d. An unknown d matches any
// role that is or was held.
func (r Role) Holds(d Date) bool {
	if d.IsZero() {
		return true
	}
	if !r.From.IsZero() && d.Before(r.From) {
		return false
	}
	return r.To.IsZero() || !r.To.Before(d)
}
