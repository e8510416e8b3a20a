package actors

import (
	"strings"
	"testing"

	"github.com/didar-news/didar"
)

// who is an actor a case expects, with its country and sector.
type who struct{ id, country, sector string }

// roleCase is a text with the links it must and must not give.
type roleCase struct {
	name   string
	at     string
	text   string
	want   []m
	not    []string // mentions that must not be linked
	notIDs []string // actors that must not be linked at all
	actors []who
}

var roleCases = []roleCase{
	// Ordinals and adjectives before a role phrase are not names.
	{"ordinal after a surname clause", "2019-06-13",
		"شینزو آبه به تهران آمد. آبه که نخستین نخست‌وزیر ژاپن در چهار دهه گذشته است گفت.",
		[]m{{"آبه", "shinzo-abe", "surname"}}, []string{"نخستین", "که نخستین"}, nil, nil},
	{"ordinal at a clause start", "", "همچنین اولین رئیس‌جمهور فرانسه گفت",
		nil, []string{"اولین", "همچنین اولین"}, nil, nil},
	{"ordinal between a titled name and its role", "", "آقای کاظمی نخستین سفیر ایران در چین بود",
		[]m{{"کاظمی", "کاظمی", "title"}, {"سفیر ایران در چین", "کاظمی", "role"}}, []string{"کاظمی نخستین"}, nil, nil},
	{"adjective after a name before a role", "", "علی رضایی کنونی نخست‌وزیر ژاپن گفت",
		nil, []string{"رضایی کنونی", "کنونی"}, nil, nil},

	// A surname alone after the full name, short or a common word.
	{"surname after the full name", "2019-06-13", "شینزو آبه نخست‌وزیر ژاپن به تهران آمد. آبه نیز گفت که",
		[]m{{"شینزو آبه", "shinzo-abe", "name"}, {"آبه", "shinzo-abe", "surname"}}, nil, nil, nil},
	{"two-letter surname that is a common word", "2015-01-01", "جان کی نخست‌وزیر نیوزیلند آمد. کی نیز گفت",
		[]m{{"کی", "john-key", "surname"}}, nil, nil, nil},
	{"two-letter word with no full name before", "2015-01-01", "کی به تهران می‌آید؟ جان کی گفت",
		[]m{{"جان کی", "john-key", "name"}}, []string{"کی"}, nil, nil},

	// A plural role after two names gives each its country.
	{"plural role, known name first", "2022-03-10",
		"سرگئی لاوروف و دمیترو کولبا وزیران خارجه روسیه و اوکراین در آنتالیا دیدار کردند.",
		[]m{{"سرگئی لاوروف", "sergey-lavrov", "name"}, {"دمیترو کولبا", "دمیترو-کولبا", "name"}, {"اوکراین", "UKR", "name"}},
		nil, nil, []who{{"دمیترو-کولبا", "UKR", "GOV"}}},
	{"plural role, unknown name first", "2022-03-10",
		"دمیترو کولبا و سرگئی لاوروف وزیران خارجه اوکراین و روسیه دیدار کردند.",
		[]m{{"دمیترو کولبا", "دمیترو-کولبا", "name"}, {"سرگئی لاوروف", "sergey-lavrov", "name"}},
		nil, nil, []who{{"دمیترو-کولبا", "UKR", "GOV"}}},
	{"plural ambassadors", "",
		"رضا امیری و علی کاظمی سفرای ایران و چین گفتند",
		[]m{{"رضا امیری", "رضا-امیری", "name"}, {"علی کاظمی", "علی-کاظمی", "name"}},
		nil, nil, []who{{"رضا-امیری", "IRN", "DIP"}, {"علی-کاظمی", "CHN", "DIP"}}},
	{"plural role with no names", "2022-03-10", "وزیران خارجه روسیه و اوکراین دیدار کردند.",
		[]m{{"روسیه", "RUS", "name"}, {"اوکراین", "UKR", "name"}}, nil, []string{"sergey-lavrov"}, nil},

	// Deputies, envoys, spokespersons and advisers are not the holder.
	{"envoy of a president, named", "2022-03-10", "یوری اوشاکوف نماینده ویژه رئیس‌جمهور روسیه گفت",
		[]m{{"یوری اوشاکوف", "یوری-اوشاکوف", "name"}, {"نماینده ویژه رئیس‌جمهور روسیه", "یوری-اوشاکوف", "role"}},
		nil, []string{"vladimir-putin"}, []who{{"یوری-اوشاکوف", "RUS", "DIP"}}},
	{"envoy of a president, unnamed", "2022-03-10", "نماینده ویژه رئیس‌جمهور روسیه گفت",
		[]m{{"نماینده ویژه رئیس‌جمهور روسیه", "group-rus-dip", "role"}}, nil, []string{"vladimir-putin"}, nil},
	{"deputy minister", "2022-03-10", "معاون وزیر خارجه روسیه به تهران آمد",
		nil, nil, []string{"sergey-lavrov"}, nil},
	{"deputy minister after a known name", "2022-03-10", "هاکان فیدان معاون وزیر خارجه روسیه نیست",
		nil, nil, []string{"sergey-lavrov"}, nil},
	{"spokesperson of a president", "2022-03-10", "سخنگوی رئیس‌جمهور روسیه گفت",
		nil, nil, []string{"vladimir-putin"}, nil},
	{"spokesperson of a ministry", "2024-01-01", "سخنگوی وزارت خارجه چین گفت",
		nil, nil, []string{"wang-yi"}, nil},
	{"security adviser, unnamed", "", "مشاور امنیت ملی امارات به تهران آمد",
		[]m{{"مشاور امنیت ملی امارات", "group-are-gov", "role"}}, nil, nil, []who{{"group-are-gov", "ARE", "GOV"}}},
	{"security adviser, named", "", "طحنون بن زاید مشاور امنیت ملی امارات به تهران آمد",
		[]m{{"طحنون بن زاید", "طحنون-بن-زاید", "name"}}, nil, nil, []who{{"طحنون-بن-زاید", "ARE", "GOV"}}},
	{"a clause before an envoy is no name", "2022-03-10", "پیامی که دقایقی پیش تحویل نماینده ویژه رئیس‌جمهور روسیه شد",
		nil, []string{"دقایقی پیش تحویل"}, []string{"vladimir-putin"}, nil},
	{"the holder himself still", "2022-03-10", "ولادیمیر پوتین رئیس‌جمهور روسیه گفت",
		[]m{{"رئیس‌جمهور روسیه", "vladimir-putin", "role"}}, nil, nil, nil},
}

