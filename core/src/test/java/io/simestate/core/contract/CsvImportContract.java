package io.simestate.core.contract;

import static io.simestate.core.contract.ContractFixtures.newIccids;
import static io.simestate.core.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.NotFoundException;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.UnavailableException;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.persistence.Persistence;
import io.simestate.core.sim.CsvImportReport;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.SimAssignmentStore;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CSV import of assignments on an adapter's {@link Persistence}: quoted fields reach the store as
 * the names they are, and an import is all or nothing — a store that fails part-way leaves no SIM of
 * the file assigned, however many were written before the failure.
 */
public abstract class CsvImportContract {

  private static final Actor ALICE = Actor.of("alice@portal");
  /** More SIMs than the import hands the store in one call (10,000), so that it needs two. */
  private static final int TWO_CHUNKS = 10_001;

  private TenantId tenant;

  /**
   * The persistence under test; may be shared between tests.
   *
   * @return the persistence
   */
  protected abstract Persistence persistence();

  @BeforeEach
  void newTenantForEachTest() {
    tenant = newTenant();
  }

  private static String csv(List<Iccid> sims, String customerCell) {
    StringBuilder out = new StringBuilder("iccid,customer\r\n");
    sims.forEach(s -> out.append(s.digits()).append(',').append(customerCell).append("\r\n"));
    return out.toString();
  }

  @Test
  void quotedCustomerNamesReachTheStoreAsTheNamesTheyAre() {
    SimEstate estate = SimEstate.builder().persistence(persistence()).build();
    Customer inc = estate.customers().create(tenant, ALICE, CustomerDetails.named("Acme, Inc."));
    Customer bob = estate.customers().create(tenant, ALICE, CustomerDetails.named("Bob \"The\" Builder; Sons"));
    List<Iccid> sims = newIccids(2);
    CsvImportReport report = estate.sims().importCsv(tenant, ALICE, new StringReader("iccid;customer\n"
        + sims.get(0).digits() + ";\"Acme, Inc.\"\n" + sims.get(1).digits() + ";\"bob \"\"the\"\" builder; sons\"\n"));
    assertThat(report.rejected()).isEmpty();
    assertThat(estate.sims().customerOf(tenant, sims.get(0).digits())).contains(inc.id());
    assertThat(estate.sims().customerOf(tenant, sims.get(1).digits())).contains(bob.id());
  }

  @Test
  void anImportLargerThanOneStoreCallIsAppliedWhole() {
    SimEstate estate = SimEstate.builder().persistence(persistence()).build();
    Customer acme = estate.customers().create(tenant, ALICE, CustomerDetails.named("Acme"));
    List<Iccid> sims = newIccids(TWO_CHUNKS);
    CsvImportReport report = estate.sims().importCsv(tenant, ALICE, new StringReader(csv(sims, "Acme")));
    assertThat(report.assigned()).isEqualTo(TWO_CHUNKS);
    assertThat(estate.customers().report(tenant, acme.id(), PageRequest.first(1)).simCount()).isEqualTo(TWO_CHUNKS);
  }

