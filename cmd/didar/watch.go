package main

import (
	"context"
	"errors"
	"io"
)

// runWatch is not written yet.
func runWatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
