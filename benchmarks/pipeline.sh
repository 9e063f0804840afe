#!/usr/bin/env bash
# The whole pipeline, timed by hand (issue 19): the sample's events at each size -> `cskit usage` -> `cskit score`
# -> CSV and JSON, beside DuckDB doing the same aggregation from the CSV and from Parquet, and `ttv km` beside R.
# Each step runs as its own process under /usr/bin/time -v: wall, CPU (user + sys) and peak RSS.
# Data is generated once under $DATA (default /tmp/cskit-pipeline), never in git.
#
#   ./mvnw -q -B -ntp -o -pl cli,benchmarks -am -DskipTests package
#   benchmarks/pipeline.sh 10000 100000          # sizes in accounts; KM_ROWS=1000000 for the survival step
#   SCORE_ONLY=1 benchmarks/pipeline.sh 1000000  # only the score steps (needs $DATA/n1000000/{metrics,accounts}.csv)
#   KM_ONLY=1 KM_ROWS="1000000 10000000" benchmarks/pipeline.sh   # only ttv km beside R, at each size
#
# Output: one line per step (TSV) in $DATA/results.tsv, and a check that DuckDB's output equals cskit's.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CSKIT=${CSKIT:-$ROOT/cli/target/cskit.jar}
BENCH=${BENCH:-$ROOT/benchmarks/target/benchmarks.jar}
DATA=${DATA:-/tmp/cskit-pipeline}
JAVA_OPTS=${JAVA_OPTS:--Xmx2g}
KM_ROWS=${KM_ROWS:-1000000}
AS_OF=2026-06-30
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000)
[ -z "${KM_ONLY:-}" ] || SIZES=()
mkdir -p "$DATA"
RESULTS="$DATA/results.tsv"
echo -e "step\taccounts\tevents\twall_s\tcpu_s\tpeak_rss_mb\tload1" > "$RESULTS"

# timed NAME N EVENTS OUT -- command...: runs the command with stdout to OUT, appends a result line
timed() {
  local name=$1 n=$2 events=$3 out=$4; shift 5
  local log="$DATA/time.$$.log"
  /usr/bin/time -v -o "$log" "$@" > "$out"
  local wall cpu rss load
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo -e "$name\t$n\t$events\t$wall\t$cpu\t$rss\t$load" | tee -a "$RESULTS"
  rm -f "$log"
}

for N in "${SIZES[@]}"; do
  D="$DATA/n$N"
  if [ -n "${SCORE_ONLY:-}" ]; then
    EV=0
  else
  if [ ! -f "$D/events.csv" ]; then
    java -Xmx4g -jar "$CSKIT" sample --accounts "$N" --out "$D" > /dev/null
  fi
  EV=$(($(wc -l < "$D/events.csv") - 1))
  if [ ! -f "$D/events.parquet" ]; then
    java -cp "$BENCH" dev.cskit.benchmarks.pipeline.DuckDbUsage parquet "$D/events.csv" "$D/events.parquet"
  fi
  # interleaved: cskit, DuckDB CSV, DuckDB Parquet
  timed usage "$N" "$EV" "$D/usage.csv" -- java $JAVA_OPTS -jar "$CSKIT" usage --accounts "$D/accounts.csv" \
    --events "$D/events.csv" --as-of $AS_OF
  timed duckdb-usage-csv "$N" "$EV" /dev/null -- java $JAVA_OPTS -cp "$BENCH" dev.cskit.benchmarks.pipeline.DuckDbUsage \
    usage "$D/accounts.csv" "$D/events.csv" $AS_OF "$D/usage.csv" "$D/duck-usage.csv"
  timed duckdb-usage-parquet "$N" "$EV" /dev/null -- java $JAVA_OPTS -cp "$BENCH" dev.cskit.benchmarks.pipeline.DuckDbUsage \
    usage "$D/accounts.csv" "$D/events.parquet" $AS_OF "$D/usage.csv" "$D/duck-usage-pq.csv"
  /usr/bin/python3 - "$D/usage.csv" "$D/duck-usage.csv" "$D/duck-usage-pq.csv" <<'PY'
