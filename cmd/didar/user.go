package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/didar-news/didar"
	"github.com/didar-news/didar/web"
)

// runUser manages the users who may write: add prints a new user's
// token once (the store keeps only its hash).
func runUser(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("user", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	role := fs.String("role", "editor", "with add: editor (corrects records) or admin (also manages users)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: didar user add NAME [--role editor|admin]\n       didar user list\n       didar user remove NAME\n\nflags:")
		fs.PrintDefaults()
	}
	if len(args) > 0 && strings.HasPrefix(args[0], "-") {
		if err := fs.Parse(args); err != nil {
			return err // -h: the usage is printed
		}
	}
	if len(args) == 0 {
		fs.Usage()
		return fmt.Errorf("user: say add, list or remove")
	}
	verb := args[0]
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	// Flags may follow the name too: didar user add maryam --role admin.
	var rest []string
	for fs.NArg() > 0 {
		rest = append(rest, fs.Arg(0))
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return err
		}
	}
	want := map[string]int{"add": 1, "list": 0, "remove": 1}
	n, ok := want[verb]
	if !ok {
		return fmt.Errorf("user %s: unknown; say add, list or remove", verb)
	}
	if len(rest) != n {
		fs.Usage()
		return fmt.Errorf("user %s: wrong number of arguments", verb)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	switch verb {
	case "add":
		r := didar.UserRole(*role)
		if r != didar.RoleEditor && r != didar.RoleAdmin {
			return fmt.Errorf("--role %q: want editor or admin", *role)
		}
		token, err := web.AddUser(ctx, s, rest[0], r)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s\n", token)
		fmt.Fprintf(stderr, "added %s (%s); the token above signs them in and is not shown again\n", rest[0], r)
	case "list":
		users, err := s.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range users {
			fmt.Fprintf(stdout, "%s\t%s\t%s\n", u.Name, u.Role, u.Created.Format("2006-01-02"))
		}
	case "remove":
		if err := s.RemoveUser(ctx, rest[0]); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "removed %s\n", rest[0])
	}
	return nil
}
