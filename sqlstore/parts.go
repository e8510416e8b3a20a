package sqlstore

import (
	"bytes"
	"compress/flate"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/didar-news/didar"
)

// partsFrom is the length of text from which an article's record and raw
// input are kept in parts (table article_parts) rather than in its row:
// a record is several times as long as its text, and the engine holds a
// value whole, more than once, while it binds and stores it. News
// articles are far shorter.
const partsFrom = 256 << 10

// partSize is how much of a value one part holds before compression.
const partSize = 256 << 10

// Fields kept in parts.
const (
	fieldRecord = "record"
	fieldRaw    = "raw"
)

// partWriter stores what is written to it as the parts of one field of
// the article seq, each compressed, partSize at a time.
type partWriter struct {
	ctx   context.Context
	s     *Store
	tx    *sql.Tx
	seq   int64
	field string
	n     int // parts stored
	buf   bytes.Buffer
	zbuf  bytes.Buffer
	z     *flate.Writer
}

func (s *Store) newPartWriter(ctx context.Context, tx *sql.Tx, seq int64, field string) *partWriter {
	return &partWriter{ctx: ctx, s: s, tx: tx, seq: seq, field: field}
}

func (w *partWriter) Write(p []byte) (int, error) { return writeParts(w, p) }

// WriteString takes a long text without copying it whole to bytes.
func (w *partWriter) WriteString(s string) (int, error) { return writeParts(w, s) }

func writeParts[T string | []byte](w *partWriter, p T) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := min(len(p), partSize-w.buf.Len())
		w.buf.Write(append(w.buf.AvailableBuffer(), p[:k]...))
		p = p[k:]
		if w.buf.Len() >= partSize {
			if err := w.flush(); err != nil {
				return n - len(p), err
			}
		}
	}
	return n, nil
}

// Close stores the last part.
func (w *partWriter) Close() error {
	if w.buf.Len() == 0 && w.n > 0 {
		return nil
	}
	return w.flush()
}

func (w *partWriter) flush() error {
	w.zbuf.Reset()
	if w.z == nil {
		// The fastest level: most of the saving of the best, at a few
		// per cent of the cost of coding the text.
		w.z, _ = flate.NewWriter(&w.zbuf, flate.BestSpeed)
	} else {
		w.z.Reset(&w.zbuf)
	}
	if _, err := w.z.Write(w.buf.Bytes()); err != nil {
		return err
	}
	if err := w.z.Close(); err != nil {
		return err
	}
	if _, err := w.s.exec(w.ctx, w.tx, `INSERT INTO article_parts (article, field, n, data) VALUES (?, ?, ?, ?)`, w.seq, w.field, w.n, w.zbuf.Bytes()); err != nil {
		return fmt.Errorf("store %s part %d: %w", w.field, w.n, err)
	}
	w.n++
	w.buf.Reset()
	return nil
}

// storeRecordParts stores rec's stored part as parts of the article seq.
func (s *Store) storeRecordParts(ctx context.Context, tx *sql.Tx, seq int64, rec didar.Record) error {
	w := s.newPartWriter(ctx, tx, seq, fieldRecord)
	if err := rec.WriteListsJSON(w); err != nil {
		return fmt.Errorf("record: %w", err)
	}
	return w.Close()
}

// storeRawParts stores raw as parts of the article seq.
func (s *Store) storeRawParts(ctx context.Context, tx *sql.Tx, seq int64, raw string) error {
	w := s.newPartWriter(ctx, tx, seq, fieldRaw)
	if _, err := w.WriteString(raw); err != nil {
		return err
	}
	return w.Close()
}

// deleteParts deletes the parts of one field of the article seq.
func (s *Store) deleteParts(ctx context.Context, tx *sql.Tx, seq int64, field string) error {
	_, err := s.exec(ctx, tx, `DELETE FROM article_parts WHERE article = ? AND field = ?`, seq, field)
	return err
}

// querier is a database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// partsReader reads the parts of a field in order, decompressed.
type partsReader struct {
	rows *sql.Rows
	z    io.ReadCloser
	n    int // parts read
}

func (r *partsReader) Read(p []byte) (int, error) {
	for {
		if r.z != nil {
			n, err := r.z.Read(p)
			if err == io.EOF {
				r.z.Close()
				r.z = nil
				err = nil
				if n == 0 {
					continue
				}
			}
			return n, err
		}
		if !r.rows.Next() {
			if err := r.rows.Err(); err != nil {
				return 0, err
			}
			return 0, io.EOF
		}
		var data []byte
		if err := r.rows.Scan(&data); err != nil {
			return 0, err
		}
		r.n++
		r.z = flate.NewReader(bytes.NewReader(data))
	}
}

// readParts calls read with a reader of the parts of one field of the
// article seq, and reports whether there were any.
func (s *Store) readParts(ctx context.Context, q querier, seq int64, field string, read func(io.Reader) error) (bool, error) {
	rows, err := q.QueryContext(ctx, s.q(`SELECT data FROM article_parts WHERE article = ? AND field = ? ORDER BY n`), seq, field)
	if err != nil {
		return false, fmt.Errorf("%s parts: %w", field, err)
	}
	defer rows.Close()
	r := &partsReader{rows: rows}
	if err := read(r); err != nil {
		return false, fmt.Errorf("%s parts: %w", field, err)
	}
	if r.z != nil {
		r.z.Close()
	}
	return r.n > 0, rows.Close()
}

// storedRecord decodes the stored part of the record of the article seq:
// body, its articles.record, or its parts when body is empty.
func (s *Store) storedRecord(ctx context.Context, q querier, seq int64, body string) (stored, error) {
	var st stored
	if body != "" {
		err := json.Unmarshal([]byte(body), &st)
		return st, err
	}
	found, err := s.readParts(ctx, q, seq, fieldRecord, func(r io.Reader) error {
		return json.NewDecoder(r).Decode(&st)
	})
	if err == nil && !found {
		err = errors.New("no record stored")
	}
	return st, err
}

// rawParts returns the raw input of the article seq kept in parts, or
// "" when it has none.
func (s *Store) rawParts(ctx context.Context, q querier, seq int64) (string, error) {
	var b strings.Builder
	_, err := s.readParts(ctx, q, seq, fieldRaw, func(r io.Reader) error {
		_, err := io.Copy(&b, r)
		return err
	})
	return b.String(), err
}
