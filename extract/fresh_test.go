package extract

import (
	"testing"

	"github.com/didar-news/didar"
)

// Meetings stated inside a trip, hosts named by a description, officials
// known only by their role, and tenses of the verbal noun. Sentences
// written for these tests.
func TestFreshMechanisms(t *testing.T) {
	day := didar.Date{Year: 2024, Month: 11, Day: 5} // a Tuesday
	runRules(t, []ruleCase{
		{"a meeting with the counterpart inside a trip sentence",
			"عباس عراقچی روز سه‌شنبه به آنکارا سفر کرد و ضمن دیدار با همتای ترک خود درباره تحولات منطقه گفت‌وگو کرد.", day,
			[]want{{didar.Visit, didar.StatusOccurred, "abbas-araghchi>TUR", "2024-11-05", "TUR"},
				{didar.Meet, didar.StatusOccurred, "abbas-araghchi+hakan-fidan", "2024-11-05", ""}}},
		{"در این سفر با ... دیدار: the trip's meeting",
			"عباس عراقچی دیروز به مسکو رفت و در این سفر با همتای روس خود دیدار کرد.", day,
			[]want{{didar.Visit, didar.StatusOccurred, "abbas-araghchi>RUS", "2024-11-04", "RUS"},
				{didar.Meet, didar.StatusOccurred, "abbas-araghchi+sergey-lavrov", "2024-11-04", ""}}},
		{"the head of diplomacy hosting is the foreign minister at the date",
			"رئیس دستگاه دیپلماسی جمهوری اسلامی ایران روز سه‌شنبه میزبان وزیر خارجه عمان بود.", day,
			[]want{{didar.Host, didar.StatusOccurred, "abbas-araghchi>badr-albusaidi", "2024-11-05", ""}}},
		{"a meeting described by a copula is still no report",
			"این دیدار نخستین دیدار عباس عراقچی با سرگئی لاوروف بود.", day, nil},
		{"unnamed officials list with the persons met",
			"مسعود پزشکیان روز سه‌شنبه با ولادیمیر پوتین و نخست‌وزیر کنیا دیدار کرد.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "masoud-pezeshkian+vladimir-putin", "", ""},
				{didar.Meet, didar.StatusOccurred, "group-ken-gov+masoud-pezeshkian", "", ""}}},
		{"the counterpart's own (همتای ترک خود در) recalls no earlier call",
			"سرگئی لاوروف از گفت‌وگوی تلفنی ولادیمیر پوتین با همتای ترک خود در آنکارا خبر داد.", day,
			[]want{{didar.Call, didar.StatusOccurred, "recep-tayyip-erdogan+vladimir-putin", "", ""}}},
		{"a meeting the leaders have is announced",
			"ولادیمیر پوتین فردا با رجب طیب اردوغان دیدار دارد.", day,
			[]want{{didar.Meet, didar.StatusPlanned, "recep-tayyip-erdogan+vladimir-putin", "2024-11-06", ""}}},
	})
}
