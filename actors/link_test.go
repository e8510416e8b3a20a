package actors

import (
	"slices"
	"strings"
	"testing"

	"github.com/didar-news/didar"
)

// m is a mention a case expects: its text, the actor and, if given, how
// it was read.
type m struct{ text, id, via string }

var linkCases = []struct {
	name string
	at   string // article date, "" when unknown
	text string
	want []m
	not  []string // mentions that must not be linked
}{
	// Names and their spellings.
	{"name", "", "شی جین‌پینگ به مسکو رفت.", []m{{"شی جین‌پینگ", "xi-jinping", "name"}, {"مسکو", "RUS", "capital"}}, nil},
	{"name without zwnj", "", "شی جینپینگ گفت.", []m{{"شی جینپینگ", "xi-jinping", "name"}}, nil},
	{"name split", "", "سخنان شی جین پینگ", []m{{"شی جین پینگ", "xi-jinping", "name"}}, nil},
	{"arabic letters", "", "ولاديمير پوتين وارد شد", []m{{"ولاديمير پوتين", "vladimir-putin", "name"}}, nil},
	{"variant", "", "وانگ ای وزیر خارجه چین", []m{{"وانگ ای", "wang-yi", "name"}, {"وزیر خارجه چین", "wang-yi", "role"}}, nil},
	{"name before comma", "", "هاکان فیدان، در آنکارا گفت", []m{{"هاکان فیدان", "hakan-fidan", "name"}, {"آنکارا", "TUR", "capital"}}, nil},
	{"glued conjunction", "", "روابط چین وایران", []m{{"چین", "CHN", "name"}, {"ایران", "IRN", "name"}}, nil},
	{"not inside a word", "", "شرکت شیرایران و شیراز", []m{{"شیراز", "shiraz", "name"}}, []string{"ایران"}},
	{"turkish full name", "2020-01-01", "رجب طیب اردوغان گفت", []m{{"رجب طیب اردوغان", "recep-tayyip-erdogan", "name"}}, nil},

	// Surnames.
	{"famous surname alone", "2024-01-01", "اردوغان گفت", []m{{"اردوغان", "recep-tayyip-erdogan", "surname"}}, nil},
	{"famous surname putin", "", "پیام به پوتین رسید", []m{{"پوتین", "vladimir-putin", "surname"}}, nil},
	{"surname of someone out of office", "2025-01-01", "این روحانی گفت", nil, []string{"روحانی"}},
	{"surname after full name", "2025-01-01", "حسن روحانی آمد. روحانی گفت", []m{{"روحانی", "hassan-rouhani", "surname"}}, nil},
	{"arabic surname without its article", "2023-11-03", "محمد شیاع السودانی به تهران آمد. سودانی گفت", []m{{"سودانی", "mohammed-shia-al-sudani", "surname"}}, nil},
	{"sudanese before the name", "2023-11-03", "کالای سودانی. محمد شیاع السودانی گفت", []m{{"سودانی", "SDN", "adjective"}}, nil},
	{"short surname", "2023-01-01", "بشار اسد آمد. اسد گفت", []m{{"اسد", "bashar-al-assad", "surname"}}, nil},
	{"new person surname", "", "دکتر قدرتعلی حشمتیان آمد. حشمتیان افزود", []m{{"قدرتعلی حشمتیان", "قدرتعلی-حشمتیان", "title"}, {"حشمتیان", "قدرتعلی-حشمتیان", "surname"}}, nil},
	{"surname spelt differently", "", "ویاچسلاو ولودین آمد. والودین گفت", []m{{"والودین", "vyacheslav-volodin", "surname"}}, nil},
	{"chinese given name not a surname", "", "شی جین‌پینگ آمد. پینگ گفت", nil, []string{"پینگ"}},

	// Titles.
	{"glued title and garbled name", "2023-12-05", "دکترلیوجیان چانو به تهران آمد", []m{{"لیوجیان چانو", "liu-jianchao", "title"}}, nil},
	{"title and name", "", "آقای ولادیمیر پوتین", []m{{"ولادیمیر پوتین", "vladimir-putin", "name"}}, nil},
	{"ayatollah abbreviated", "", "پیام آیت ا... خامنه ای را", []m{{"خامنه ای", "ali-khamenei", "title"}}, nil},
	{"ayatollah", "", "آیت‌الله خامنه‌ای فرمودند", []m{{"خامنه‌ای", "ali-khamenei", "title"}}, nil},
	{"unknown general", "", "سردار حسین سلامی گفت", []m{{"حسین سلامی", "حسین-سلامی", "title"}}, nil},
	{"unknown engineer", "", "مهندس علی رضایی، در این نشست گفت", []m{{"علی رضایی", "علی-رضایی", "title"}}, nil},
	{"titles in a row", "", "دکتر سید محمد حسینی گفت", []m{{"محمد حسینی", "محمد-حسینی", "title"}}, nil},
	{"guards rank", "", "سرلشکر پاسدار حسین سلامی گفت", []m{{"حسین سلامی", "حسین-سلامی", "title"}}, nil},
	{"plural of a title", "", "پاسداران انقلابی و مهندسین ایرانی آمدند", []m{{"ایرانی", "IRN", "adjective"}}, []string{"ان انقلابی", "ین ایرانی"}},
	{"glued rest too short for a name", "", "محکومیت سپاه پاسدارن انقلاب اسلامی و دکترها", nil, []string{"ن انقلاب اسلامی", "ن انقلاب", "ها"}},
	{"title before ordinary words", "", "آقای مدیر گفت که مهندس ساختمان پروژه را تحویل داد", nil, []string{"مدیر", "ساختمان پروژه", "ساختمان"}},
	{"title before a surname", "", "آقای حسینی گفت", []m{{"حسینی", "حسینی", "title"}}, nil},
	{"given name known from the dictionary", "", "دکتر عباس کریمی گفت", []m{{"عباس کریمی", "عباس-کریمی", "title"}}, nil},
	{"general before a season", "", "ژنرال زمستان آمد", nil, []string{"زمستان"}},
	{"rank and quoted first name", "2019-04-01", "امیر سرتیپ «امیر حاتمی» وزیر دفاع و پشتیبانی نیروهای مسلح جمهوری اسلامی ایران", []m{{"امیر حاتمی", "amir-hatami", ""}, {"وزیر دفاع و پشتیبانی نیروهای مسلح جمهوری اسلامی ایران", "amir-hatami", "role"}}, nil},
	{"general quoted", "2019-04-01", "ژنرال «وی فنگ هه» وزیر دفاع جمهوری خلق چین", []m{{"وی فنگ هه", "wei-fenghe", ""}, {"وزیر دفاع جمهوری خلق چین", "wei-fenghe", "role"}}, []string{"وی"}},

	// Role phrases at the article's date.
	{"president of china 2021", "2021-05-01", "رئیس‌جمهور چین گفت", []m{{"رئیس‌جمهور چین", "xi-jinping", "role"}}, nil},
	{"president of china 2010", "2010-01-01", "رئیس‌جمهور چین گفت", []m{{"رئیس‌جمهور چین", "hu-jintao", "role"}}, nil},
	{"glued president", "2021-05-01", "رئیسجمهور چین گفت", []m{{"رئیسجمهور چین", "xi-jinping", "role"}}, nil},
	{"president with filler", "2021-05-01", "رئیسجمهور محترم چین گفت", []m{{"رئیسجمهور محترم چین", "xi-jinping", "role"}}, nil},
	{"foreign minister 2023", "2023-03-01", "وزیر امور خارجه چین گفت", []m{{"وزیر امور خارجه چین", "qin-gang", "role"}}, nil},
	{"foreign minister 2024", "2024-01-01", "وزیر امور خارجه چین گفت", []m{{"وزیر امور خارجه چین", "wang-yi", "role"}}, nil},
	{"adjective country", "2024-01-01", "وزیر خارجه چینی گفت", []m{{"وزیر خارجه چینی", "wang-yi", "role"}}, nil},
	{"new cpc minister", "2025-11-17", "با وزیر جدید بین‌الملل حزب کمونیست چین دیدار کرد", []m{{"وزیر جدید بین‌الملل حزب کمونیست چین", "liu-haixing", "role"}}, nil},
	{"cpc minister by country", "2023-12-05", "سپس وزیربینالملل چین گفت", []m{{"وزیربینالملل چین", "liu-jianchao", "role"}}, nil},
	{"house of parties not shortened", "2023-12-05", "رئیس ایران گفت", nil, []string{"رئیس ایران"}},
	{"cpc minister 2023", "2023-12-05", "رئیس کمیته بین‌الملل حزب کمونیست چین گفت", []m{{"رئیس کمیته بین‌الملل حزب کمونیست چین", "liu-jianchao", "role"}}, nil},
	{"russian president", "2020-01-01", "رئیس جمهور روسیه گفت", []m{{"رئیس جمهور روسیه", "vladimir-putin", "role"}}, nil},
	{"russian foreign minister", "2020-01-01", "وزیر خارجه روسیه گفت", []m{{"وزیر خارجه روسیه", "sergey-lavrov", "role"}}, nil},
	{"chancellor 2023", "2023-01-01", "صدراعظم آلمان گفت", []m{{"صدراعظم آلمان", "olaf-scholz", "role"}}, nil},
	{"chancellor 2025", "2025-06-01", "صدراعظم آلمان گفت", []m{{"صدراعظم آلمان", "friedrich-merz", "role"}}, nil},
	{"pakistan prime minister", "2024-05-01", "نخست‌وزیر پاکستان گفت", []m{{"نخست‌وزیر پاکستان", "shehbaz-sharif", "role"}}, nil},
	{"king of saudi arabia", "2020-01-01", "پادشاه عربستان گفت", []m{{"پادشاه عربستان", "salman-bin-abdulaziz", "role"}}, nil},
	{"crown prince", "2020-01-01", "ولیعهد عربستان سعودی گفت", []m{{"ولیعهد عربستان سعودی", "mohammed-bin-salman", "role"}}, nil},
	{"us president 2022", "2022-01-01", "رئیس‌جمهور آمریکا گفت", []m{{"رئیس‌جمهور آمریکا", "joe-biden", "role"}}, nil},
	{"us president 2025", "2025-03-01", "رئیس‌جمهور آمریکا گفت", []m{{"رئیس‌جمهور آمریکا", "donald-trump", "role"}}, nil},
	{"turkish president", "2020-01-01", "رئیس‌جمهور ترکیه گفت", []m{{"رئیس‌جمهور ترکیه", "recep-tayyip-erdogan", "role"}}, nil},
	{"french president", "2020-01-01", "رئیس جمهوری فرانسه گفت", []m{{"رئیس جمهوری فرانسه", "emmanuel-macron", "role"}}, nil},
	{"supreme leader", "", "رهبر معظم انقلاب فرمودند", []m{{"رهبر معظم انقلاب", "ali-khamenei", "role"}}, nil},
	{"supreme leader glued", "", "رهبرمعظم انقلاب فرمودند", []m{{"رهبرمعظم انقلاب", "ali-khamenei", "role"}}, nil},
	{"speaker 2019", "2019-01-01", "رئیس مجلس شورای اسلامی گفت", []m{{"رئیس مجلس شورای اسلامی", "ali-larijani", "role"}}, nil},
	{"speaker 2023", "2023-01-01", "رئیس مجلس شورای اسلامی گفت", []m{{"رئیس مجلس شورای اسلامی", "mohammad-bagher-ghalibaf", "role"}}, nil},
	{"duma head", "2020-01-01", "رئیس دومای روسیه گفت", []m{{"رئیس دومای روسیه", "vyacheslav-volodin", "role"}}, nil},
	{"ambassador in capital", "2025-01-01", "سفیر چین در تهران گفت", []m{{"سفیر چین در تهران", "cong-peiwu", "role"}}, nil},
	{"ambassador in country", "2025-01-01", "سفیر چین در ایران گفت", []m{{"سفیر چین در ایران", "cong-peiwu", "role"}}, nil},
	{"ezafe before the country", "2024-01-01", "رئیس مجلس سنای فرانسه گفت", []m{{"رئیس مجلس سنای فرانسه", "gerard-larcher", "role"}}, nil},
	{"un representative", "2024-01-01", "نماینده دائم ایران در سازمان ملل گفت", []m{{"نماینده دائم ایران در سازمان ملل", "amir-saeid-iravani", "role"}}, nil},
	{"our foreign minister", "2025-01-01", "وزیر امور خارجه کشورمان گفت", []m{{"وزیر امور خارجه کشورمان", "abbas-araghchi", "role"}}, nil},
	{"bare title is iran's", "2025-01-01", "وزیر امور خارجه گفت", []m{{"وزیر امور خارجه", "abbas-araghchi", "role"}}, nil},
	{"bare president", "2020-01-01", "رئیس‌جمهور گفت", []m{{"رئیس‌جمهور", "hassan-rouhani", "role"}}, nil},
	{"role with no known holder", "2023-10-01", "نخست‌وزیر پاکستان گفت", []m{{"نخست‌وزیر پاکستان", "group-pak-gov", "role"}}, nil},
	{"former minister named", "2025-01-01", "علی اکبر صالحی، وزیر خارجه سابق ایران گفت", []m{{"وزیر خارجه سابق ایران", "علی-اکبر-صالحی", "role"}}, []string{"وزیر خارجه"}},
	{"former minister alone", "2025-01-01", "وزیر امور خارجه سابق آمریکا گفت. وزیر امور خارجه آمریکا گفت", nil, []string{"وزیر امور خارجه سابق آمریکا"}},
	{"former president of china", "2021-01-01", "رئیس‌جمهور سابق چین گفت", nil, []string{"رئیس‌جمهور سابق چین", "رئیس‌جمهور"}},
	{"this country", "2020-01-01", "ملک سلمان به ریاض رسید و ولیعهد این کشور گفت", []m{{"ولیعهد این کشور", "mohammed-bin-salman", "role"}}, nil},
	{"bare title unknown date dropped", "", "رئیس‌جمهور گفت", nil, []string{"رئیس‌جمهور"}},

	// Names next to roles.
	{"quoted garbled name before role", "2025-11-17", "«زونگ پیوو»، سفیر چین در تهران گفت", []m{{"زونگ پیوو", "cong-peiwu", "quoted-name"}, {"سفیر چین در تهران", "cong-peiwu", "role"}}, nil},
	{"quoted partial name", "2025-11-17", "با «هاوشینگ»، وزیر جدید بین‌الملل حزب کمونیست چین دیدار کرد", []m{{"هاوشینگ", "liu-haixing", "quoted-name"}}, nil},
	{"variant name and role", "2020-01-01", "ویچسلاو والودین، رئیس دومای روسیه گفت", []m{{"ویچسلاو والودین", "vyacheslav-volodin", ""}, {"رئیس دومای روسیه", "vyacheslav-volodin", "role"}}, nil},
	{"unknown official", "2023-12-05", "در این دیدار که مرادی مدیرکل سیاسی وزارت کشور حضور داشت", []m{{"مرادی", "مرادی", ""}, {"مدیرکل سیاسی وزارت کشور", "مرادی", "role"}}, nil},
	{"role then name", "2024-01-01", "وزیر امور خارجه چین وانگ یی گفت", []m{{"وزیر امور خارجه چین", "wang-yi", "role"}, {"وانگ یی", "wang-yi", "name"}}, nil},
	{"party leader named", "2025-11-17", "محمدعلی امانی، دبیرکل حزب موتلفه اسلامی گفت", []m{{"محمدعلی امانی", "محمدعلی-امانی", ""}, {"دبیرکل حزب موتلفه اسلامی", "محمدعلی-امانی", "role"}}, nil},
	{"party leader before his name", "2025-11-17", "دبیرکل حزب موتلفه اسلامی دیدار کرد. محمدعلی امانی، دبیرکل حزب موتلفه اسلامی گفت", []m{{"دبیرکل حزب موتلفه اسلامی", "محمدعلی-امانی", "role"}}, nil},
	{"role then unknown name", "2025-01-01", "سفیر ایران در پاکستان رضا امیری مقدم گفت", []m{{"رضا امیری مقدم", "رضا-امیری-مقدم", "name"}, {"سفیر ایران در پاکستان", "رضا-امیری-مقدم", "role"}}, nil},
	{"role then ordinary words", "2025-01-01", "سفیر ایران در پاکستان روز دوشنبه گفت", nil, []string{"روز دوشنبه"}},
	{"conjunction then ordinary words", "2019-04-01", "مذاکره و تبادل نظر وزیر دفاع چین", nil, []string{"تبادل نظر"}},
	{"unknown ambassador", "2020-01-01", "«چانگ هوا»، سفیر چین در تهران گفت", []m{{"چانگ هوا", "چانگ-هوا", "quoted-name"}}, nil},
	{"foreign name before a role", "2023-12-05", "لیوجیان چانو، رئیس کمیته بین‌الملل حزب کمونیست چین گفت", []m{{"لیوجیان چانو", "liu-jianchao", "name"}}, nil},
	{"noise before a foreign role", "2019-04-01", "منابع آگاه، وزیر دفاع چین را دیدند", []m{{"وزیر دفاع چین", "wei-fenghe", "role"}}, []string{"منابع آگاه"}},
	{"adverb before a role", "2019-04-01", "همزمان، وزیر دفاع چین گفت", []m{{"وزیر دفاع چین", "wei-fenghe", "role"}}, []string{"همزمان"}},
	{"no person from a common word", "2019-04-01", "در دیدار وزیر دفاع چین", []m{{"وزیر دفاع چین", "wei-fenghe", "role"}}, []string{"دیدار"}},
	{"dictionary person then role", "2023-01-01", "محمدباقر قالیباف رئیس مجلس شورای اسلامی گفت", []m{{"رئیس مجلس شورای اسلامی", "mohammad-bagher-ghalibaf", "role"}}, nil},

	// Pronouns.
	{"pronoun vi", "", "حسن روحانی با شی جین‌پینگ گفتگو کرد. وی گفت", []m{{"وی", "hassan-rouhani", "pronoun"}}, nil},
	{"pronoun u", "", "ولادیمیر پوتین آمد. او گفت", []m{{"او", "vladimir-putin", "pronoun"}}, nil},
	{"pronoun ishan", "", "رجب طیب اردوغان سخن گفت.\nایشان افزود", []m{{"ایشان", "recep-tayyip-erdogan", "pronoun"}}, nil},
	{"pronoun nearest sentence", "", "شی جین‌پینگ آمد. ولادیمیر پوتین رفت. وی گفت", []m{{"وی", "vladimir-putin", "pronoun"}}, nil},
	{"possessive pronoun", "2015-07-10", "محمدجواد ظریف آمد. سرگئی لاوروف و وانگ یی همتای چینی او وارد شدند", []m{{"همتای چینی", "wang-yi", "counterpart"}, {"او", "sergey-lavrov", "pronoun"}}, nil},
	{"object pronoun", "", "ولادیمیر پوتین آمد. شی جین‌پینگ با او دیدار کرد", []m{{"او", "vladimir-putin", "pronoun"}}, nil},
	{"pronoun with nobody before", "", "وی گفت که ایران آماده است", nil, []string{"وی"}},

	// Adjectives, demonyms and groups.
	{"chinese parties", "", "از احزاب چینی دعوت کرد", []m{{"احزاب چینی", "group-chn-pty", "group"}}, nil},
	{"chinese parties by name", "", "احزاب چین با ما", []m{{"احزاب چین", "group-chn-pty", "group"}}, nil},
	{"russian delegation", "", "هیئت روسی وارد شد", []m{{"هیئت روسی", "group-rus-gov", "group"}}, nil},
	{"russian side", "", "طرف روسی پذیرفت", []m{{"طرف روسی", "group-rus-gov", "group"}}, nil},
	{"another country's ministry under the bare name", "", "وزارت کشور عراق اعلام کرد", []m{{"وزارت کشور عراق", "group-irq-gov", "group"}}, nil},
	{"american companies", "", "شرکت‌های آمریکایی رفتند", []m{{"شرکت‌های آمریکایی", "group-usa-bus", "group"}}, nil},
	{"demonym", "", "آمریکایی‌ها گفتند", []m{{"آمریکایی‌ها", "USA", "demonym"}}, nil},
	{"glued demonym", "", "آمریکاییها گفتند", []m{{"آمریکاییها", "USA", ""}}, nil},
	{"adjective with suffix", "", "نگاه چینی‌اش", []m{{"چینی‌اش", "CHN", "adjective"}}, nil},
	{"adjective by suffix", "", "کالای پاکستانی", []m{{"پاکستانی", "PAK", "adjective"}}, nil},
	{"adjective listed", "", "شرکت ترکیه‌ای", []m{{"ترکیه‌ای", "TUR", "adjective"}}, nil},
	{"compound verb", "", "او جلسه را ترک کرد و به ترکیه رفت", []m{{"ترکیه", "TUR", "name"}}, []string{"ترک"}},
	{"turkish adjective", "", "یک سرباز ترک کشته شد", []m{{"ترک", "TUR", "adjective"}}, nil},
	{"no glued shin suffix", "", "چینش میزها", nil, []string{"چینش"}},

	// Counterparts and pairs.
	{"counterpart", "2019-04-01", "امیر حاتمی آمد. وی فنگ هه نیز آمد. مذاکره با همتای چینی‌اش", []m{{"همتای چینی‌اش", "wei-fenghe", "counterpart"}}, []string{"چینی‌اش"}},
	{"russian counterpart", "2020-01-01", "محمدجواد ظریف با همتای روس خود سرگئی لاوروف دیدار کرد", []m{{"همتای روس", "sergey-lavrov", "counterpart"}}, nil},
	{"counterpart by office", "2025-03-01", "عباس عراقچی در تماس تلفنی با همتای چینی خود گفتگو کرد", []m{{"همتای چینی", "wang-yi", "counterpart"}}, nil},
	{"counterpart unknown", "2025-03-01", "عباس عراقچی با همتای پاکستانی خود گفتگو کرد", nil, []string{"همتای پاکستانی"}},
	{"both sides", "", "حسن روحانی و شی جین‌پینگ دیدار کردند. طرفین تاکید کردند", []m{{"طرفین", "hassan-rouhani", "pronoun"}}, nil},
	{"two countries", "", "ایران و چین و ایران. روابط دو کشور", []m{{"دو کشور", "IRN", "pronoun"}}, nil},
	{"sides named before", "", "وانگ یی و سرگئی لاوروف دیدار کردند. طرفین گفتند. سپس حسن روحانی و حسن روحانی آمد", []m{{"طرفین", "wang-yi", "pronoun"}}, nil},

	// States named otherwise.
	{"metonym", "", "تغییر در کاخ سفید", []m{{"کاخ سفید", "USA", "metonym"}}, nil},
	{"kremlin", "", "کرملین اعلام کرد", []m{{"کرملین", "RUS", "metonym"}}, nil},
	{"capital pair", "", "روابط تهران – مسکو", []m{{"تهران", "IRN", "capital"}, {"مسکو", "RUS", "capital"}}, nil},
	{"home", "", "کمک به کشورمان", []m{{"کشورمان", "IRN", ""}}, nil},
	{"organisation", "", "در سازمان همکاری شانگهای و بریکس", []m{{"سازمان همکاری شانگهای", "sco", "name"}, {"بریکس", "brics", "name"}}, nil},
	{"country long name", "", "جمهوری خلق چین و جمهوری اسلامی ایران", []m{{"جمهوری خلق چین", "CHN", "name"}, {"جمهوری اسلامی ایران", "IRN", "name"}}, nil},
}

