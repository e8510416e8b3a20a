package extract

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/didar-news/didar"
)

// event turns trigger t of clause c into an event, when its parties can be
// found.
func (a *article) event(c clause, t trigger, sStart, sEnd int) {
	typ := t.c.typ
	// "در این دیدار": a meeting already reported.
	if t.t0 > c.t0 && a.x.lex.is("back", a.toks[t.t0-1].key) {
		return
	}
	// "با هدف پشتیبانی از"، "به منظور گسترش روابط": the purpose of
	// another act.
	if t.t0 > c.t0 && a.x.lex.is("purpose", a.toks[t.t0-1].key) {
		return
	}
	// "آمریکا مدعی است که ایران به روسیه کمک کرده است": the claim is the
	// accusation; what it claims is no act the text reports.
	if typ != didar.Accuse && a.claimed(c.t0, t.t0) {
		return
	}
	// "به اتهام آنچه حمایت از ... خواند": the charge, as the accuser words it.
	if t.t0 > c.t0+1 && a.x.lex.is("what", a.toks[t.t0-1].key) && a.x.lex.is("purpose", a.toks[t.t0-2].key) {
		return
	}
	// "به اتهام کمک به ایران"، "به جرم جاسوسی": the charge another act
	// is made on; the charge is not its own accusation, of the party
	// inside it least of all.
	if typ == didar.Accuse && t.t0 > c.t0 && a.toks[t.t0-1].key == "به" {
		return
	}
	// "در زمینه کمک به ایران"، "در خصوص حمایت از ...": the matter of
	// something else said or done.
	if t.t0 > c.t0+1 && a.toks[t.t0-2].key == "در" && a.x.lex.is("matter", a.toks[t.t0-1].key) && !contact(typ) {
		return
	}
	// "در حمایت از"، "در محکومیت": a description of a matter, not an act.
	// But "در پیامی به X" is a message.
	if t.t0 > c.t0 && a.toks[t.t0-1].key == "در" && typ != didar.Meet && typ != didar.Call && typ != didar.Visit && typ != didar.Negotiate && typ != didar.Message {
		return
	}
	// "کمک به حل و فصل بحران": help towards an outcome is not aid.
	if typ == didar.Aid && t.t1+1 < c.t1 && a.toks[t.t1].key == "به" && a.x.lex.is("process", a.toks[t.t1+1].key) {
		return
	}
	// "... به بهبود روابط کمک خواهد کرد": the outcome stands before the cue.
	if typ == didar.Aid && a.towards(c.t0, t.t0) {
		return
	}
	if t.t0 > c.t0 && (a.x.lex.is("cancel", a.toks[t.t0-1].key) || (t.t0 > c.t0+1 && a.x.lex.seqAt("cancel", a.keys(t.t0-2, t.t0), 0) == 2)) {
		return
	}
	if typ != didar.Criticize && a.background(t.t0, c.t0) {
		return
	}
	// Cues marked "narr" ("تحریم‌های X علیه Y") report an act in narration;
	// in what someone says they are the matter of a criticism.
	if slices.Contains(t.c.markers, "narr") && (c.quoted || a.speech(c) && !a.announced(c, t) || a.background(t.t0, c.t0)) {
		return
	}
	// "تحریم‌های آمریکا"، "مداخلات آمریکا": naming another's hostile acts
	// is a criticism only in what someone says, not in narration.
	if typ == didar.Criticize && slices.Equal(t.c.markers, []string{"poss"}) && !c.quoted && !a.background(t.t0, c.t0) && !a.speech(c) {
		return
	}
	// "روابط دیپلماتیک خود را با قطر قطع کردند": a cue marked "ties" is a
	// break of relations only when the clause names them.
	if slices.Contains(t.c.markers, "ties") && !slices.ContainsFunc(a.keys(c.t0, t.t0), func(k string) bool { return a.x.lex.is("ties", k) }) {
		return
	}
	// "بسته جدید تحریم‌ها ... X را هدف قرار داده است": aimed by sanctions.
	if slices.Contains(t.c.markers, "sanctions") && !slices.ContainsFunc(a.keys(c.t0, t.t0), func(k string) bool { return strings.HasPrefix(k, "تحریم") }) {
		return
	}
	if a.unreal(c, t) {
		return
	}
	// "حق پاسخ ... را محفوظ می‌داند"، "عواقب ... بر عهده X": a cue that
	// names an act only beside another word of its frame.
	if len(t.c.with) > 0 && !slices.ContainsFunc(a.keys(c.t0, c.t1), func(k string) bool { return slices.Contains(t.c.with, k) }) {
		return
	}
	if slices.ContainsFunc(a.keys(c.t0, c.t1), func(k string) bool { return slices.Contains(t.c.without, k) }) {
		return
	}
	// "آمادگی خود را برای رایزنی و مذاکره اعلام کردند": talks offered are
	// an intent to cooperate, not talks.
	if contact(typ) && a.offered(c, t) {
		return
	}
	status, drop, why := a.status(c, t)
	if drop {
		return
	}
	// "پاسخ قاطعی خواهد داد": a warning of what will follow is made now.
	if slices.Contains(t.c.markers, "warn") && status == didar.StatusPlanned {
		status, why = didar.StatusOccurred, "warning"
	}
	// "گفت‌وگویی که با X به صورت ویدیو کنفرانس داشت": talks held at a
	// distance are a call.
	if typ == didar.Meet && a.predicateHas(c, t, t.t0-1, "remote") {
		typ = didar.Call
		t.c.typ = didar.Call
	}
	// "این نخستین دیدار ... بود": a meeting described, not reported.
	// But in "در یک ارتباط ویدئویی ... ناظر امضای قرارداد بودند" the cue is
	// the setting or the object of what the parties did.
	setting := t.t0 > c.t0 && (a.toks[t.t0-1].key == "در" || a.x.lex.is("witness", a.toks[t.t0-1].key) ||
		t.t0 > c.t0+1 && a.toks[t.t0-2].key == "در")
	// "X میزبان Y بود": the agent noun is the predicate, X hosted Y.
	agentNoun := typ == didar.Host && a.toks[t.t0].key == "میزبان"
	if v := a.governingVerb(t.t1, c.t1); v >= 0 && a.x.lex.is("copula", a.toks[v].key) && !a.isVerb(t.t1-1) && !setting && !agentNoun {
		switch typ {
		case didar.Meet, didar.Call, didar.Visit, didar.Negotiate, didar.Agree, didar.Host:
			return
		}
	}
	subj := c.subject
	if r := a.relativeHead(c, t); r >= 0 {
		subj = []int{r}
	} else if r := a.thatSubject(c, t); r >= 0 && (hostile(typ) || typ == didar.Aid || typ == didar.Support) {
		subj = []int{r}
	}
	// "از سفر X به Y خبر داد"، "دیدار X با Y": the possessor of a contact's
	// verbal noun is its agent, whoever reports it.
	if a.agentPossessor(c, t) {
		subj = a.listed(a.arg(c, t, "poss"), c.t1)
	}
	// "اعتراض ژاپن و کره جنوبی": the possessor of a protest is its author.
	byPoss := false
	if slices.Contains(t.c.markers, "possby") {
		if pm := a.arg(c, t, "poss"); pm >= 0 {
			subj, byPoss = a.listed(pm, c.t1), true
		}
	}
	// "ایران و روسیه ... را محکوم کردند": each state acts, as event data
	// counts dyads.
	if hostile(typ) && len(subj) > 0 && (byPoss || a.inRange(subj[0], c.t0, c.t1)) {
		if list := a.listed(subj[0], c.t1); len(list) > 1 {
			for _, m := range list {
				a.eventOf(c, t, []int{m}, list, byPoss, status, why, sStart, sEnd)
			}
			return
		}
	}
	a.eventOf(c, t, subj, nil, byPoss, status, why, sStart, sEnd)
}