import sys, pandas as pd, numpy as np
a = pd.read_csv(sys.argv[1]).set_index("account_id").sort_index()
for f in sys.argv[2:]:
    b = pd.read_csv(f).set_index("account_id").sort_index()[a.columns]
    d = np.nanmax(np.abs(a.to_numpy(float) - b.to_numpy(float)))
    same_nan = (a.isna().to_numpy() == b.isna().to_numpy()).all()
    print(f"check {f}: {a.shape[0]} accounts x {a.shape[1]} columns, max |difference| {d:.3g}, same missing cells: {same_nan}")
PY
  fi
  # score: the sample's metrics (usage joined with CRM fields) with the built-in card set
  timed score-csv "$N" "$EV" "$D/scores.csv" -- java $JAVA_OPTS -jar "$CSKIT" score --scorecard by-stage \
    --metrics "$D/metrics.csv" --accounts "$D/accounts.csv" --as-of $AS_OF --format csv
  timed score-json "$N" "$EV" "$D/scores.json" -- java $JAVA_OPTS -jar "$CSKIT" score --scorecard by-stage \
    --metrics "$D/metrics.csv" --accounts "$D/accounts.csv" --as-of $AS_OF --format json
  timed score-json-explain "$N" "$EV" "$D/scores-explain.json" -- java $JAVA_OPTS -jar "$CSKIT" score \
    --scorecard by-stage --metrics "$D/metrics.csv" --accounts "$D/accounts.csv" --as-of $AS_OF --format json --explain
  # the floor for score: reading its two inputs and nothing else (DuckDB's CSV reader, 2 threads)
  timed read-score-inputs "$N" "$EV" /dev/null -- java $JAVA_OPTS -cp "$BENCH" dev.cskit.benchmarks.pipeline.DuckDbUsage \
    read "$D/metrics.csv" "$D/accounts.csv"
  # Java floors: decoding the text alone, cskit's CSV tokenizer alone, and the tokenizer plus number parsing
  for pass in chars tokenize parse; do
    timed read-$pass "$N" "$EV" /dev/null -- java $JAVA_OPTS -cp "$BENCH" dev.cskit.benchmarks.pipeline.ReadPass \
      $pass "$D/metrics.csv" "$D/accounts.csv"
  done
done
[ -z "${SCORE_ONLY:-}" ] || { echo "results: $RESULTS"; exit 0; }

# ttv km with both tests, 2 groups, beside R (survfit + survdiff rho 0 and 1)
for KM_N in $KM_ROWS; do
K="$DATA/km$KM_N.csv"
if [ ! -f "$K" ]; then
  /usr/bin/python3 - "$K" "$KM_N" <<'PY'
import sys, numpy as np
rng = np.random.default_rng(19); n = int(sys.argv[2])
g = rng.integers(0, 2, n); t = np.round(rng.exponential(np.where(g == 0, 20.0, 25.0)), 2)
c = rng.uniform(0, 60, n); s = (t <= c).astype(int); t = np.minimum(t, np.round(c, 2))
with open(sys.argv[1], "w") as f:
    f.write("time,status,cohort\n")
    for ti, si, gi in zip(t, s, g):
        f.write(f"{ti},{si},{'pilot' if gi else 'standard'}\n")
PY
fi
timed ttv-km "$KM_N" 0 "$DATA/km.json" -- java $JAVA_OPTS -jar "$CSKIT" ttv km --input "$K" --group-column cohort
timed R-survfit-survdiff "$KM_N" 0 "$DATA/km-r.txt" -- Rscript -e "suppressMessages(library(survival)); \
  d <- read.csv('$K'); f <- survfit(Surv(time, status) ~ cohort, data = d); s <- summary(f)\$table; \
  print(s); print(survdiff(Surv(time, status) ~ cohort, data = d)); print(survdiff(Surv(time, status) ~ cohort, data = d, rho = 1))"
done
echo "results: $RESULTS"
