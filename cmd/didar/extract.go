package main

import (
	"context"
	"errors"
	"io"
)

// runExtract is not written yet.
func runExtract(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
