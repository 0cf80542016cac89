#!/usr/bin/env bash
# Runs the SIM Estate benchmarks and writes benchmarks/README.md with the results.
#
#   benchmarks/run.sh           full run (four rounds of interleaved forks per pair)
#   benchmarks/run.sh --quick   smoke run: two rounds of one short iteration each, small estates
#
# SIMESTATE_BENCH_ONLY="pg-mail jpa-route" runs only those pairs (names as below; a pairdb name
# covers both databases). SIMESTATE_BENCH_ROUNDS=2 runs two rounds per pair instead of four (about
# half the time; the README then shows two forks per side and two pairs per ratio). SIMESTATE_BENCH_JAVA_OPTS is passed to java, e.g. -Djmh.ignoreLock=true
# on a machine where another JMH run holds the lock.
#
# Needs a JDK 17+, Maven, python3 and, for the PostgreSQL rows, a server at 127.0.0.1:5432 (user
# postgres, database test; override with SIMESTATE_BENCH_PG_URL / _USER / _PASSWORD). Every pair of
# ours and its baseline runs interleaved in short forks (see pair below), writing JMH JSON results to
# benchmarks/target/jmh/. The outbox claim plan at 10 million deliveries is measured separately by
# benchmarks/claim-plan.sh (slow: it loads the rows); the README includes its last result.
set -euo pipefail

mode=full
case "${1:-}" in
  "") ;;
  --quick) mode=quick ;;
  *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

echo "== Building the benchmarks jar"
mvn -B -q -pl benchmarks -am package -DskipTests

out="$root/benchmarks/target/jmh"
rm -rf "$out"
mkdir -p "$out"
export SIMESTATE_BENCH_EXTRA="$out/extra.properties"
jar="benchmarks/target/benchmarks.jar"
commands="$out/commands.txt"
: > "$commands"
echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)" > "$out/machine.properties"
started=$(date +%s)

# run NAME CLASS-REGEX JMH-OPTIONS...
run() {
  local name="$1" pattern="$2"
  shift 2
  # shellcheck disable=SC2206 # options are words
  local cmd=(java ${SIMESTATE_BENCH_JAVA_OPTS:-} -jar "$jar" "$pattern" -rf json -rff "$out/$name.json" "$@")
  echo "== ${cmd[*]}"
  echo "${cmd[*]}" >> "$commands"
  # A failing benchmark leaves its row out (report.py lists it under "Not measured"); the others run.
  "${cmd[@]}" || echo "== $name failed (exit $?)" | tee -a "$out/failed.txt"
}

