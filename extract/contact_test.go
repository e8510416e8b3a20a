package extract

import (
	"strings"
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
		{"talks between two countries named after میان",
			"دور تازه مذاکرات میان ایران و عمان امروز در مسقط برگزار شد.", day,
			[]want{{didar.Negotiate, didar.StatusOccurred, "IRN+OMN", "", "OMN"}}},
		{"the both sides of a later sentence are the talks' parties",
			"دور دوم مذاکرات بین هیئت‌های ایران و عمان برگزار شد. طرفین توافق کردند که کمیته‌ای مشترک تشکیل دهند.", day,
			[]want{{didar.Negotiate, didar.StatusOccurred, "OMN+group-irn-gov", "", ""}, {didar.Agree, didar.StatusOccurred, "OMN+group-irn-gov", "", ""}}},
		{"«طرفین» are the sides of the talks just reported, not the persons named most",
			"رجب طیب اردوغان گفت که آرزو دارد ولادیمیر پوتین را به استانبول بیاورد. دور دوم مذاکرات بین ایران و عمان امروز برگزار شد. طرفین توافق کردند که کمیته‌ای مشترک تشکیل دهند.", day,
			[]want{{didar.Negotiate, didar.StatusOccurred, "IRN+OMN", "", ""}, {didar.Agree, didar.StatusOccurred, "IRN+OMN", "", ""}}},
		{"an invitation received comes from whom it is received",
			"مسعود پزشکیان دعوت‌نامه‌ای از سوی ولادیمیر پوتین برای شرکت در اجلاس بریکس دریافت کرد.", day,
			[]want{{didar.Invite, didar.StatusOccurred, "vladimir-putin>masoud-pezeshkian", "", ""}}},
		{"what a frame opened by پیشتر reports is recalled",
			"پیشتر کاخ کرملین اعلام کرد که شی جین‌پینگ از ولادیمیر پوتین دعوت کرده است.", day,
			[]want{{didar.Invite, didar.StatusPastReference, "xi-jinping>vladimir-putin", "", ""}}},
		{"a past adverb inside a noun phrase of the frame recalls nothing",
			"شی جین‌پینگ با اشاره به سفر سال گذشته خود به مسکو اظهار داشت: از ولادیمیر پوتین تشکر می‌کنم.", day,
			[]want{{didar.Praise, didar.StatusOccurred, "xi-jinping>vladimir-putin", "", ""}}},
		{"leaders who witnessed a signing by video made a call and an agreement",
			"ولادیمیر پوتین و ابراهیم رئیسی در یک ارتباط ویدئویی ناظر امضای قرارداد ساخت راه‌آهن بودند.", day,
			[]want{{didar.Call, didar.StatusOccurred, "ebrahim-raisi+vladimir-putin", "", ""}, {didar.Agree, didar.StatusOccurred, "ebrahim-raisi+vladimir-putin", "", ""}}},
		{"a meeting described by a copula is still no event",
			"این نخستین دیدار ولادیمیر پوتین و ابراهیم رئیسی بود.", day, nil},
		{"one sentence, one trip, whatever the tense of its second mention",
			"رجب طیب اردوغان قرار است ماه آینده به مسکو سفر کند که نخستین سفر او در سال جاری به شمار می‌رود.", day,
			[]want{{didar.Visit, didar.StatusPlanned, "recep-tayyip-erdogan>RUS", "", ""}}},
		{"talks held by video conference are a call",
			"شی جین‌پینگ در گفت‌وگویی که با جو بایدن به صورت ویدیو کنفرانس داشت، بر همکاری دو کشور تاکید کرد.", day,
			[]want{{didar.Call, didar.StatusOccurred, "joe-biden+xi-jinping", "", ""}, {didar.Cooperate, didar.StatusOccurred, "xi-jinping>joe-biden", "", ""}}},
		{"a meeting in the present tense is announced",
			"ولادیمیر پوتین فردا با شی جین‌پینگ دیدار می‌کند.", day,
			[]want{{didar.Meet, didar.StatusPlanned, "vladimir-putin+xi-jinping", "", ""}}},
		{"sanctions in the present tense of a headline are announced",
			"آمریکا و بریتانیا تحریم‌های جدیدی را علیه روسیه اعمال می‌کنند.", day,
			[]want{{didar.Sanction, didar.StatusPlanned, "USA>RUS", "", ""}, {didar.Sanction, didar.StatusPlanned, "GBR>RUS", "", ""}}},
		{"support in the present tense is a statement made now",
			"شی جین‌پینگ گفت که چین از ایران حمایت می‌کند.", day,
			[]want{{didar.Support, didar.StatusOccurred, "xi-jinping>IRN", "", ""}}},
		{"a summit that opens today is news of the day",
			"نشست سران سازمان همکاری شانگهای امروز به میزبانی ولادیمیر پوتین در مسکو آغاز می‌شود.", day,
			[]want{{didar.Host, didar.StatusOccurred, "vladimir-putin>sco", "", ""}}},
		{"speaking by telephone is a call",
			"هاکان فیدان با سرگئی لاوروف تلفنی صحبت کرد.", day,
			[]want{{didar.Call, didar.StatusOccurred, "hakan-fidan+sergey-lavrov", "", ""}}},
		{"talks offered are no talks",
			"سرگئی لاوروف و وانگ یی آمادگی خود را برای رایزنی و مذاکره درباره سند همکاری اعلام کردند.", day, nil},
		{"officials who confirm a trip are not the traveller",
			"مقامات آمریکایی تایید کرده‌اند که ملا عبدالغنی برادر به قطر سفر کرده است.", day,
			[]want{{didar.Visit, didar.StatusOccurred, "abdul-ghani-baradar>QAT", "", ""}}},
		{"an agreement about next week's talks was reached now",
			"عباس عراقچی با استیو ویتکاف دیدار کرد. طرفین موافقت کردند که گفت‌وگوها هفته آینده ادامه یابد.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "abbas-araghchi+steve-witkoff", "", ""}, {didar.Agree, didar.StatusOccurred, "abbas-araghchi+steve-witkoff", "", ""}}},
		{"a name in guillemets is the subject",
			"به گزارش ایرنا، «ابراهیم رئیسی» امروز با «شی جین‌پینگ» در پکن دیدار کرد.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "ebrahim-raisi+xi-jinping", "", "CHN"}}},
		{"a trip at a head's invitation to «this country» goes to the host's country",
			"مسعود پزشکیان به دعوت شهباز شریف و به منظور سفری رسمی عازم این کشور شد.", day,
			[]want{{didar.Invite, didar.StatusOccurred, "shehbaz-sharif>masoud-pezeshkian", "", ""},
				{didar.Visit, didar.StatusOccurred, "masoud-pezeshkian>PAK", "", ""}}},
		{"the journey of a relative clause with commas in it",
			"مسعود پزشکیان امروز که به دعوت الهام علی‌اف و برای شرکت در اجلاس سران سازمان همکاری اقتصادی (اکو)، عازم شهر خانکندی شده بود، با رجب طیب اردوغان دیدار کرد.", day,
			[]want{{didar.Invite, didar.StatusPastReference, "ilham-aliyev>masoud-pezeshkian", "", ""},
				{didar.Visit, didar.StatusOccurred, "masoud-pezeshkian>AZE", "", ""},
				{didar.Meet, didar.StatusOccurred, "masoud-pezeshkian+recep-tayyip-erdogan", "", "AZE"}}},
		{"a good word on the act just reported is praise of its other party",
			"فواد حسین با حسین امیرعبداللهیان دیدار کرد. وی آن را اقدامی مثبت ارزیابی کرد.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "fuad-hussein+hossein-amir-abdollahian", "", ""},
				{didar.Praise, didar.StatusOccurred, "fuad-hussein>hossein-amir-abdollahian", "", ""}}},
		{"a good word on an agreement as a step for cooperation is an intent to cooperate",
			"ولادیمیر پوتین و ابراهیم رئیسی قرارداد ساخت راه‌آهن را امضا کردند. ابراهیم رئیسی این توافق را گامی مهم در راستای همکاری تهران و مسکو خواند.", day,
			[]want{{didar.Agree, didar.StatusOccurred, "ebrahim-raisi+vladimir-putin", "", ""},
				{didar.Cooperate, didar.StatusOccurred, "ebrahim-raisi>vladimir-putin", "", ""}}},
		{"a good word on relations describes them",
			"شی جین‌پینگ روابط با ایران را راهبردی خواند.", day, nil},
		{"meetings «میان» one named party and others unnamed are not with the subject",
			"وانگ یی با سرگئی لاوروف دیدار کرد. قرار است امروز دیدارهای دوجانبه‌ای میان چین و دیگر هیئت‌ها برگزار شود.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "sergey-lavrov+wang-yi", "", ""}}},
		{"a welcome in the passive with its agent before the cue",
			"ابراهیم رئیسی وارد فرودگاه عشق‌آباد شد و توسط رشید مردف مورد استقبال قرار گرفت.", day,
			[]want{{didar.Visit, didar.StatusOccurred, "ebrahim-raisi>TKM", "", ""}, {didar.Host, didar.StatusOccurred, "rashid-meredov>ebrahim-raisi", "", ""}}},
		{"the partner phrase of a break of relations is not a meeting's",
			"امارات تصمیم به قطع رابطه دیپلماتیک با قطر پس از سال‌ها با رایزنی گرفت.", day,
			[]want{{didar.Sanction, didar.StatusOccurred, "ARE>QAT", "", ""}}},
		{"a meeting recalled before the partner phrase does not take it",
			"عباس عراقچی پیش از این دیدار با سرگئی لاوروف نیز دیدار و گفت‌وگو کرد.", day,
			[]want{{didar.Meet, didar.StatusOccurred, "abbas-araghchi+sergey-lavrov", "", ""}}},
		{"a cue in what a judgement calls its object is no act",
			"شی جین‌پینگ این خط لوله را نه یک پروژه بلکه پیامی به پاکستان و هند دانسته است.", day, nil},
		{"the purpose of a shipment is no act of its own",
			"ازبکستان محموله‌ای را با هدف پشتیبانی از مردم افغانستان به کابل فرستاد.", day, nil},
	})
}

