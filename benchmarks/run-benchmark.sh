#!/usr/bin/env bash
# Timed script for the monthly run (not a unit test): builds the command line, writes the sample project at
# N accounts (default 100000), then times, with a 2 GB heap:
#   1. one run as of 2026-06-30 on an empty history (usage metrics, scores, tiers, survey, ttv, history write);
#   2. a backfill of six monthly snapshots, 2026-01-31 to 2026-06-30, on a fresh history;
#   3. the peer: DuckDB computing the usage metrics of one date from the same events CSV (2 threads).
# Prints wall-clock and CPU seconds (the machine may be shared: CPU seconds are the steadier figure).
# Usage: benchmarks/run-benchmark.sh [ACCOUNTS] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
WORK=${2:-/tmp/cskit-run-benchmark-$N}
./mvnw -q -B -ntp -pl cli,benchmarks -am package -DskipTests -Dcskit.skipDocs=true
mkdir -p "$WORK.jars"   # copies, so a rebuild during the benchmark does not change what it runs
cp cli/target/cskit.jar benchmarks/target/benchmarks.jar "$WORK.jars/"
JAR=$WORK.jars/cskit.jar
timed() { # label, command...
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S %M" -o /tmp/cskit-bench-time "$@" > /tmp/cskit-bench-out
  end=$(date +%s.%N)
  read -r user sys maxkb < /tmp/cskit-bench-time
  printf '%-48s wall %7.1f s   cpu %7.1f s   max RSS %6.0f MB\n' "$label" "$(echo "$end - $start" | bc)" \
    "$(echo "$user + $sys" | bc)" "$(echo "$maxkb / 1024" | bc)"
}
if [ ! -f "$WORK/cskit.yaml" ]; then
  rm -rf "$WORK"
  timed "init ($N accounts)" java -Xmx2g -jar "$JAR" init "$WORK" --accounts "$N"
fi
echo "events: $(($(wc -l < "$WORK/data/events.csv") - 1)) rows, $(du -h "$WORK/data/events.csv" | cut -f1)"
rm -rf "$WORK/history.duckdb" "$WORK/runs"
timed "run --as-of 2026-06-30 (empty history)" java -Xmx2g -jar "$JAR" run --project "$WORK/cskit.yaml" --as-of 2026-06-30
rm -rf "$WORK/history.duckdb" "$WORK/runs"
timed "backfill 2026-01-31..2026-06-30, monthly (6 runs)" java -Xmx2g -jar "$JAR" run --project "$WORK/cskit.yaml" \
  --from 2026-01-31 --to 2026-06-30 --every month
timed "peer: DuckDB usage metrics of one date" java -Xmx2g -cp "$WORK.jars/benchmarks.jar" \
  dev.cskit.benchmarks.UsagePeer "$WORK/data/events.csv" 2026-06-30
cat /tmp/cskit-bench-out
