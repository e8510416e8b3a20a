package extract

import (
	"testing"

	"github.com/didar-news/didar"
)

// Verbal nouns with their agent after them, remarks that open a sentence,
// travel and call wordings of other outlets. Sentences written for these
// tests.
func TestNominalAgents(t *testing.T) {
	day := didar.Date{Year: 2025, Month: 5, Day: 10}
	runRules(t, []ruleCase{
		{"the traveller of an announced trip is the possessor, not the announcer",
			"سخنگوی وزارت امور خارجه از سفر عباس عراقچی به پکن خبر داد.", day,
			[]want{{didar.Visit, didar.StatusOccurred, "abbas-araghchi>CHN", "", "CHN"}}},
		{"the possessor of a reported meeting and its partner",
			"رسانه‌های روسیه از دیدار سرگئی لاوروف با وانگ یی خبر دادند.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "sergey-lavrov+wang-yi", "", ""}}},
		{"a remark that opens the sentence does not hide its subject",
			"سرگئی لاوروف با وانگ یی دیدار کرد. گفتنی است عباس عراقچی هفته گذشته به دوحه سفر کرد.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "sergey-lavrov+wang-yi", "", ""},
				{didar.Visit, didar.StatusOccurred, "abbas-araghchi>QAT", "", "QAT"}}},
		{"راهی ... شد is a trip",
			"عباس عراقچی صبح امروز راهی مسکو شد.", day,
			[]want{{didar.Visit, didar.StatusOccurred, "abbas-araghchi>RUS", "", "RUS"}}},
		{"a call in the Dari spelling is a call",
			"سرگئی لاوروف و عباس عراقچی در تماس تلفونی درباره مسائل منطقه رایزنی کردند.", day,
			[]want{{didar.Call, didar.StatusOccurred, "abbas-araghchi+sergey-lavrov", "", ""}}},
		{"help towards an outcome is not aid",
			"عباس عراقچی بر کمک به حل و فصل بحران یمن تاکید کرد.", day, nil},
		{"the trip thanked for is not a new trip",
			"وانگ یی ضمن تشکر مجدد از سفر هیئت ایرانی به پکن، بر گسترش روابط تاکید کرد.", day,
			[]want{{didar.Praise, didar.StatusOccurred, "wang-yi>group-irn-gov", "", ""}}},
		{"a clause in guillemets has its own subject",
			"امانوئل مکرون نوشت: «ولادیمیر پوتین از شی جین‌پینگ تشکر کرد.»", day,
			[]want{{didar.Praise, didar.StatusOccurred, "vladimir-putin>xi-jinping", "", ""}}},
		{"I in a quote is its speaker",
			"امانوئل مکرون نوشت: «ولادیمیر پوتین به من برای این توافق تبریک گفت.»", day,
			[]want{{didar.Praise, didar.StatusOccurred, "vladimir-putin>emmanuel-macron", "", ""}}},
		{"new sanctions tied to a state target it",
			"وزارت خزانه‌داری آمریکا روز پنجشنبه تحریم‌های جدیدی مرتبط با ایران وضع کرد.", day,
			[]want{{didar.Sanction, didar.StatusOccurred, "us-treasury>IRN", "2025-05-08", ""}}},
		{"what someone is accused of is not an act of theirs",
			"وزارت خزانه‌داری آمریکا چند شرکت را به اتهام همکاری با ایران تحریم کرد.", day, nil},
		{"talks right after a call of the same sides are that call",
			"ولادیمیر پوتین و رجب طیب اردوغان تلفنی گفت‌وگو کردند. دو رئیس‌جمهور با یکدیگر درباره سوریه گفت‌وگو کردند.", day,
			[]want{{didar.Call, didar.StatusOccurred, "recep-tayyip-erdogan+vladimir-putin", "", ""}}},
	})
}