  @Test
  void aStoreFailureInTheSecondChunkLeavesNothingOfTheImportApplied() {
    SimEstate setUp = SimEstate.builder().persistence(persistence()).build();
    Customer acme = setUp.customers().create(tenant, ALICE, CustomerDetails.named("Acme"));
    Customer globex = setUp.customers().create(tenant, ALICE, CustomerDetails.named("Globex"));
    List<Iccid> sims = newIccids(TWO_CHUNKS);
    // The first SIM of the file is held by Globex: the first chunk moves it, the rollback must move it back.
    setUp.sims().assign(tenant, ALICE, globex.id(), List.of(sims.get(0).digits()));
    long eventsBefore = setUp.auditTrail().recent(tenant, 100).size();

    AtomicInteger assignCalls = new AtomicInteger();
    SimEstate estate = SimEstate.builder().persistence(failingOnSecondAssign(persistence(), assignCalls)).build();
    assertThatThrownBy(() -> estate.sims().importCsv(tenant, ALICE, new StringReader(csv(sims, "Acme"))))
        .isInstanceOfSatisfying(UnavailableException.class,
            e -> assertThat(e.getMessage()).contains("nothing").contains("import"));

    assertThat(assignCalls).as("the store was called for the first chunk and failed in the second").hasValue(2);
    assertThat(setUp.customers().report(tenant, acme.id(), PageRequest.first(1)).simCount()).isZero();
    assertThat(setUp.sims().customerOf(tenant, sims.get(0).digits())).contains(globex.id());
    assertThat(setUp.sims().customerOf(tenant, sims.get(9_999).digits())).isEmpty();
    assertThat(setUp.sims().customerOf(tenant, sims.get(10_000).digits())).isEmpty();
    assertThat(setUp.auditTrail().recent(tenant, 100)).hasSize((int) eventsBefore)
        .noneMatch(e -> e.type() == AuditEventType.SIMS_ASSIGNED && acme.id().equals(e.customerId()));

    // Nothing half-done stands in the way of importing the same file again.
    CsvImportReport again = setUp.sims().importCsv(tenant, ALICE, new StringReader(csv(sims, "Acme")));
    assertThat(again.assigned() + again.moved()).isEqualTo(TWO_CHUNKS);
    assertThat(again.moved()).isEqualTo(1);
  }

  @Test
  void linesOfAChunkWhoseCustomerWasDeletedDuringTheImportAreReportedAsRejectedWithTheReason() {
    SimEstate setUp = SimEstate.builder().persistence(persistence()).build();
    Customer acme = setUp.customers().create(tenant, ALICE, CustomerDetails.named("Acme"));
    List<Iccid> sims = newIccids(TWO_CHUNKS);

    AtomicInteger assignCalls = new AtomicInteger();
    SimEstate estate = SimEstate.builder().persistence(onSecondAssign(persistence(), assignCalls,
        () -> new NotFoundException("customer " + acme.id() + " not found (deleted meanwhile, simulated)"))).build();
    CsvImportReport report = estate.sims().importCsv(tenant, ALICE, new StringReader(csv(sims, "Acme")));

    assertThat(assignCalls).hasValue(2);
    assertThat(report.assigned()).isEqualTo(TWO_CHUNKS - 1);
    assertThat(report.rejected()).singleElement().satisfies(line -> {
      assertThat(line.lineNumber()).isEqualTo(TWO_CHUNKS + 1);
      assertThat(line.text()).contains(sims.get(TWO_CHUNKS - 1).digits());
      assertThat(line.reason()).isEqualTo("the customer was deleted during the import");
    });
  }

  /** The same persistence, except that the SIM assignment store fails on its second {@code assign}. */
  private static Persistence failingOnSecondAssign(Persistence real, AtomicInteger calls) {
    return onSecondAssign(real, calls, () -> new UnavailableException("the store failed (simulated)", null));
  }

  /** The same persistence, except that the SIM assignment store throws {@code failure} on its second {@code assign}. */
  private static Persistence onSecondAssign(Persistence real, AtomicInteger calls,
      Supplier<? extends RuntimeException> failure) {
    SimAssignmentStore realStore = real.simAssignments();
    SimAssignmentStore failing = (SimAssignmentStore) Proxy.newProxyInstance(SimAssignmentStore.class.getClassLoader(),
        new Class<?>[] {SimAssignmentStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("assign") && calls.incrementAndGet() == 2) {
            throw failure.get();
          }
          return invoke(method, realStore, args);
        });
    return (Persistence) Proxy.newProxyInstance(Persistence.class.getClassLoader(), new Class<?>[] {Persistence.class},
        (proxy, method, args) -> method.getName().equals("simAssignments") ? failing : invoke(method, real, args));
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
