package main

import (
	"context"
	"errors"
	"io"
)

// runExport is not written yet.
func runExport(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