// agentPossessor reports whether the party right after trigger t is its
// agent: t is the bare verbal noun of a contact (no light verb of its own,
// no marker that gives the possessor another part), and the party is an
// actor, not a city standing for its state ("دیدار تهران").
func (a *article) agentPossessor(c clause, t trigger) bool {
	switch t.c.typ {
	case didar.Meet, didar.Call, didar.Visit, didar.Negotiate:
	default:
		return false
	}
	for _, mk := range t.c.markers {
		if strings.HasPrefix(mk, "poss") || mk == "agent" {
			return false
		}
	}
	if a.isVerb(t.t1 - 1) {
		return false
	}
	pm := a.arg(c, t, "poss")
	if pm < 0 || a.toks[t.t1].mention != pm {
		return false
	}
	via := a.links[pm].Via
	return via != "metonym" && via != "capital"
}

// eventOf makes the event of trigger t with subject subj (the source of a
// directed event), when its other parties can be found. Peers are the
// actors the subject is coordinated with, who act with it, not on it.
func (a *article) eventOf(c clause, t trigger, subj, peers []int, byPoss bool, status didar.Status, why string, sStart, sEnd int) {
	typ := t.c.typ
	rule := "cue:" + t.c.text
	conf := 0.8
	if len(subj) > 0 && !a.inRange(subj[0], c.t0, c.t1) {
		conf -= 0.1
		rule += "/discourse-subject"
	}
	e := didar.Event{Type: typ, Status: status}
	var others []didar.Event // the same act towards further addressees
	cameo := t.c.cameo
	var source, target string
	ids := func(ms []int) []string {
		var out []string
		for _, m := range ms {
			if m < 0 {
				continue
			}
			// "دو رئیس‌جمهور": the two sides of the article's main
			// interaction.
			if i := a.firstToken(m); i > 0 && a.toks[i-1].key == "دو" {
				if pair := a.mainPair(); len(pair) > 1 {
					out = append(out, pair...)
					continue
				}
			}
			// "رهبران دو کشور"، "سران ایران و چین": their heads.
			if a.leadersBefore(a.firstToken(m)) {
				if heads := a.heads(a.links[m]); len(heads) > 0 {
					out = append(out, heads...)
					continue
				}
			}
			if l := a.links[m]; len(l.ActorIDs) > 1 {
				// "طرفین": the two sides of the talks just reported, when
				// there are some, rather than the two persons named most.
				if pair := a.lastTalks(); l.Via == "pronoun" && len(pair) > 1 {
					out = append(out, pair...)
				} else {
					out = append(out, l.ActorIDs...)
				}
			} else {
				out = append(out, l.ActorID)
			}
		}
		return out
	}
	if typ.Symmetric() {
		parts := ids(subj)
		var partners []string // persons met one by one: "با X و Y دیدار کرد"
		for _, mk := range t.c.markers {
			if mk == "possall" {
				// "مذاکرات ایران و آمریکا", but not "مذاکرات وین": a city
				// after the cue is where, not who.
				if m := a.arg(c, t, "poss"); m >= 0 && a.links[m].Via != "metonym" && a.links[m].Via != "capital" {
					parts = append(parts, ids(a.coordinated(m, c.t1))...)
				}
				continue
			}
			if mk == "میان" || mk == "بین" {
				if list, own := a.listAfter(c, t, mk); len(list) > 1 || own {
					parts = ids(list)
				}
				continue
			}
			if m := a.arg(c, t, mk); m >= 0 {
				co := ids(a.coordinated(m, c.t1))
				if len(co) > 1 {
					partners = co
				}
				parts = append(parts, co...)
			}
		}
		parts = dedupe(parts)
		// A subject meeting or calling several persons in turn: one event
		// each, as event data counts dyads.
		if len(partners) > 1 && len(subj) == 1 && (typ == didar.Meet || typ == didar.Call || typ == didar.Negotiate) {
			for _, p := range partners {
				one := t
				one.c.markers = nil
				a.emitSplit(c, one, sStart, sEnd, []string{a.links[subj[0]].ActorID, p}, rule+"/one-of-several", conf)
			}
			return
		}
		if len(parts) < 2 && status == didar.StatusOccurred && a.pluralVerb(c, t) {
			// "دو رئیس‌جمهور ... امضا کردند": the article's main parties.
			for _, p := range a.mainPair() {
				if !slices.Contains(parts, p) {
					parts = append(parts, p)
				}
			}
			rule += "/main-pair"
			conf -= 0.15
		}
		if len(parts) < 2 {
			return
		}
		e.Participants = parts
	} else if v := t.c.markers; len(v) == 1 && (v[0] == "verdict" || v[0] == "verdict-of") {
		sp, tm := a.speakerOf(c), a.toks[t.t0].mention // "verdict": the judged starts the trigger
		if v[0] == "verdict-of" {
			tm = a.toks[t.t1].mention
		}
		if sp < 0 || a.side(a.links[sp].ActorID) == a.side(a.links[tm].ActorID) {
			return
		}
		source, target = a.links[sp].ActorID, a.links[tm].ActorID
		rule += "/" + v[0]
		e.Source, e.Target = didar.NullString(source), didar.NullString(target)
		e.Participants = []string{source, target}
	} else if slices.Contains(t.c.markers, "envoy") {
		if len(subj) > 0 {
			source = a.links[subj[0]].ActorID
		}
		if source, target = a.envoyAct(c, t, source); source == "" || target == "" {
			return
		}
		rule += "/envoy"
		e.Source, e.Target = didar.NullString(source), didar.NullString(target)
		e.Participants = []string{source, target}
		// The envoy is called to, or sent from, the acting state.
		if act, ok := a.countryActor(a.side(source)); ok && act.Kind == didar.KindCountry {
			e.Location = &didar.Location{NameFA: didar.NullString(act.NameFA), NameEN: act.NameEN, Country: act.Country}
		}
	} else {
		if len(subj) > 0 {
			if len(a.links[subj[0]].ActorIDs) > 1 {
				return // "طرفین": both sides, no direction
			}
			source = a.links[subj[0]].ActorID
		}
		// "X گفت که ایران آماده ... است": the speaker acts for his country.
		if c.quoted && len(c.speaker) > 0 && source != "" {
			sp := a.links[c.speaker[0]].ActorID
			if act, ok := a.actors[source]; ok && act.Kind == didar.KindCountry && a.side(sp) == source {
				source = sp
			}
		}
		// A demand in a quote is the speaker's, of the quote's subject
		// ("... گفت: آمریکا باید ...").
		if typ == didar.Demand && c.quoted && len(c.speaker) > 0 {
			source = a.links[c.speaker[0]].ActorID
		}
		// A warning in what someone says is the speaker's ("X گفت: هر
		// تجاوزی با پاسخ قاطع ایران روبرو خواهد شد").
		if slices.Contains(t.c.markers, "warn") && c.quoted && len(c.speaker) > 0 {
			source = a.links[c.speaker[0]].ActorID
		}
		tm, via := -1, ""
		for _, mk := range t.c.markers {
			if tm = a.arg(c, t, mk); tm >= 0 {
				rule += "/" + mk
				via = mk
				break
			}
		}
		// "تحریم‌های جدید ... X را هدف قرار داده است": the sanctions are
		// the subject; their owner is who imposed the sanctions reported.
		if slices.Contains(t.c.markers, "sanctions") {
			source = ""
			for i := len(a.rec.Events) - 1; i >= 0 && source == ""; i-- {
				if a.rec.Events[i].Type == didar.Sanction {
					source = string(a.rec.Events[i].Source)
				}
			}
			for i := c.t0; i < t.t0; i++ {
				if strings.HasPrefix(a.toks[i].key, "تحریم") {
					// "تحریم‌های (جدید) اتحادیه اروپا": the possessor.
					for j := i + 1; j < t.t0 && j <= i+2; j++ {
						if m, ok := a.mentionStart(j); ok && a.participant(m) && !a.object(m) {
							source = a.links[m].ActorID
							break
						}
					}
					break
				}
			}
		}
		// "X که نامش در فهرست تحریم‌های شورای امنیت قرار دارد": on a list
		// but not put there in the clause, X is the target, the list's
		// owner the source.
		if slices.Contains(t.c.markers, "listed") && !a.placed(c, t) {
			target, tm = "", -1
			if len(subj) > 0 {
				target = a.links[subj[0]].ActorID
			}
			source = ""
			if pm := a.npMention(t.t1, c.t1); pm >= 0 {
				source = a.links[pm].ActorID
			}
			rule += "/listed"
		}
		// "اخراج ۴ دیپلمات روس"، "تحریم ۲۰ شرکت آمریکایی": the object of
		// a verbal noun is its target, unless another marker named the
		// target ("تحریم آمریکا علیه ایران"): then it is the source.
		if slices.Contains(t.c.markers, "possof") {
			if pm := a.npMention(t.t1, c.t1); pm >= 0 && pm != tm {
				// "تقبیح ... سپاه توسط آمریکا": the agent is the target,
				// the object of its act no party.
				if tm >= 0 && via != "توسط" {
					source = a.links[pm].ActorID
				} else if tm < 0 {
					tm = pm
				}
			}
		}
		// A possessor after the cue is the actor of aid, support and
		// sanctions ("کمک‌های چین به ..."), the one blamed in criticism.
		if pm := a.arg(c, t, "poss"); pm >= 0 && pm != tm && !byPoss && !slices.Contains(t.c.markers, "possof") {
			switch typ {
			case didar.Aid, didar.Support, didar.Sanction:
				source = a.links[pm].ActorID
			case didar.Criticize, didar.Accuse:
				if tm < 0 {
					tm = pm
				}
			}
		}
		// "مورد استقبال X قرار گرفت"، "به میزبانی X": X acts on the subject.
		byAgent := slices.Contains(t.c.markers, "agent") ||
			(typ == didar.Host && t.t0 > c.t0 && a.x.lex.is("prep", a.toks[t.t0-1].key))
		if byAgent {
			pm := a.arg(c, t, "poss")
			// "توسط X مورد استقبال قرار گرفت": the agent before the cue.
			if pm < 0 {
				pm = a.agentBefore(c, t)
			}
			if pm >= 0 {
				source, tm = a.links[pm].ActorID, -1
				if len(subj) > 0 {
					target = a.links[subj[0]].ActorID
				}
				rule += "/agent"
			}
		}
		// "به دعوت X": X invites the subject.
		if typ == didar.Invite && t.t0 > c.t0 && a.toks[t.t0-1].key == "به" {
			if pm := a.arg(c, t, "poss"); pm >= 0 {
				source, tm = a.links[pm].ActorID, -1
				if len(subj) > 0 {
					target = a.links[subj[0]].ActorID
				}
				rule += "/invited-by"
			}
		}
		// "دعوت‌نامه‌ای از X دریافت کرد": X invites the subject.
		if typ == didar.Invite && len(subj) > 0 && a.predicateHas(c, t, t.t1, "receive") {
			if m := a.arg(c, t, "از"); m >= 0 {
				source, tm = a.links[m].ActorID, -1
				target = a.links[subj[0]].ActorID
				rule += "/received"
			}
		}
		if tm < 0 && typ == didar.Visit {
			tm = a.placeArg(c, t)
		}
		// "به آستانه سفر کرد": a city the dictionary names only with شهر,
		// its bare name being a common word, is that city after a trip.
		if tm < 0 && typ == didar.Visit && target == "" {
			if loc, ok := a.bareCity(c, t); ok {
				if ca, ok := a.countryActor(string(loc.Country)); ok {
					target, e.Location = ca.ID, loc
					rule += "/city"
				}
			}
		}
		// "به دعوت X عازم این کشور شد": a trip at X's invitation with no
		// destination named goes to X's country.
		if tm < 0 && typ == didar.Visit {
			if country := a.inviterCountry(c, t); country != "" {
				target = country
				rule += "/invited"
			}
		}
		var more []string // further addressees, one event each
		if tm >= 0 {
			target = a.links[tm].ActorID
			if listed(typ) {
				if all := a.addressees(tm, c.t1); len(all) > 1 {
					target, more = all[0], all[1:]
				}
			}
		}
		// An adversarial act aims at another side: "تهدید کرد که واشنگتن
		// ... علیه ایران" names its own side first.
		if target != "" && via == "after" && source != "" && a.side(target) == a.side(source) {
			target = a.opponent(sStart, sEnd, source)
		}
		// "عواقب این اقدام بر عهده آمریکا خواهد بود": the other side named
		// after the cue; else the adversary of the source's latest hostile
		// act, which the warning goes on with; else whoever the clause or
		// the sentence names on another side ("حق پاسخ به اقدام آمریکا را
		// محفوظ می‌داند").
		if target == "" && tm < 0 && slices.Contains(t.c.markers, "warn") && source != "" {
			after := c
			after.t0 = t.t1
			for _, find := range []func() string{
				func() string { return a.warned(after, source, peers) },
				func() string { return a.adversaryOf(source) },
				func() string { return a.warned(c, source, peers) },
				func() string { return a.opponent(sStart, sEnd, source) },
			} {
				if target = find(); target != "" {
					break
				}
			}
			rule += "/warn"
		}
		if target == "" && (adversarial(typ) || t.judged()) && !slices.Equal(t.c.markers, []string{"poss"}) {
			if target = a.referent(c, source, peers); target != "" {
				rule += "/referent"
				conf -= 0.1
			} else if typ == didar.Threaten && a.isVerb(t.t1-1) {
				// "هشدار داد"، "تهدید کرد" with no one named: the other
				// side's state. A bare "تهدید" is often a threat to the
				// subject ("او را تهدیدی ... می‌داند").
				target = a.opponent(sStart, sEnd, source)
				rule += "/opponent"
				conf -= 0.2
				if target == "" {
					// "... هشدار داد: هر شرکتی که ..." after sanctioning Y:
					// the warning is to the same adversary.
					target = a.adversaryOf(source)
				}
			} else if typ == didar.Reject && source != "" && slices.ContainsFunc(a.keys(c.t0, t.t0), func(k string) bool { return a.x.lex.is("speech", k) || a.x.lex.is("speech", stem(k)) }) {
				// "هرگونه اتهام ... را رد کرد": rejecting words answers the
				// latest act aimed at the source's side.
				target = a.answered(source, peers)
				rule += "/answer"
				conf -= 0.2
			}
		}
		// "X می‌گوید که روسیه در قره‌باغ مداخله کرد": a hostile deed
		// told of its own subject is the speaker's charge against it.
		// When the frame itself accuses ("مدعی شد که ...") the charge is
		// that accusation.
		if target == "" && typ == didar.Criticize && slices.Equal(t.c.markers, []string{"poss"}) && t.t1 < c.t1 && a.isVerb(t.t1) &&
			c.quoted && len(c.speaker) > 0 && len(subj) > 0 && a.inRange(subj[0], c.t0, c.t1) && !a.frameHas(c, didar.Accuse) {
			if sp := a.links[c.speaker[0]].ActorID; a.side(sp) != a.side(source) {
				source, target = sp, source
				rule += "/told"
			}
		}
		if target == "" && typ == didar.Demand && len(subj) > 0 && a.links[subj[0]].ActorID != source {
			target = a.links[subj[0]].ActorID
			// "ایران و روسیه باید ...": an exhortation that includes the
			// speaker's own side demands nothing of another.
			for i := c.t0; i < t.t0; i++ {
				if m, ok := a.mentionStart(i); ok && a.side(a.links[m].ActorID) == a.side(source) {
					return
				}
			}
		}
		if typ == didar.Visit && target != "" {
			target = a.countryOfPlace(tm, target)
			// A trip "به دیدار X" goes to X's country.
			if act, ok := a.actors[target]; ok && act.Kind == didar.KindPerson && act.Country != "" {
				if ca, ok := a.countryActor(string(act.Country)); ok {
					target = ca.ID
				}
			}
		}
		if target == "" && (a.mainParty(source) || a.speaksFor(c, source)) && (typ == didar.Praise || typ == didar.Support || typ == didar.Cooperate || typ == didar.Aid && status == didar.StatusPlanned) {
			target = a.partnerOf(source)
			rule += "/partner"
			conf -= 0.15
		}
		// "محموله کمک‌ها از سوی X به Y ارسال شد": aid sent in the passive
		// is the agent's; with none named, the state of the dateline's
		// city sends it ("تهران - ایرنا - محموله ... ارسال شد").
		if typ == didar.Aid && target != "" && a.passive(c, t) && (source == "" || len(subj) > 0 && source == a.links[subj[0]].ActorID && !a.inRange(subj[0], c.t0, c.t1)) {
			if m := a.agentIn(c); m >= 0 {
				source = a.links[m].ActorID
				rule += "/agent"
			} else if source == "" && a.dateline != nil {
				if ca, ok := a.countryActor(string(a.dateline.Country)); ok {
					source = ca.ID
					rule += "/dateline"
				}
			}
		}
		if source == "" || target == "" || source == target {
			return
		}
		for _, to := range more {
			if to == source {
				continue
			}
			if typ == didar.Visit {
				to = a.countryOfPlace(-1, to)
			}
			o := e
			o.Source, o.Target = didar.NullString(source), didar.NullString(to)
			o.Participants = []string{source, to}
			others = append(others, o)
		}
		e.Source, e.Target = didar.NullString(source), didar.NullString(target)
		e.Participants = []string{source, target}
	}
	a.emit(c, t, e, sStart, sEnd, cameo, rule+"/"+why, conf)
	for _, o := range others {
		a.emit(c, t, o, sStart, sEnd, cameo, rule+"/one-of-several/"+why, conf)
	}
}

