package didar

import (
	"fmt"
	"sort"
)

// EventType is one of the interaction types of shared/spec/event-types.md.
type EventType string

const (
	Meet      EventType = "meet"
	Call      EventType = "call"
	Visit     EventType = "visit"
	Host      EventType = "host"
	Negotiate EventType = "negotiate"
	Message   EventType = "message"
	Invite    EventType = "invite"
	Praise    EventType = "praise"
	Support   EventType = "support"
	Cooperate EventType = "cooperate"
	Aid       EventType = "aid"
	Agree     EventType = "agree"
	Criticize EventType = "criticize"
	Accuse    EventType = "accuse"
	Demand    EventType = "demand"
	Reject    EventType = "reject"
	Threaten  EventType = "threaten"
	Sanction  EventType = "sanction"
)

// Coding is how an event type maps to CAMEO and PLOVER.
type Coding struct {
	CAMEO     string
	PLOVER    string
	Goldstein float64
	// Symmetric types list both sides as participants and have no
	// source or target.
	Symmetric bool
}

// Goldstein values of the CAMEO codes the types can take, default or refined.
var goldstein = map[string]float64{
	"030": 4.0, "031": 5.2, "032": 4.5, "033": 5.2, "036": 4.0,
	"040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "046": 7.0,
	"051": 3.4, "052": 3.5, "057": 8.0,
	"070": 7.0, "073": 7.4,
	"100": -5.0, "111": -2.0, "112": -2.0, "120": -4.0, "130": -6.0, "163": -8.0,
}

var codings = map[EventType]Coding{
	Meet:      {"040", "CONSULT", 1.0, true},
	Call:      {"041", "CONSULT", 1.0, true},
	Visit:     {"042", "CONSULT", 1.9, false},
	Host:      {"043", "CONSULT", 2.8, false},
	Negotiate: {"046", "CONSULT", 7.0, true},
	Message:   {"040", "CONSULT", 1.0, false},
	Invite:    {"036", "CONSULT", 4.0, false},
	Praise:    {"051", "SUPPORT", 3.4, false},
	Support:   {"051", "SUPPORT", 3.4, false},
	Cooperate: {"030", "COOPERATE", 4.0, false},
	Aid:       {"070", "AID", 7.0, false},
	Agree:     {"057", "AGREE", 8.0, true},
	Criticize: {"111", "ACCUSE", -2.0, false},
	Accuse:    {"112", "ACCUSE", -2.0, false},
	Demand:    {"100", "REQUEST", -5.0, false},
	Reject:    {"120", "REJECT", -4.0, false},
	Threaten:  {"130", "THREATEN", -6.0, false},
	Sanction:  {"163", "SANCTION", -8.0, false},
}

// EventTypes lists every type, sorted.
func EventTypes() []EventType {
	ts := make([]EventType, 0, len(codings))
	for t := range codings {
		ts = append(ts, t)
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	return ts
}

// ParseEventType checks that s names a known type.
func ParseEventType(s string) (EventType, error) {
	t := EventType(s)
	if _, ok := codings[t]; !ok {
		return "", fmt.Errorf("unknown event type %q", s)
	}
	return t, nil
}

// Coding returns the default coding of t.
func (t EventType) Coding() Coding { return codings[t] }

// Symmetric reports whether t has participants but no direction.
func (t EventType) Symmetric() bool { return codings[t].Symmetric }

// QuadClass returns CAMEO's quad class of a code: 1 verbal cooperation
// (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
// 4 material conflict (14-20).
func QuadClass(cameo string) int {
	if len(cameo) < 2 {
		return 0
	}
	root := int(cameo[0]-'0')*10 + int(cameo[1]-'0')
	switch {
	case root >= 1 && root <= 5:
		return 1
	case root >= 6 && root <= 8:
		return 2
	case root >= 9 && root <= 13:
		return 3
	case root >= 14 && root <= 20:
		return 4
	}
	return 0
}

// Code fills e's CAMEO, PLOVER, Goldstein and QuadClass from its type, with
// cameo as a refinement when not empty (044 for a third-country venue, 073
// for humanitarian aid, ...).
func (e *Event) Code(cameo string) {
	c := e.Type.Coding()
	if cameo == "" {
		cameo = c.CAMEO
	}
	e.CAMEO = cameo
	e.PLOVER = c.PLOVER
	e.Goldstein = c.Goldstein
	if g, ok := goldstein[cameo]; ok {
		e.Goldstein = g
	}
	e.QuadClass = QuadClass(cameo)
}
