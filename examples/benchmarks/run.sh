#!/usr/bin/env bash
# Re-runs every benchmark table of docs/benchmarks.md and writes them to examples/benchmarks/target/results.md.
#   examples/benchmarks/run.sh            default sizes (about 15 minutes on 2 cores)
#   examples/benchmarks/run.sh --quick    small sizes, one short pass (about a minute or two)
#   examples/benchmarks/run.sh --quick table4   only the named tables (table1 … table5)
# Needs a JDK 17+ and Maven 3.8+; dependencies come from Maven Central. Nothing runs against the internet:
# the Spotify Web API is the adapter's local fake on a loopback port, PostgreSQL an embedded server.
set -euo pipefail
cd "$(dirname "$0")/../.."

MODE=()
TABLES=()
for arg in "$@"; do
  case "$arg" in
    --quick) MODE=(--quick) ;;
    table[1-5]) TABLES+=("$arg") ;;
    *) echo "unknown argument '$arg'; allowed: --quick, table1 … table5" >&2; exit 2 ;;
  esac
done
[ ${#TABLES[@]} -eq 0 ] && TABLES=(table1 table2 table3 table4 table5)

mvn -B -q -pl examples/benchmarks -am package -DskipTests

OUT=examples/benchmarks/target/results.md
CP="examples/benchmarks/target/classes:$(cat examples/benchmarks/target/classpath.txt)"
JAVA=(java -Xms2g -Xmx4g -XX:+UseParallelGC -Dsun.net.httpserver.nodelay=true -cp "$CP")

{
  echo "# Benchmark results"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) from commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)."
  echo "Machine: $("${JAVA[@]}" dev.shuffify.benchmarks.MachineInfo)"
  echo
} > "$OUT"

run() {
  local table=$1 main=$2
  echo "== $table: $main ${MODE[*]:-}" >&2
  local start=$SECONDS
  echo "Command: \`examples/benchmarks/run.sh ${MODE[*]:-}${MODE[*]:+ }$table\` (runs \`java … $main ${MODE[*]:-}\`)" >> "$OUT"
  echo >> "$OUT"
  if "${JAVA[@]}" "$main" "${MODE[@]}" --out "$OUT"; then
    echo "($table took $((SECONDS - start)) s)" >> "$OUT"
  else
    echo "**$table failed after $((SECONDS - start)) s; its error is on the console.**" >> "$OUT"
    FAILED=1
  fi
  echo >> "$OUT"
}

for t in "${TABLES[@]}"; do
  case "$t" in
    table1) run table1 dev.shuffify.benchmarks.EngineOverheadBenchmark ;;
    table2) run table2 dev.shuffify.benchmarks.ScaleBenchmark ;;
    table3) run table3 dev.shuffify.benchmarks.ApiEconomyBenchmark ;;
    table4) run table4 dev.shuffify.benchmarks.AlgorithmBenchmark ;;
    table5) run table5 dev.shuffify.benchmarks.RateLimitBenchmark ;;
  esac
done
echo "results: $OUT" >&2
exit "${FAILED:-0}"