// offered reports whether cue t is the purpose ("برای"، "جهت") of an
// offer or readiness named before it in the clause.
func (a *article) offered(c clause, t trigger) bool {
	for i := t.t0 - 1; i >= c.t0 && i >= t.t0-4; i-- {
		k := a.toks[i].key
		if a.isVerb(i) {
			return false
		}
		if k != "برای" && k != "جهت" {
			continue
		}
		for j := c.t0; j < i; j++ {
			if a.x.lex.is("intent", a.toks[j].key) {
				return true
			}
		}
		return false
	}
	return false
}

// predicateHas reports whether a word of the role stands between token
// from and the verb that governs cue t: "به صورت ویدیو کنفرانس داشت"
// (remote), "دعوت‌نامه‌ای ... دریافت کرد" (receive).
func (a *article) predicateHas(c clause, t trigger, from int, role string) bool {
	v := a.governingVerb(t.t1, c.t1)
	for i := max(c.t0, from); i < c.t1 && (v < 0 || i <= v); i++ {
		if a.x.lex.is(role, a.toks[i].key) {
			return true
		}
	}
	return false
}

// agentBefore returns the party a "توسط X" or "از سوی X" phrase before
// cue t names, or -1.
func (a *article) agentBefore(c clause, t trigger) int {
	for i := c.t0; i < t.t0; i++ {
		k := a.toks[i].key
		if k == "توسط" || (k == "از" && i+1 < t.t0 && (a.toks[i+1].key == "سوی" || a.toks[i+1].key == "طرف")) {
			if m := a.phraseMention(i+1, t.t0); m >= 0 {
				return m
			}
		}
	}
	return -1
}

