// compose-check: the offline equivalent of `docker compose config -q`. It loads, interpolates and
// validates Compose files with compose-go, the library Docker Compose v2 itself uses, against the
// Compose Specification schema bundled with it. No Docker engine is needed.
//
//	compose-check [-print] docker-compose.yml [more files...]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	print := flag.Bool("print", false, "print the resolved configuration")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: compose-check [-print] FILE...")
		os.Exit(2)
	}
	opts, err := cli.NewProjectOptions(flag.Args(), cli.WithOsEnv, cli.WithDotEnv, cli.WithDefaultProfiles(), cli.WithName("compose-check"))
	if err != nil {
		fail(err)
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		fail(err)
	}
	if *print {
		out, err := project.MarshalYAML()
		if err != nil {
			fail(err)
		}
		os.Stdout.Write(out)
	}
	fmt.Printf("compose-check: %d services valid (%d more behind profiles)\n", len(project.Services), len(project.DisabledServices))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "compose-check:", err)
	os.Exit(1)
}
