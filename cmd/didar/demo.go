package main

import (
	"context"
	"errors"
	"io"
)

// runDemo is not written yet.
func runDemo(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