// agentIn returns the party a "توسط X" or "از سوی X" phrase of clause c
// names, or -1.
func (a *article) agentIn(c clause) int {
	for i := c.t0; i+1 < c.t1; i++ {
		k := a.toks[i].key
		if k == "توسط" {
			if m := a.phraseMention(i+1, c.t1); m >= 0 {
				return m
			}
		}
		if k == "از" && (a.toks[i+1].key == "سوی" || a.toks[i+1].key == "طرف" || a.toks[i+1].key == "جانب") {
			if m := a.phraseMention(i+2, c.t1); m >= 0 {
				return m
			}
		}
	}
	return -1
}

// inviterCountry returns the country of X in a "به دعوت X" phrase before
// cue t, or "".
func (a *article) inviterCountry(c clause, t trigger) string {
	for i := c.t0; i+2 < t.t0; i++ {
		if a.toks[i].key != "به" || a.toks[i+1].key != "دعوت" {
			continue
		}
		if m := a.phraseMention(i+2, t.t0); m >= 0 {
			if act, ok := a.actorOf(m); ok && act.Country != "" {
				if ca, ok := a.countryActor(string(act.Country)); ok {
					return ca.ID
				}
			}
		}
	}
	return ""
}

// listed reports whether an act of type t addressed to several parties is
// one act towards each: a message, a visit, praise, support, aid, an
// invitation or an offer to cooperate.
func listed(t didar.EventType) bool {
	switch t {
	case didar.Message, didar.Visit, didar.Praise, didar.Support, didar.Aid, didar.Invite, didar.Cooperate:
		return true
	}
	return false
}

