package io.simestate.jpa;

import io.simestate.core.InvalidInputException;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.CustomerName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings stored customer and contact names to the current name rules, for rows written by a version
 * that folded names differently (NFC and case only) or accepted what is now refused.
 *
 * <ul>
 *   <li>Every customer's {@code name_key} becomes {@link CustomerName#key()} of its name.
 *   <li>Customers whose names now fold to the same key (look-alikes such as "Acme" and "Acme" with a
 *       zero-width space, which the old key let in side by side) stay as they are; the oldest keeps the
 *       key, each later one gets {@code "<key> #<id>"}, so that the unique index holds and every one
 *       of them can still be read, renamed or deleted. A warning names their ids.
 *   <li>A name that breaks a rule added since (a bidi override, a noncharacter, nothing visible, a
 *       leading combining mark) is repaired: the refused characters are removed, and a name that still
 *       breaks a rule becomes "Customer &lt;first 8 characters of the id&gt;" (contacts: "Contact …"). The
 *       customer's version advances, so that an open form on the old state is stale.
 * </ul>
 *
 * <p>Idempotent: on a schema whose names are current it reads the names once and writes nothing.
 */
final class CustomerNameKeys {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerNameKeys.class);
  /** Keys cannot hold control characters, so this prefix makes a parking key that no name folds to. */
  private static final String PARKED = "\u0007";

  private CustomerNameKeys() {}

  /** What the re-keying changed. */
  record Outcome(int keysChanged, int namesRepaired, int lookAlikesKept) {}

  private record Row(String id, String tenant, String name, String key) {}

  /**
   * Re-keys and repairs on one connection, without committing.
   *
   * @param connection the connection to the SIM Estate schema
   * @return what changed
   * @throws SQLException if a statement fails
   */
  static Outcome apply(Connection connection) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("select id, tenant_id, name, name_key from simestate_customer "
             + "order by tenant_id, created_at, id")) {
      while (rs.next()) {
        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    Map<String, String> newNames = new HashMap<>();
    Map<String, String> newKeys = new HashMap<>();
    Map<String, Set<String>> taken = new HashMap<>();
    int lookAlikes = 0;
    for (Row row : rows) {
      CustomerName name = customerName(row);
      if (!name.value().equals(row.name())) {
        newNames.put(row.id(), name.value());
      }
      String key = name.key();
      if (!taken.computeIfAbsent(row.tenant(), t -> new LinkedHashSet<>()).add(key)) {
        key = key.substring(0, Math.min(key.length(), CustomerName.MAX_KEY_LENGTH - 40)) + " #" + row.id();
        taken.get(row.tenant()).add(key);
        if (!key.equals(row.key())) {
          lookAlikes++;
          LOG.warn("Customer {} has a name that looks like another customer's of tenant {}; it keeps its name "
              + "under a key of its own: rename or merge it", row.id(), row.tenant());
        }
      }
      if (!key.equals(row.key())) {
        newKeys.put(row.id(), key);
      }
    }
    Set<String> repairedCustomers = new LinkedHashSet<>(newNames.keySet());
    Map<String, String> newContactNames = contactRepairs(connection, repairedCustomers);

    // Park the changing keys first, so that no row takes a key another row still holds.
    Map<String, String> parked = new HashMap<>();
    newKeys.keySet().forEach(id -> parked.put(id, PARKED + id));
    update(connection, "update simestate_customer set name_key = ? where id = ?", parked);
    update(connection, "update simestate_customer set name_key = ? where id = ?", newKeys);
    update(connection, "update simestate_customer set name = ? where id = ?", newNames);
    update(connection, "update simestate_contact set name = ? where id = ?", newContactNames);
    newNames.keySet().forEach(id ->
        LOG.warn("Customer {}: its stored name broke the name rules and was repaired; check it", id));
    newContactNames.keySet().forEach(id ->
        LOG.warn("Contact {}: its stored name broke the name rules and was repaired; check it", id));
    try (PreparedStatement bump = connection.prepareStatement(
        "update simestate_customer set version = version + 1 where id = ?")) {
      for (String id : repairedCustomers) {
        bump.setString(1, id);
        bump.addBatch();
      }
      bump.executeBatch();
    }
    int repaired = newNames.size() + newContactNames.size();
    if (!newKeys.isEmpty() || repaired > 0) {
      LOG.info("Customer names brought to the current rules: {} key(s) changed, {} name(s) repaired, {} look-alike(s) "
          + "kept under keys of their own", newKeys.size(), repaired, lookAlikes);
    }
    return new Outcome(newKeys.size(), repaired, lookAlikes);
  }

  /** Runs an update of one value by id, for every entry, in one batch. */
  private static void update(Connection connection, String sql, Map<String, String> valueById) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (Map.Entry<String, String> e : valueById.entrySet()) {
        ps.setString(1, e.getValue());
        ps.setString(2, e.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Contacts whose names break the rules, with their repaired names; their customers join the set. */
  private static Map<String, String> contactRepairs(Connection connection, Set<String> customersTouched)
      throws SQLException {
    Map<String, String> repairs = new HashMap<>();
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("select id, customer_id, name from simestate_contact")) {
      while (rs.next()) {
        String id = rs.getString(1);
        String name = rs.getString(3);
        String repaired = contactName(id, name);
        if (!repaired.equals(name)) {
          repairs.put(id, repaired);
          customersTouched.add(rs.getString(2));
        }
      }
    }
    return repairs;
  }

  private static CustomerName customerName(Row row) {
    try {
      return new CustomerName(row.name());
    } catch (InvalidInputException broken) {
      try {
        return CustomerName.parse(strip(row.name()));
      } catch (InvalidInputException stillBroken) {
        return CustomerName.parse("Customer " + row.id().substring(0, 8));
      }
    }
  }

  private static String contactName(String id, String name) {
    try {
      if (Contact.normaliseName(name).equals(name)) {
        return name;
      }
    } catch (InvalidInputException broken) {
      // repaired below
    }
    try {
      return Contact.normaliseName(strip(name));
    } catch (InvalidInputException stillBroken) {
      return "Contact " + id.substring(0, 8);
    }
  }

  /**
   * The text without the characters that names refuse: each character is kept only if a name with it
   * between two letters is accepted, so the rules stay core's alone.
   */
  private static String strip(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().filter(CustomerNameKeys::allowedInAName).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static boolean allowedInAName(int cp) {
    try {
      Contact.normaliseName("x" + new String(Character.toChars(cp)) + "x");
      return true;
    } catch (InvalidInputException refused) {
      return false;
    }
  }
}
