package actors

import (
	"testing"

	"github.com/didar-news/didar"
)

// Offices named by a description, counterparts named by an ethnonym, and
// officials known only by their role. Sentences written for these tests.
var freshCases = []roleCase{
	{"the head of diplomacy is the foreign minister at the date", "2024-11-05",
		"رئیس دستگاه دیپلماسی جمهوری اسلامی ایران روز سه‌شنبه میزبان وزیر خارجه ترکیه بود.",
		[]m{{"رئیس دستگاه دیپلماسی جمهوری اسلامی ایران", "abbas-araghchi", "role"}}, nil, nil, nil},
	{"a counterpart by an ethnonym that is also a verb's word", "2024-11-05",
		"عباس عراقچی در سفر به آنکارا ضمن دیدار با همتای ترک خود گفت‌وگو کرد.",
		[]m{{"همتای ترک", "hakan-fidan", "counterpart"}}, nil, nil, nil},
	{"the word alone is no country", "2024-11-05",
		"عباس عراقچی صبح امروز تهران را به مقصد آنکارا ترک کرد.",
		nil, []string{"ترک"}, nil, nil},
	{"a press secretary named before the role is not the president", "2024-06-01",
		"دیمیتری پسکوف، دبیر مطبوعاتی رئیس‌جمهور روسیه گفت که نشست برگزار می‌شود.",
		[]m{{"دیمیتری پسکوف", "دیمیتری-پسکوف", "name"}}, nil, []string{"vladimir-putin"}, []who{{"دیمیتری-پسکوف", "RUS", "GOV"}}},
	{"an unnamed ambassador is his government's diplomats", "2024-06-01",
		"سفیر ژاپن در تهران به وزارت امور خارجه احضار شد.",
		[]m{{"سفیر ژاپن در تهران", "group-jpn-dip", "role"}}, nil, []string{"سفیر-ژاپن-در-تهران"}, []who{{"group-jpn-dip", "JPN", "DIP"}}},
	{"an unnamed director of a ministry speaks for it", "2024-06-01",
		"مدیرکل امور اتباع وزارت کشور تأکید کرد که طرح ادامه می‌یابد.",
		[]m{{"مدیرکل امور اتباع وزارت کشور", "interior-ministry", "role"}}, nil, nil, nil},
	{"a name that opens a clause before گفت is the speaker", "2024-06-01",
		"به گزارش ایرنا، مهسا کاظمیان گفت: این نشست به تعویق افتاد.",
		[]m{{"مهسا کاظمیان", "مهسا-کاظمیان", "name"}}, nil, nil, nil},
	{"but a phrase after a preposition is not", "2024-06-01",
		"او با مهسا کاظمیان گفت‌وگو کرد.",
		nil, []string{"مهسا کاظمیان"}, nil, nil},
	{"وی in the speaker's words is someone else", "2024-06-01",
		"مهسا کاظمیان گفت: کاردار احضار و یادداشت اعتراض به وی تسلیم شد.",
		[]m{{"مهسا کاظمیان", "مهسا-کاظمیان", "name"}}, []string{"وی"}, nil, nil},
}

func TestFreshRoles(t *testing.T) {
	runRoleCases(t, freshCases)
	// No person is named by role words.
	d := fixture(t)
	for _, tc := range freshCases {
		for _, a := range d.Link(tc.text, didar.Date{}).Actors {
			if a.Kind == didar.KindPerson && !a.InDictionary && len(a.Roles) > 0 && a.NameFA == a.Roles[0] {
				t.Errorf("%s: person %q is named by its role", tc.name, a.NameFA)
			}
		}
	}
}
