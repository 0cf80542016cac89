package io.simestate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.NotFoundException;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.DeletionConfirmation;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Scenario 8: tenant B uses tenant A's identifiers (customer, contact, ICCIDs, alert id) in every
 * public read and write. Reads answer "not found" (an exception, or empty), writes answer
 * NotFoundException (a SIM of another tenant: ConflictException SIM_HELD_ELSEWHERE, which the
 * design prescribes), and tenant A's rows are byte for byte unchanged; B's alert for A's SIM reaches
 * none of A's contacts.
 */
class S8TenantIsolationTest {

  static final TenantId A = TenantId.of("tenant-a");
  static final TenantId B = TenantId.of("tenant-b");

  @Test
  void anotherTenantsIdentifiersAnswerNotFoundAndChangeNothing() {
    Result result = new Result("8-tenant-isolation");
    try (Database db = Database.postgres(); MailServer smtp = new MailServer()) {
      SimEstate estate = Estates.estate(db.persistence(), Estates.mail(smtp.port).build()).build();
      Customer a = estate.customers().create(A, Estates.ACTOR, CustomerDetails.named("Shared Name Ltd"));
      Contact aContact = estate.customers().addContact(A, Estates.ACTOR, a.id(), ContactDetails.alerted("Ann", "ann@a.example"));
      List<String> aSims = List.of(Estates.iccid(80, 1), Estates.iccid(80, 2), Estates.iccid(80, 3));
      estate.sims().assign(A, Estates.ACTOR, a.id(), aSims);
      estate.alerts().route(A, UsageAlert.of(AlertId.of("alert-1"), Iccid.parse(aSims.get(0)), AlertKind.WARNING, Instant.now()));
      Customer b = estate.customers().create(B, Estates.ACTOR, CustomerDetails.named("Shared Name Ltd"));
      estate.customers().addContact(B, Estates.ACTOR, b.id(), ContactDetails.alerted("Bob", "bob@b.example"));
      Drain.run(estate, Duration.ofMinutes(1), new java.util.concurrent.atomic.AtomicBoolean());
      Map<String, List<String>> before = tenantA(db);
      Iccid aSim = Iccid.parse(aSims.get(0));

      List<String> violations = new ArrayList<>();
      Map<String, Supplier<Object>> probes = new TreeMap<>();
      probes.put("customers.get", () -> estate.customers().get(B, a.id()));
      probes.put("customers.find", () -> estate.customers().find(B, a.id()).orElseThrow(() -> new NotFoundException("empty")));
      probes.put("customers.report", () -> estate.customers().report(B, a.id(), PageRequest.first(10)));
      probes.put("customers.list", () -> estate.customers().list(B, "Shared", PageRequest.first(10)).items().stream()
          .filter(s -> s.id().equals(a.id())).findAny().orElseThrow(() -> new NotFoundException("absent")));
      probes.put("customers.update", () -> estate.customers().update(B, Estates.ACTOR, a.id(), a.version(),
          CustomerDetails.named("Taken over")));
      probes.put("customers.previewDeletion", () -> estate.customers().previewDeletion(B, a.id()));
      probes.put("customers.delete(B's confirmation)", () -> estate.customers().delete(B, Estates.ACTOR,
          new DeletionConfirmation(B, a.id(), 1, 3, 1)));
      probes.put("customers.delete(A's confirmation)", () -> estate.customers().delete(B, Estates.ACTOR,
          estate.customers().previewDeletion(A, a.id()).confirmation()));
      probes.put("customers.addContact", () -> estate.customers().addContact(B, Estates.ACTOR, a.id(),
          ContactDetails.alerted("Mallory", "mallory@b.example")));
      probes.put("customers.updateContact", () -> estate.customers().updateContact(B, Estates.ACTOR, a.id(),
          aContact.id(), ContactDetails.alerted("Mallory", "mallory@b.example")));
      probes.put("customers.updateContact(B's customer)", () -> estate.customers().updateContact(B, Estates.ACTOR,
          b.id(), aContact.id(), ContactDetails.alerted("Mallory", "mallory@b.example")));
      probes.put("customers.removeContact", () -> {
        estate.customers().removeContact(B, Estates.ACTOR, a.id(), aContact.id());
        return null;
      });
      probes.put("sims.assign(to A's customer)", () -> estate.sims().assign(B, Estates.ACTOR, a.id(),
          List.of(Estates.iccid(80, 9))));
      probes.put("sims.assign(A's SIMs)", () -> estate.sims().assign(B, Estates.ACTOR, b.id(), aSims));
      probes.put("sims.assign(A's range)", () -> estate.sims().assign(B, Estates.ACTOR, b.id(),
          IccidRange.of(Iccid.parse(aSims.get(0)), Iccid.parse(aSims.get(2)))));
      probes.put("sims.unassign(A's SIMs)", () -> estate.sims().unassign(B, Estates.ACTOR, aSims).changed() == 0
          ? notFound() : "changed");
      probes.put("sims.customerOf", () -> estate.sims().customerOf(B, aSims.get(0)).orElseThrow(() -> new NotFoundException("empty")));
      probes.put("sims.importCsv", () -> estate.sims().importCsv(B, Estates.ACTOR,
          new StringReader("iccid,customer\n" + aSims.get(1) + "," + a.id() + "\n" + aSims.get(1) + "," + b.id()))
          .assigned() == 0 ? notFound() : "assigned");
      probes.put("alerts.decision", () -> estate.alerts().decision(B, AlertId.of("alert-1")).orElseThrow(() -> new NotFoundException("empty")));
      probes.put("alerts.deliveriesOf", () -> empty(estate.alerts().deliveriesOf(B, AlertId.of("alert-1"))));
      probes.put("alerts.deliveriesTo", () -> empty(estate.alerts().deliveriesTo(B, aContact.id(), 10)));
      probes.put("alerts.deliveriesForSim", () -> empty(estate.alerts().deliveriesForSim(B, aSim, 10)));
      probes.put("alerts.decisionsForSim", () -> empty(estate.alerts().decisionsForSim(B, aSim, 10)));
      probes.put("alerts.recipientsFor", () -> empty(estate.alerts().recipientsFor(B, aSim, AlertKind.WARNING)));
      probes.put("auditTrail.forCustomer", () -> empty(estate.auditTrail().forCustomer(B, a.id(), 10)));
      probes.put("auditTrail.forSim", () -> empty(estate.auditTrail().forSim(B, aSim, 10).stream()
          .filter(e -> !e.tenantId().equals(B) || a.id().equals(e.customerId())).toList()));
      probes.put("auditTrail.recent", () -> empty(estate.auditTrail().recent(B, 100).stream()
          .filter(e -> a.id().equals(e.customerId())).toList()));
      probes.put("alerts.route(A's SIM, A's alert id)", () -> {
        RoutingResult r = estate.alerts().route(B, UsageAlert.of(AlertId.of("alert-1"), aSim, AlertKind.CUT_OFF, Instant.now()));
        return r.decision().customerId() == null && r.deliveries().isEmpty() && !r.duplicateAlertId() ? notFound() : r;
      });

      int notFound = 0;
      int heldElsewhere = 0;
      for (Map.Entry<String, Supplier<Object>> probe : probes.entrySet()) {
        try {
          Object answer = probe.getValue().get();
          violations.add(probe.getKey() + " answered " + answer);
        } catch (NotFoundException e) {
          notFound++;
        } catch (ConflictException e) {
          if (e.reason() == ConflictException.Reason.SIM_HELD_ELSEWHERE && probe.getKey().contains("A's SIMs")
              || e.reason() == ConflictException.Reason.SIM_HELD_ELSEWHERE && probe.getKey().contains("A's range")) {
            heldElsewhere++;
          } else {
            violations.add(probe.getKey() + " threw " + e);
          }
        } catch (RuntimeException e) {
          violations.add(probe.getKey() + " threw " + e);
        }
      }
      Drain.run(estate, Duration.ofMinutes(1), new java.util.concurrent.atomic.AtomicBoolean());
      Map<String, List<String>> after = tenantA(db);
      if (!before.equals(after)) {
        violations.add("tenant A's rows changed: before " + before + " after " + after);
      }
      long aMails = smtp.received().stream().filter(r -> r.to().endsWith("@a.example")).count();
      result.put("probes", probes.size()).put("not_found", notFound).put("sim_held_elsewhere", heldElsewhere)
          .put("expected", 1).put("received", aMails).put("lost", aMails < 1 ? 1 : 0).put("doubled", Math.max(0, aMails - 1))
          .put("violations", violations.size()).emit();
      violations.forEach(v -> System.out.println("VIOLATION " + v));
      assertThat(violations).isEmpty();
      assertThat(aMails).as("A's contact received only A's own alert").isEqualTo(1);
    }
  }

  private static Object notFound() {
    throw new NotFoundException("nothing of tenant A");
  }

  private static Object empty(List<?> list) {
    return list.isEmpty() ? notFound() : list;
  }

  private static Map<String, List<String>> tenantA(Database db) {
    Map<String, List<String>> s = new TreeMap<>();
    String t = A.value();
    s.put("customers", db.rows("select * from simestate_customer where tenant_id = ? order by id", t));
    s.put("contacts", db.rows("select k.* from simestate_contact k join simestate_customer c on c.id = k.customer_id "
        + "where c.tenant_id = ? order by k.id", t));
    s.put("sims", db.rows("select * from simestate_sim_assignment where tenant_id = ? order by iccid", t));
    s.put("decisions", db.rows("select * from simestate_alert_decision where tenant_id = ? order by id", t));
    s.put("deliveries", db.rows("select * from simestate_delivery where tenant_id = ? order by id", t));
    s.put("audit", db.rows("select * from simestate_audit_event where tenant_id = ? order by id", t));
    return s;
  }
}
