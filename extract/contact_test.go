package extract

import (
	"testing"

	"github.com/didar-news/didar"
)

// Contact news as agencies write it: reporting frames, tense and modality,
// scene-setting phrases, lists of partners. Sentences written for these
// tests.
func TestContact(t *testing.T) {
	day := didar.Date{Year: 2024, Month: 5, Day: 6}      // a Monday
	thursday := didar.Date{Year: 2024, Month: 5, Day: 9} // a Thursday
	runRules(t, []ruleCase{
		{"میزبان ... خواهد بود announces a hosting; میلادی and میزبان are no verbs",
			"ولادیمیر پوتین در اواخر ماه جاری میلادی میزبان رجب طیب اردوغان خواهد بود.", day,
			[]want{{didar.Host, didar.StatusPlanned, "vladimir-putin>recep-tayyip-erdogan", "", ""}}},
		{"a body in a scene-setting phrase before the comma is not the subject",
			"در حاشیه نشست سران سازمان همکاری شانگهای در آستانه، ولادیمیر پوتین با مسعود پزشکیان دیدار کرد.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "masoud-pezeshkian+vladimir-putin", "", ""}}},
		{"the trip in the subject's relative clause is the reported journey",
			"رجب طیب اردوغان که برای شرکت در اجلاس سران عازم باکو شده بود، با الهام علی‌اف دیدار کرد.", day,
			[]want{{didar.Visit, didar.StatusOccurred, "recep-tayyip-erdogan>AZE", "", ""},
				{didar.Meet, didar.StatusOccurred, "ilham-aliyev+recep-tayyip-erdogan", "", ""}}},
		{"a pluperfect trip outside such a clause is recalled",
			"رجب طیب اردوغان پیشتر به باکو سفر کرده بود.", day,
			[]want{{didar.Visit, didar.StatusPastReference, "recep-tayyip-erdogan>AZE", "", ""}}},
		{"talks beside a meeting of the same parties in one sentence are that meeting",
			"عباس عراقچی برای دیدار با بدر البوسعیدی به محل مذاکرات رفت.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "abbas-araghchi+badr-albusaidi", "", ""}}},
		{"the ministry that confirms a meeting is not a party to it",
			"وزارت امور خارجه ازبکستان تایید کرده است که هیئت طالبان با مقام‌های ازبکستانی در تاشکند دیدار کرده‌اند.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "group-uzb-gov+taliban", "", "UZB"}}},
		{"an announced call on a weekday is on the coming one",
			"رجب طیب اردوغان روز چهارشنبه با ولادیمیر پوتین تلفنی گفت‌وگو خواهد کرد.", thursday,
			[]want{{didar.Call, didar.StatusPlanned, "recep-tayyip-erdogan+vladimir-putin", "2024-05-15", ""}}},
		{"a meeting during last week's trip takes the trip's date",
			"هیئت طالبان هفته گذشته به تاشکند سفر کرد. این هیئت با مقام‌های ازبکستان دیدار کرد.", day,
			[]want{{didar.Visit, didar.StatusOccurred, "taliban>UZB", "2024-04-29", ""},
				{didar.Meet, didar.StatusOccurred, "group-uzb-gov+taliban", "2024-04-29", ""}}},
		{"a call with two presidents is two calls",
			"رجب طیب اردوغان روز چهارشنبه با ولادیمیر پوتین و ولودیمیر زلنسکی تلفنی گفت‌وگو خواهد کرد.", day,
			[]want{{didar.Call, didar.StatusPlanned, "recep-tayyip-erdogan+vladimir-putin", "2024-05-08", ""},
				{didar.Call, didar.StatusPlanned, "recep-tayyip-erdogan+volodymyr-zelensky", "2024-05-08", ""}}},
		{"a tour of three countries is three planned visits",
			"سرگئی لاوروف هفته آینده سفرهای رسمی به ترکیه، ایران و تاجیکستان خواهد داشت.", day,
			[]want{{didar.Visit, didar.StatusPlanned, "sergey-lavrov>TUR", "", ""},
				{didar.Visit, didar.StatusPlanned, "sergey-lavrov>IRN", "", ""},
				{didar.Visit, didar.StatusPlanned, "sergey-lavrov>TJK", "", ""}}},
		{"condolences to the presidents of two countries are a message to each head",
			"ولادیمیر پوتین در پیام‌هایی جداگانه به روسای جمهور ترکیه و سوریه تسلیت گفت.", day,
			[]want{{didar.Message, didar.StatusOccurred, "vladimir-putin>recep-tayyip-erdogan", "", ""},
				{didar.Message, didar.StatusOccurred, "vladimir-putin>bashar-al-assad", "", ""}}},
		{"condolences offered to two named persons",
			"هیثم بن طارق درگذشت قربانیان زلزله را به بشار اسد و رجب طیب اردوغان تسلیت گفت.", day,
			[]want{{didar.Message, didar.StatusOccurred, "haitham-bin-tariq>bashar-al-assad", "", ""},
				{didar.Message, didar.StatusOccurred, "haitham-bin-tariq>recep-tayyip-erdogan", "", ""}}},
		{"a headline's last name does not take the lead's role of another country",
			"زلزله در ترکیه و همدردی بشار اسد\nرئیس جمهور روسیه در پیامی به رجب طیب اردوغان تسلیت گفت.", day,
			[]want{{didar.Message, didar.StatusOccurred, "vladimir-putin>recep-tayyip-erdogan", "", ""}}},
	})
}
