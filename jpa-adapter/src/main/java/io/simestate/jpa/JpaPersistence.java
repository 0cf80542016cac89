package io.simestate.jpa;

import io.simestate.core.InvalidInputException;
import io.simestate.core.Transactions;
import io.simestate.core.alert.AlertDecisionLog;
import io.simestate.core.alert.AlertRepeatGuard;
import io.simestate.core.alert.DeliveryOperations;
import io.simestate.core.alert.DeliveryOutbox;
import io.simestate.core.alert.RecipientDirectory;
import io.simestate.core.alert.RoutingRecorder;
import io.simestate.core.alert.SentRecorder;
import io.simestate.core.alert.TenantSettingsStore;
import io.simestate.core.audit.AuditTrail;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.persistence.RetentionStore;
import io.simestate.core.sim.SimAssignmentStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.persistence.ValidationMode;
import java.util.List;
import java.util.function.Supplier;

/**
 * The JPA adapter: every persistence port of SIM Estate on a relational database, handed to
 * {@code SimEstate.builder().persistence(...)} in one piece.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link #standalone(EntityManagerFactory)}: the adapter owns its transactions. Each use case
 *       (and each store call made outside one) runs in its own transaction on its own EntityManager,
 *       bound to the calling thread; nested {@code inTransaction} calls join it.</li>
 *   <li>{@link #joined(Supplier)}: the host owns the transaction (for example a Spring
 *       {@code @Transactional} method). Every store call uses the host's transaction-bound
 *       EntityManager, so the estate commits or rolls back with the host's own changes. The host must
 *       call SIM Estate inside a transaction, also for dispatching the outbox.</li>
 * </ul>
 *
 * <p>The persistence unit must contain the adapter's entity classes: see {@link #managedClassNames()}
 * and {@link #persistenceConfiguration(String)}. The tables come from the scripts that
 * {@link JpaSchema} applies. The adapter uses the Jakarta Persistence 3.2 API only; it is tested with
 * Hibernate ORM 7.
 */
public final class JpaPersistence implements Persistence {

  private static final List<Class<?>> ENTITIES = List.of(CustomerEntity.class, ContactEntity.class,
      SimAssignmentEntity.class, DeliveryEntity.class, AlertDecisionEntity.class, DecisionEntryEntity.class,
      AlertToldEntity.class, AuditEventEntity.class, AuditSimEntity.class, TenantSettingsEntity.class);

  private final JpaTransactions transactions;
  private final CustomerStore customers;
  private final SimAssignmentStore simAssignments;
  private final RecipientDirectory recipients;
  private final DeliveryOutbox outbox;
  private final DeliveryOperations operations;
  private final RetentionStore retention;
  private final AlertDecisionLog decisions;
  private final AlertRepeatGuard repeatGuard;
  private final TenantSettingsStore tenantSettings;
  private final AuditTrail auditTrail;
  private final RoutingRecorder routingRecorder;
  private final SentRecorder sentRecorder;

  private JpaPersistence(JpaTransactions transactions, DatabaseVendor vendor) {
    this.transactions = transactions;
    VendorDetector vendors = new VendorDetector(vendor);
    this.customers = new JpaCustomerStore(transactions);
    this.simAssignments = new JpaSimAssignmentStore(transactions);
    this.recipients = new JpaRecipientDirectory(transactions);
    this.outbox = new JpaDeliveryOutbox(transactions, vendors);
    this.operations = new JpaDeliveryOperations(transactions);
    this.retention = new JpaRetention(transactions, vendors);
    this.decisions = new JpaAlertDecisionLog(transactions, vendors);
    this.repeatGuard = new JpaAlertRepeatGuard(transactions, vendors);
    this.tenantSettings = new JpaTenantSettingsStore(transactions);
    this.auditTrail = new JpaAuditTrail(transactions, vendors);
    this.routingRecorder = new JpaRoutingRecorder(transactions, vendors,
        RoutingRecorder.composedOf(decisions, repeatGuard, outbox, auditTrail));
    this.sentRecorder = new JpaSentRecorder(transactions, vendors, SentRecorder.composedOf(outbox, auditTrail));
  }

  /**
   * The adapter in standalone mode: it runs every use case in its own resource-local transaction.
   * The database vendor is read from the JDBC metadata on first use.
   *
   * @param factory a factory for a persistence unit that holds {@link #managedClassNames()}, with
   *     resource-local transactions; the host keeps ownership and closes it
   * @return the adapter, never null
   * @throws InvalidInputException naming {@code factory} if it is null
   */
  public static JpaPersistence standalone(EntityManagerFactory factory) {
    return new JpaPersistence(new StandaloneTransactions(InvalidInputException.requirePresent(factory, "factory")),
        null);
  }

