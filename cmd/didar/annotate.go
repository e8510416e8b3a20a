package main

import (
	"context"
	"errors"
	"io"
)

// runAnnotate is not written yet.
func runAnnotate(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
