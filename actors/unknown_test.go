package actors

import "testing"

// People the dictionary lacks, in sentences written for these tests in
// the manner of agency copy: each must become a person of its own, of the
// country and sector its role gives, never a namesake from the
// dictionary nor the office holder.
var unknownCases = []roleCase{
	// A name in apposition with a role, either order.
	{"name, role", "2024-09-10",
		"تورالف هاگن، وزیر امور خارجه ترکیه، روز سه‌شنبه در آنکارا با عباس عراقچی دیدار کرد.",
		[]m{{"تورالف هاگن", "تورالف-هاگن", "name"}, {"وزیر امور خارجه ترکیه", "تورالف-هاگن", "role"}},
		nil, []string{"hakan-fidan"}, []who{{"تورالف-هاگن", "TUR", "GOV"}}},
	{"role, name", "2024-09-10",
		"وزیر امور خارجه ترکیه، تورالف هاگن، روز سه‌شنبه با عباس عراقچی دیدار کرد.",
		[]m{{"وزیر امور خارجه ترکیه", "تورالف-هاگن", "role"}, {"تورالف هاگن", "تورالف-هاگن", "name"}},
		nil, []string{"hakan-fidan"}, []who{{"تورالف-هاگن", "TUR", "GOV"}}},
	{"role and name with no comma", "2024-09-10",
		"سفیر ژاپن در تهران کنجی ناکامورا روز دوشنبه به وزارت خارجه احضار شد.",
		[]m{{"سفیر ژاپن در تهران", "کنجی-ناکامورا", "role"}, {"کنجی ناکامورا", "کنجی-ناکامورا", "name"}},
		nil, nil, []who{{"کنجی-ناکامورا", "JPN", "DIP"}}},
	{"spokesperson named first", "2024-09-10",
		"ماریا زاخارووا سخنگوی وزارت امور خارجه روسیه در نشست هفتگی گفت مسکو نگران است.",
		[]m{{"ماریا زاخارووا", "ماریا-زاخارووا", "name"}}, nil, []string{"sergey-lavrov"}, []who{{"ماریا-زاخارووا", "RUS", "GOV"}}},
	{"a preposition before the name", "2024-09-10",
		"میهمانان در فرودگاه توسط قربان کاکایف، وزیر امور خارجه اوکراین استقبال شدند.",
		[]m{{"قربان کاکایف", "قربان-کاکایف", "name"}}, nil, nil, []who{{"قربان-کاکایف", "UKR", "GOV"}}},

	{"straight quotes around the name", "2024-09-10",
		"سرکنسول ایران در استانبول با \"تورالف هاگن\"، وزیر امور خارجه ترکیه، دیدار کرد.",
		[]m{{"تورالف هاگن", "تورالف-هاگن", "quoted-name"}}, nil, nil, []who{{"تورالف-هاگن", "TUR", "GOV"}}},

	// A name after a title.
	{"mister and a foreign name", "", "آقای تورالف هاگن روز سه‌شنبه وارد تهران شد.",
		[]m{{"تورالف هاگن", "تورالف-هاگن", "title"}}, nil, nil, nil},
	{"a common word after the name", "", "خانم زاخارووا تصریح کرد که مسکو آماده است.",
		[]m{{"زاخارووا", "زاخارووا", "title"}}, []string{"زاخارووا تصریح"}, nil, nil},
	{"a surname that is also a common word", "", "سرلشکر کامران دلاوری روز گذشته از پادگان بازدید کرد.",
		[]m{{"کامران دلاوری", "کامران-دلاوری", "title"}}, nil, nil, nil},
	{"sheikh before an unknown name", "2024-09-10", "شیخ عبدالله الصباح وزیر خارجه امارات روز یکشنبه وارد تهران شد.",
		[]m{{"عبدالله الصباح", "عبدالله-الصباح", "title"}, {"وزیر خارجه امارات", "عبدالله-الصباح", "role"}}, nil, nil,
		[]who{{"عبدالله-الصباح", "ARE", "GOV"}}},

	{"a bare title's country gives way to the role's", "2024-09-10",
		"تورالف هاگن، معاون وزیر خارجه، گفت گفت‌وگوها ادامه دارد. هاگن، معاون وزیر خارجه ترکیه، افزود که سفر انجام می‌شود.",
		nil, nil, nil, []who{{"تورالف-هاگن", "TUR", "GOV"}}},

	// Later mentions: the surname alone, and the role alone.
	{"surname back-reference", "2024-09-10",
		"تورالف هاگن، وزیر امور خارجه ترکیه، وارد تهران شد. هاگن در فرودگاه گفت این سفر مهم است.",
		[]m{{"هاگن", "تورالف-هاگن", "surname"}}, nil, nil, nil},
	{"a name the article repeats by surname", "",
		"به گزارش رسانه‌های محلی، تورالف هاگن روز دوشنبه در جمع خبرنگاران سخن گفت. هاگن افزود که گفت‌وگوها ادامه دارد.",
		[]m{{"تورالف هاگن", "تورالف-هاگن", "name"}, {"هاگن", "تورالف-هاگن", "surname"}}, nil, nil, nil},
	{"a repeated name after a stop word", "",
		"قرارداد با حضور تورالف هاگن و مقامات بندر امضا شد. هاگن در مراسم گفت که کار آغاز می‌شود.",
		[]m{{"تورالف هاگن", "تورالف-هاگن", "name"}, {"هاگن", "تورالف-هاگن", "surname"}}, nil, nil, nil},
	{"an adviser with a modifier is not the holder", "2020-12-01",
		"جرد کوشنر مشاور ارشد رئیس‌جمهوری آمریکا به ریاض رفت.",
		[]m{{"جرد کوشنر", "جرد-کوشنر", "name"}}, nil, []string{"donald-trump", "joe-biden"}, []who{{"جرد-کوشنر", "USA", "GOV"}}},
	{"two uncommon words never repeated alone", "",
		"به گزارش رسانه‌های محلی، تورالف هاگن روز دوشنبه در جمع خبرنگاران سخن گفت.",
		nil, []string{"تورالف هاگن"}, nil, nil},
	{"the second word repeated inside the pair only", "",
		"تورالف هاگن روز دوشنبه سخن گفت. تورالف هاگن روز سه‌شنبه هم آمد.",
		nil, []string{"تورالف هاگن"}, nil, nil},
	{"a martyr's name on a building is no person", "",
		"هواپیما از فرودگاه شهید هاشمی نژاد برخاست. شهید هاشمی نژاد نام این فرودگاه است و نژاد گفت",
		nil, []string{"هاشمی نژاد", "شهید هاشمی نژاد"}, nil, nil},
	{"the role alone, before and after the name", "2024-09-10",
		"سخنان وزیر خارجه امارات بازتاب گسترده داشت. انور قرقاش، وزیر خارجه امارات، در توئیتی نوشت که تصمیم سنجیده بود. به گفته وزیر خارجه امارات، گفت‌وگو ادامه دارد.",
		[]m{{"وزیر خارجه امارات", "انور-قرقاش", "role"}}, nil, nil, []who{{"انور-قرقاش", "ARE", "GOV"}}},
	{"this country after an ambassador", "2024-09-10",
		"سفیر ژاپن به وزارت خارجه احضار شد، در پی سخنان نخست‌وزیر این کشور.",
		[]m{{"سفیر ژاپن", "سفیر-ژاپن", "role"}}, nil, nil, []who{{"سفیر-ژاپن", "JPN", "DIP"}}},

	// The leader of a delegation.
	{"a delegation led by an unknown envoy", "2019-02-25",
		"قرار است مذاکرات میان هیئت آمریکایی به رهبری زلمی خلیلزاد و نمایندگان طالبان امروز برگزار شود.",
		[]m{{"زلمی خلیلزاد", "زلمی-خلیلزاد", "name"}}, nil, nil, []who{{"زلمی-خلیلزاد", "USA", "GOV"}}},
	{"led by, with no body before", "",
		"این نشست به ریاست زلمی خلیلزاد برگزار شد.",
		nil, []string{"زلمی خلیلزاد"}, nil, nil},

	// A dictionary person written family name first.
	{"family name first", "2019-06-13", "آبه شینزو، نخست‌وزیر ژاپن، وارد تهران شد.",
		[]m{{"آبه شینزو", "shinzo-abe", "name"}}, nil, nil, nil},

	// Surnames listed after a plural title.
	{"surnames after آقایان", "2023-07-01", "به نتایج گفت‌وگوهای آقایان پزشکیان و اردوغان اشاره شد.",
		[]m{{"پزشکیان", "masoud-pezeshkian", "name"}, {"اردوغان", "recep-tayyip-erdogan", "name"}}, nil, nil, nil},

	// No wrong links.
	{"a namesake with the same given name", "2024-09-10",
		"محمدجواد زرین، سفیر ایران در ژاپن، در توکیو سخنرانی کرد.",
		[]m{{"محمدجواد زرین", "محمدجواد-زرین", "name"}}, nil, []string{"mohammad-javad-zarif"}, []who{{"محمدجواد-زرین", "IRN", "DIP"}}},
	{"a namesake after a title", "2024-09-10", "دکتر محمدجواد زرین در این نشست گفت",
		nil, nil, []string{"mohammad-javad-zarif"}, nil},
	{"a dictionary surname after the article's namesake", "2024-06-01",
		"محمد لاریجانی، دبیر ستاد حقوق بشر قوه قضاییه، در ژنو سخن گفت. آقای لاریجانی افزود که گزارش یکسویه است. لاریجانی همچنین گفت",
		[]m{{"محمد لاریجانی", "محمد-لاریجانی", "name"}, {"لاریجانی", "محمد-لاریجانی", "title"}, {"لاریجانی", "محمد-لاریجانی", "surname"}}, nil, []string{"ali-larijani"}, nil},
	{"a given name inside a noun phrase", "2024-06-01",
		"تیم انتقال محمد لاریجانی در بیانیه‌ای سخن گفت.",
		nil, []string{"محمد لاریجانی"}, nil, nil},
	{"a surname that is a given name here", "2024-06-01",
		"هیئت ایرانی در فرودگاه توسط شریف بهادروف معاون وزیر خارجه ایران استقبال شد.",
		nil, []string{"شریف"}, []string{"shehbaz-sharif"}, nil},
	{"an unread name before a role", "2024-06-01",
		"منابع از کشته شدن عبدالله شاه محسود، نخست‌وزیر پاکستان در این حمله خبر دادند.",
		nil, nil, []string{"shehbaz-sharif"}, nil},
	{"a governor of a party is not its leader", "2024-06-01",
		"به گفته دفتر استاندار حزب کمونیست چین در این استان، محموله تحویل شد.",
		nil, nil, []string{"liu-jianchao"}, nil},
	{"a consul general named before the role", "2024-06-01",
		"میرزاخانی، سرکنسول جمهوری اسلامی ایران در کازان، با مقامات محلی دیدار کرد.",
		[]m{{"میرزاخانی", "میرزاخانی", "name"}}, nil, nil, []who{{"میرزاخانی", "IRN", "DIP"}}},
	{"the president of the country, in whatever outlet", "2024-09-10",
		"رئیس جمهور کشور در مراسم افتتاح خط لوله گفت این پروژه پیام همکاری دارد.",
		[]m{{"رئیس جمهور کشور", "رییس-جمهور-کشور", "role"}}, nil, []string{"masoud-pezeshkian"}, []who{{"رییس-جمهور-کشور", "", "GOV"}}},
	{"our president in a foreign quote", "2022-03-10",
		"ابراهیم کالین گفت: «فردا رئیس جمهور ما با پوتین تلفنی صحبت می‌کند».",
		nil, nil, []string{"ebrahim-raisi"}, nil},

	// Words that are no names.
	{"common words before a role", "2024-09-10",
		"دیدار رسمی نمایندگان کشورهای عضو، وزیر امور خارجه ترکیه را خرسند کرد.",
		nil, []string{"کشورهای عضو", "عضو"}, nil, nil},
	{"a glued verb after a role", "2024-09-10",
		"سخنگوی وزارت خارجه ترکیه میگوید کشورش قصد دارد روابط را گسترش دهد.",
		nil, []string{"میگوید کشورش قصد", "میگوید کشورش"}, nil, nil},
	{"an organisation after the role's words", "2024-09-10",
		"وزیر خارجه ترکیه با رئیس کمیسیون ویژه سازمان ملل دیدار کرد.",
		nil, []string{"کمیسیون ویژه"}, nil, nil},
	{"words run together", "2024-09-10",
		"وزیر خارجه ترکیه ضن تشکرازدکترقدرتعلی سخن گفت.",
		nil, []string{"ضن تشکرازدکترقدرتعلی"}, nil, nil},
	{"a quoted phrase before a role", "2024-09-10",
		"هشدار پکن: «ما کاملا آماده‌ایم»، سخنگوی وزارت خارجه چین گفت.",
		nil, []string{"ما کاملا آماده‌ایم"}, nil, nil},
	{"an office with a common word", "2024-09-10",
		"دفتر مطبوعاتی رئیس‌جمهور روسیه اعلام کرد.",
		nil, []string{"دفتر مطبوعاتی"}, nil, nil},
}

func TestUnknownPeople(t *testing.T) { runRoleCases(t, unknownCases) }
