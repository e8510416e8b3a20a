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
		{"a report frame closed by a semicolon names no party",
			"به گزارش خبرنگار خبرگزاری ایرنا در کابل؛ امیرخان متقی سرپرست وزارت امور خارجه دولت سرپرست افغانستان امروز با سرگئی لاوروف دیدار کرد.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "amir-khan-muttaqi+sergey-lavrov", "2024-11-05", ""}}},
		{"the outlet after به گزارش is no recipient",
			"تحویل پیام عراق - به گزارش خبرگزاری فارس، این پیام درباره امنیت مرزها است.", day, nil},
		{"help towards an outcome named before the cue is no aid",
			"ولادیمیر پوتین گفت: اطمینان دارم که فعالیت شما به بهبود روابط روسیه و ایران کمک خواهد کرد.", day, nil},
		{"but help to a state is aid",
			"چین به افغانستان کمک کرد.", day,
			[]want{{didar.Aid, didar.StatusOccurred, "CHN>AFG", "", ""}}},
		{"the charge as the accuser words it (به اتهام آنچه ...) is no act",
			"وزارت خزانه‌داری آمریکا از تحریم برخی نهادها به اتهام آنچه حمایت از برنامه پهپادی ایران خواند خبر داد.", day, nil},
		{"the possessor past an adjective is the one who supports",
			"عباس عراقچی پشتیبانی تمام عیار آمریکا از رژیم صهیونیستی را موجب ادامه جنایات دانست.", day,
			[]want{{didar.Support, didar.StatusOccurred, "USA>ISR", "", ""}}},
		{"what a claim claims is no reported act",
			"آمریکا مدعی است که ایران به روسیه کمک نظامی کرده است.", day,
			[]want{{didar.Accuse, didar.StatusOccurred, "USA>IRN", "", ""}}},
		{"the subject of a که clause gives the aid it holds",
			"غرب تلاش می‌کند القا کند که ایران به روسیه کمک نظامی کرده است.", day,
			[]want{{didar.Aid, didar.StatusOccurred, "IRN>RUS", "", ""}}},
		{"what a state announces is",
			"آمریکا اعلام کرد که ایران به روسیه کمک نظامی کرده است.", day,
			[]want{{didar.Aid, didar.StatusOccurred, "IRN>RUS", "", ""}}},
		{"a protest about an attack on an embassy is no criticism of the victim",
			"وزارت امور خارجه ایران اعتراض دولت ایران نسبت به حمله به سفارت عربستان را به سفیر ترکیه ابلاغ کرد.", day,
			[]want{{didar.Criticize, didar.StatusOccurred, "group-irn-gov>group-tur-dip", "", ""}}},
		{"the protest's target is the attacker when named",
			"وزارت امور خارجه ایران اعتراض شدید خود را نسبت به حمله اسرائیل به سفارت ایران در دمشق اعلام کرد.", day,
			[]want{{didar.Criticize, didar.StatusOccurred, "mfa-iran>ISR", "", ""}}},
		{"the charge a sanction is made on is no accusation of the one helped",
			"وزارت خزانه‌داری آمریکا سه شرکت اماراتی را به اتهام کمک به ایران برای دور زدن تحریم‌ها تحریم کرد.", day,
			[]want{{didar.Sanction, didar.StatusOccurred, "us-treasury>ARE", "", ""}}},
		{"what the punished did in a matter is no aid",
			"سه شرکت اماراتی در زمینه کمک به ایران برای دور زدن تحریم‌ها مجازات شدند.", day, nil},
		{"sanctions on Iran in a statement are no criticism of Iran",
			"عباس عراقچی گفت تحریم‌های ایران باید فوراً لغو شود.", day, nil},
	})
}
