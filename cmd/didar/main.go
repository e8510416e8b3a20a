// Command didar reads Persian diplomatic news and turns it into coded
// events. Each subcommand lives in its own file; this one only dispatches.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// command is one subcommand: it parses its own flags from args and writes
// its output to stdout.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

var commands = map[string]command{
	"extract":  {"extract the article record of files as JSON Lines or text", runExtract},
	"eval":     {"score records against a gold file", runEval},
	"actors":   {"look up and list dictionary entries", runActors},
	"annotate": {"print normalised text with every mention marked and linked", runAnnotate},
	"ingest":   {"store files, directories, JSON Lines, web pages and feeds", runIngest},
	"watch":    {"poll feeds and ingest new items", runWatch},
	"recode":   {"re-extract stored articles", runRecode},
	"export":   {"export stored events as CSV, JSON Lines or GEXF", runExport},
	"serve":    {"serve the JSON API and the web page", runServe},
	"demo":     {"load the bundled sample articles and serve them", runDemo},
	"worker":   {"code and store articles taken from a queue (NATS JetStream)", runWorker},
	"queue":    {"show, list the failures of, or retry a queue", runQueue},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "didar: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	if err := cmd.run(ctx, args[1:], stdin, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "didar %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: didar COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'didar COMMAND -h' for a command's flags.")
}
