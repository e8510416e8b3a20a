package didar

import (
	"encoding/json"
	"testing"
)

func TestDateJSON(t *testing.T) {
	tests := []struct {
		d    Date
		json string
	}{
		{Date{2023, 12, 5}, `"2023-12-05"`},
		{Date{}, `null`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.d)
		if err != nil || string(b) != tt.json {
			t.Errorf("Marshal(%v) = %s, %v; want %s", tt.d, b, err, tt.json)
		}
		var back Date
		if err := json.Unmarshal(b, &back); err != nil || back != tt.d {
			t.Errorf("Unmarshal(%s) = %v, %v; want %v", b, back, err, tt.d)
		}
	}
	var d Date
	if err := json.Unmarshal([]byte(`"5 Dec"`), &d); err == nil {
		t.Error("Unmarshal of a non-ISO date succeeded")
	}
}

func TestRoleHolds(t *testing.T) {
	r := Role{From: Date{2013, 8, 4}, To: Date{2021, 8, 3}}
	for _, tt := range []struct {
		d    Date
		want bool
	}{
		{Date{2013, 8, 3}, false},
		{Date{2013, 8, 4}, true},
		{Date{2021, 8, 3}, true},
		{Date{2021, 8, 4}, false},
		{Date{}, true},
	} {
		if got := r.Holds(tt.d); got != tt.want {
			t.Errorf("Holds(%v) = %v, want %v", tt.d, got, tt.want)
		}
	}
	open := Role{From: Date{2024, 7, 28}}
	if !open.Holds(Date{2026, 1, 1}) {
		t.Error("a role with no end does not hold today")
	}
}

func TestEventCoding(t *testing.T) {
	tests := []struct {
		typ       EventType
		refined   string
		cameo     string
		plover    string
		goldstein float64
		quad      int
	}{
		{Meet, "", "040", "CONSULT", 1.0, 1},
		{Meet, "044", "044", "CONSULT", 2.5, 1},
		{Aid, "073", "073", "AID", 7.4, 2},
		{Criticize, "", "111", "ACCUSE", -2.0, 3},
		{Sanction, "", "163", "SANCTION", -8.0, 4},
		{Threaten, "", "130", "THREATEN", -6.0, 3},
	}
	for _, tt := range tests {
		e := Event{Type: tt.typ}
		e.Code(tt.refined)
		if e.CAMEO != tt.cameo || e.PLOVER != tt.plover || e.Goldstein != tt.goldstein || e.QuadClass != tt.quad {
			t.Errorf("%s/%s coded %s %s %v %d; want %s %s %v %d", tt.typ, tt.refined, e.CAMEO, e.PLOVER, e.Goldstein, e.QuadClass, tt.cameo, tt.plover, tt.goldstein, tt.quad)
		}
	}
	if _, err := ParseEventType("hug"); err == nil {
		t.Error("ParseEventType accepted an unknown type")
	}
	if len(EventTypes()) != 18 {
		t.Errorf("%d event types, want the 18 of the spec", len(EventTypes()))
	}
}

func TestErrorCode(t *testing.T) {
	if got := ErrorCode(Errorf(ENOTFOUND, "no event %s", "e1")); got != ENOTFOUND {
		t.Errorf("ErrorCode = %q", got)
	}
	if got := ErrorCode(json.Unmarshal([]byte("{"), new(int))); got != EINTERNAL {
		t.Errorf("ErrorCode of a plain error = %q, want internal", got)
	}
	if ErrorCode(nil) != "" {
		t.Error("ErrorCode(nil) is not empty")
	}
}

func TestNullStringJSON(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want NullString
	}{
		{`null`, ""},
		{`"IRN"`, "IRN"},
		{`"تالار \"پیامبر اعظم\""`, `تالار "پیامبر اعظم"`},
		{`"a\\b\u0041"`, `a\bA`},
	} {
		var s NullString
		if err := json.Unmarshal([]byte(tt.in), &s); err != nil || s != tt.want {
			t.Errorf("Unmarshal(%s) = %q, %v; want %q", tt.in, s, err, tt.want)
		}
		b, _ := json.Marshal(s)
		var back NullString
		if err := json.Unmarshal(b, &back); err != nil || back != s {
			t.Errorf("round trip of %q gave %q, %v", s, back, err)
		}
	}
	var p Precision
	if err := json.Unmarshal([]byte(`"month"`), &p); err != nil || p != PrecisionMonth {
		t.Errorf("precision = %q, %v", p, err)
	}
	if err := json.Unmarshal([]byte(`null`), &p); err != nil || p != PrecisionNone {
		t.Errorf("null precision = %q, %v", p, err)
	}
	if err := json.Unmarshal([]byte(`12`), &p); err == nil {
		t.Error("a number was accepted as a precision")
	}
}
