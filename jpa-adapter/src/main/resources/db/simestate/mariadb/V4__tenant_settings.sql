-- SIM Estate schema, version 4, for mariadb (issue 12, F17).
-- Flyway-compatible (db/simestate/mariadb/V4__tenant_settings.sql); also applied by io.simestate.jpa.JpaSchema.
--
-- Tenants' settings as data: one row per tenant that has settings stored through SimEstate.tenants().
-- A null column means "the library-wide value" (default sender, builder's repeat window, templates'
-- time zone). catch_all holds one line per recipient: the address, a tab, the name (neither can hold a
-- tab or a line break); at most 20 recipients of at most 254 + 200 characters.
create table simestate_tenant_settings (
    tenant_id varchar(64) not null,
    sender_address varchar(254),
    sender_name varchar(200),
    sender_reply_to varchar(254),
    reply_to varchar(254),
    catch_all varchar(9200),
    digest_window_seconds bigint not null,
    repeat_window_seconds bigint,
    time_zone varchar(64),
    portal_url varchar(2000),
    display_name varchar(200),
    subscription_notices boolean not null,
    primary key (tenant_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
