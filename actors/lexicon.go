package actors

// The closed word classes of Persian news that the linker reads around
// dictionary names. They are grammar, not data users extend: offices,
// names and places are in the YAML files.

// titles come before a person's name.
var titles = []string{
	"دکتر", "آقای", "آقا", "خانم", "مهندس", "حجت‌الاسلام", "حجت الاسلام",
	"حجت‌الاسلام والمسلمین", "حجت الاسلام و المسلمین", "آیت‌الله", "آیت الله",
	"آیت‌الله العظمی", "آیت ا...", "آیت‌ا...", "امیر", "امیر سرتیپ", "امیر سرتیپ دوم",
	"امیر دریادار", "امیر دریابان", "امیر سرلشکر", "سرتیپ", "سرتیپ دوم", "سرلشکر", "سپهبد",
	"سردار", "سرهنگ", "ژنرال", "شیخ", "سید", "پروفسور", "دریادار",
	"سرلشکر پاسدار", "سرتیپ پاسدار", "سرتیپ دوم پاسدار", "سردار پاسدار", "سرهنگ پاسدار",
	"سپهبد پاسدار",
}

// pronouns that stand for the last person who was a sentence subject.
var pronouns = []string{"وی", "او", "ایشان"}

// groupNouns are plural or collective nouns that, followed by a country
// adjective or name, make a collective actor with this sector.
var groupNouns = map[string]string{
	"احزاب": "PTY", "حزب‌های": "PTY", "هیئت": "GOV", "هیأت": "GOV", "هیات": "GOV",
	"هیآت": "GOV", "هیئت‌های": "GOV", "طرف": "GOV", "دولت": "GOV", "مقامات": "GOV",
	"مقام‌های": "GOV", "مسئولان": "GOV", "مسئولین": "GOV", "دیپلمات‌های": "DIP",
	"دیپلمات‌ها": "DIP", "دیپلماتهای": "DIP", "شرکت‌های": "BUS", "شرکت‌ها": "BUS",
	"بازرگانان": "BUS", "نیروهای": "MIL", "نظامیان": "MIL", "ارتش": "MIL",
	"رسانه‌های": "MED", "خبرنگاران": "MED", "نمایندگان": "LEG", "پارلمان": "LEG",
	"دانشجویان": "EDU", "مردم": "CVL", "شهروندان": "CVL", "سرمایه‌گذاران": "BUS",
	"کارشناسان": "", "تیم": "", "هیئت‌ها": "GOV",
}

// counterparts: "همتای چینی" is the person of that country in the article.
var counterparts = []string{"همتای", "همتا", "همتایان"}

// pairs name the two main persons (or, for countries, the two main
// countries) of an article.
var pairPersons = []string{"طرفین", "دو طرف"}
var pairCountries = []string{"دو کشور"}

// homeWords stand for Iran, the home country of the news Didar reads.
var homeWords = []string{"کشورمان", "میهنمان", "کشور ما"}

// heads, followed (within two words) by an organisation, make a role
// phrase for that organisation: "دبیرکل حزب ...", "مدیرکل سیاسی وزارت کشور".
var heads = map[string]string{
	"رئیس": "head", "دبیرکل": "secretary-general", "دبیر کل": "secretary-general",
	"رهبر": "leader", "مدیرکل": "director-general", "مدیر کل": "director-general",
	"سخنگوی": "spokesperson", "معاون": "deputy", "مشاور": "adviser", "وزیر": "minister",
	"فرمانده": "commander", "نماینده": "representative", "دبیر": "secretary",
	"قائم مقام": "deputy", "عضو": "member", "سفیر": "ambassador",
}

// listNouns are plural role nouns after which a list of surnames
// names persons: "دبیران کل احزاب کشور ازجمله، X، Y و Z".
var listNouns = map[string]string{
	"دبیران کل": "PTY", "دبیرکل‌های": "PTY", "دبیران": "PTY", "نمایندگان": "LEG",
	"وزرای": "GOV", "روسای": "GOV", "رؤسای": "GOV", "فرماندهان": "MIL",
	"اعضای": "", "سفرای": "DIP", "آقایان": "", "خانم‌ها": "",
}

