package io.simestate.jpa;

import static io.simestate.jpa.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.ConflictException;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.UnavailableException;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerName;
import io.simestate.core.estate.SimEstate;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Customers stored by a version with the old name key (NFC and case only) and the old, laxer name
 * rules are brought to the current ones by {@link JpaSchema#upgradeCustomerNames}: keys refolded,
 * look-alikes kept readable under keys of their own, broken names repaired.
 */
class CustomerNameUpgradeTest {

  private static final Actor ALICE = Actor.of("alice@portal");

  abstract static class Scenarios {

    final TestDatabase db = Db.Of.database(this);
    final SimEstate estate = SimEstate.builder().persistence(db.persistence).build();
    final TenantId tenant = tenant();

    /** Writes a customer the way the previous version did: its key was NFC, upper, then lower case. */
    CustomerId storedByTheOldVersion(String name, long secondsAfterT0) throws SQLException {
      return storedByTheOldVersion(UUID.randomUUID().toString(), name, secondsAfterT0);
    }

    CustomerId storedByTheOldVersion(String id, String name, long secondsAfterT0) throws SQLException {
      String oldKey = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
          .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
      try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("insert into simestate_customer "
          + "(id, tenant_id, name, name_key, version, created_at, updated_at) values (?, ?, ?, ?, 1, ?, ?)")) {
        ps.setString(1, id);
        ps.setString(2, tenant.value());
        ps.setString(3, name);
        ps.setString(4, oldKey);
        Instant at = Fixtures.T0.plusSeconds(secondsAfterT0);
        Jdbc.setInstant(ps, 5, at, db.vendor);
        Jdbc.setInstant(ps, 6, at, db.vendor);
        ps.executeUpdate();
      }
      return new CustomerId(UUID.fromString(id));
    }

    String contactStoredByTheOldVersion(CustomerId customer, String name) throws SQLException {
      String id = UUID.randomUUID().toString();
      try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("insert into simestate_contact "
          + "(id, customer_id, ordinal, name, alerts_enabled, wants_warning, wants_cut_off) "
          + "values (?, ?, 0, ?, false, true, true)")) {
        ps.setString(1, id);
        ps.setString(2, customer.toString());
        ps.setString(3, name);
        ps.executeUpdate();
      }
      return id;
    }

    Customer create(String name) {
      return estate.customers().create(tenant, ALICE, CustomerDetails.named(name));
    }

    @Test
    void anOldKeyLetsALookAlikeInUntilTheNamesAreUpgraded() throws SQLException {
      CustomerId fullWidth = storedByTheOldVersion("\uFF21\uFF43\uFF4D\uFF45 Metering", 0);
      // The old key is the full-width text in lower case, so the folded key of "Acme Metering" misses it.
      assertThat(estate.customers().get(tenant, fullWidth).name().key()).isEqualTo("acme metering");

      JpaSchema.upgradeCustomerNames(db.dataSource);

      assertThatThrownBy(() -> create("ACME METERING")).isInstanceOfSatisfying(ConflictException.class,
          e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
      assertThat(estate.customers().list(tenant, "acme", PageRequest.first(10)).items())
          .extracting(s -> s.id()).containsExactly(fullWidth);
    }

    @Test
    void lookAlikesStoredSideBySideStayReadableAndTheOldestKeepsTheName() throws SQLException {
      CustomerId first = storedByTheOldVersion("Acme", 0);
      CustomerId zeroWidth = storedByTheOldVersion("Acme\u200B", 10);
      CustomerId softHyphen = storedByTheOldVersion("Ac\u00ADme", 20);

      JpaSchema.upgradeCustomerNames(db.dataSource);

      assertThat(estate.customers().get(tenant, first).name().value()).isEqualTo("Acme");
      assertThat(estate.customers().get(tenant, zeroWidth).name().value()).isEqualTo("Acme\u200B");
      assertThat(estate.customers().get(tenant, softHyphen).name().value()).isEqualTo("Ac\u00ADme");
      assertThat(db.persistence.customers().findByName(tenant, CustomerName.parse("ACME")))
          .get().extracting(Customer::id).isEqualTo(first);
      assertThatThrownBy(() -> create("acme")).isInstanceOf(ConflictException.class);
      // Its name still folds to the oldest one's key: other edits wait until it is renamed (or deleted).
      Customer kept = estate.customers().get(tenant, zeroWidth);
      assertThatThrownBy(() -> estate.customers().update(tenant, ALICE, zeroWidth, kept.version(),
          CustomerDetails.named("Acme\u200B").withAddress(null, null, "Vienna", null)))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
      Customer renamed = estate.customers().update(tenant, ALICE, zeroWidth,
          estate.customers().get(tenant, zeroWidth).version(), CustomerDetails.named("Acme Two"));
      assertThat(renamed.name().value()).isEqualTo("Acme Two");
    }

    @Test
    void namesThatBreakTheNewRulesAreRepairedAndReadable() throws SQLException {
      CustomerId reversed = storedByTheOldVersion("\u202EemcA", 0);
      CustomerId invisible = storedByTheOldVersion("\u200B\u200B", 5);
      contactStoredByTheOldVersion(reversed, "\u202Ena\u202C Fleet");
      long versionBefore = 1;

      JpaSchema.upgradeCustomerNames(db.dataSource);

      Customer repaired = estate.customers().get(tenant, reversed);
      assertThat(repaired.name().value()).isEqualTo("emcA");
      assertThat(repaired.contacts()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("na Fleet"));
      assertThat(repaired.version()).isGreaterThan(versionBefore);
      assertThat(estate.customers().get(tenant, invisible).name().value())
          .isEqualTo("Customer " + invisible.toString().substring(0, 8));
    }

    /**
     * The oldest look-alike takes the key the younger one holds; the younger one moves to a key of its
     * own. Ids are chosen so that the upgrade's batch meets the oldest first, which only the parking of
     * changing keys lets through the unique index.
     */
    @Test
    void aKeyHeldByAYoungerLookAlikePassesToTheOldestWithoutAClash() throws SQLException {
      String oldest;
      String younger;
      do {
        oldest = UUID.randomUUID().toString();
        younger = UUID.randomUUID().toString();
        Map<String, String> batchOrder = new HashMap<>();
        batchOrder.put(oldest, "");
        batchOrder.put(younger, "");
        if (batchOrder.keySet().iterator().next().equals(oldest)) {
          break;
        }
      } while (true);
      CustomerId first = storedByTheOldVersion(oldest, "Acme\u200B", 0);
      CustomerId second = storedByTheOldVersion(younger, "Acme", 10);

      JpaSchema.upgradeCustomerNames(db.dataSource);

      assertThat(db.persistence.customers().findByName(tenant, CustomerName.parse("ACME")))
          .get().extracting(Customer::id).isEqualTo(first);
      assertThat(estate.customers().get(tenant, second).name().value()).isEqualTo("Acme");
    }

    @Test
    void contactNamesWithExtraSpacesOrNothingVisibleAreRepaired() throws SQLException {
      CustomerId customer = storedByTheOldVersion("Spaced Fleet", 0);
      contactStoredByTheOldVersion(customer, "  Ana   Fleet ");
      String invisible = contactStoredByTheOldVersion(customer, "\u202E\u202C");

      JpaSchema.upgradeCustomerNames(db.dataSource);

      assertThat(estate.customers().get(tenant, customer).contacts()).extracting(c -> c.name())
          .containsExactlyInAnyOrder("Ana Fleet", "Contact " + invisible.substring(0, 8));
    }

    @Test
    void applyingTheSchemaOnAHostsManualCommitConnectionUpgradesTheNamesAndCommitsThem() throws SQLException {
      storedByTheOldVersion("\uFF21\uFF43\uFF4D\uFF45 Works", 0);
      try (Connection c = db.connection()) {
        c.setAutoCommit(false);
        try {
          JpaSchema.apply(c, db.vendor);
          assertThat(c.getAutoCommit()).as("the host's mode, restored").isFalse();
          c.rollback();
        } finally {
          c.setAutoCommit(true);
        }
      }

      assertThatThrownBy(() -> create("ACME WORKS")).isInstanceOfSatisfying(ConflictException.class,
          e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
    }

    @Test
    void applyingTheSchemaLeavesAnAutoCommitConnectionInAutoCommit() throws SQLException {
      try (Connection c = db.connection()) {
        c.setAutoCommit(true);
        JpaSchema.apply(c, db.vendor);
        assertThat(c.getAutoCommit()).isTrue();
      }
    }

    /** Its connections fail to prepare the contact-name update, the last write of the upgrade. */
    DataSource failingAtContactNames() {
      return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
          (proxy, method, args) -> {
            Object result = Fixtures.invoke(method, db.dataSource, args);
            if (!method.getName().equals("getConnection")) {
              return result;
            }
            Connection real = (Connection) result;
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> {
                  if (m.getName().equals("prepareStatement")
                      && ((String) a[0]).startsWith("update simestate_contact set name")) {
                    throw new SQLException("connection lost", "08006");
                  }
                  return Fixtures.invoke(m, real, a);
                });
          });
    }

    @Test
    void anUpgradeThatFailsMidwayChangesNothing() throws SQLException {
      CustomerId reversed = storedByTheOldVersion("\u202EemcA", 0);

      assertThatThrownBy(() -> JpaSchema.upgradeCustomerNames(failingAtContactNames()))
          .isInstanceOf(UnavailableException.class);

      try (Connection c = db.connection();
          PreparedStatement ps = c.prepareStatement("select name from simestate_customer where id = ?")) {
        ps.setString(1, reversed.toString());
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("\u202EemcA");
        }
      }
    }

    @Test
    void upgradingTwiceChangesNothingTheSecondTime() throws SQLException {
      storedByTheOldVersion("Stra\u00DFe \uFB01ne", 0);
      create("Already Current");
      JpaSchema.upgradeCustomerNames(db.dataSource);
      try (Connection c = db.connection()) {
        c.setAutoCommit(false);
        assertThat(CustomerNameKeys.apply(c)).isEqualTo(new CustomerNameKeys.Outcome(0, 0, 0));
        c.rollback();
      }
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
