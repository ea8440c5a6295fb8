# The local stack's settings, sourced by stack.sh, deploy/scripts/*.sh and anyone who wants the variables:
#   source deploy/local/env.sh
# Every value can be overridden from the environment. Loopback addresses only.
_prp_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PRP_ROOT="$_prp_root"
# Downloads and builds (outside the work tree, shared by every clone) and runtime data (git-ignored).
export PRP_CACHE_DIR="${PRP_CACHE_DIR:-$HOME/.cache/prp-platform}"
export PRP_DATA_DIR="${PRP_DATA_DIR:-$_prp_root/.data}"
# Ports.
export PG_PORT="${PG_PORT:-55432}"
export KAFKA_PORT="${KAFKA_PORT:-19092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
export TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
export TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
# What the services and tests connect to.
export DATABASE_URL="${DATABASE_URL:-postgres://prp:prp@127.0.0.1:$PG_PORT/prp_dev}"
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://prp:prp@127.0.0.1:$PG_PORT/prp_test}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
# Local-only secret for personal data at rest (identification); production takes it from its secret store.
export PII_SECRET="${PII_SECRET:-local-development-only-pii-secret-0123456789}"
# Local-only admin token of the referral service (department API keys); production takes it from its secret store.
export REFERRAL_ADMIN_TOKEN="${REFERRAL_ADMIN_TOKEN:-local-development-only-admin-token-0123}"
# Local-only admin token of the identification service (issuing area API keys); production takes it from its secret store.
export IDENTIFICATION_ADMIN_TOKEN="${IDENTIFICATION_ADMIN_TOKEN:-local-development-only-identification-admin-0123}"
export TEMPORAL_ADDRESS="${TEMPORAL_ADDRESS:-127.0.0.1:$TEMPORAL_PORT}"
export TEMPORAL_TEST_SERVER_PATH="${TEMPORAL_TEST_SERVER_PATH:-$_prp_root/deploy/local/bin/temporal-test-server}"
# Versions of what the stack downloads or builds (changing one makes prepare fetch it into a new cache dir).
export KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"
export TEMPORAL_CLI_VERSION="${TEMPORAL_CLI_VERSION:-v1.5.1}"
export TEMPORAL_TEST_SERVER_VERSION="${TEMPORAL_TEST_SERVER_VERSION:-1.38.0}"
unset _prp_root
