package main

import (
	"context"
	"errors"
	"io"
)

// runIngest is not written yet.
func runIngest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