  /**
   * The adapter in joined mode: every operation runs in the caller's transaction, with the
   * EntityManager the supplier returns (for example Spring's shared, transaction-bound
   * EntityManager, or a CDI {@code @PersistenceContext}). {@code inTransaction} runs the work in that
   * transaction without committing; the host commits or rolls back.
   *
   * @param entityManagers supplies the EntityManager bound to the current transaction; called on every
   *     operation, on the caller's thread
   * @return the adapter, never null
   * @throws InvalidInputException naming {@code entityManagers} if it is null
   */
  public static JpaPersistence joined(Supplier<EntityManager> entityManagers) {
    return new JpaPersistence(new JoinedTransactions(InvalidInputException.requirePresent(entityManagers,
        "entityManagers")), null);
  }

  /**
   * The adapter in joined mode with the host's transaction runner: every operation runs in the
   * caller's transaction when there is one, and in a transaction the host's runner starts when there
   * is none (for example Spring's {@code TransactionTemplate} with {@code PROPAGATION_REQUIRED}, which
   * the Spring Boot starter uses). A use case called inside a host's transaction commits or rolls
   * back with it; a read or a dispatch round called outside one still gets a transaction, with the
   * EntityManager the supplier returns bound to it.
   *
   * @param entityManagers supplies the EntityManager bound to the current transaction; called on every
   *     operation, on the caller's thread, inside {@code hostTransactions}
   * @param hostTransactions runs work in the caller's transaction, or in a new one when none runs
   * @return the adapter, never null
   * @throws InvalidInputException naming {@code entityManagers} or {@code hostTransactions} if it is null
   */
  public static JpaPersistence joined(Supplier<EntityManager> entityManagers, Transactions hostTransactions) {
    return new JpaPersistence(new JoinedTransactions(InvalidInputException.requirePresent(entityManagers,
        "entityManagers"), InvalidInputException.requirePresent(hostTransactions, "hostTransactions")), null);
  }

  /**
   * The fully qualified names of the adapter's entity classes, for a host's persistence unit (a
   * {@code <class>} element each in {@code persistence.xml}, or
   * {@code LocalContainerEntityManagerFactoryBean.setPackagesToScan("io.simestate.jpa")} in Spring).
   *
   * @return the class names, never null
   */
  public static List<String> managedClassNames() {
    return ENTITIES.stream().map(Class::getName).toList();
  }

  /**
   * A persistence unit configuration that already holds the adapter's entity classes; add the
   * connection properties and call {@link PersistenceConfiguration#createEntityManagerFactory()}.
   * No {@code persistence.xml} is needed. Transactions are resource-local and Bean Validation of
   * entities is off (the domain validates itself).
   *
   * @param unitName the persistence unit's name
   * @return a new configuration, never null
   */
  public static PersistenceConfiguration persistenceConfiguration(String unitName) {
    PersistenceConfiguration configuration = new PersistenceConfiguration(unitName)
        .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
        .validationMode(ValidationMode.NONE);
    ENTITIES.forEach(configuration::managedClass);
    return configuration;
  }

  /**
   * The adapter's customer store.
   *
   * @return never null
   */
  @Override
  public CustomerStore customers() {
    return customers;
  }

  /**
   * The adapter's SIM assignment store.
   *
   * @return never null
   */
  @Override
  public SimAssignmentStore simAssignments() {
    return simAssignments;
  }

  /**
   * The adapter's routing lookup: one SQL statement per SIM.
   *
   * @return never null
   */
  @Override
  public RecipientDirectory recipients() {
    return recipients;
  }

  /**
   * The adapter's outbox, claimed with row locks that skip locked rows.
   *
   * @return never null
   */
  @Override
  public DeliveryOutbox outbox() {
    return outbox;
  }

  @Override
  public DeliveryOperations deliveryOperations() {
    return operations;
  }

  @Override
  public RetentionStore retention() {
    return retention;
  }

  /**
   * The adapter's routing decision log.
   *
   * @return never null
   */
  @Override
  public AlertDecisionLog decisions() {
    return decisions;
  }

  /**
   * The adapter's alert de-duplication store.
   *
   * @return never null
   */
  @Override
  public AlertRepeatGuard repeatGuard() {
    return repeatGuard;
  }

  @Override
  public TenantSettingsStore tenantSettings() {
    return tenantSettings;
  }

  /**
   * The adapter's administrative record.
   *
   * @return never null
   */
  @Override
  public AuditTrail auditTrail() {
    return auditTrail;
  }

  /**
   * The adapter's routing recorder: two statements per routed alert on PostgreSQL, the stores in
   * turn on H2 and MariaDB.
   *
   * @return never null
   */
  @Override
  public RoutingRecorder routingRecorder() {
    return routingRecorder;
  }

  /**
   * The adapter's recorder of sent messages: one statement per message on PostgreSQL (the delivery,
   * its audit event and its SIM row), the stores in turn on H2 and MariaDB.
   *
   * @return never null
   */
  @Override
  public SentRecorder sentRecorder() {
    return sentRecorder;
  }

  /**
   * The adapter's transactions: its own in standalone mode, the host's in joined mode.
   *
   * @return never null
   */
  @Override
  public Transactions transactions() {
    return transactions;
  }
}
