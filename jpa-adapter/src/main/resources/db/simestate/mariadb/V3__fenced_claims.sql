-- SIM Estate schema, version 3, for mariadb (issue 10).
-- Flyway-compatible (db/simestate/mariadb/V3__fenced_claims.sql); also applied by io.simestate.jpa.JpaSchema.
--
-- Fenced claims: every claim of the outbox writes its token on the deliveries it takes, and every later
-- update of a claimed delivery (attempt, lease, result, release) names that token, so a dispatcher whose
-- lease ran out and whose deliveries another dispatcher claimed changes nothing. Null when not claimed.
-- Attempts now count hand-overs to the sender, no longer claims; existing rows keep their counts.
alter table simestate_delivery add column claim_token varchar(36);
