#!/usr/bin/env bash
# Runs the SIM Estate benchmarks and writes benchmarks/README.md with the results.
#
#   benchmarks/run.sh           full run (about 15 minutes on 2 cores)
#   benchmarks/run.sh --quick   smoke run: one short iteration each, small estates (a few minutes)
#
# Needs a JDK 17+, Maven, python3 and, for the PostgreSQL rows, a server at 127.0.0.1:5432 (user
# postgres, database test; override with SIMESTATE_BENCH_PG_URL / _USER / _PASSWORD). Each benchmark
# class runs on its own, writing JMH JSON results to benchmarks/target/jmh/.
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
  local cmd=(java -jar "$jar" "$pattern" -rf json -rff "$out/$name.json" "$@")
  echo "== ${cmd[*]}"
  echo "${cmd[*]}" >> "$commands"
  "${cmd[@]}"
}

if [[ "$mode" == quick ]]; then
  short=(-f 1 -wi 1 -i 1 -w 1s -r 1s)
  single=(-f 1 -wi 0 -i 1)
  run recipients 'InMemoryRecipientsBenchmark' "${short[@]}" -p sims=100000 -p customers=1000
  run route 'InMemoryRouteBenchmark' "${short[@]}" -p sims=100000 -p customers=1000
  run jpa-route 'JpaRouteBenchmark' "${short[@]}" -p customers=50 -p simsEach=100
  run jpa-assign 'JpaAssignBenchmark' "${single[@]}" -p sims=50000 -p naiveSims=5000
  run jpa-delete 'JpaDeleteCustomerBenchmark' "${single[@]}" -p simsHeld=10000 -p otherSims=10000
  run mail 'MailDispatchBenchmark' "${single[@]}" -p emails=200 -p perMessageEmails=100
  run jpa-csv-import 'JpaCsvImportBenchmark' "${single[@]}" -p lines=20000
  run jpa-route-record 'JpaRouteRecordBenchmark' -f 1 -wi 1 -i 2 -p customers=50 -p simsEach=100 -p alerts=500
else
  # The iteration counts and sizes are the defaults in the benchmark classes' annotations.
  run recipients 'InMemoryRecipientsBenchmark'
  run route 'InMemoryRouteBenchmark'
  run jpa-route 'JpaRouteBenchmark'
  run jpa-assign 'JpaAssignBenchmark'
  run jpa-delete 'JpaDeleteCustomerBenchmark'
  run mail 'MailDispatchBenchmark'
  run jpa-csv-import 'JpaCsvImportBenchmark'
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
  echo "command=benchmarks/run.sh${1:+ $1}"
} >> "$out/machine.properties"

echo "== Writing benchmarks/README.md"
python3 benchmarks/report.py "$out" benchmarks/README.md
echo "Done: benchmarks/README.md (raw results in $out)"