// listTitles are plural titles that start a list of names at once:
// "آقایان X، Y و Z".
var listTitles = map[string]bool{"اقایان": true, "خانمها": true}

// gluePrefixes are short words that sloppy text glues to the next word:
// "وایران", "باکشور", "ازخانه".
var gluePrefixes = []string{"و", "با", "در", "از", "به", "بر", "تا", "که"}

// suffixes may follow a name glued or after ZWNJ: "چینی‌اش", "ترکیه‌ای",
// "آمریکایی‌ها". The ones marked true make the name an adjective.
var suffixes = map[string]bool{
	"ها": false, "های": false, "هایی": false, "ی": true, "ای": true, "یی": true,
	"اش": false, "مان": false, "شان": false, "تان": false, "را": false, "ان": false,
}

// zwnjSuffixes are accepted only after a ZWNJ or a non-joining letter,
// since glued they usually make another word ("چینش").
var zwnjSuffixes = map[string]bool{"ش": true, "م": true, "ام": true}

// fillers are skipped inside role phrases: "وزیر جدید بین‌الملل",
// "رئیس‌جمهور محترم چین".
var fillers = []string{"جدید", "محترم", "کنونی", "فعلی"}

// stopWords never start or make a name read from the text: function
// words, verbs and the frequent nouns of diplomatic news.
var stopWords = []string{
	"و", "با", "در", "از", "به", "بر", "تا", "که", "را", "این", "آن", "هم", "نیز", "یک", "برای",
	"درباره", "پس", "سپس", "همچنین", "اما", "ولی", "یا", "هر", "چه", "گفت", "کرد", "کردند", "شد",
	"است", "بود", "داشت", "افزود", "داد", "دیدار", "گفتگو", "گفت‌وگو", "گفتوگو", "سفر", "نشست",
	"جلسه", "مذاکره", "مذاکرات", "روز", "امروز", "دیروز", "شب", "صبح", "عصر", "هفته", "ماه",
	"سال", "گذشته", "آینده", "اخیر", "خبرگزاری", "گزارش", "به‌گزارش", "نقل", "ادامه", "پایان",
	"ابتدا", "حاشیه", "همراه", "هیئت", "هیات", "دولت", "کشور", "کشورهای", "رئیس", "وزیر",
	"معاون", "سفیر", "نماینده", "ویژه", "جمهوری", "روابط", "همکاری", "همکاری‌های", "تاکید",
	"تأکید", "اشاره", "ضمن", "اظهار", "وزارت", "سازمان", "مجلس", "حزب", "احزاب", "شورای", "کل",
	"عالی", "بین‌الملل", "بین‌المللی", "سیاسی", "اقتصادی", "نظامی", "دفاعی", "امنیتی", "جدید",
	"سابق", "اول", "دوم", "ارشد", "مقام", "مقامات", "آقایان", "خانم‌ها", "ازجمله", "جمله",
	"حضور", "داشتند", "بعنوان", "عنوان", "همتای", "طرف", "او", "وی", "ایشان", "ما", "آنها",
	"آن‌ها", "خود", "خویش", "چنین", "نوشت", "کرده", "باشد", "بودند", "شده", "می", "نمی", "های",
	"ها", "آمد", "رفت", "گفتند", "افزودند", "کند", "کنند", "دارد", "دارند", "نمود", "ساخت",
	"خواهد", "شود", "شوند", "گردید", "رسید", "رساند", "خواند", "دانست", "محترم", "اعلام", "تشکر",
	"ابراز", "پیام", "سلام", "مراسم", "میهمانان",
}

// lightVerbs follow a noun to make a compound verb; a short country word
// right before one is that noun ("ترک کرد": left), not the country.
var lightVerbs = []string{
	"کرد", "کردند", "کرده", "کردن", "کند", "کنند", "کنیم", "کردیم", "می‌کند", "می‌کنند",
	"نمود", "نمودند", "شد", "شدند", "شده", "شود", "شوند", "گفت", "گفتن", "کنید",
}
