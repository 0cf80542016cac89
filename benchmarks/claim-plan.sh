#!/usr/bin/env bash
# Measures the outbox's claim statement and the delivery purge's page look-up at scale on PostgreSQL:
# creates a scratch schema from the adapter's own scripts (V1.. in order), fills simestate_delivery
# with ROWS rows (default 10,000,000) of a realistic status mix, and writes EXPLAIN (ANALYZE,
# BUFFERS) of exactly the statements JpaDeliveryOutbox.claimDue and JpaRetention.purgeDeliveries
# send, to benchmarks/claim-plan.txt (report.py summarises it in the README).
#
#   benchmarks/claim-plan.sh [ROWS]
#
# Needs psql and the server of run.sh (SIMESTATE_BENCH_PG_HOST / _PORT / _USER / _DB, default
# 127.0.0.1 5432 postgres test). The schema is dropped at the end.
#
# Status mix of the filled table (fractions of ROWS): 95% SENT and 3% FAILED, created over the last 90 days,
# 1.5% PENDING due (the backlog a dispatcher claims from, due over the last hour), 0.45% PENDING
# scheduled for a retry in the next hour, 0.05% IN_FLIGHT with a lease ending in the next 5 minutes.
set -euo pipefail

rows="${1:-10000000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scripts="$root/jpa-adapter/src/main/resources/db/simestate/postgresql"
out="$root/benchmarks/claim-plan.txt"
mkdir -p "$(dirname "$out")"
schema="simestate_claimplan_$$"
export PGHOST="${SIMESTATE_BENCH_PG_HOST:-127.0.0.1}" PGPORT="${SIMESTATE_BENCH_PG_PORT:-5432}"
export PGUSER="${SIMESTATE_BENCH_PG_USER:-postgres}" PGDATABASE="${SIMESTATE_BENCH_PG_DB:-test}"
export PGOPTIONS="-c search_path=$schema"
q() { psql -X -v ON_ERROR_STOP=1 -q "$@"; }

q -c "create schema $schema"
trap 'PGOPTIONS= q -c "drop schema if exists '"$schema"' cascade"' EXIT
for f in $(ls "$scripts"/V*__*.sql | sort -V); do
  q -f "$f"
done

started=$(date +%s)
# Indexes and constraints are dropped for the load and rebuilt after it, as a restore would.
q <<SQL
create temp table saved_ddl as
  select 1 as ord, format('alter table simestate_delivery add constraint %I %s', conname, pg_get_constraintdef(oid)) as ddl
  from pg_constraint where conrelid = 'simestate_delivery'::regclass and contype in ('p', 'u')
  union all
  select 2, indexdef from pg_indexes where schemaname = '$schema' and tablename = 'simestate_delivery'
    and indexname not in (select conname from pg_constraint where conrelid = 'simestate_delivery'::regclass);
do \$\$ declare r record; begin
  for r in select indexname from pg_indexes where schemaname = '$schema' and tablename = 'simestate_delivery'
      and indexname not in (select conname from pg_constraint where conrelid = 'simestate_delivery'::regclass) loop
    execute format('drop index %I', r.indexname);
  end loop;
  for r in select conname from pg_constraint where conrelid = 'simestate_delivery'::regclass and contype in ('p', 'u') loop
    execute format('alter table simestate_delivery drop constraint %I', r.conname);
  end loop;
end \$\$;
insert into simestate_delivery (id, tenant_id, kind, alert_id, iccid, alert_kind, raised_at, usage_period,
    usage_used, usage_limit, usage_unit, usage_percent, usage_plan, customer_id, customer_name,
    recipient_contact_id, recipient_name, recipient_email, recipient_key, digest_key, status, attempts,
    created_at, next_attempt_at, sent_at, last_error, claim_token)
