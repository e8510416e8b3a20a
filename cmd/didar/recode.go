package main

import (
	"context"
	"errors"
	"io"
)

// runRecode is not written yet.
func runRecode(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
