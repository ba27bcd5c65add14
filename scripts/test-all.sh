#!/usr/bin/env bash
# Runs every test of the workspace the way CI does: lint, typecheck and unit tests (with coverage
# thresholds), then integration tests against a real Kafka broker and a real PostgreSQL server.
# Starts the local Kafka (infra/kafka/kafka.sh) unless KAFKA_BROKERS names a cluster, and stops it on
# any exit if it started it. Prints one summary line at the end: "N passed, N failed".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export MERCADO_SKIP_INSTALL="${MERCADO_SKIP_INSTALL:-0}"
# shellcheck source=bootstrap.sh
. "$ROOT/scripts/bootstrap.sh"

log() { printf '[test] %s\n' "$*" >&2; }

# PostgreSQL: must answer; on this kind of machine we can start the local cluster ourselves.
pg_answers() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
if [ -z "${DATABASE_URL:-}" ] && ! pg_answers; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    log "PostgreSQL is down; starting the local cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
  for _ in $(seq 1 20); do pg_answers && break; sleep 0.5; done
  pg_answers || { log "error: PostgreSQL does not answer on 127.0.0.1:5432. Start it or set DATABASE_URL."; exit 1; }
fi

started_kafka=0
cleanup() {
  if [ "$started_kafka" = 1 ]; then "$ROOT/infra/kafka/kafka.sh" stop || true; fi
}
trap cleanup EXIT
if [ -z "${KAFKA_BROKERS:-}" ]; then
  if ! "$ROOT/infra/kafka/kafka.sh" status >/dev/null 2>&1; then started_kafka=1; fi
  "$ROOT/infra/kafka/kafka.sh" start
  export KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT:-9092}"
fi

results="$ROOT/.cache/test-results"
rm -rf "$results" && mkdir -p "$results"
export MERCADO_TEST_RESULTS_DIR="$results"

status=0
log "lint, typecheck, unit tests"
turbo run lint typecheck test --output-logs=new-only --concurrency=2 --continue || status=$?
if [ "$status" = 0 ]; then
  # Integration tests start built services and CLIs as real processes: build everything first.
  turbo run build --output-logs=errors-only || status=$?
  log "integration tests (real Kafka at $KAFKA_BROKERS, real PostgreSQL)"
  turbo run test:int --output-logs=new-only --concurrency=1 --continue || status=$?
fi

node "$ROOT/scripts/test-summary.cjs" "$results" || true
if [ "$status" = 0 ]; then log "all green"; else log "FAILED (exit $status): see the task output above"; fi
exit "$status"
