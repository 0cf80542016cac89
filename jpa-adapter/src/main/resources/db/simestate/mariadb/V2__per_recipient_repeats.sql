-- SIM Estate schema, version 2, for mariadb (issue 11).
-- Flyway-compatible (db/simestate/mariadb/V2__per_recipient_repeats.sql); also applied by io.simestate.jpa.JpaSchema.
--
-- De-duplication per recipient: a repeat of the same SIM, kind and usage period reaches no recipient
-- twice, while recipients not told yet (a SIM's new customer after a move) still get it. The
-- remembered "told" entries are keyed by tenant, repeat key and recipient key; told_by marks the
-- routing call that wrote an entry, so that of concurrent calls each knows which recipients it let
-- through without relying on a driver's batch update counts.
create table simestate_alert_told (
    tenant_id varchar(64) not null,
    repeat_key varchar(300) not null,
    recipient_key varchar(300) not null,
    last_at datetime(6) not null,
    told_by varchar(36) not null,
    primary key (tenant_id, repeat_key, recipient_key)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

-- Who was told before this version: every alert delivery recorded names its recipient, SIM, kind and
-- period, so the upgrade keeps de-duplicating the alerts already sent (the old table knew only that
-- somebody was told). The repeat key is built as io.simestate.core.alert.RepeatKey.text() builds it.
insert into simestate_alert_told (tenant_id, repeat_key, recipient_key, last_at, told_by)
select tenant_id,
       concat(iccid, '|', alert_kind, '|', case when usage_period is null then '-' else concat('p:', usage_period) end),
       recipient_key, max(raised_at), 'V3'
from simestate_delivery
where kind = 'ALERT' and iccid is not null and alert_kind is not null and raised_at is not null
group by tenant_id, iccid, alert_kind, usage_period, recipient_key;

drop table simestate_alert_repeat;

-- Every reason a contact was skipped, in the order of the routing rules, separated by commas
-- (e.g. ALERTS_OFF,NO_VALID_EMAIL); a row written before this version holds one reason.
alter table simestate_decision_entry modify skip_reason varchar(200);
