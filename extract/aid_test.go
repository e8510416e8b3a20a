package extract

import (
	"testing"

	"github.com/didar-news/didar"
)

// TestAid holds aid told in the passive or by a relief body: the giver is
// the agent after از سوی/توسط, the possessor, the body that sends it, or
// the state of the dateline's city. The sentences are ours.
func TestAid(t *testing.T) {
	day := didar.Date{Year: 2024, Month: 5, Day: 6}
	occ := didar.StatusOccurred
	runRules(t, []ruleCase{
		{"passive with the giver after از سوی",
			"نخستین محموله کمک‌های بشردوستانه از سوی جمهوری اسلامی ایران به لبنان ارسال شد.",
			day, []want{{didar.Aid, occ, "IRN>LBN", "", ""}}},
		{"passive with the giver in the dateline",
			"آنکارا - آناتولی - محموله کمک‌های بشردوستانه به سوریه ارسال شد.",
			day, []want{{didar.Aid, occ, "TUR>SYR", "", ""}}},
		{"the possessor gives, whoever carries it",
			"محموله کمک‌های پزشکی چین توسط هواپیمای ارتش این کشور به پاکستان ارسال شد.",
			day, []want{{didar.Aid, occ, "CHN>PAK", "", ""}}},
		{"a relief society sends goods that are aid",
			"هلال احمر قطر ده کامیون دارو و مواد غذایی به لبنان ارسال کرد.",
			day, []want{{didar.Aid, occ, "qatar-red-crescent>LBN", "", ""}}},
		{"a shipment handed over is aid, not a message",
			"این محموله از سوی وزیر خارجه ازبکستان به طالبان تحویل داده شد.",
			day, []want{{didar.Aid, occ, "group-uzb-gov>taliban", "", ""}}},
		{"a letter handed over is a message",
			"سفیر ژاپن نامه نخست‌وزیر این کشور را به وزیر خارجه هند تحویل داد.",
			day, []want{{didar.Message, occ, "group-jpn-dip>subrahmanyam-jaishankar", "", ""}}},
		{"what a state puts at another's disposal",
			"ایران دو بندر و حریم هوایی خود را در اختیار قطر قرار داده است.",
			day, []want{{didar.Aid, occ, "IRN>QAT", "", ""}}},
		{"what a state holds at its own disposal is no aid",
			"ایران پایگاه‌هایی در اختیار دارد و روسیه از آن استفاده کرد.", day, nil},
		{"troops sent are no aid",
			"روسیه سه هزار نیرو به سوریه ارسال کرد.", day, nil},
	})
}
