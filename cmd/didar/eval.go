package main

import (
	"context"
	"errors"
	"io"
)

// runEval is not written yet.
func runEval(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
