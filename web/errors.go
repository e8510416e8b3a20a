package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/didar-news/didar"
)

// Codes the web adds to didar's, for conditions only HTTP has.
const (
	errTooLarge       = "too_large"
	errTimeout        = "timeout"
	errNotImplemented = "not_implemented"
	errCanceled       = "canceled"
)

// statusCanceled is the status of a request whose client went away: no
// one reads it, but the request log should not count it as a 500.
const statusCanceled = 499

// classify is the one place where an error becomes a code, a status and
// a message for the client. Internal errors keep their detail in the log.
func classify(err error) (code string, status int, msg string) {
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return errTooLarge, http.StatusRequestEntityTooLarge, "the request body is larger than the limit of " + itoa(int(tooBig.Limit)) + " bytes"
	case errors.Is(err, context.Canceled):
		return errCanceled, statusCanceled, "the client closed the request"
	case errors.Is(err, context.DeadlineExceeded):
		return errTimeout, http.StatusServiceUnavailable, "the request took too long and was stopped"
	}
	code = didar.ErrorCode(err)
	msg = didar.ErrorMessage(err)
	switch code {
	case didar.ENOTFOUND:
		status = http.StatusNotFound
	case didar.EINVALID:
		status = http.StatusBadRequest
	case didar.ECONFLICT:
		status = http.StatusConflict
	case didar.EUNAUTHORIZED:
		status = http.StatusUnauthorized
	case errReadOnly, errCSRF, didar.EFORBIDDEN:
		status = http.StatusForbidden
	case errTooMany:
		status = http.StatusTooManyRequests
	case errTooLarge:
		status = http.StatusRequestEntityTooLarge
	case errNotImplemented:
		status = http.StatusNotImplemented
	default:
		code, status = didar.EINTERNAL, http.StatusInternalServerError
	}
	return code, status, msg
}

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// writeError answers with the error: JSON under /api/, a page elsewhere.
func (h *handler) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(r.Context().Err(), context.Canceled) {
		// The database's error may not say so, but the client left.
		err = fmt.Errorf("%w: %w", context.Canceled, err)
	}
	code, status, msg := classify(err)
	if code == errCanceled {
		h.log.Debug("client went away", "method", r.Method, "path", r.URL.Path, "err", err)
		w.WriteHeader(status)
		return
	}
	if status >= 500 && code != errNotImplemented {
		h.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if !strings.HasPrefix(r.URL.Path, "/api/") && r.URL.Path != "/healthz" {
		h.errorPage(w, r, status, msg)
		return
	}
	var b errorBody
	b.Error.Code, b.Error.Message = code, msg
	writeJSON(w, status, b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v) // the status is sent; a failed write is the client gone
}
