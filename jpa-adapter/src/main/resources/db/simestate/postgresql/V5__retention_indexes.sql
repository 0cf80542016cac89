-- SIM Estate schema, version 5, for postgresql (issue 14).
-- Flyway-compatible (db/simestate/postgresql/V5__retention_indexes.sql); also applied by io.simestate.jpa.JpaSchema.
--
-- Indexes for retention's page look-ups (JpaRetention: the oldest rows older than a time, in pages),
-- which read whole tables without them. Measured on PostgreSQL with 10 million deliveries
-- (benchmarks/claim-plan.sh): one page of 1,000 sent deliveries took a parallel sequential scan of
-- the table and 7.7 s before this version. Sent deliveries are purged by sent_at; failed and
-- discarded ones by next_attempt_at, which ix_simestate_delivery_due already covers.
-- "if not exists": a host with large tables may create them beforehand without blocking writes
-- (on PostgreSQL: create index concurrently, same names), and this script then leaves them.
create index if not exists ix_simestate_delivery_sent on simestate_delivery (status, sent_at);
create index if not exists ix_simestate_alert_decision_decided on simestate_alert_decision (decided_at);
create index if not exists ix_simestate_audit_event_occurred on simestate_audit_event (occurred_at);
create index if not exists ix_simestate_alert_told_last on simestate_alert_told (last_at);
