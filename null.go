package didar

import "encoding/json"

// NullString is a string written as JSON null when empty, for the record
// fields that the spec makes nullable.
type NullString string

func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

func (s *NullString) UnmarshalJSON(b []byte) error {
	v, _, err := jsonString(b)
	if err != nil {
		return err
	}
	*s = NullString(v)
	return nil
}