func TestRoleFixes(t *testing.T) { runRoleCases(t, roleCases) }

func runRoleCases(t *testing.T, cases []roleCase) { runRoleCasesWith(t, fixture(t), cases) }

// runRoleCasesWith links each case with dictionary d.
func runRoleCasesWith(t *testing.T, d *Dictionary, cases []roleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := linkCase(t, d, tc.at, tc.text, tc.want, tc.not)
			for _, id := range tc.notIDs {
				if _, ok := r.Actors[id]; ok {
					t.Errorf("%s linked; links: %s", id, dump(r))
				}
			}
			for _, w := range tc.actors {
				a, ok := r.Actors[w.id]
				if !ok {
					t.Errorf("no actor %s; links: %s", w.id, dump(r))
					continue
				}
				if string(a.Country) != w.country || string(a.Sector) != w.sector {
					t.Errorf("%s: country %q sector %q, want %q %q", w.id, a.Country, a.Sector, w.country, w.sector)
				}
			}
		})
	}
}

// TestModifiersAreNoNames puts every role modifier of the lexicon before a
// role phrase: none may become part of a person's name.
func TestModifiersAreNoNames(t *testing.T) {
	d := fixture(t)
	for _, mod := range d.lex.RoleModifiers {
		for _, text := range []string{
			"او گفت که " + mod + " نخست‌وزیر ژاپن به تهران می‌آید.",
			"به گزارش ایرنا، " + mod + " سفیر چین گفت",
			"آقای رضایی " + mod + " سفیر ایران در چین گفت",
		} {
			r := d.Link(text, didar.Date{})
			for _, a := range r.Actors {
				if a.Kind == didar.KindPerson && strings.Contains(a.NameFA, mod) {
					t.Errorf("%q: person %q holds the modifier %q", text, a.NameFA, mod)
				}
			}
		}
	}
}
