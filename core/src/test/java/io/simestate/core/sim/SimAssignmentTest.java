package io.simestate.core.sim;

import static io.simestate.core.Scenarios.ACME;
import static io.simestate.core.Scenarios.ALICE;
import static io.simestate.core.Scenarios.BOB;
import static io.simestate.core.Scenarios.GLOBEX;
import static io.simestate.core.Scenarios.customer;
import static io.simestate.core.Scenarios.holder;
import static io.simestate.core.Scenarios.iccid;
import static io.simestate.core.Scenarios.iccids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.PageRequest;
import io.simestate.core.Scenarios;
import io.simestate.core.Violation;
import io.simestate.core.audit.AuditEvent;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.estate.Sims;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** F8: assign and unassign SIMs one by one, as a list or as a range. */
class SimAssignmentTest {

  private final SimEstate estate = Scenarios.estate();
  private final Sims sims = estate.sims();
  private final Customer northwind = customer(estate, ACME, "Northwind");
  private final Customer contoso = customer(estate, ACME, "Contoso");

  private long countOf(Customer c) {
    return estate.customers().report(ACME, c.id(), PageRequest.first(1)).simCount();
  }

  @Test
  void anIccidIsParsedUnderTheEstatesPolicyAndTextThatIsNoneIsRefusedNamingTheField() {
    String typed = " " + iccid(0) + " ";

    assertThat(estate.sims().parse(typed)).isEqualTo(Iccid.parse(iccid(0)));
    assertThatThrownBy(() -> estate.sims().parse("89445001021983048x6"))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("iccid"));
  }

  @Test
  void assigningAListGivesEverySimTheCustomer() {
    AssignmentChanges changes = sims.assign(ACME, ALICE, northwind.id(), iccids(0, 3));
    assertThat(changes.changed()).isEqualTo(3);
    assertThat(changes.unchanged()).isZero();
    assertThat(changes.movedFrom()).isEmpty();
    iccids(0, 3).forEach(i -> assertThat(holder(estate, ACME, i)).isEqualTo(northwind.id()));
    assertThat(countOf(northwind)).isEqualTo(3);
  }

  @Test
  void assigningOneSimIsAListOfOne() {
    sims.assign(ACME, ALICE, northwind.id(), List.of("8944 5001 0219 8304 826"));
    assertThat(holder(estate, ACME, "8944500102198304826")).isEqualTo(northwind.id());
  }

  @Test
  void iccidsAreMatchedInCanonicalForm() {
    sims.assign(ACME, ALICE, northwind.id(), List.of("8944-5001-0219-8304-826FF"));
    assertThat(sims.customerOf(ACME, "8944500102198304826")).contains(northwind.id());
    assertThat(sims.customerOf(ACME, " 8944 5001 0219 8304 826 ")).contains(northwind.id());
  }

  @Test
  void duplicatesInAListCountOnce() {
    AssignmentChanges changes = sims.assign(ACME, ALICE, northwind.id(),
        List.of(iccid(0), iccid(0), "8944 5001 0200 0000 00" + iccid(0).charAt(18)));
    assertThat(changes.changed() + changes.unchanged()).isEqualTo(1);
    assertThat(countOf(northwind)).isEqualTo(1);
  }

  @Test
  void assigningASimAlreadyHeldByTheCustomerChangesNothing() {
    sims.assign(ACME, ALICE, northwind.id(), iccids(0, 2));
    AssignmentChanges again = sims.assign(ACME, ALICE, northwind.id(), iccids(0, 3));
    assertThat(again.changed()).isEqualTo(1);
    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(again.movedFrom()).isEmpty();
  }

  @Test
  void assigningElsewhereMovesTheSimAndSaysFromWhere() {
    sims.assign(ACME, ALICE, northwind.id(), iccids(0, 3));
    AssignmentChanges changes = sims.assign(ACME, BOB, contoso.id(), List.of(iccid(0), iccid(1), iccid(10)));
    assertThat(changes.movedFrom()).isEqualTo(Map.of(northwind.id(), 2L));
    assertThat(changes.moved()).isEqualTo(2);
    assertThat(holder(estate, ACME, iccid(0))).isEqualTo(contoso.id());
    assertThat(holder(estate, ACME, iccid(2))).isEqualTo(northwind.id());
    assertThat(countOf(northwind)).isEqualTo(1);
    assertThat(countOf(contoso)).isEqualTo(3);
  }

  @Test
  void movesFromSeveralCustomersAreReportedPerCustomer() {
    Customer fabrikam = customer(estate, ACME, "Fabrikam");
    sims.assign(ACME, ALICE, northwind.id(), iccids(0, 2));
    sims.assign(ACME, ALICE, contoso.id(), iccids(2, 3));
    AssignmentChanges changes = sims.assign(ACME, ALICE, fabrikam.id(), iccids(0, 5));
    assertThat(changes.movedFrom()).isEqualTo(Map.of(northwind.id(), 2L, contoso.id(), 3L));
  }

  @Test
  void everyBadIccidIsReportedByPositionAndNothingIsAssigned() {
    List<String> list = List.of(iccid(0), "12345", iccid(1), "89abc", "");
    assertThatThrownBy(() -> sims.assign(ACME, ALICE, northwind.id(), list))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::field)
                .containsExactly("iccids[1]", "iccids[3]", "iccids[4]"));
    assertThat(holder(estate, ACME, iccid(0))).isNull();
    assertThat(countOf(northwind)).isZero();
  }

  @Test
  void aNullEntryIsReportedNotThrownAsANullPointer() {
    List<String> list = new ArrayList<>();
    list.add(iccid(0));
    list.add(null);
    assertRefusedNaming("iccids[1]", () -> sims.assign(ACME, ALICE, northwind.id(), list));
  }

  @Test
  void anEmptyListIsRefused() {
    assertThatThrownBy(() -> sims.assign(ACME, ALICE, northwind.id(), List.of()))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void assigningToAnUnknownCustomerIsNotFoundAndAssignsNothing() {
    assertThatThrownBy(() -> sims.assign(ACME, ALICE, CustomerId.random(), iccids(0, 2)))
        .isInstanceOf(NotFoundException.class);
    assertThat(holder(estate, ACME, iccid(0))).isNull();
  }

  @Test
  void unassigningRemovesTheCustomerAndSaysFromWhom() {
    sims.assign(ACME, ALICE, northwind.id(), iccids(0, 3));
    sims.assign(ACME, ALICE, contoso.id(), iccids(3, 1));
    AssignmentChanges changes = sims.unassign(ACME, BOB, List.of(iccid(0), iccid(1), iccid(3), iccid(99)));
    assertThat(changes.movedFrom()).isEqualTo(Map.of(northwind.id(), 2L, contoso.id(), 1L));
    assertThat(changes.changed()).isEqualTo(3);
    assertThat(changes.unchanged()).isEqualTo(1);
    assertThat(holder(estate, ACME, iccid(0))).isNull();
    assertThat(holder(estate, ACME, iccid(2))).isEqualTo(northwind.id());
  }

  @Test
  void unassigningAnUnassignedSimChangesNothing() {
    AssignmentChanges changes = sims.unassign(ACME, ALICE, List.of(iccid(5)));
    assertThat(changes.changed()).isZero();
    assertThat(changes.unchanged()).isEqualTo(1);
  }

  @Test
  void assigningARangeAssignsEveryMember() {
    IccidRange range = IccidRange.parse(iccid(10) + ".." + iccid(29));
    AssignmentChanges changes = sims.assign(ACME, ALICE, northwind.id(), range);
    assertThat(changes.changed()).isEqualTo(20);
    assertThat(countOf(northwind)).isEqualTo(20);
    assertThat(holder(estate, ACME, iccid(9))).isNull();
    assertThat(holder(estate, ACME, iccid(10))).isEqualTo(northwind.id());
    assertThat(holder(estate, ACME, iccid(29))).isEqualTo(northwind.id());
    assertThat(holder(estate, ACME, iccid(30))).isNull();
  }

  @Test
  void aRangeMovesSimsFromOtherCustomersToo() {
    sims.assign(ACME, ALICE, northwind.id(), iccids(0, 5));
    AssignmentChanges changes = sims.assign(ACME, ALICE, contoso.id(), IccidRange.parse(iccid(3) + ".." + iccid(7)));
    assertThat(changes.movedFrom()).isEqualTo(Map.of(northwind.id(), 2L));
    assertThat(countOf(northwind)).isEqualTo(3);
    assertThat(countOf(contoso)).isEqualTo(5);
  }

  @Test
  void unassigningARangeReleasesItsMembers() {
    sims.assign(ACME, ALICE, northwind.id(), iccids(0, 10));
    AssignmentChanges changes = sims.unassign(ACME, ALICE, IccidRange.parse(iccid(2) + ".." + iccid(4)));
    assertThat(changes.changed()).isEqualTo(3);
    assertThat(countOf(northwind)).isEqualTo(7);
    assertThat(holder(estate, ACME, iccid(3))).isNull();
  }

  @Test
  void aSimOfAnotherTenantIsNeverTakenOverAndNothingChanges() {
    Customer globexCustomer = customer(estate, GLOBEX, "Globex customer");
    sims.assign(GLOBEX, BOB, globexCustomer.id(), List.of(iccid(1)));
    assertThatThrownBy(() -> sims.assign(ACME, ALICE, northwind.id(), iccids(0, 3)))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.SIM_HELD_ELSEWHERE));
    assertThat(holder(estate, GLOBEX, iccid(1))).isEqualTo(globexCustomer.id());
    assertThat(holder(estate, ACME, iccid(0))).isNull();
    assertThat(holder(estate, ACME, iccid(2))).isNull();
    assertThat(countOf(northwind)).isZero();
  }

  @Test
  void aRangeOverlappingAnotherTenantsSimIsRefusedWhole() {
    Customer globexCustomer = customer(estate, GLOBEX, "Globex customer");
    sims.assign(GLOBEX, BOB, globexCustomer.id(), List.of(iccid(15)));
    assertThatThrownBy(() -> sims.assign(ACME, ALICE, northwind.id(), IccidRange.parse(iccid(10) + ".." + iccid(19))))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.SIM_HELD_ELSEWHERE));
    assertThat(countOf(northwind)).isZero();
    assertThat(holder(estate, GLOBEX, iccid(15))).isEqualTo(globexCustomer.id());
  }

  @Test
  void unassigningAnotherTenantsSimLeavesItAlone() {
    Customer globexCustomer = customer(estate, GLOBEX, "Globex customer");
    sims.assign(GLOBEX, BOB, globexCustomer.id(), List.of(iccid(1)));
    AssignmentChanges changes = sims.unassign(ACME, ALICE, List.of(iccid(1)));
    assertThat(changes.changed()).isZero();
    assertThat(holder(estate, GLOBEX, iccid(1))).isEqualTo(globexCustomer.id());
  }

  @Test
  void aSimIsFreeForAnotherTenantOnceReleased() {
    Customer globexCustomer = customer(estate, GLOBEX, "Globex customer");
    sims.assign(GLOBEX, BOB, globexCustomer.id(), List.of(iccid(1)));
    sims.unassign(GLOBEX, BOB, List.of(iccid(1)));
    sims.assign(ACME, ALICE, northwind.id(), List.of(iccid(1)));
    assertThat(holder(estate, ACME, iccid(1))).isEqualTo(northwind.id());
    assertThat(holder(estate, GLOBEX, iccid(1))).isNull();
  }

  @Test
  void aSimWithoutACustomerAnswersEmpty() {
    assertThat(sims.customerOf(ACME, iccid(7))).isEmpty();
  }

  @Test
  void customerOfRefusesAnInvalidIccidWithItsField() {
    assertRefusedNaming("iccid", () -> sims.customerOf(ACME, "not an iccid"));
  }

  @Test
  void assignmentsAreRecordedWithTheActorAndTheSims() {
    sims.assign(ACME, ALICE, northwind.id(), iccids(0, 2));
    sims.assign(ACME, BOB, contoso.id(), List.of(iccid(0)));
    List<AuditEvent> forSim = estate.auditTrail().forSim(ACME, Scenarios.sim(0), 10);
    assertThat(forSim).extracting(AuditEvent::type).contains(AuditEventType.SIMS_ASSIGNED);
    assertThat(forSim.get(0).actor()).isEqualTo(BOB);
    assertThat(forSim.get(0).customerId()).isEqualTo(contoso.id());
    assertThat(estate.auditTrail().forCustomer(ACME, northwind.id(), 1)).singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(AuditEventType.SIMS_UNASSIGNED));
  }

  @Test
  void theAuditSummaryCountsTheSimsThatChangedNotTheSimsRequested() {
    sims.assign(ACME, ALICE, northwind.id(), iccids(0, 2));
    sims.assign(ACME, ALICE, contoso.id(), List.of(iccid(2)));
    sims.assign(ACME, BOB, northwind.id(), iccids(0, 3));
    assertThat(estate.auditTrail().forCustomer(ACME, northwind.id(), 1)).singleElement()
        .extracting(AuditEvent::summary)
        .isEqualTo("Assigned 1 SIM to Northwind; 1 moved from 1 other customer; 2 already held");
    assertThat(estate.auditTrail().forCustomer(ACME, contoso.id(), 1)).singleElement()
        .extracting(AuditEvent::summary).isEqualTo("1 SIM moved to Northwind");
  }

  @Test
  void theStrictPolicyRefusesIccidsWithoutAValidCheckDigit() {
    SimEstate strict = SimEstate.builder().clock(Scenarios.CLOCK).iccidPolicy(IccidPolicy.STRICT).build();
    Customer c = customer(strict, ACME, "Northwind");
    String wrongCheck = wrongCheckDigit(iccid(0));
    assertRefusedNaming("iccids[1]", () -> strict.sims().assign(ACME, ALICE, c.id(), List.of(iccid(1), wrongCheck)));
    assertThat(holder(strict, ACME, iccid(1))).isNull();
    strict.sims().assign(ACME, ALICE, c.id(), List.of(iccid(1)));
    assertThat(holder(strict, ACME, iccid(1))).isEqualTo(c.id());
    // the same list is fine under the default lenient policy
    sims.assign(ACME, ALICE, northwind.id(), List.of(wrongCheck));
    assertThat(holder(estate, ACME, wrongCheck)).isEqualTo(northwind.id());
  }

  @Test
  void theStrictPolicyRefusesEighteenDigitIccids() {
    SimEstate strict = SimEstate.builder().iccidPolicy(IccidPolicy.STRICT).build();
    Customer c = customer(strict, ACME, "Northwind");
    String eighteen = Iccid.withCheckDigit("89445001020000001").digits();
    assertThatThrownBy(() -> strict.sims().assign(ACME, ALICE, c.id(), List.of(eighteen)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> strict.sims().customerOf(ACME, eighteen)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void theStrictPolicyRefusesACountedRange() {
    SimEstate strict = SimEstate.builder().iccidPolicy(IccidPolicy.STRICT).build();
    Customer c = customer(strict, ACME, "Northwind");
    IccidRange counted = IccidRange.parse("8944500102198304820..8944500102198304829");
    assertThatThrownBy(() -> strict.sims().assign(ACME, ALICE, c.id(), counted)).isInstanceOf(InvalidInputException.class);
    assertThat(holder(strict, ACME, "8944500102198304826")).isNull();
    strict.sims().assign(ACME, ALICE, c.id(), IccidRange.parse(iccid(0) + ".." + iccid(9)));
    assertThat(strict.customers().report(ACME, c.id(), PageRequest.first(1)).simCount()).isEqualTo(10);
  }

  @Test
  void aHostInventoryCatchesUnknownSims() {
    SimEstate checked = SimEstate.builder().simInventory((tenant, sim) -> !sim.digits().equals(iccid(1))).build();
    Customer c = customer(checked, ACME, "Northwind");
    assertRefusedNaming("iccids[1]", () -> checked.sims().assign(ACME, ALICE, c.id(), iccids(0, 3)));
    assertThat(holder(checked, ACME, iccid(0))).isNull();
  }

  @Test
  void unassigningRecordsOnEachCustomerHowManySimsItLostAndWhoReleasedThem() {
    sims.assign(ACME, ALICE, northwind.id(), iccids(0, 3));
    sims.assign(ACME, ALICE, contoso.id(), iccids(3, 1));

    sims.unassign(ACME, BOB, List.of(iccid(0), iccid(1), iccid(3)));

    assertThat(estate.auditTrail().forCustomer(ACME, northwind.id(), 1)).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.SIMS_UNASSIGNED);
      assertThat(e.actor()).isEqualTo(BOB);
      assertThat(e.summary()).isEqualTo("Unassigned 2 SIMs");
    });
    assertThat(estate.auditTrail().forCustomer(ACME, contoso.id(), 1)).singleElement()
        .satisfies(e -> assertThat(e.summary()).isEqualTo("Unassigned 1 SIM"));
  }

  @Test
  void underTheStrictPolicyARangeEndWithoutAValidCheckDigitIsNamedWhenAssigning() {
    SimEstate strict = SimEstate.builder().clock(Scenarios.CLOCK).iccidPolicy(IccidPolicy.STRICT).build();
    Customer c = customer(strict, ACME, "Northwind");

    assertRefusedNaming("range.first", () -> strict.sims().assign(ACME, ALICE, c.id(), badFirstEnd()));
    assertRefusedNaming("range.last", () -> strict.sims().assign(ACME, ALICE, c.id(), badLastEnd()));
    assertThat(holder(strict, ACME, iccid(1))).isNull();
  }

  @Test
  void underTheStrictPolicyUnassigningARangeWithABadEndIsRefusedNamingItAndReleasesNothing() {
    SimEstate strict = SimEstate.builder().clock(Scenarios.CLOCK).iccidPolicy(IccidPolicy.STRICT).build();
    Customer c = customer(strict, ACME, "Northwind");
    strict.sims().assign(ACME, ALICE, c.id(), iccids(0, 6));

    assertRefusedNaming("range.first", () -> strict.sims().unassign(ACME, ALICE, badFirstEnd()));
    assertRefusedNaming("range.last", () -> strict.sims().unassign(ACME, ALICE, badLastEnd()));
    iccids(0, 6).forEach(i -> assertThat(holder(strict, ACME, i)).isEqualTo(c.id()));
  }

  @Test
  void aRangeWithSimsOutsideTheHostsInventoryIsRefusedNamingTheFirstFiveAndAssignsNothing() {
    List<String> unknown = iccids(2, 7);
    SimEstate checked = SimEstate.builder().clock(Scenarios.CLOCK)
        .simInventory((tenant, sim) -> !unknown.contains(sim.digits())).build();
    Customer c = customer(checked, ACME, "Northwind");

    assertThatThrownBy(() -> checked.sims().assign(ACME, ALICE, c.id(), IccidRange.parse(iccid(0) + ".." + iccid(9))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).singleElement()
            .satisfies(v -> {
              assertThat(v.field()).isEqualTo("range");
              assertThat(v.message()).endsWith("not in your SIM inventory: " + String.join(", ", unknown.subList(0, 5)));
            }));
    assertThat(holder(checked, ACME, iccid(0))).isNull();
  }

  @Test
  void aListWithManyBadIccidsReportsTheFirstHundredAndSaysTheRestWereNotChecked() {
    List<String> bad = Collections.nCopies(150, "not an iccid");

    assertThatThrownBy(() -> sims.assign(ACME, ALICE, northwind.id(), bad))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).hasSize(101);
          assertThat(e.violations().get(99).field()).isEqualTo("iccids[99]");
          assertThat(e.violations().get(100)).isEqualTo(
              new Violation("iccids", "further ICCIDs were not checked; fix these first"));
        });
  }

  @Test
  void aListWhoseHundredthBadIccidIsItsLastReportsThemAllWithoutSayingOthersWereNotChecked() {
    List<String> bad = Collections.nCopies(100, "not an iccid");

    assertThatThrownBy(() -> sims.assign(ACME, ALICE, northwind.id(), bad))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).hasSize(100);
          assertThat(e.violations()).extracting(Violation::field).doesNotContain("iccids");
        });
  }

  @Test
  void aListOfExactlyTheMostSimsIsCheckedOneByOneAndOneMoreIsRefusedAsTooLong() {
    // Bad entries keep the check short: it stops after the first hundred.
    List<String> atLimit = Collections.nCopies(Sims.MAX_LIST_SIZE, "not an iccid");
    List<String> overLimit = Collections.nCopies(Sims.MAX_LIST_SIZE + 1, "not an iccid");

    assertThatThrownBy(() -> sims.assign(ACME, ALICE, northwind.id(), atLimit))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("iccids[0]"));
    assertThatThrownBy(() -> sims.assign(ACME, ALICE, northwind.id(), overLimit))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).singleElement()
            .satisfies(v -> {
              assertThat(v.field()).isEqualTo("iccids");
              assertThat(v.message()).contains("at most " + Sims.MAX_LIST_SIZE);
            }));
  }

  /** A 19-digit range whose first end has a wrong check digit and whose last end a valid one. */
  private static IccidRange badFirstEnd() {
    return IccidRange.of(Iccid.parse(wrongCheckDigit(iccid(1))), Scenarios.sim(4));
  }

  /** A 19-digit range whose first end has a valid check digit and whose last end a wrong one. */
  private static IccidRange badLastEnd() {
    return IccidRange.of(Scenarios.sim(1), Iccid.parse(wrongCheckDigit(iccid(4))));
  }

  /** The call is refused with an {@link InvalidInputException} naming exactly {@code field}. */
  private static void assertRefusedNaming(String field, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly(field));
  }

  private static String wrongCheckDigit(String valid) {
    return valid.substring(0, 18) + ((valid.charAt(18) - '0' + 1) % 10);
  }
}
