package main

import (
	"context"
	"errors"
	"io"
)

// runServe is not written yet.
func runServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
