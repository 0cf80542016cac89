package io.simestate.jpa;

import static io.simestate.jpa.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.Actor;
import io.simestate.core.TenantId;
import io.simestate.core.Transactions;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.inmemory.RecordingNotificationSender;
import io.simestate.core.sim.Iccid;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Joined mode: a host's transaction edits its own table and the estate; both commit or roll back
 * together.
 */
class JoinedModeTest {

  abstract static class Scenarios {

    final TestDatabase db = Db.Of.database(this);
    final TenantId tenant = tenant();
    final Actor actor = Actor.of("host-user");
    final String noteId = UUID.randomUUID().toString();

    @BeforeEach
    void hostTableExists() throws SQLException {
      try (Connection c = db.connection(); Statement s = c.createStatement()) {
        s.execute("create table if not exists host_note (id varchar(36) primary key, body varchar(100))");
      }
    }

    /** One host transaction: a host row, a customer with a SIM, then commit or roll back. */
    Customer inOneHostTransaction(Iccid sim, boolean commit) {
      EntityManager em = db.factory.createEntityManager();
      try {
        em.getTransaction().begin();
        em.createNativeQuery("insert into host_note (id, body) values (?1, ?2)")
            .setParameter(1, noteId).setParameter(2, "portal's own change").executeUpdate();
        SimEstate estate = SimEstate.builder().persistence(JpaPersistence.joined(() -> em))
            .notificationSender(new RecordingNotificationSender()).build();
        Customer customer = estate.customers().create(tenant, actor, CustomerDetails.named("Joined Ltd"));
        estate.sims().assign(tenant, actor, customer.id(), List.of(sim.digits()));
        if (commit) {
          em.getTransaction().commit();
        } else {
          em.getTransaction().rollback();
        }
        return customer;
      } finally {
        em.close();
      }
    }

    long hostRows() throws SQLException {
      try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
          "select count(*) from host_note where id = ?")) {
        ps.setString(1, noteId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }

    @Test
    void aRolledBackHostTransactionLeavesNeitherTheHostRowNorTheEstateChange() throws Exception {
      Iccid sim = Fixtures.iccid();

      Customer customer = inOneHostTransaction(sim, false);

      assertThat(hostRows()).isZero();
      assertThat(db.persistence.customers().find(tenant, customer.id())).isEmpty();
      assertThat(db.persistence.simAssignments().customerOf(tenant, sim)).isEmpty();
      assertThat(db.persistence.auditTrail().recent(tenant, 10)).isEmpty();
    }

    @Test
    void aCommittedHostTransactionKeepsBoth() throws Exception {
      Iccid sim = Fixtures.iccid();

      Customer customer = inOneHostTransaction(sim, true);

      assertThat(hostRows()).isEqualTo(1);
      assertThat(db.persistence.customers().find(tenant, customer.id())).isPresent();
      assertThat(db.persistence.simAssignments().customerOf(tenant, sim)).contains(customer.id());
      assertThat(db.persistence.auditTrail().recent(tenant, 10)).isNotEmpty();
    }

    @Test
    void withTheHostsRunnerAUseCaseCalledOutsideATransactionRunsInOneTheHostStarts() throws Exception {
      Iccid sim = Fixtures.iccid();
      EntityManager[] current = new EntityManager[1];
      int[] started = new int[1];
      // The host's runner: joins the current transaction, or starts (and commits) one.
      Transactions host = new Transactions() {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
          if (current[0] != null) {
            return work.get();
          }
          started[0]++;
          current[0] = db.factory.createEntityManager();
          try {
            current[0].getTransaction().begin();
            T result = work.get();
            current[0].getTransaction().commit();
            return result;
          } finally {
            if (current[0].getTransaction().isActive()) {
              current[0].getTransaction().rollback();
            }
            current[0].close();
            current[0] = null;
          }
        }
      };
      SimEstate estate = SimEstate.builder().persistence(JpaPersistence.joined(() -> current[0], host))
          .notificationSender(new RecordingNotificationSender()).build();

      Customer customer = estate.customers().create(tenant, actor, CustomerDetails.named("Runner Ltd"));
      estate.sims().assign(tenant, actor, customer.id(), List.of(sim.digits()));

      assertThat(estate.customers().find(tenant, customer.id())).isPresent();
      assertThat(started[0]).isEqualTo(3);
      assertThat(db.persistence.simAssignments().customerOf(tenant, sim)).contains(customer.id());
    }
  }

  @Nested
  @Db(DatabaseVendor.H2)
  class OnH2 extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.POSTGRESQL)
  class OnPostgreSql extends Scenarios {}

  @Nested
  @Db(DatabaseVendor.MARIADB)
  class OnMariaDb extends Scenarios {}
}