select md5(g::text)::uuid::text, 'tenant-' || (g % 20), 'ALERT', 'alert-' || (g / 3),
    '894450' || lpad((g / 3 % 1000000)::text, 12, '0') || '7', case when g % 5 = 0 then 'CUT_OFF' else 'WARNING' end,
    t, 'p' || (g / 3), '900', '1000', 'MB', '90', 'IoT 1 GB', md5((g / 3 % 5000)::text)::uuid::text,
    'Customer ' || (g / 3 % 5000), md5((g % 15000)::text || 'c')::uuid::text, 'Contact ' || (g % 3),
    'contact' || (g % 15000) || '@example.com', 'contact' || (g % 15000) || '@example.com', null, s.status,
    case when s.status = 'FAILED' then 8 else 1 end, t,
    case s.status when 'SENT' then t when 'FAILED' then t + interval '2 hours'
      when 'PENDING' then (case when s.retry then now() + (g % 3600) * interval '1 second' else t end)
      else now() + (g % 300) * interval '1 second' end,
    case when s.status = 'SENT' then t + interval '2 seconds' end,
    case when s.status = 'FAILED' then '550 5.1.1 mailbox unavailable' end,
    case when s.status = 'IN_FLIGHT' then md5(g::text || 'claim')::uuid::text end
from generate_series(1, $rows) g
cross join lateral (select (g::float8 / $rows) as f) p
cross join lateral (select case
    when p.f <= 0.95 then 'SENT' when p.f <= 0.98 then 'FAILED' when p.f <= 0.9995 then 'PENDING' else 'IN_FLIGHT' end
    as status, p.f > 0.995 and p.f <= 0.9995 as retry) s
cross join lateral (select case when p.f <= 0.98 then now() - interval '90 days' * ((g::bigint * 7919) % $rows) / $rows
    else now() - interval '1 hour' * random() end as t) tt;
do \$\$ declare r record; begin
  for r in select ddl from saved_ddl order by ord loop execute r.ddl; end loop;
end \$\$;
select setval(pg_get_serial_sequence('simestate_delivery', 'seq'), (select max(seq) from simestate_delivery)) \\gset
vacuum analyze simestate_delivery;
SQL
loaded=$(( $(date +%s) - started ))

{
  echo "rows=$rows"
  echo "load_seconds=$loaded"
  echo "server=$(q -Atc 'show server_version')"
  echo "shared_buffers=$(q -Atc 'show shared_buffers')"
  echo "loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
  q -Atc "select 'size=' || pg_size_pretty(pg_total_relation_size('simestate_delivery'))"
  q -Atc "select 'size_bytes=' || pg_total_relation_size('simestate_delivery')"
  q -Atc "select 'status_' || status || '=' || count(*) from simestate_delivery group by status order by status"
  # The statements as the adapter sends them (Hibernate native query and JDBC; parameters bound by the
  # driver). A prepared statement shows the plan the server uses for them; the FOR UPDATE locks are
  # rolled back. The third run forces the generic plan that the JDBC driver's server-side prepared
  # statement can switch to after five executions.
  for status in PENDING IN_FLIGHT; do
    for run in 1 2 3; do
      mode=auto; [[ $run == 3 ]] && mode=force_generic_plan
      echo "== claim $status, run $run (plan_cache_mode=$mode): select * from simestate_delivery where status = \$1 and next_attempt_at <= \$2 order by next_attempt_at, seq limit \$3 for update skip locked"
      q -c "begin" -c "set local plan_cache_mode = $mode" -c "prepare claim(varchar, timestamptz, int) as select * from simestate_delivery where status = \$1 and next_attempt_at <= \$2 order by next_attempt_at, seq limit \$3 for update skip locked" \
        -c "explain (analyze, buffers) execute claim('$status', now(), 500)" -c "rollback"
    done
  done
  for status in SENT FAILED; do
    time=$([[ $status == SENT ]] && echo sent_at || echo next_attempt_at)
    echo "== purge page $status: select id from simestate_delivery where status = \$1 and $time < \$2 order by $time limit \$3"
    q -c "prepare page(varchar, timestamptz, int) as select id from simestate_delivery where status = \$1 and $time < \$2 order by $time limit \$3" \
      -c "explain (analyze, buffers) execute page('$status', now() - interval '30 days', 1000)"
  done
} > "$out"
echo "Wrote $out"