// Reported speech as agencies write it: perfect tenses, "به گفته X".
func TestReportedSpeech(t *testing.T) {
	x := extractor(t)
	tests := []struct{ text, speaker, kind, starts, ends string }{
		{"سرگئی لاوروف در توییتی نوشته است که روسیه از چین حمایت می‌کند.", "sergey-lavrov", "indirect", "روسیه", "می‌کند."},
		{"وانگ یی در این نشست گفته که چین آماده میانجی‌گری است.", "wang-yi", "indirect", "چین", "است."},
		{"شی جین‌پینگ تاکید کرده است: «روابط دو کشور راهبردی است.»", "xi-jinping", "direct", "«روابط", "است.»"},
		{"به گفته سرگئی لاوروف، ولادیمیر پوتین هفته آینده به پکن سفر می‌کند.", "sergey-lavrov", "indirect", "ولادیمیر", "می‌کند."},
	}
	for _, tt := range tests {
		rec, err := x.Extract(Input{ID: "q", Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if len(rec.Quotes) != 1 {
			t.Errorf("%s: got %d quotes %+v, want 1", tt.text, len(rec.Quotes), rec.Quotes)
			continue
		}
		q := rec.Quotes[0]
		if q.Speaker != tt.speaker || q.Kind != tt.kind || !strings.HasPrefix(q.Text, tt.starts) || !strings.HasSuffix(q.Text, tt.ends) {
			t.Errorf("%s: quote = %s %s %q, want %s %s from %q to %q", tt.text, q.Speaker, q.Kind, q.Text, tt.speaker, tt.kind, tt.starts, tt.ends)
		}
	}
}