// maxEvidence is the longest evidence in runes. A "sentence" longer
// than this is a text without sentence ends (a dump, a page with its
// markup stripped), and quoting all of it for each of its events would
// copy it into the record once an event.
const maxEvidence = 1000

// evidence is the span quoted for an event of cue t: its sentence, or
// for a sentence longer than maxEvidence, its clause, cut to the whole
// words within maxEvidence runes around the cue.
func (a *article) evidence(c clause, t trigger, sStart, sEnd int) didar.Span {
	if sEnd-sStart <= maxEvidence {
		return a.span(sStart, sEnd)
	}
	start, end := max(sStart, a.toks[c.t0].start), min(sEnd, a.toks[c.t1-1].end)
	if end-start > maxEvidence {
		start = max(start, a.toks[t.t0].start-maxEvidence/2)
		end = min(end, start+maxEvidence)
		// Whole words: from the first that starts in the window to the
		// last that ends in it.
		i := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].start >= start })
		j := sort.Search(len(a.toks), func(j int) bool { return a.toks[j].end > end })
		if i < j {
			start, end = a.toks[i].start, a.toks[j-1].end
		}
	}
	return a.span(start, end)
}

// emitSplit records one of several dyadic events that one cue yields.
func (a *article) emitSplit(c clause, t trigger, sStart, sEnd int, parts []string, rule string, conf float64) {
	status, _, why := a.status(c, t)
	e := didar.Event{Type: t.c.typ, Status: status, Participants: parts}
	a.emit(c, t, e, sStart, sEnd, t.c.cameo, rule+"/"+why, conf)
}