// linkCase links text at the date at (ISO, or "" when unknown), checks
// the links' invariants, that every wanted mention is linked as said and
// that no mention in not is linked; it returns the result for more checks.
func linkCase(t *testing.T, d *Dictionary, at, text string, want []m, not []string) Result {
	t.Helper()
	var date didar.Date
	if at != "" {
		var err error
		if date, err = didar.ParseDate(at); err != nil {
			t.Fatal(err)
		}
	}
	r := d.Link(text, date)
	checkLinks(t, text, r)
	for _, w := range want {
		found := false
		for _, l := range r.Links {
			if l.Text == w.text && l.ActorID == w.id && (w.via == "" || l.Via == w.via) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q not linked to %s (%s); links: %s", w.text, w.id, w.via, dump(r))
		}
	}
	for _, n := range not {
		for _, l := range r.Links {
			if l.Text == n {
				t.Errorf("%q linked to %s; links: %s", l.Text, l.ActorID, dump(r))
			}
		}
	}
	return r
}

func TestLink(t *testing.T) {
	d := fixture(t)
	for _, tc := range linkCases {
		t.Run(tc.name, func(t *testing.T) {
			linkCase(t, d, tc.at, tc.text, tc.want, tc.not)
		})
	}
	if len(linkCases) < 60 {
		t.Errorf("%d cases, want at least 60", len(linkCases))
	}
}

