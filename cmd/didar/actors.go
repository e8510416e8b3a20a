package main

import (
	"context"
	"errors"
	"io"
)

// runActors is not written yet.
func runActors(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
