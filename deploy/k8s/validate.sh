#!/usr/bin/env bash
# Validates the deployment files without a Docker engine, a registry or a Kubernetes cluster:
#
#   docker-compose.yml  compose-go (the library of Docker Compose v2) loads, interpolates and checks it
#                       against the Compose Specification; also `docker compose config -q` and
#                       `docker-compose config -q` when those are installed
#   Dockerfile          BuildKit's own frontend converts the runtime and tools targets to LLB and runs its
#                       lint rules (`docker build --check`); base images are not pulled
#   deploy/k8s          every YAML document parses (duplicate keys are errors); kustomize renders the
#                       kustomization; kubernetes-validate checks every rendered object and the Secret
#                       template against the Kubernetes OpenAPI schemas bundled in the package, strictly
#                       (unknown fields fail); the Temporal bootstrap script in its ConfigMap is identical
#                       to deploy/docker/temporal-bootstrap.sh
#
# Needs go, node (with `npm ci` done) and python3. The Go helpers (deploy/docker/validate) and
# kubernetes-validate are installed once into $PRP_CACHE_DIR/deploy-validate from the Go module proxy and
# PyPI. Not covered here: building the images and running the containers (no Docker engine), and
# server-side checks of a real cluster (admission, quotas, CRDs).
#
# Usage: bash deploy/k8s/validate.sh       Environment: K8S_VERSION (schemas to check against, default 1.31.0)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || exit 2

cache="${PRP_CACHE_DIR:-$HOME/.cache/prp-platform}/deploy-validate"
k8s_version="${K8S_VERSION:-1.31.0}"
kubernetes_validate_version=1.37.0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
skipped=0

# check NAME COMMAND...: runs the command, prints its output only when it fails.
check() {
  local name=$1
  shift
  if "$@" >"$work/out" 2>&1; then
    passed=$((passed + 1))
    printf '  ok    %s\n' "$name"
    sed 's/^/        /' "$work/out" | tail -n 3
  else
    failed=$((failed + 1))
    printf '  FAIL  %s\n' "$name"
    sed 's/^/        /' "$work/out" | tail -n 40
  fi
}

skip() {
  skipped=$((skipped + 1))
  printf '  skip  %s (%s)\n' "$1" "$2"
}

need() {
  command -v "$1" >/dev/null 2>&1 || {
    echo "validate.sh needs $1 on PATH" >&2
    exit 2
  }
}
need go
need node
need python3
[[ -f node_modules/yaml/package.json ]] || {
  echo "validate.sh needs node_modules (run npm ci first)" >&2
  exit 2
}

echo "== tools"
build_helpers() {
  (cd deploy/docker/validate && go build -o "$cache/bin/" ./cmd/...)
}
install_kubernetes_validate() {
  local venv="$cache/venv"
  if [[ -x "$venv/bin/kubernetes-validate" ]] && "$venv/bin/kubernetes-validate" --version 2>/dev/null | grep -q "$kubernetes_validate_version"; then
    echo "kubernetes-validate $kubernetes_validate_version present"
    return 0
  fi
  python3 -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check "kubernetes-validate==$kubernetes_validate_version"
}
check "Go helpers built (compose-check, dockerfile-check, kustomize-build)" build_helpers
check "kubernetes-validate $kubernetes_validate_version installed" install_kubernetes_validate
bin="$cache/bin"

echo "== docker-compose.yml"
check "compose-go: docker-compose.yml" "$bin/compose-check" docker-compose.yml
check "compose-go: docker-compose.yml with profile demo" env COMPOSE_PROFILES=demo "$bin/compose-check" docker-compose.yml
check "no top-level version: key" bash -c '! grep -nE "^version:" docker-compose.yml'
if docker compose version >/dev/null 2>&1; then
  check "docker compose config -q" docker compose -f docker-compose.yml config -q
else
  skip "docker compose config -q" "no Docker Compose v2 plugin"
fi
if command -v docker-compose >/dev/null 2>&1; then
  check "docker-compose config -q ($(docker-compose version --short 2>/dev/null))" docker-compose -f docker-compose.yml config -q
else
  skip "docker-compose config -q" "docker-compose not installed"
fi

echo "== Dockerfile"
check "BuildKit: targets runtime and tools convert, no lint warnings" "$bin/dockerfile-check" Dockerfile runtime tools