// checkLinks asserts what every Result must satisfy: links in order, not
// overlapping, with offsets that give their text, each to an actor that
// has the mention.
func checkLinks(t *testing.T, text string, r Result) {
	t.Helper()
	runes := []rune(text)
	last := 0
	for _, l := range r.Links {
		if l.Start < last || l.End <= l.Start || l.End > len(runes) {
			t.Errorf("link %+v out of order or range", l)
			continue
		}
		last = l.End
		if got := string(runes[l.Start:l.End]); got != l.Text {
			t.Errorf("link text %q, offsets give %q", l.Text, got)
		}
		a, ok := r.Actors[l.ActorID]
		if !ok {
			t.Errorf("link to %s has no actor", l.ActorID)
			continue
		}
		found := false
		for _, mm := range a.Mentions {
			if mm.Start == l.Start && mm.End == l.End {
				found = true
			}
		}
		if !found {
			t.Errorf("actor %s lacks the mention %q", l.ActorID, l.Text)
		}
	}
}

func dump(r Result) string {
	var b strings.Builder
	for _, l := range r.Links {
		b.WriteString("[" + l.Text + "|" + l.ActorID + "|" + l.Via + "] ")
	}
	return b.String()
}

func TestLinkActors(t *testing.T) {
	d := fixture(t)
	at, _ := didar.ParseDate("2025-11-17")
	r := d.Link("محمدعلی امانی، دبیرکل حزب موتلفه اسلامی با «هاوشینگ»، وزیر جدید بین‌الملل حزب کمونیست چین و احزاب چینی دیدار کرد.", at)
	a := r.Actors["محمدعلی-امانی"]
	if a.Kind != didar.KindPerson || a.InDictionary || a.Country != "IRN" || a.Sector != "PTY" || a.NameFA != "محمدعلی امانی" || len(a.Roles) != 1 {
		t.Errorf("new person = %+v", a)
	}
	h := r.Actors["liu-haixing"]
	if !h.InDictionary || h.NameEN != "Liu Haixing" || len(h.Roles) != 1 || len(h.Mentions) != 2 {
		t.Errorf("dictionary person = %+v", h)
	}
	g := r.Actors["group-chn-pty"]
	if g.Kind != didar.KindGroup || g.Country != "CHN" || g.Sector != "PTY" {
		t.Errorf("group = %+v", g)
	}
	if o := r.Actors["cpc"]; o.Kind != didar.KindOrganization || len(o.Mentions) != 1 || o.Mentions[0].Text != "حزب کمونیست چین" {
		t.Errorf("organisation inside a role phrase = %+v", o)
	}
	if c := r.Actors["CHN"]; c.Kind != "" && len(c.Mentions) != 1 {
		t.Errorf("the adjective of a group made a country mention: %+v", c)
	}
}