# pair NAME CLASS "METHOD..." JMH-OPTIONS...
# Ours and its baselines interleaved: $rounds rounds, each one short fork per method, the order
# reversed every other round (A B, B A, A B, ...), so that a change of the machine's load hits both
# sides alike. Results go to NAME.rROUND.METHOD.json; report.py pairs them by round and reports the
# ratio of the medians with the spread of the per-round ratios.
pair() {
  local name="$1" class="$2" methods=($3)
  shift 3
  local r m order w
  if [[ -n "${SIMESTATE_BENCH_ONLY:-}" ]]; then
    for w in $SIMESTATE_BENCH_ONLY; do
      [[ "$name" == "$w" || "$name" == "$w-h2" || "$name" == "$w-postgresql" ]] && break
      w=""
    done
    [[ -z "$w" ]] && return 0
  fi
  for ((r = 1; r <= rounds; r++)); do
    order=("${methods[@]}")
    if (( r % 2 == 0 )); then
      order=()
      for ((m = ${#methods[@]} - 1; m >= 0; m--)); do order+=("${methods[m]}"); done
    fi
    for m in "${order[@]}"; do
      run "$name.r$r.$m" "\\.$class\\.$m\$" -f 1 "$@"
    done
  done
}

# pairdb NAME CLASS "METHOD..." JMH-OPTIONS...: pair on H2, then on PostgreSQL.
pairdb() {
  local name="$1" class="$2" methods="$3" db
  shift 3
  for db in h2 postgresql; do
    pair "$name-$db" "$class" "$methods" -p db="$db" "$@"
  done
}

if [[ "$mode" == quick ]]; then
  rounds=2
  short=(-wi 1 -i 1 -w 1s -r 1s)
  single=(-wi 0 -i 1)
  pair recipients InMemoryRecipientsBenchmark "ours baseline" "${short[@]}" -p sims=100000 -p customers=1000
  pair route InMemoryRouteBenchmark "ours baseline rawRecord" "${short[@]}" -prof gc -p sims=100000 -p customers=1000
  pairdb jpa-route JpaRouteBenchmark "ours baseline baselineInTransaction" "${short[@]}" -p customers=50 -p simsEach=100
  pairdb jpa-assign JpaAssignBenchmark "ours rawBatch naiveLoop" "${single[@]}" -p sims=50000 -p naiveSims=5000
  pairdb jpa-delete JpaDeleteCustomerBenchmark "ours baseline" "${single[@]}" -p simsHeld=10000 -p otherSims=10000
  pair mail MailDispatchBenchmark "ours rawReusedConnection rawSendPerMessage" "${single[@]}" -p emails=200 -p perMessageEmails=100
  pair pg-mail JpaMailDispatchBenchmark "ours baseline oursWithoutCommitFlush baselineRecordingEachResult baselinePipelinedRecording baselineRecordingEachResultWithAudit baselinePipelinedRecordingWithAudit" "${single[@]}" -p deliveries=1000
  pairdb jpa-customer-writes JpaCustomerWritesBenchmark "oursCreate baselineCreate oursCreateInFour baselineCreateInFour oursEdit baselineEdit" "${short[@]}"
  pairdb jpa-csv-import JpaCsvImportBenchmark "ours baselineTransactionPerChunk" "${single[@]}" -p lines=20000
  # Ours and its baseline alternate inside this benchmark (one fork, both databases).
  run jpa-route-record 'JpaRouteRecordBenchmark' -f 1 -wi 1 -i 2 -p customers=50 -p simsEach=100 -p alerts=500
else
  # Sizes are the defaults in the benchmark classes' annotations; iterations per fork are fewer than
  # the annotations', since every pair runs $rounds forks per side.
  rounds="${SIMESTATE_BENCH_ROUNDS:-4}"
  short=(-wi 2 -i 2 -w 2s -r 2s)
  single=(-wi 1 -i 2)
  pair recipients InMemoryRecipientsBenchmark "ours baseline" "${short[@]}"
  # -prof gc: the share of the measured time the collector's pauses took, reported with row 2.
  pair route InMemoryRouteBenchmark "ours baseline rawRecord" "${short[@]}" -prof gc
  pairdb jpa-route JpaRouteBenchmark "ours baseline baselineInTransaction" "${short[@]}"
  pairdb jpa-assign JpaAssignBenchmark "ours rawBatch naiveLoop" -wi 0 -i 1
  pairdb jpa-delete JpaDeleteCustomerBenchmark "ours baseline" "${single[@]}"
  # Three warm-up operations of 2,000 emails: in a fresh JVM both sides got faster until the fourth
  # (ours 2,577, 1,941, 1,667, then 972-1,030 ms; the reused connection 1,899, 1,383, 1,101, then
  # 826-912 ms; 2026-12-02), so with one warm-up the measured operations still included the warm-up.
  pair mail MailDispatchBenchmark "ours rawReusedConnection rawSendPerMessage" -wi 3 -i 2
  # One warm-up operation of 20,000 emails before the measured one: in a fresh JVM ours' first 20,000
  # took 36.9 s against 26.9 s for the next (1 dispatcher, 2026-12-02; the baseline 17.0 s and 18.0 s),
  # its code getting faster as the JVM warms up, as a running portal's has done.
  pair pg-mail JpaMailDispatchBenchmark "ours baseline oursWithoutCommitFlush baselineRecordingEachResult baselinePipelinedRecording baselineRecordingEachResultWithAudit baselinePipelinedRecordingWithAudit" -wi 1 -i 1
  # The use cases go through Hibernate's whole write path, which the JIT needs about ten seconds to
  # compile on a 2-core machine (the edit reached its plateau in the 5th 2 s iteration, raw JDBC in the 3rd).
  pairdb jpa-customer-writes JpaCustomerWritesBenchmark "oursCreate baselineCreate oursCreateInFour baselineCreateInFour oursEdit baselineEdit" -wi 6 -i 2 -w 2s -r 2s
  pairdb jpa-csv-import JpaCsvImportBenchmark "ours baselineTransactionPerChunk" "${single[@]}"
  run jpa-route-record 'JpaRouteRecordBenchmark'
fi

{
  echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "minutes=$(( ($(date +%s) - started + 30) / 60 ))"
  echo "cores=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory=$(free -g | awk '/^Mem:/ {print $2 " GB"}')"
  echo "jdk=$(java -version 2>&1 | head -n 2 | tr '\n' ' ' | sed 's/ *$//')"
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "mode=$mode"
  echo "command=${SIMESTATE_BENCH_ONLY:+SIMESTATE_BENCH_ONLY=\"$SIMESTATE_BENCH_ONLY\" }${SIMESTATE_BENCH_ROUNDS:+SIMESTATE_BENCH_ROUNDS=$SIMESTATE_BENCH_ROUNDS }benchmarks/run.sh${1:+ $1}"
} >> "$out/machine.properties"

echo "== Writing benchmarks/README.md"
python3 benchmarks/report.py "$out" benchmarks/README.md
echo "Done: benchmarks/README.md (raw results in $out)"