// emit completes event e of trigger t (evidence, date, place, codes,
// topics) and records it, unless all its parties are of one country.
func (a *article) emit(c clause, t trigger, e didar.Event, sStart, sEnd int, cameo, rule string, conf float64) {
	if a.domestic(e.Participants) {
		return
	}
	typ, target := e.Type, string(e.Target)
	e.Evidence = a.evidence(c, t, sStart, sEnd)
	var own bool
	e.Date, e.DatePrecision, own = a.eventDate(a.toks[c.t0].start, a.toks[c.t1-1].end, a.toks[t.t0].start, sStart, sEnd, e.Status)
	from := dateOwn
	if !own {
		from = dateLead
		if a.leadDate.IsZero() {
			from = datePublished
		}
	}
	a.dateFrom = append(a.dateFrom, from)
	// The journey of a relative clause came before the occasion its main
	// clause reports.
	if own && e.Status == didar.StatusOccurred && a.leadDate.IsZero() && !strings.HasSuffix(rule, "/journey") {
		a.leadDate, a.leadPrecision = e.Date, e.DatePrecision
	}
	if typ == didar.Meet || typ == didar.Negotiate || typ == didar.Agree || typ == didar.Visit || typ == didar.Host {
		if e.Location == nil {
			e.Location = a.location(c, t)
		}
		if e.Location == nil && typ == didar.Visit && target != "" {
			if act, ok := a.actors[target]; ok && act.Kind == didar.KindCountry {
				e.Location = &didar.Location{NameFA: didar.NullString(act.NameFA), NameEN: act.NameEN, Country: act.Country}
			}
		}
	}
	if typ == didar.Meet && e.Location != nil && e.Location.Country != "" && !a.anyFrom(e.Participants, string(e.Location.Country)) {
		cameo = "044"
	}
	// Aid only promised is CAMEO 033, intent to provide aid.
	if typ == didar.Aid && e.Status == didar.StatusPlanned {
		cameo = "033"
	}
	e.Code(cameo)
	e.Topics = a.topics(sStart, sEnd, 1)
	e.Confidence = hundredths(conf)
	e.Rule = rule
	for _, id := range e.Participants {
		a.used[id] = true
	}
	a.rec.Events = append(a.rec.Events, e)
}