func TestListAfterPluralTitle(t *testing.T) {
	d := fixture(t)
	r := d.Link("در پایان آقایان اسدالله بادامچیان، حسین مرعشی و حسن بیادی سخن گفتند.", didar.Date{})
	for _, id := range []string{"اسدالله-بادامچیان", "حسین-مرعشی", "حسن-بیادی"} {
		if a, ok := r.Actors[id]; !ok || a.Kind != didar.KindPerson {
			t.Errorf("%s not found: %s", id, dump(r))
		}
	}
	if len(r.Actors) != 3 {
		t.Errorf("%d actors, want 3: %s", len(r.Actors), dump(r))
	}
}

func TestListOfNames(t *testing.T) {
	d := fixture(t)
	r := d.Link("جمعی از دبیران کل احزاب کشور ازجمله، بادامچیان، مرعشی، کنعانی مقدم و خانم مدارایی حضور داشتند.", didar.Date{})
	want := []string{"بادامچیان", "مرعشی", "کنعانی-مقدم", "مدارایی"}
	for _, id := range want {
		a, ok := r.Actors[id]
		if !ok || a.Kind != didar.KindPerson || a.Country != "IRN" || a.Sector != "PTY" {
			t.Errorf("%s = %+v, %v; links %s", id, a, ok, dump(r))
		}
	}
	var persons int
	for _, a := range r.Actors {
		if a.Kind == didar.KindPerson {
			persons++
		}
	}
	if persons != len(want) {
		t.Errorf("%d persons, want %d: %s", persons, len(want), dump(r))
	}
}

