#!/usr/bin/env bash
# Streams the audit NDJSON of 1,000,000 events from a query service held to a 64 MB heap, then verifies the log,
# and reports time, size and the largest heap left after a garbage collection.
# Needs the stack's PostgreSQL (start it with the README's run command) and the built jars.
# Usage: benchmarks/audit-stream.sh [events]
set -euo pipefail
cd "$(dirname "$0")/.."

events=${1:-1000000}
pg_port=${LEDGER_PG_PORT:-5433}
port=8092
db=bench_audit
work=$(mktemp -d)
psql_bench() { psql -q -h localhost -p "$pg_port" -U postgres "$@"; }

cleanup() {
  [[ -n ${service:-} ]] && kill "$service" 2>/dev/null && wait "$service" 2>/dev/null || true
  psql_bench -c "drop database if exists $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

psql_bench -c "drop database if exists $db" -c "create database $db" >/dev/null
LEDGER_DB_URL=jdbc:postgresql://localhost:$pg_port/$db LEDGER_DB_USER=postgres \
  java -Xmx64m -Xlog:gc:file="$work/gc.log" -jar query-service/target/query-service.jar \
  --spring.profiles.active=local --server.port=$port >"$work/service.log" 2>&1 &
service=$!
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 1; done

start=$(date +%s.%N)
psql_bench -d "$db" -c "insert into event_store.event_entry (event_id, stream_type, stream_id, sequence_number,
    payload_type, payload_revision, payload, meta_data, recorded_at, effective_on)
  select gen_random_uuid()::text, 'Benchmark', 'bench-' || (g / 100), g % 100, 'benchmark.Filler', '1',
    jsonb_build_object('n', g, 'note', repeat('x', 300)), '{\"principal\": \"benchmark\"}', now(),
    date '2023-01-01' + (g % 365)
  from generate_series(0, $events - 1) g order by g"
appended=$(echo "$(date +%s.%N) - $start" | bc)

start=$(date +%s.%N)
lines=$(curl -sf -u auditor:auditor-local "http://127.0.0.1:$port/api/audit/events" | tee >(wc -c >"$work/bytes") | wc -l)
streamed=$(echo "$(date +%s.%N) - $start" | bc)
sleep 1
bytes=$(cat "$work/bytes")

start=$(date +%s.%N)
status=$(curl -sf -u auditor:auditor-local "http://127.0.0.1:$port/api/audit/verify" | sed 's/.*"status":"\([A-Z]*\)".*/\1/')
verified=$(echo "$(date +%s.%N) - $start" | bc)

heap=$(grep -o 'Pause[^>]*->[0-9]*M' "$work/gc.log" | sed 's/.*->\([0-9]*\)M/\1/' | sort -n | tail -1)
full=$(grep -c 'Pause Full' "$work/gc.log" || true)

printf '| %-38s | %s |\n' "events appended (one INSERT, chained by the trigger)" "$events in ${appended}s" \
  "NDJSON lines streamed" "$lines ($((bytes / 1000000)) MB) in ${streamed}s" \
  "verify" "$status in ${verified}s" \
  "query service heap limit" "64 MB (-Xmx64m)" \
  "largest heap after a GC" "${heap} MB; full GCs: $full"
