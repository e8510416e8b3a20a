package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Charset names as stored with an article (the WHATWG names).
const (
	charsetUTF8 = "utf-8"
	charset1256 = "windows-1256"
)

// decodeText returns b as UTF-8 text and the charset it was in. The
// charset is decided on evidence: UTF-8 when every byte fits; UTF-8 with
// damage (an error naming the line, nothing stored) when most non-ASCII
// bytes form valid UTF-8 sequences, since decoding such a file as a code
// page would turn its good Persian into mojibake; windows-1256 (the Arabic
// code page older Persian sites use) when that yields Persian letters.
// Anything else is refused.
func decodeText(b []byte) (text, name string, err error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return "", "", errors.New("empty")
	}
	// UTF-16 (what some Windows editors call "Unicode") is known by its
	// byte-order mark; without one its NUL bytes read as binary.
	for _, u := range []struct {
		bom  string
		name string
		enc  encoding.Encoding
	}{{"\xff\xfe", "utf-16le", xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM)}, {"\xfe\xff", "utf-16be", xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM)}} {
		if bytes.HasPrefix(b, []byte(u.bom)) {
			s, err := decodeWith(u.enc, b)
			if err != nil || !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
				return "", "", fmt.Errorf("invalid %s text", u.name)
			}
			return s, u.name, nil
		}
	}
	if i := bytes.IndexByte(b[:min(len(b), 8192)], 0); i >= 0 {
		return "", "", fmt.Errorf("binary content (NUL byte at offset %d), not text", i)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	good, bad, firstBad := utf8Evidence(b)
	if bad == 0 {
		return string(b), charsetUTF8, nil
	}
	// A UTF-8 share this high is far beyond what windows-1256 Persian
	// makes by chance (a letter before پ, چ, ژ, گ or ک): at most 3% of
	// the non-ASCII bytes over the 39 articles of the real-news set.
	if good >= bad {
		line := 1 + bytes.Count(b[:firstBad], []byte("\n"))
		return "", "", fmt.Errorf("line %d: invalid UTF-8 (byte 0x%02x; bad bytes in text that is otherwise UTF-8: %d): repair the file or save it again as UTF-8",
			line, b[firstBad], bad)
	}
	if s, err := charmap.Windows1256.NewDecoder().Bytes(b); err == nil && arabicShare(string(s)) > 0.5 {
		return string(s), charset1256, nil
	}
	return "", "", errors.New("neither UTF-8 nor windows-1256 Persian text (binary?)")
}

// utf8Evidence counts the bytes of b above ASCII that belong to valid
// UTF-8 sequences (good) and those that do not (bad), and gives the offset
// of the first bad one.
func utf8Evidence(b []byte) (good, bad, firstBad int) {
	firstBad = -1
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			if firstBad < 0 {
				firstBad = i
			}
			bad++
			i++
			continue
		}
		good += n
		i += n
	}
	return good, bad, firstBad
}

// decodeHTML returns a page as UTF-8 and the charset it was in: the one
// the Content-Type, a byte-order mark or a <meta> tag declares, unless
// that yields no Persian where the evidence of decodeText does (servers
// often declare ISO-8859-1 by default); with no declaration, the evidence
// alone.
func decodeHTML(body []byte, contentType string) (text, name string, err error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return "", "", errors.New("empty")
	}
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	// Without a declaration DetermineEncoding falls back to utf-8 or
	// windows-1252; both are decided on evidence instead.
	if name == charsetUTF8 || (name == "windows-1252" && !certain) {
		return decodeText(body)
	}
	s, derr := decodeWith(enc, body)
	if derr == nil && arabicShare(s) > 0.5 {
		return s, name, nil
	}
	if t, n, err := decodeText(body); err == nil && arabicShare(t) > 0.5 {
		return t, n, nil
	}
	if derr != nil {
		return "", "", fmt.Errorf("charset %s: %w", name, derr)
	}
	return s, name, nil
}

func decodeWith(enc encoding.Encoding, b []byte) (string, error) {
	out, err := enc.NewDecoder().Bytes(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// arabicShare is the share of Arabic-script letters among the letters.
func arabicShare(s string) float64 {
	letters, arabic := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Arabic, r) {
				arabic++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(arabic) / float64(letters)
}

// validUTF8 says where b (a JSON document, a line) first stops being
// UTF-8: JSON decoding would silently turn those bytes into U+FFFD.
func validUTF8(b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	_, bad, i := utf8Evidence(b)
	col := i - bytes.LastIndexByte(b[:i], '\n')
	line := 1 + bytes.Count(b[:i], []byte("\n"))
	return fmt.Errorf("invalid UTF-8 at line %d, byte %d (bad bytes: %d): JSON must be UTF-8", line, col, bad)
}
