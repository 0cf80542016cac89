#!/usr/bin/env bash
# Writes RELIABILITY.md at the repository root from the RELIABILITY lines the scenarios recorded in
# reliability/target/reliability-results.txt (the last line per scenario wins).
# Usage: mvn -B -pl reliability -am verify -Preliability; reliability/report.sh ['what run this was']
# The optional argument (e.g. the commit, the machine's load) is printed below the first paragraph.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
results="$here/target/reliability-results.txt"
[ -f "$results" ] || { echo "no $results: run the reliability profile first" >&2; exit 1; }
out="$root/RELIABILITY.md"
cmd='mvn -B -pl reliability -am verify -Preliability'
{
  echo "# Reliability figures"
  echo
  echo "Measured by the \`reliability\` module (issue 6) on $(date -u +%Y-%m-%d), PostgreSQL and MariaDB on 127.0.0.1,"
  echo "GreenMail as the SMTP server in the test JVM. Reproduce all: \`$cmd\`; one scenario:"
  echo "\`mvn -B -pl reliability -am verify -Preliability -Dtest=<Class> -Dsurefire.failIfNoSpecifiedTests=false\`."
  echo
  if [ -n "${1:-}" ]; then
    echo "$1"
    echo
  fi
  echo "| Scenario | What was done | Expected | Received | Lost | Doubled | Invariant violations | Duration (s) | Reproduce |"
  echo "|---|---|---|---|---|---|---|---|---|"
  awk '{ key=""; for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "scenario") key = kv[2] } last[key] = $0; split(key, p, "-"); order[key] = p[1] * 1000000 + NR }
       END { for (k in last) print order[k] "\t" last[k] }' "$results" | sort -n | cut -f2- | while read -r line; do
    declare -A f=()
    details=""
    for pair in ${line#RELIABILITY }; do
      k="${pair%%=*}"; v="${pair#*=}"; f[$k]="$v"
      case "$k" in
        scenario|expected|received|lost|doubled|violations|duration_s|unexpected) ;;
        *) details="$details$k=$v, " ;;
      esac
    done
    s="${f[scenario]}"
    case "$s" in
      1-*) class=S1SmtpOutageTest ;; 2-*) class=S2SmtpStallTest ;; 3-*) class=S3ProcessKillTest ;;
      4-*) class=S4SeveralDispatchersTest ;; 5-*) class=S5ConnectionCutTest ;; 6-*) class=S6ConcurrentPortalUsersTest ;;
      7-*) class=S7HostileInputTest ;; 8-*) class=S8TenantIsolationTest ;; 9-*) class=S9SlowSmtpTest ;;
      10-*) class=S10HungSenderTest ;; 11-*) class=S11ThrowingSenderTest ;; 12-*) class=S12TenantSettingsFailTest ;;
      13-*) class=S13PublisherFailsTest ;; 14-*) class=S14GracefulStopTest ;; 15-*) class=S15PurgeWhileDispatchingTest ;;
      *) class='*' ;;
    esac
    echo "| $s | ${details%, } | ${f[expected]:-} | ${f[received]:-} | ${f[lost]:-} | ${f[doubled]:-} | ${f[violations]:-} | ${f[duration_s]:-} | \`-Dtest=$class\` |"
    unset f
  done
} > "$out.tmp"
if [ -f "$here/RELIABILITY-notes.md" ]; then
  { echo; cat "$here/RELIABILITY-notes.md"; } >> "$out.tmp"
fi
mv "$out.tmp" "$out"
echo "wrote $out"
