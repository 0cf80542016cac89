-- SIM Estate schema, version 1, for mariadb.
-- Flyway-compatible (db/simestate/mariadb/V1__simestate_schema.sql); also applied by io.simestate.jpa.JpaSchema.
-- Names and texts are stored as given; lengths are in characters and leave room for emoji.
-- Every table uses utf8mb4 with binary collation: name keys, ICCIDs and alert ids compare exactly.
-- Primary keys are unnamed: MariaDB names every primary key PRIMARY and warns (1280) about any other name.
create table simestate_customer (
    id varchar(36) not null,
    tenant_id varchar(64) not null,
    name varchar(400) not null,
    name_key varchar(400) not null,
    street varchar(1000),
    postal_code varchar(100),
    city varchar(400),
    region varchar(400),
    country varchar(400),
    phone varchar(100),
    email varchar(254),
    website varchar(2000),
    reference varchar(400),
    notes varchar(4000),
    version bigint not null,
    created_at datetime(6) not null,
    updated_at datetime(6) not null,
    primary key (id),
    constraint uk_simestate_customer_name unique (tenant_id, name_key)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create table simestate_contact (
    id varchar(36) not null,
    customer_id varchar(36) not null,
    ordinal integer not null,
    name varchar(400) not null,
    email varchar(254),
    phone varchar(100),
    contact_role varchar(400),
    alerts_enabled boolean not null,
    wants_warning boolean not null,
    wants_cut_off boolean not null,
    primary key (id),
    constraint fk_simestate_contact_customer foreign key (customer_id) references simestate_customer (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create index ix_simestate_contact_customer on simestate_contact (customer_id, ordinal);

create table simestate_sim_assignment (
    iccid varchar(22) not null,
    iccid_length integer not null,
    tenant_id varchar(64) not null,
    customer_id varchar(36) not null,
    primary key (iccid),
    constraint fk_simestate_sim_assignment_customer foreign key (customer_id) references simestate_customer (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create index ix_simestate_sim_assignment_customer on simestate_sim_assignment (customer_id, iccid_length, iccid);

create table simestate_delivery (
    id varchar(36) not null,
    seq bigint not null auto_increment,
    tenant_id varchar(64) not null,
    kind varchar(30) not null,
    alert_id varchar(200) not null,
    iccid varchar(22),
    alert_kind varchar(20),
    raised_at datetime(6),
    usage_period varchar(400),
    usage_used varchar(100),
    usage_limit varchar(100),
    usage_unit varchar(100),
    usage_percent varchar(100),
    usage_plan varchar(400),
    customer_id varchar(36),
    customer_name varchar(400),
    recipient_contact_id varchar(36),
    recipient_name varchar(400) not null,
    recipient_email varchar(254) not null,
    recipient_key varchar(300) not null,
    digest_key varchar(400),
    status varchar(20) not null,
    attempts integer not null,
    created_at datetime(6) not null,
    next_attempt_at datetime(6) not null,
    sent_at datetime(6),
    last_error varchar(2000),
    primary key (id),
    constraint uk_simestate_delivery_seq unique (seq),
    constraint uk_simestate_delivery_recipient unique (tenant_id, alert_id, recipient_key)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create index ix_simestate_delivery_due on simestate_delivery (status, next_attempt_at);
create index ix_simestate_delivery_contact on simestate_delivery (tenant_id, recipient_contact_id);
create index ix_simestate_delivery_sim on simestate_delivery (tenant_id, iccid);

create table simestate_alert_decision (
    id varchar(36) not null,
    seq bigint not null auto_increment,
    tenant_id varchar(64) not null,
    alert_id varchar(200) not null,
    iccid varchar(22) not null,
    alert_kind varchar(20) not null,
    raised_at datetime(6) not null,
    usage_period varchar(400),
    usage_used varchar(100),
    usage_limit varchar(100),
    usage_unit varchar(100),
    usage_percent varchar(100),
    usage_plan varchar(400),
    outcome varchar(30) not null,
    customer_id varchar(36),
    customer_name varchar(400),
    decided_at datetime(6) not null,
    primary key (id),
    constraint uk_simestate_alert_decision_seq unique (seq),
    constraint uk_simestate_alert_decision_alert unique (tenant_id, alert_id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create index ix_simestate_alert_decision_sim on simestate_alert_decision (tenant_id, iccid);

create table simestate_decision_entry (
    decision_id varchar(36) not null,
    ordinal integer not null,
    chosen boolean not null,
    contact_id varchar(36),
    name varchar(400),
    email varchar(254),
    skip_reason varchar(30),
    primary key (decision_id, ordinal),
    constraint fk_simestate_decision_entry_decision foreign key (decision_id) references simestate_alert_decision (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create table simestate_alert_repeat (
    tenant_id varchar(64) not null,
    repeat_key varchar(300) not null,
    last_at datetime(6) not null,
    primary key (tenant_id, repeat_key)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create table simestate_audit_event (
    id varchar(36) not null,
    seq bigint not null auto_increment,
    tenant_id varchar(64) not null,
    event_type varchar(40) not null,
    actor varchar(800) not null,
    occurred_at datetime(6) not null,
    customer_id varchar(36),
    summary varchar(4000) not null,
    sim_count bigint not null,
    range_first varchar(22),
    range_last varchar(22),
    range_length integer,
    primary key (id),
    constraint uk_simestate_audit_event_seq unique (seq)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create index ix_simestate_audit_event_customer on simestate_audit_event (tenant_id, customer_id);
create index ix_simestate_audit_event_tenant on simestate_audit_event (tenant_id, seq);
create index ix_simestate_audit_event_range on simestate_audit_event (tenant_id, range_length, range_first);

create table simestate_audit_sim (
    event_id varchar(36) not null,
    ordinal integer not null,
    iccid varchar(22) not null,
    primary key (event_id, ordinal),
    constraint fk_simestate_audit_sim_event foreign key (event_id) references simestate_audit_event (id)
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

create index ix_simestate_audit_sim_iccid on simestate_audit_sim (iccid);
