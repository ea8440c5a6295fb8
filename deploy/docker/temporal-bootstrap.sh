#!/bin/sh
# Temporal bootstrap, run by the temporalio/admin-tools image (docker-compose `temporal-bootstrap`, and the
# Kubernetes Job prp-temporal-bootstrap, whose ConfigMap holds a copy of this file — validate.sh checks
# that the two stay identical).
#
# 1. waits until the frontend answers,
# 2. makes sure the namespace exists (the Temporal Helm chart or auto-setup may already have created it),
# 3. registers the custom search attributes the case workflow sets (libs/contracts CASE_SEARCH_ATTRIBUTES;
#    keep in step with TEMPORAL_SEARCH_ATTRIBUTES in deploy/local/lib/temporal.sh).
# Idempotent: run it on every deployment.
#
# Environment: TEMPORAL_ADDRESS (host:7233, required), TEMPORAL_NAMESPACE (default "default"),
# TEMPORAL_NAMESPACE_RETENTION (closed-workflow retention for a namespace created here, default 720h).
# TLS/mTLS to the frontend: the temporal CLI reads TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY, TEMPORAL_TLS_CA.
set -eu

address="${TEMPORAL_ADDRESS:?TEMPORAL_ADDRESS is required}"
namespace="${TEMPORAL_NAMESPACE:-default}"
retention="${TEMPORAL_NAMESPACE_RETENTION:-720h}"
attributes="CaseStep=Keyword AreaCode=Keyword NextDueAt=Datetime OverdueKinds=KeywordList"

# Runs a command until it succeeds: 60 tries, 2 s apart.
retry() {
  tries=0
  until "$@"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then
      echo "gave up after $tries tries: $*" >&2
      return 1
    fi
    sleep 2
  done
}

frontend_serving() {
  temporal operator cluster health --address "$address" 2>/dev/null | grep -q SERVING
}

namespace_present() {
  temporal operator namespace describe --address "$address" --namespace "$namespace" >/dev/null 2>&1
}

attribute_list() {
  temporal operator search-attribute list --address "$address" --namespace "$namespace"
}

create_attribute() {
  temporal operator search-attribute create --address "$address" --namespace "$namespace" --name "$1" --type "$2"
}

echo "temporal: waiting for the frontend at $address"
retry frontend_serving

if namespace_present; then
  echo "temporal: namespace $namespace present"
else
  echo "temporal: creating namespace $namespace (retention $retention)"
  # Another bootstrap (or auto-setup) may create it at the same moment: accept that.
  temporal operator namespace create --address "$address" --namespace "$namespace" --retention "$retention" \
    || namespace_present
  # A new namespace reaches every frontend's cache within seconds.
  retry namespace_present
fi

existing="$(retry attribute_list)"
for pair in $attributes; do
  name="${pair%%=*}"
  type="${pair#*=}"
  if printf '%s\n' "$existing" | grep -qw "$name"; then
    echo "temporal: search attribute $name present"
  else
    echo "temporal: creating search attribute $name ($type)"
    retry create_attribute "$name" "$type"
  fi
done

# Verify: every attribute is now listed.
existing="$(retry attribute_list)"
missing=""
for pair in $attributes; do
  name="${pair%%=*}"
  printf '%s\n' "$existing" | grep -qw "$name" || missing="$missing $name"
done
if [ -n "$missing" ]; then
  echo "temporal: search attributes still missing:$missing" >&2
  exit 1
fi
echo "temporal: namespace $namespace ready with search attributes: $attributes"
