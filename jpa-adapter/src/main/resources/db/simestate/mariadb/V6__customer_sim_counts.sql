-- SIM Estate schema, version 6, for mariadb (issue 14).
-- Flyway-compatible (db/simestate/mariadb/V6__customer_sim_counts.sql); also applied by io.simestate.jpa.JpaSchema.
--
-- How many SIMs each customer holds, kept by the JPA adapter in the transaction of every assignment
-- and release, so that the deletion preview and the customer report need not count the customer's
-- rows of simestate_sim_assignment (a customer with 100,000 SIMs: a count of 100,000 index entries or
-- a sequential scan, most of the preview's time). A customer without a row holds none. The row goes
-- with its customer. A host that writes simestate_sim_assignment itself calls
-- JpaSchema.recountSims afterwards; this script counts the rows present when it runs.
create table simestate_customer_sims (
    customer_id varchar(36) not null,
    tenant_id varchar(64) not null,
    sim_count bigint not null,
    primary key (customer_id),
    constraint fk_simestate_customer_sims_customer foreign key (customer_id) references simestate_customer (id)
        on delete cascade
) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;

insert into simestate_customer_sims (customer_id, tenant_id, sim_count)
select a.customer_id, a.tenant_id, count(*)
from simestate_sim_assignment a
join simestate_customer c on c.id = a.customer_id and c.tenant_id = a.tenant_id
group by a.customer_id, a.tenant_id;
