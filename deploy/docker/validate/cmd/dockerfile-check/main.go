// dockerfile-check: an offline Dockerfile check. It parses every stage with BuildKit's own frontend, converts each target to LLB
// (catches bad instructions, flags, unknown stages in COPY --from, ...) and runs BuildKit's lint rules
// (`docker build --check`). Base images are not pulled: a stub resolver returns an empty Linux config.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	"github.com/moby/buildkit/frontend/dockerui"
	digest "github.com/opencontainers/go-digest"
	ocispecs "github.com/opencontainers/image-spec/specs-go/v1"
)

type stubResolver struct{}

func (stubResolver) ResolveImageConfig(ctx context.Context, ref string, opt sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	cfg, _ := json.Marshal(map[string]any{
		"architecture": "amd64", "os": "linux",
		"config": map[string]any{"Env": []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}},
		"rootfs": map[string]any{"type": "layers", "diff_ids": []string{}},
	})
	return ref, digest.FromBytes(cfg), cfg, nil
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: dockerfile-check Dockerfile [target...]")
		os.Exit(2)
	}
	dt, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ctx := context.Background()
	platform := ocispecs.Platform{OS: "linux", Architecture: "amd64"}
	failed := false
	targets := os.Args[2:]
	if len(targets) == 0 {
		targets = []string{""}
	}
	sm := llb.NewSourceMap(nil, os.Args[1], "Dockerfile", dt)
	if sm.Definition, err = llb.Scratch().Marshal(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, target := range targets {
		opt := dockerfile2llb.ConvertOpt{
			Config:         dockerui.Config{Target: target},
			MetaResolver:   stubResolver{},
			TargetPlatform: &platform,
			SourceMap:      sm,
		}
		name := target
		if name == "" {
			name = "(default)"
		}
		if _, _, _, _, err := dockerfile2llb.Dockerfile2LLB(ctx, dt, opt); err != nil {
			fmt.Printf("dockerfile: target %s: %v\n", name, err)
			failed = true
			continue
		}
		res, err := dockerfile2llb.DockerfileLint(ctx, dt, opt)
		if err != nil {
			fmt.Printf("dockerfile: lint %s: %v\n", name, err)
			failed = true
			continue
		}
		for _, w := range res.Warnings {
			fmt.Printf("dockerfile: lint %s: %s: %s (line %v)\n", name, w.RuleName, w.Detail, w.Location.Ranges)
			failed = true
		}
		fmt.Printf("dockerfile: target %s converts to LLB, %d lint warnings\n", name, len(res.Warnings))
	}
	if failed {
		os.Exit(1)
	}
}