echo "== scripts"
check "sh -n deploy/docker/temporal-bootstrap.sh" sh -n deploy/docker/temporal-bootstrap.sh
check "bash -n deploy/k8s/validate.sh" bash -n deploy/k8s/validate.sh
if command -v shellcheck >/dev/null 2>&1; then
  check "shellcheck" shellcheck deploy/docker/temporal-bootstrap.sh deploy/k8s/validate.sh
else
  skip "shellcheck" "not installed"
fi

echo "== deploy/k8s"
parse_yaml() {
  node - "$@" <<'JS'
const fs = require('fs');
const YAML = require('yaml');
const clusterScoped = new Set(['Namespace']);
let problems = 0;
let documents = 0;
for (const file of process.argv.slice(2)) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'), { uniqueKeys: true, prettyErrors: true });
  docs.forEach((doc, i) => {
    for (const e of [...doc.errors, ...doc.warnings]) {
      console.log(`${file} document ${i + 1}: ${e.message}`);
      problems++;
    }
    const obj = doc.toJS();
    if (obj === null || obj === undefined) return;
    documents++;
    const isK8s = file.includes('deploy/k8s/') && !file.endsWith('kustomization.yaml');
    if (!isK8s) return;
    for (const key of ['apiVersion', 'kind']) if (!obj[key]) (console.log(`${file} document ${i + 1}: no ${key}`), problems++);
    if (!obj.metadata || !obj.metadata.name) (console.log(`${file} document ${i + 1}: no metadata.name`), problems++);
    if (!clusterScoped.has(obj.kind) && obj.metadata && obj.metadata.namespace !== 'prp')
      (console.log(`${file} document ${i + 1}: ${obj.kind} ${obj.metadata.name} not in namespace prp`), problems++);
  });
}
console.log(`${documents} YAML documents in ${process.argv.length - 2} files`);
process.exit(problems ? 1 : 0);
JS
}
script_in_sync() {
  node - <<'JS'
const fs = require('fs');
const YAML = require('yaml');
const docs = YAML.parseAllDocuments(fs.readFileSync('deploy/k8s/job-temporal-bootstrap.yaml', 'utf8')).map((d) => d.toJS());
const cm = docs.find((d) => d && d.kind === 'ConfigMap' && d.metadata.name === 'temporal-bootstrap-script');
const inK8s = cm && cm.data && cm.data['temporal-bootstrap.sh'];
const inDocker = fs.readFileSync('deploy/docker/temporal-bootstrap.sh', 'utf8');
if (inK8s !== inDocker) {
  console.log('the ConfigMap temporal-bootstrap-script differs from deploy/docker/temporal-bootstrap.sh');
  process.exit(1);
}
console.log('identical');
JS
}
yaml_files=(deploy/k8s/*.yaml docker-compose.yml deploy/docker/temporal/dynamicconfig/*.yaml)
check "every YAML document parses; k8s objects named and in namespace prp" parse_yaml "${yaml_files[@]}"
check "Temporal bootstrap script: ConfigMap == deploy/docker/temporal-bootstrap.sh" script_in_sync
k8s_files=()
for file in deploy/k8s/*.yaml; do
  [[ $file == */kustomization.yaml ]] || k8s_files+=("$file")
done
check "Kubernetes $k8s_version schemas, strict: every file in deploy/k8s" \
  "$cache/venv/bin/kubernetes-validate" --strict --quiet -k "$k8s_version" "${k8s_files[@]}"
check "kustomize renders deploy/k8s" bash -c "'$bin/kustomize-build' deploy/k8s > '$work/rendered.yaml'"
if [[ -s "$work/rendered.yaml" ]]; then
  check "Kubernetes $k8s_version schemas, strict: the rendered kustomization" \
    "$cache/venv/bin/kubernetes-validate" --strict --quiet -k "$k8s_version" "$work/rendered.yaml"
else
  skip "Kubernetes schemas of the rendered kustomization" "nothing rendered"
fi
if command -v kubectl >/dev/null 2>&1; then
  check "kubectl kustomize deploy/k8s" bash -c "kubectl kustomize deploy/k8s > /dev/null"
else
  skip "kubectl kustomize" "kubectl not installed"
fi

echo
echo "deploy: $passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
