// Command didar reads Persian diplomatic news and turns it into coded
// events. Each subcommand lives in its own file; this one only dispatches.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"sort"
	"syscall"

	"github.com/didar-news/didar/extract"
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
	"user":     {"add, list or remove the users who may correct records", runUser},
	"audit":    {"print the users' corrections, filtered by user, article and date", runAudit},
	"gold":     {"export the corrected articles as gold lines for didar eval", runGold},
	"dict":     {"export the dictionary entries users' corrections made", runDict},
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
	switch {
	case len(args) == 0:
		usage(stderr)
		return 2
	case args[0] == "-h" || args[0] == "--help" || (args[0] == "help" && len(args) == 1):
		usage(stdout)
		return 0
	case args[0] == "help":
		// "didar help CMD" is "didar CMD -h".
		args = []string{args[1], "-h"}
	case args[0] == "version" || args[0] == "--version" || args[0] == "-version":
		fmt.Fprintln(stdout, version())
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "didar: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	if askedHelp(args[1:]) {
		stderr = stdout // help asked for is output, not a complaint
	}
	err := cmd.run(ctx, args[1:], stdin, stdout, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0 // the flag set has printed the command's help
	case err != nil:
		fmt.Fprintf(stderr, "didar %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

// askedHelp tells whether args ask for help before any "--".
func askedHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// version names the build (module version and commit, when the binary
// was built from a checkout) and the coder, whose version is stored with
// every record.
func version() string {
	v, rev := "(devel)", ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		v = bi.Main.Version
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = " " + s.Value[:min(len(s.Value), 12)]
			case "vcs.modified":
				if s.Value == "true" {
					rev += "+modified"
				}
			}
		}
	}
	return fmt.Sprintf("didar %s%s (coder %s, %s)", v, rev, extract.Version, runtime.Version())
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
	fmt.Fprintln(w, "  version   print the version of didar and of its coder")
	fmt.Fprintln(w, "\nRun 'didar help COMMAND' or 'didar COMMAND -h' for a command's flags.")
}
