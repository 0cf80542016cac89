package io.simestate.core.alert;

import static io.simestate.core.alert.AlertFixture.ACME;
import static io.simestate.core.alert.AlertFixture.GLOBEX;
import static io.simestate.core.alert.AlertFixture.sim;
import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.AlertKind;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.Customer;
import io.simestate.core.sim.Iccid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** F13: many alerts for one customer's SIMs reach each contact as one digest. */
class DigestTest {

  private static final Duration WINDOW = Duration.ofMinutes(5);
  private static final int STORM = 40;

  private final AlertFixture f = new AlertFixture(b -> b
      .tenant(ACME, TenantAlertSettings.DEFAULTS.withDigestWindow(WINDOW)));

  private Iccid[] sims(int from, int count) {
    return IntStream.range(from, from + count).mapToObj(AlertFixture::sim).toArray(Iccid[]::new);
  }

  @Test
  void stormForOneCustomerYieldsOneDigestPerContactListingEveryAlert() {
    Customer northwind = f.customer("Northwind");
    Contact ana = f.alerted(northwind, "Ana");
    Contact bo = f.alerted(northwind, "Bo");
    Iccid[] sims = sims(1, STORM);
    f.assign(northwind, sims);
    List<AlertId> ids = new ArrayList<>();
    for (Iccid s : sims) {
      ids.add(f.route(s, AlertKind.WARNING).decision().alert().id());
    }
    f.clock.advance(WINDOW);

    DispatchReport report = f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).hasSize(2).allSatisfy(n -> assertThat(n).isInstanceOf(DigestNotification.class));
    Map<Object, DigestNotification> byContact = f.sender.accepted().stream().map(DigestNotification.class::cast)
        .collect(Collectors.toMap(n -> n.recipient().contactId(), n -> n));
    assertThat(byContact).containsOnlyKeys(ana.id(), bo.id());
    for (DigestNotification digest : byContact.values()) {
      assertThat(digest.alerts()).extracting(UsageAlert::id).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(digest.kind()).isEqualTo(AlertKind.WARNING);
      assertThat(digest.customerName()).isEqualTo("Northwind");
    }
    assertThat(report.sent()).isEqualTo(2 * STORM);
    assertThat(report.messages()).isEqualTo(2);
    assertThat(report.digests()).isEqualTo(2);
    assertThat(f.estate.alerts().deliveryCounts()).containsEntry(DeliveryStatus.SENT, (long) 2 * STORM);
  }

  @Test
  void stormSpreadOverTheWindowWithARunningDispatcherStillYieldsOneDigestPerContact() {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    Iccid[] sims = sims(1, 10);
    f.assign(northwind, sims);

    // the alerts arrive over 90 seconds while the dispatcher runs every 30 seconds
    for (int i = 0; i < sims.length; i++) {
      f.route(sims[i], AlertKind.CUT_OFF);
      f.clock.advance(Duration.ofSeconds(10));
      if (i % 3 == 2) {
        f.estate.dispatcher().dispatchDue();
      }
    }
    for (int i = 0; i < 20; i++) {
      f.clock.advance(Duration.ofSeconds(30));
      f.estate.dispatcher().dispatchDue();
    }

    assertThat(f.sender.accepted()).hasSize(1);
    assertThat(((DigestNotification) f.sender.accepted().get(0)).alerts()).hasSize(sims.length);
  }

  @Test
  void alertAfterTheWindowWasSentOpensANewWindow() {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sims(1, 3));
    f.route(sim(1), AlertKind.WARNING);
    f.clock.advance(Duration.ofMinutes(2));
    f.route(sim(2), AlertKind.WARNING);
    f.clock.advance(Duration.ofMinutes(3));
    f.estate.dispatcher().dispatchDue();
    assertThat(f.sender.accepted()).singleElement()
        .satisfies(n -> assertThat(((DigestNotification) n).alerts()).hasSize(2));

    f.clock.advance(Duration.ofMinutes(1));
    f.route(sim(3), AlertKind.WARNING);
    f.clock.advance(WINDOW.minusSeconds(1));
    assertThat(f.estate.dispatcher().dispatchDue().claimed()).isZero();
    f.clock.advance(Duration.ofSeconds(1));
    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).hasSize(2);
    assertThat(f.sender.accepted().get(1)).isInstanceOfSatisfying(AlertNotification.class,
        n -> assertThat(n.alert().iccid()).isEqualTo(sim(3)));
  }

  @Test
  void digestsAreKeptApartPerCustomerAndKind() {
    Customer northwind = f.customer("Northwind");
    Customer contoso = f.customer("Contoso");
    f.alerted(northwind, "Ana");
    f.alerted(contoso, "Carla");
    f.assign(northwind, sims(1, 3));
    f.assign(contoso, sims(10, 3));
    for (Iccid s : sims(1, 3)) {
      f.route(s, AlertKind.WARNING);
      f.route(s, AlertKind.CUT_OFF);
    }
    for (Iccid s : sims(10, 3)) {
      f.route(s, AlertKind.WARNING);
    }
    f.clock.advance(WINDOW);

    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).hasSize(3).allSatisfy(n -> {
      DigestNotification d = (DigestNotification) n;
      assertThat(d.alerts()).hasSize(3).allSatisfy(a -> assertThat(a.kind()).isEqualTo(d.kind()));
      assertThat(d.alerts()).extracting(UsageAlert::iccid).allSatisfy(sim ->
          assertThat(f.estate.sims().customerOf(ACME, sim.digits()))
              .contains(d.customerName().equals("Northwind") ? northwind.id() : contoso.id()));
    });
  }

  @Test
  void deliveriesAreNotDueBeforeTheWindowEnds() {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sims(1, 3));
    for (Iccid s : sims(1, 3)) {
      f.route(s, AlertKind.WARNING);
    }

    f.clock.advance(WINDOW.minusSeconds(1));
    DispatchReport early = f.estate.dispatcher().dispatchDue();

    assertThat(early.claimed()).isZero();
    assertThat(f.sender.attempts()).isEmpty();
    assertThat(f.estate.alerts().deliveriesForSim(ACME, sim(1), 10))
        .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING));

    f.clock.advance(Duration.ofSeconds(1));
    assertThat(f.estate.dispatcher().dispatchDue().sent()).isEqualTo(3);
  }

  @Test
  void singleAlertInTheWindowIsSentAsAnOrdinaryAlert() {
    Customer northwind = f.customer("Northwind");
    f.alerted(northwind, "Ana");
    f.assign(northwind, sim(1));
    f.route(sim(1), AlertKind.WARNING);
    f.clock.advance(WINDOW);

    f.estate.dispatcher().dispatchDue();

    assertThat(f.sender.accepted()).singleElement().isInstanceOf(AlertNotification.class);
  }

  @Test
  void digestWindowZeroSendsOneMessagePerAlert() {
    AlertFixture plain = new AlertFixture(b -> b.tenant(GLOBEX, TenantAlertSettings.DEFAULTS.withDigestWindow(WINDOW)));
    Customer northwind = plain.customer("Northwind");
    plain.alerted(northwind, "Ana");
    plain.alerted(northwind, "Bo");
    Iccid[] storm = sims(1, 12);
    plain.assign(northwind, storm);
    for (Iccid s : storm) {
      plain.route(s, AlertKind.WARNING);
    }

    DispatchReport report = plain.estate.dispatcher().dispatchDue();

    assertThat(plain.sender.accepted()).hasSize(24).allSatisfy(n -> assertThat(n).isInstanceOf(AlertNotification.class));
    assertThat(report.digests()).isZero();
    assertThat(plain.sender.accepted()).extracting(Notification::messageKey).doesNotHaveDuplicates();
  }

  @Test
  void failedDigestIsRetriedAsAWholeAndSentOnce() {
    AlertFixture g = new AlertFixture(b -> b.tenant(ACME, TenantAlertSettings.DEFAULTS.withDigestWindow(WINDOW))
        .retryPolicy(AlertFixture.exactRetry(5)));
    Customer northwind = g.customer("Northwind");
    g.alerted(northwind, "Ana");
    g.assign(northwind, sims(1, 4));
    for (Iccid s : sims(1, 4)) {
      g.route(s, AlertKind.WARNING);
    }
    g.clock.advance(WINDOW);
    g.sender.answer(n -> SendResult.transientFailure("421 try later"));
    g.estate.dispatcher().dispatchDue();
    g.sender.answer(n -> SendResult.sent());

    g.clock.advance(Duration.ofSeconds(30));
    g.estate.dispatcher().dispatchDue();

    assertThat(g.sender.attempts()).hasSize(2);
    assertThat(g.sender.accepted()).singleElement()
        .satisfies(n -> assertThat(((DigestNotification) n).alerts()).hasSize(4));
    assertThat(g.sender.attempts().get(0).messageKey()).isEqualTo(g.sender.attempts().get(1).messageKey());
  }
}
