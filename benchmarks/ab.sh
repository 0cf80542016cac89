#!/usr/bin/env bash
# Compares two builds of the benchmarks jar on one benchmark, for a change of our own code:
#
#   benchmarks/ab.sh OLD.jar NEW.jar ROUNDS BENCHMARK-REGEX [JMH-OPTIONS...]
#
# e.g. benchmarks/ab.sh /tmp/old.jar benchmarks/target/benchmarks.jar 4 '\.JpaMailDispatchBenchmark\.ours$' \
#        -p deliveries=2000 -p dispatchers=1 -wi 1 -i 3
#
# Build OLD.jar from the commit before the change (git worktree add, mvn -pl benchmarks -am package)
# and copy it out of the tree. The two jars run in separate one-fork JMH runs, interleaved: ROUNDS
# rounds, the order reversed every other round (old new, new old, ...), so that a change of the
# machine's load hits both alike. Prints each round's scores, the median of each side, the ratio of
# the medians (new/old for throughput, old/new for time: above 1 means the new build is faster) and
# the spread of the per-round ratios. JSON results stay in $AB_OUT (default /tmp/ab.<pid>).
set -euo pipefail

if (( $# < 4 )); then
  sed -n '2,13p' "$0" >&2
  exit 2
fi
old="$1" new="$2" rounds="$3" pattern="$4"
shift 4
out="${AB_OUT:-/tmp/ab.$$}"
mkdir -p "$out"
echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)" > "$out/load"

for ((r = 1; r <= rounds; r++)); do
  order=(old new)
  (( r % 2 == 0 )) && order=(new old)
  for side in "${order[@]}"; do
    jar="$old"
    [[ "$side" == new ]] && jar="$new"
    echo "== round $r: $side ($jar)"
    java -jar "$jar" "$pattern" -f 1 -rf json -rff "$out/$side.r$r.json" "$@" > "$out/$side.r$r.log" 2>&1 \
      || { echo "== $side round $r failed; see $out/$side.r$r.log" >&2; exit 1; }
  done
done
echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load"

python3 - "$out" "$rounds" <<'EOF'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def score(side, r):
    results = json.load(open(f"{out}/{side}.r{r}.json"))
    if len(results) != 1:
        sys.exit(f"{side} round {r}: {len(results)} benchmarks matched; the pattern must match exactly one")
    m = results[0]["primaryMetric"]
    return m["score"], m["scoreUnit"], results[0]["mode"]
rows = [(score("old", r), score("new", r)) for r in range(1, rounds + 1)]
unit, mode = rows[0][0][1], rows[0][0][2]
faster = (lambda o, n: n / o) if mode == "thrpt" else (lambda o, n: o / n)
ratios = []
for r, ((o, _, _), (n, _, _)) in enumerate(rows, 1):
    ratios.append(faster(o, n))
    print(f"round {r}: old {o:.4g} {unit}, new {n:.4g} {unit}, new faster by {ratios[-1]:.2f}x")
mo = statistics.median(o for (o, _, _), _ in rows)
mn = statistics.median(n for _, (n, _, _) in rows)
print(f"median: old {mo:.4g} {unit}, new {mn:.4g} {unit}")
print(f"new/old speed: {faster(mo, mn):.2f}x (rounds {min(ratios):.2f}-{max(ratios):.2f}), mode {mode}")
print(open(f"{out}/load").read().strip().replace("\n", "; "))
EOF
