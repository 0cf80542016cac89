package io.simestate.examples;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.inmemory.RecordingNotificationSender;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import io.simestate.jpa.DatabaseVendor;
import io.simestate.jpa.JpaPersistence;
import io.simestate.jpa.JpaSchema;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.ValidationMode;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The JPA adapter in joined mode: SIM Estate takes part in the host's own JPA transaction, so the
 * host's rows and the estate's rows commit together or not at all.
 *
 * <p>The "host" here is a portal that records a provisioning order (its own entity and table) when
 * it signs up a customer and assigns the customer's SIMs. In a Spring or Jakarta EE application the
 * transaction-bound EntityManager comes from the container ({@code @PersistenceContext} or Spring's
 * shared EntityManager); here a thread-local stands in for it.
 */
public final class JoinedModeExample {

  static {
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
  }

  private static final TenantId TENANT = TenantId.of("acme-iot");
  private static final Actor ALICE = Actor.of("alice@portal");

  /** The host's own entity: a provisioning order, in the host's own table. */
  @Entity(name = "PortalProvisioningOrder")
  @Table(name = "portal_provisioning_order")
  static class ProvisioningOrder {
    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "customer_name", nullable = false, length = 100)
    String customerName;

    @Column(name = "sim_count", nullable = false)
    long simCount;

    @Column(name = "placed_at", nullable = false)
    Instant placedAt;

    ProvisioningOrder() {}

    ProvisioningOrder(String customerName, long simCount, Instant placedAt) {
      this.id = UUID.randomUUID().toString();
      this.customerName = customerName;
      this.simCount = simCount;
      this.placedAt = placedAt;
    }
  }

  private final EntityManagerFactory factory;
  private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

  private JoinedModeExample(EntityManagerFactory factory) {
    this.factory = factory;
  }

  /**
   * Runs the example on an in-memory H2 database.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    runOnH2(System.out);
  }

  /** Runs the example on an in-memory H2 database, printing to {@code out}. */
  static void runOnH2(PrintStream out) {
    JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:joined-example;DB_CLOSE_DELAY=-1", "sa", "");
    try {
      // The host migrates its database: SIM Estate's script next to its own.
      JpaSchema.apply(pool, DatabaseVendor.H2);
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("create table portal_provisioning_order (id varchar(36) primary key, "
            + "customer_name varchar(100) not null, sim_count bigint not null, placed_at timestamp(6) with time zone not null)");
      }
      // One persistence unit with the host's entity and the adapter's entities.
      EntityManagerFactory factory = JpaPersistence.persistenceConfiguration("portal")
          .managedClass(ProvisioningOrder.class)
          .validationMode(ValidationMode.NONE)
          .property("hibernate.connection.datasource", pool)
          .property("hibernate.hbm2ddl.auto", "validate")
          .createEntityManagerFactory();
      try {
        new JoinedModeExample(factory).run(out);
      } finally {
        factory.close();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      pool.dispose();
    }
  }

  private void run(PrintStream out) {
    RecordingNotificationSender mailbox = new RecordingNotificationSender(n ->
        out.println("  mail to " + n.recipient().name() + " <" + n.recipient().email().masked() + ">"));
    SimEstate estate = SimEstate.builder()
        .persistence(JpaPersistence.joined(current::get))
        .notificationSender(mailbox)
        .build();
    IccidRange sims = IccidRange.parse("8944500102198304826..8944500102198305823");

    out.println("== 1. Sign up Northwind: customer, contact, 1,000 SIMs and the host's order in one transaction");
    inHostTransactionDo(em -> {
      Customer northwind = estate.customers().create(TENANT, ALICE, CustomerDetails.named("Northwind Logistics"));
      estate.customers().addContact(TENANT, ALICE, northwind.id(),
          ContactDetails.alerted("Ana Fleet", "ana@northwind.example"));
      long assigned = estate.sims().assign(TENANT, ALICE, northwind.id(), sims).changed();
      em.persist(new ProvisioningOrder(northwind.name().value(), assigned, Instant.now()));
    });
    out.println("  committed: " + customers(estate) + " customer(s), " + orders() + " order(s)");

    out.println("== 2. Sign up Globex, but the host's payment check fails: everything rolls back");
    try {
      inHostTransactionDo(em -> {
        estate.customers().create(TENANT, ALICE, CustomerDetails.named("Globex Metering"));
        em.persist(new ProvisioningOrder("Globex Metering", 0, Instant.now()));
        throw new IllegalStateException("payment declined");
      });
    } catch (IllegalStateException e) {
      out.println("  the host's transaction failed (" + e.getMessage() + ") and was rolled back");
    }
    out.println("  now: " + customers(estate) + " customer(s), " + orders() + " order(s); Globex exists: "
        + inHostTransaction(em -> !estate.customers().list(TENANT, "Globex", io.simestate.core.PageRequest.first(1))
            .items().isEmpty()));

    out.println("== 3. An alert routed and dispatched inside host transactions too");
    inHostTransactionDo(em -> estate.alerts().route(TENANT, UsageAlert.of(AlertId.of("w-1"),
        Iccid.parse("8944500102198304842"), AlertKind.WARNING, Instant.now()).withPeriod("2026-11")));
    int sent = inHostTransaction(em -> estate.dispatcher().dispatchDue().sent());
    out.println("  " + sent + " delivery sent");
  }

  private long customers(SimEstate estate) {
    return inHostTransaction(em -> estate.customers().list(TENANT, null, io.simestate.core.PageRequest.first(10)).total());
  }

  private long orders() {
    return inHostTransaction(em -> em.createQuery("select count(o) from PortalProvisioningOrder o", Long.class)
        .getSingleResult());
  }

  private void inHostTransactionDo(Consumer<EntityManager> work) {
    inHostTransaction(em -> {
      work.accept(em);
      return null;
    });
  }

  /** What a container does around a {@code @Transactional} method: bind an EntityManager, begin, commit. */
  private <T> T inHostTransaction(java.util.function.Function<EntityManager, T> work) {
    EntityManager em = factory.createEntityManager();
    current.set(em);
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    } finally {
      current.remove();
      em.close();
    }
  }
}
