package extract

import (
	"fmt"
	"testing"

	"github.com/didar-news/didar"
)

// TestConflict holds the conflict side: protests, summoned and expelled
// envoys, broken relations, sanctions and listings, resolutions, threats,
// demands and accusations, and above all their direction. The sentences
// are ours, written as Persian agencies write such news.
func TestConflict(t *testing.T) {
	day := didar.Date{Year: 2024, Month: 5, Day: 6}
	occ := didar.StatusOccurred
	tests := []struct {
		name string
		text string
		want []want
	}{
		// Summoning an envoy is a protest against his state.
		{"a ministry summons an ambassador",
			"وزارت امور خارجه ترکیه روز دوشنبه سفیر سوئد در آنکارا را احضار کرد.",
			[]want{{didar.Criticize, occ, "group-tur-gov>SWE", "", ""}}},
		{"passive: the envoy is summoned to the ministry",
			"سفیر دانمارک در تهران روز دوشنبه به وزارت امور خارجه احضار شد.",
			[]want{{didar.Criticize, occ, "mfa-iran>DNK", "", ""}}},
		{"passive in what a ministry said: the speaker summons",
			"وزارت امور خارجه روسیه اعلام کرد: سفیر آلمان در مسکو به این وزارتخانه فراخوانده شد.",
			[]want{{didar.Criticize, occ, "mfa-russia>DEU", "", ""}}},
		{"a chargé d'affaires named by his embassy",
			"کاردار سفارت بلژیک در تهران از سوی مدیرکل اروپای غربی به وزارت امور خارجه احضار شد.",
			[]want{{didar.Criticize, occ, "mfa-iran>BEL", "", ""}}},
		{"a summons is located in the summoning state, on its own date",
			"احضار سفیر نروژ به وزارت خارجه\nسفیر نروژ در تهران روز شنبه ۴ مه ۲۰۲۴ به وزارت امور خارجه احضار شد.",
			[]want{{didar.Criticize, occ, "mfa-iran>NOR", "2024-05-04", "IRN"}}},
		{"recalling one's own ambassador summons no one",
			"مراکش در اعتراض به این اقدام سفیر خود را از هلند فراخواند.", nil},

		// Expelling diplomats and breaking relations are sanctions.
		{"diplomats declared persona non grata",
			"روسیه پانزده دیپلمات آلمانی را عنصر نامطلوب اعلام کرد.",
			[]want{{didar.Sanction, occ, "RUS>DEU", "", ""}}},
		{"several states break relations: one event each",
			"بحرین، امارات و مصر روابط دیپلماتیک خود را با قطر قطع کردند.",
			[]want{{didar.Sanction, occ, "BHR>QAT", "", ""}, {didar.Sanction, occ, "ARE>QAT", "", ""}, {didar.Sanction, occ, "EGY>QAT", "", ""}}},
		{"a break of relations called for in a speech is none",
			"رئیس مجلس ایران گفت: قطع روابط با رژیم صهیونیستی وظیفه کشورهای اسلامی است.", nil},
		{"cutting something other than relations is no break",
			"روسیه صادرات گاز به لهستان را قطع کرد.", nil},
		{"a crisis of broken relations that ends is no sanction",
			"سران شورای همکاری بیانیه‌ای امضا کردند که به بحران قطع روابط با قطر پایان داد.", nil},

		// Sanctions and listings.
		{"a listing as terrorist",
			"آمریکا سپاه پاسداران را در فهرست سازمان‌های تروریستی قرار داد.",
			[]want{{didar.Sanction, occ, "USA>irgc", "", ""}}},
		{"the object of a sanction after its verbal noun",
			"وزارت خزانه‌داری آمریکا از تحریم دوازده شرکت چینی خبر داد.",
			[]want{{didar.Sanction, occ, "us-treasury>CHN", "", ""}}},
		{"new sanctions on a state",
			"اتحادیه اروپا تحریم‌های جدیدی را بر روسیه اعمال کرد.",
			[]want{{didar.Sanction, occ, "eu>RUS", "", ""}}},
		{"a sanction announced in a threat is the threat's content",
			"وزیر خارجه آمریکا تهدید کرد که واشنگتن تحریم‌های تازه‌ای علیه ونزوئلا وضع خواهد کرد.",
			[]want{{didar.Threaten, occ, "antony-blinken>VEN", "", ""}}},

		// Condemnation: the target is the attacker, never the victim.
		{"condemning an attack on a city targets the attacker",
			"ترکیه حمله هوایی اسرائیل به دمشق را محکوم کرد.",
			[]want{{didar.Criticize, occ, "TUR>ISR", "", ""}}},
		{"condemning an attack whose author is not named targets no one",
			"عمان حملات به تأسیسات هسته‌ای ایران را محکوم کرد.", nil},
		{"a terrorist act in a country is not that country's",
			"قطر اقدام تروریستی در پاکستان را به شدت محکوم کرد.", nil},
		{"the agent after توسط",
			"لبنان بمباران غزه توسط رژیم صهیونیستی را محکوم کرد.",
			[]want{{didar.Criticize, occ, "LBN>ISR", "", ""}}},
		{"the victims of a killing are not its target",
			"مصر کشتار مردم غزه را محکوم کرد.", nil},
		{"a foreign ministry named by its state",
			"وزارت امور خارجه سوریه حمله اسرائیل به حمص را محکوم کرد.",
			[]want{{didar.Criticize, occ, "group-syr-gov>ISR", "", ""}}},
		{"a foreign ministry named by its government",
			"وزارت امور خارجه دولت موقت سوریه حملات هوایی اسرائیل به حمص را محکوم کرد.",
			[]want{{didar.Criticize, occ, "group-syr-gov>ISR", "", ""}}},
		{"a foreign ministry named by a ruling body",
			"وزارت خارجه طالبان نیز سفیر پاکستان در کابل را احضار کرد.",
			[]want{{didar.Criticize, occ, "group-afg-gov>PAK", "", ""}}},
		{"an adjunct phrase before the object does not hide it",
			"عربستان در بیانیه‌ای مشترک قطر را به حمایت از تروریسم متهم کرد.",
			[]want{{didar.Accuse, occ, "SAU>QAT", "", ""}}},

		// Protests, resolutions, threats, demands, accusations.
		{"the possessor of a protest is its author",
			"آزمایش موشکی از سوی کره شمالی اعتراض ژاپن و کره جنوبی را برانگیخت.",
			[]want{{didar.Criticize, occ, "JPN>PRK", "", ""}, {didar.Criticize, occ, "KOR>PRK", "", ""}}},
		{"a board resolution against a state",
			"شورای حکام آژانس بین‌المللی انرژی اتمی قطعنامه‌ای را علیه ایران تصویب کرد.",
			[]want{{didar.Criticize, occ, "iaea-board-of-governors>IRN", "", ""}}},
		{"a circumstantial phrase before the subject",
			"در پی حمله هوایی پاکستان به خاک افغانستان، ذبیح‌الله مجاهد سخنگوی طالبان اسلام‌آباد را تهدید کرد.",
			[]want{{didar.Threaten, occ, "zabihullah-mujahid>PAK", "", ""}}},
		{"a bare threat noun has no direction",
			"حمله پاکستان؛ تهدید طالبان", nil},
		{"no threat at all",
			"عراق گفت اجازه نمی‌دهد از خاک آن هیچ تهدید علیه ایران صورت گیرد.", nil},
		{"a warning about arms sold to a third party does not target it",
			"چین هشدار داد هر شرکتی که به تایوان سلاح بفروشد تاوان آن را خواهد داد.", nil},
		{"a demand in the perfect",
			"اتحادیه اروپا از روسیه خواسته است نیروهایش را از اوکراین خارج کند.",
			[]want{{didar.Demand, occ, "eu>RUS", "", ""}}},
		{"sanctions as the subject that aims at a target",
			"اتحادیه اروپا بسته تازه‌ای از تحریم‌ها علیه روسیه تصویب کرد. این تحریم‌ها چند شرکت چینی را نیز هدف قرار داده است.",
			[]want{{didar.Sanction, occ, "eu>RUS", "", ""}, {didar.Sanction, occ, "eu>CHN", "", ""}}},
		{"aiming at a target with no sanctions named is no sanction",
			"ارتش اسرائیل چند ساختمان در غزه را هدف قرار داد.", nil},
		{"a verdict in a quote continued from an earlier sentence",
			"ولادیمیر زلنسکی به خبرنگاران گفت: «ما همه چیز را دیدیم. روسیه یک دولت تروریست است.»",
			[]want{{didar.Criticize, occ, "volodymyr-zelensky>RUS", "", ""}}},
		{"an act of another called by a negative word in what someone says",
			"محمدجواد ظریف گفت ملت ما در برابر سیاست‌های ظالمانه آمریکا ایستاده است.",
			[]want{{didar.Criticize, occ, "mohammad-javad-zarif>USA", "", ""}}},
		{"a rejection of unnamed accusations answers the accuser",
			"آمریکا روسیه را به کشتار غیرنظامیان متهم کرد. روسیه هرگونه اتهام در این زمینه را رد کرد.",
			[]want{{didar.Accuse, occ, "USA>RUS", "", ""}, {didar.Reject, occ, "RUS>USA", "", ""}}},
		{"a warning with no one named goes to the adversary just sanctioned",
			"چین ده شرکت آمریکایی را تحریم کرد. وزارت امور خارجه چین هشدار داد: هر کس از خط قرمز عبور کند پاسخ محکمی خواهد گرفت.",
			[]want{{didar.Sanction, occ, "CHN>USA", "", ""}, {didar.Threaten, occ, "mfa-china>USA", "", ""}}},
		{"a passive summons: the ministry named last before the verb",
			"کاردار سفارت سوئیس به عنوان حافظ منافع آمریکا در تهران به وزارت امور خارجه فراخوانده شد.",
			[]want{{didar.Criticize, occ, "mfa-iran>CHE", "", ""}}},
		{"on a sanctions list: the list's owner sanctions",
			"امیرخان متقی که نامش در فهرست تحریم‌های شورای امنیت قرار دارد به هند سفر کرد.",
			[]want{{didar.Sanction, occ, "un-security-council>amir-khan-muttaqi", "", ""}, {didar.Visit, occ, "amir-khan-muttaqi>IND", "", ""}}},
		{"a draft sanctions bill is no sanction",
			"دو نماینده کنگره پیش‌نویس قانون تحریم جدید علیه ایران را ارائه کردند.", nil},
		{"the author of a condemnation before نسبت به",
			"مراتب محکومیت جمهوری اسلامی ایران نسبت به اقدامات تحریک‌آمیز دولت آمریکا اعلام شد.",
			[]want{{didar.Criticize, occ, "IRN>group-usa-gov", "", ""}}},
		{"what a warning is about has parties of its own",
			"هشدار سخنگوی وزارت امور خارجه درباره تجاوز اسرائیل به خاک سوریه", nil},
		{"the parties of a ضمن phrase are its own",
			"ترکیه ضمن محکومیت حمله اسرائیل به خاک لبنان، نسبت به پیامدهای اقدامات رژیم صهیونیستی هشدار داد.",
			[]want{{didar.Threaten, occ, "TUR>ISR", "", ""}}},
		{"a second predicate has its own parties",
			"قطر حمله اسرائیل را محکوم کرد و نسبت به گسترش جنگ به دست رژیم صهیونیستی هشدار داد.",
			[]want{{didar.Criticize, occ, "QAT>ISR", "", ""}, {didar.Threaten, occ, "QAT>ISR", "", ""}}},
		{"a partitive از keeps the actor in the object",
			"مصر اقدام تعدادی از مقامات اسرائیل در ورود به الاقصی را محکوم کرد.",
			[]want{{didar.Criticize, occ, "EGY>group-isr-gov", "", ""}}},
		{"aid that sanctions bar is no aid",
			"تحریم‌های آمریکا کمک‌های مالی به دولت سوریه را ممنوع می‌کند.", nil},
		{"denying a presence answers no one",
			"آمریکا طالبان را تهدید کرد. طالبان حضور این فرمانده در افغانستان را تکذیب کرد.",
			[]want{{didar.Threaten, occ, "USA>taliban", "", ""}}},
		{"a hostile deed told of its own subject is the speaker's charge",
			"نیکول پاشینیان می‌گوید که روسیه در قره‌باغ مداخله کرد.",
			[]want{{didar.Criticize, occ, "nikol-pashinyan>RUS", "", ""}}},
		{"a hostile word that is not the told subject's deed is no charge",
			"شی جین‌پینگ اظهار داشت: آمریکا نمی‌تواند از برجام خارج شود و لغو همه تحریم‌ها علیه ایران ضروری است.",
			[]want{{didar.Demand, occ, "xi-jinping>USA", "", ""}}},
		{"an accusation in the perfect",
			"واشنگتن مدعی شده است ایران به روسیه پهپاد داده است.",
			[]want{{didar.Accuse, occ, "USA>IRN", "", ""}}},
	}
	x := extractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := x.Extract(Input{ID: "t", Published: day, Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			checkRecord(t, rec)
			var got []string
			for _, e := range rec.Events {
				got = append(got, fmt.Sprintf("%s %s %s", e.Type, e.Status, describe(e)))
			}
			if len(rec.Events) != len(tt.want) {
				t.Fatalf("got %d events %q, want %d", len(rec.Events), got, len(tt.want))
			}
			for i, w := range tt.want {
				e := rec.Events[i]
				if e.Type != w.typ || e.Status != w.status || describe(e) != w.parties {
					t.Errorf("event %d = %s, want %s %s %s", i, got[i], w.typ, w.status, w.parties)
				}
				if w.date != "" && e.Date.String() != w.date {
					t.Errorf("event %d date = %q, want %q", i, e.Date, w.date)
				}
				if w.country != "" && (e.Location == nil || string(e.Location.Country) != w.country) {
					t.Errorf("event %d location = %+v, want country %s", i, e.Location, w.country)
				}
			}
		})
	}
}