func (a *article) inRange(m, t0, t1 int) bool {
	l := a.links[m]
	return t0 < len(a.toks) && l.Start >= a.toks[t0].start && (t1 >= len(a.toks) || l.End <= a.toks[t1-1].end)
}

func dedupe(ids []string) []string {
	var out []string
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// countryOfPlace returns the country a visited place lies in.
func (a *article) countryOfPlace(m int, id string) string {
	if m < 0 {
		return id
	}
	if _, _, country, ok := a.x.dict.PlaceOf(a.links[m]); ok && country != "" {
		if act, ok := a.countryActor(country); ok {
			return act.ID
		}
	}
	return id
}

// countryActor returns the record actor for a country code, adding it from
// the dictionary when the text names it only through a place.
func (a *article) countryActor(code string) (didar.Actor, bool) {
	if act, ok := a.actors[code]; ok {
		return act, true
	}
	ent, ok := a.x.dict.Entry(code)
	if !ok {
		return didar.Actor{}, false
	}
	act := didar.Actor{ID: ent.ID, Kind: ent.Kind, NameFA: firstOr(ent.FA, ent.EN), NameEN: didar.NullString(ent.EN),
		Country: didar.NullString(code), InDictionary: true, Roles: []string{}, Mentions: []didar.Mention{}}
	a.actors[code] = act
	return act, true
}

func firstOr(s []string, def string) string {
	if len(s) > 0 {
		return s[0]
	}
	return def
}

// partnerOf returns the other side of the latest meeting or call of id,
// which an intent or praise without an explicit target is addressed to.
func (a *article) partnerOf(id string) string {
	if id == "" {
		return ""
	}
	for i := len(a.rec.Events) - 1; i >= 0; i-- {
		e := a.rec.Events[i]
		if e.Type != didar.Meet && e.Type != didar.Call && e.Type != didar.Negotiate {
			continue
		}
		if slices.Contains(e.Participants, id) {
			for _, p := range e.Participants {
				if p != id {
					return p
				}
			}
		}
	}
	// A country speaks through its party to the main interaction.
	for _, p := range a.mainPair() {
		if p != id && a.side(p) == id {
			return a.partnerOf(p)
		}
	}
	return ""
}

// mainParty reports whether id is a person taking part in the article's
// main interaction, whose statements address the other side.
func (a *article) mainParty(id string) bool {
	act, ok := a.actors[id]
	return ok && act.Kind == didar.KindPerson && slices.Contains(a.mainPair(), id)
}

// speaksFor reports whether a quoted clause with source as subject is said
// by a main party of that country: "X گفت که پکن آماده ... است".
func (a *article) speaksFor(c clause, source string) bool {
	if !c.quoted || len(c.speaker) == 0 {
		return false
	}
	sp := a.links[c.speaker[0]].ActorID
	return a.mainParty(sp) && a.side(sp) == source
}

// lastTalks returns the parties of the latest meeting, call or
// negotiation reported so far.
func (a *article) lastTalks() []string {
	for i := len(a.rec.Events) - 1; i >= 0; i-- {
		switch e := a.rec.Events[i]; e.Type {
		case didar.Meet, didar.Call, didar.Negotiate:
			return e.Participants
		}
	}
	return nil
}

// mainPair returns the parties of the article's first interaction: its
// first meeting, call, visit, host or negotiation.
func (a *article) mainPair() []string {
	for _, e := range a.rec.Events {
		switch e.Type {
		case didar.Meet, didar.Call, didar.Visit, didar.Host, didar.Negotiate:
			if e.Status == didar.StatusOccurred {
				return e.Participants
			}
		}
	}
	// Else the first two persons of different countries the article
	// names: "X ... و Y ... سد را افتتاح کردند. دو رئیس‌جمهور ...".
	var pair []string
	for _, l := range a.links {
		act, ok := a.actors[l.ActorID]
		if !ok || act.Kind != didar.KindPerson || act.Country == "" {
			continue
		}
		if len(pair) == 0 || (a.side(pair[0]) != a.side(l.ActorID)) {
			pair = append(pair, l.ActorID)
		}
		if len(pair) == 2 {
			return pair
		}
	}
	return nil
}

// pluralVerb reports whether the verb governing t is plural (کردند).
func (a *article) pluralVerb(c clause, t trigger) bool {
	v := a.governingVerb(t.t0, c.t1)
	return v >= 0 && strings.HasSuffix(a.toks[v].key, "ند")
}

// domestic reports whether every participant belongs to one country: Didar
// records international interactions.
func (a *article) domestic(ids []string) bool {
	country := ""
	for _, id := range ids {
		act, ok := a.actors[id]
		if !ok || act.Country == "" {
			return false
		}
		if country == "" {
			country = string(act.Country)
		} else if string(act.Country) != country {
			return false
		}
	}
	return country != ""
}

func (a *article) anyFrom(ids []string, country string) bool {
	for _, id := range ids {
		if act, ok := a.actors[id]; ok && string(act.Country) == country {
			return true
		}
	}
	return false
}

// hundredths rounds a confidence to two places, as it is published: the
// rules add and subtract tenths, which floats do not hold exactly.
func hundredths(x float64) float64 { return math.Round(x*100) / 100 }

// towards reports whether the last "به" between tokens from and to opens
// a verbal noun of an outcome ("به بهبود روابط دو کشور"، "به حل بحران"):
// what a help before its cue helps towards, the actors in it included.
func (a *article) towards(from, to int) bool {
	for i := to - 2; i >= from; i-- {
		if a.toks[i].key == "به" {
			return a.x.lex.is("process", a.toks[i+1].key)
		}
	}
	return false
}

// claimed reports whether a claim cue that takes what follows ("مدعی است
// که"، "ادعا کرد") ends between tokens from and to.
func (a *article) claimed(from, to int) bool {
	for i := from; i+1 < to; i++ {
		for j := i; j >= from && j >= i-3; j-- {
			cus, n := a.cuesAt(j)
			if n > 0 && j+n-1 == i && slices.ContainsFunc(cus, func(c cue) bool {
				return c.typ == didar.Accuse && slices.Contains(c.markers, "after")
			}) {
				return true
			}
		}
	}
	return false
}
