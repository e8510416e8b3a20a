package actors

import "testing"

// Bodies and heads that agencies name often: the Kurdistan Region's
// government and its heads (Iraqi, with dated roles), national relief
// societies (NGOs) and disaster agencies. Sentences written for these tests.
var bodyCases = []roleCase{
	{"the Kurdistan Regional Government is an Iraqi body", "2024-06-01",
		"حکومت اقلیم کردستان عراق بیانیه‌ای صادر کرد.",
		[]m{{"حکومت اقلیم کردستان عراق", "krg", "name"}}, nil, nil, []who{{"krg", "IRQ", "GOV"}}},
	{"its prime minister by role", "2021-03-01",
		"نخست‌وزیر اقلیم کردستان عراق وارد تهران شد.",
		[]m{{"نخست‌وزیر اقلیم کردستان عراق", "masrour-barzani", "role"}}, nil, nil, nil},
	{"its president by role before 2017", "2016-05-01",
		"رئیس اقلیم کردستان گفت که همه‌پرسی برگزار می‌شود.",
		[]m{{"رئیس اقلیم کردستان", "masoud-barzani", "role"}}, nil, nil, nil},
	{"its president by role after 2019", "2023-05-01",
		"رئیس اقلیم کردستان گفت که روابط با ایران گسترش می‌یابد.",
		[]m{{"رئیس اقلیم کردستان", "nechirvan-barzani", "role"}}, nil, nil, nil},
	{"a Kurdish head named is Iraqi, not Iranian", "2023-05-01",
		"مسرور بارزانی با وزیر خارجه ایران دیدار کرد.",
		[]m{{"مسرور بارزانی", "masrour-barzani", "name"}}, nil, nil, []who{{"masrour-barzani", "IRQ", "GOV"}}},
	{"national red crescent societies", "2023-02-10",
		"هلال احمر ترکیه و جمعیت هلال احمر ایران کمک‌ها را ارسال کردند.",
		[]m{{"هلال احمر ترکیه", "turkish-red-crescent", "name"}, {"جمعیت هلال احمر ایران", "iran-red-crescent", "name"}},
		nil, nil, []who{{"turkish-red-crescent", "TUR", "NGO"}, {"iran-red-crescent", "IRN", "NGO"}}},
	{"a national disaster agency", "2023-02-10",
		"سازمان مدیریت بحران ترکیه (آفاد) اعلام کرد.",
		[]m{{"سازمان مدیریت بحران ترکیه", "afad", "name"}}, nil, nil, []who{{"afad", "TUR", "GOV"}}},
}

func TestBodies(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	runRoleCasesWith(t, d, bodyCases)
}