func FuzzLink(f *testing.F) {
	for _, tc := range linkCases {
		f.Add(tc.text)
	}
	for _, tc := range unknownCases {
		f.Add(tc.text)
	}
	f.Add("«»،، وی «")
	f.Add("\"\"، \" سفیر \"، به رهبری")
	f.Add("دکتر")
	f.Add("دبیران کل احزاب ازجمله، ، و")
	d := fixture(f)
	f.Fuzz(func(t *testing.T, text string) {
		r := d.Link(text, didar.Date{Year: 2024, Month: 1, Day: 1})
		checkLinks(t, text, r)
	})
}

// TestLinkConcurrent runs Link from several goroutines on one Dictionary;
// run with -race it shows that Link shares nothing mutable.
func TestLinkConcurrent(t *testing.T) {
	d := fixture(t)
	at := didar.Date{Year: 2025, Month: 11, Day: 17}
	want := dump(d.Link(linkCases[0].text+" "+linkCases[60].text, at))
	done := make(chan string)
	for range 4 {
		go func() {
			done <- dump(d.Link(linkCases[0].text+" "+linkCases[60].text, at))
		}()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("concurrent Link = %s, want %s", got, want)
		}
	}
}

// Link reuses the buffers of earlier texts: texts of different lengths
// linked in turn, and at once, give what each gives alone.
func TestLinkReusesNothingVisible(t *testing.T) {
	d := fixture(t)
	at := didar.Date{Year: 2025, Month: 11, Day: 17}
	long := ""
	for _, c := range linkCases[:20] {
		long += c.text + "\n"
	}
	texts := []string{long, linkCases[3].text, long + long, linkCases[60].text}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = dump(d.Link(text, at))
	}
	for i := len(texts) - 1; i >= 0; i-- {
		if got := dump(d.Link(texts[i], at)); got != want[i] {
			t.Errorf("text %d after others = %s, want %s", i, got, want[i])
		}
	}
	done := make(chan bool)
	for i := range 8 {
		go func() {
			k := i % len(texts)
			done <- dump(d.Link(texts[k], at)) == want[k]
		}()
	}
	for range 8 {
		if !<-done {
			t.Error("concurrent Link differs from Link alone")
		}
	}
}

func TestSentences(t *testing.T) {
	d := fixture(t)
	tests := []struct {
		text string
		want []int
	}{
		{"وی گفت؟ آری. نه!", []int{0, 7, 12, 16}},
		{"سطر یک\nسطر دو", []int{0, 7}},
		{"بد\xffمتن. سپس", []int{0, 7}}, // an invalid byte is one rune
	}
	for _, tt := range tests {
		l := &linker{d: d, doc: d.m.prepare(tt.text)}
		if got := l.sentences(); !slices.Equal(got, tt.want) {
			t.Errorf("sentences(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
