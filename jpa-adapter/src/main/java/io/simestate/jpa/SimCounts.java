package io.simestate.jpa;

import io.simestate.core.TenantId;
import io.simestate.core.UnavailableException;
import io.simestate.core.customer.CustomerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many SIMs each customer holds, kept in {@code simestate_customer_sims} (schema version 6) by the
 * transaction that assigns or releases them, so that the deletion preview and the customer report read
 * one row instead of counting the customer's assignment rows. A customer without a row holds none.
 *
 * <p>Each change adds to the count the database holds when it runs ({@code sim_count + ?}, never a
 * value read before), so concurrent assignments to one customer are all counted; the rows are written
 * at the end of the assignment, after its SIMs, in customer id order, so that two assignments that
 * change the same customers wait for each other instead of deadlocking.
 */
final class SimCounts {

  private static final Logger LOG = LoggerFactory.getLogger(SimCounts.class);

  /** One count row; the upserts below add what to do when it exists. */
  private static final String INSERT =
      "insert into simestate_customer_sims (customer_id, tenant_id, sim_count) values (?, ?, ?)";

  private SimCounts() {}

  /** The customer's kept count; 0 without a row. */
  static long of(Connection c, TenantId tenant, CustomerId customer) throws SQLException {
    return read(c, tenant, customer, false);
  }

  /** The kept count, its row locked if {@code forUpdate}; 0 without a row. */
  private static long read(Connection c, TenantId tenant, CustomerId customer, boolean forUpdate)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select sim_count from simestate_customer_sims "
        + "where customer_id = ? and tenant_id = ?" + (forUpdate ? " for update" : ""))) {
      ps.setString(1, customer.toString());
      ps.setString(2, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /**
   * One change per customer: {@code added} to the target, and each of {@code removedFrom} less
   * (customers that lost SIMs to the target, or released them).
   */
  static void change(Connection c, TenantId tenant, CustomerId target, long added, Map<CustomerId, Long> removedFrom)
      throws SQLException {
    Map<String, Long> deltas = new TreeMap<>();
    if (target != null) {
      deltas.put(target.toString(), added);
    }
    removedFrom.forEach((customer, n) -> deltas.merge(customer.toString(), -n, Long::sum));
    deltas.values().removeIf(delta -> delta == 0);
    if (deltas.isEmpty()) {
      return;
    }
    switch (Jdbc.vendor(c)) {
      case POSTGRESQL -> upsert(c, tenant, deltas, INSERT + " on conflict (customer_id) do update "
          + "set sim_count = simestate_customer_sims.sim_count + excluded.sim_count");
      case MARIADB -> upsert(c, tenant, deltas,
          INSERT + " on duplicate key update sim_count = sim_count + values(sim_count)");
      default -> updateThenInsert(c, tenant, deltas);
    }
  }

  private static void upsert(Connection c, TenantId tenant, Map<String, Long> deltas, String sql)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Map.Entry<String, Long> delta : deltas.entrySet()) {
        ps.setString(1, delta.getKey());
        ps.setString(2, tenant.value());
        ps.setLong(3, delta.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * H2 has no insert-or-add statement that is safe against a concurrent insert of the same key: the
   * counts that exist are updated, the missing ones inserted, and one inserted meanwhile by another
   * transaction (a duplicate key) is updated after all.
   */
  private static void updateThenInsert(Connection c, TenantId tenant, Map<String, Long> deltas)
      throws SQLException {
    List<String> missing = update(c, new ArrayList<>(deltas.keySet()), deltas);
    if (missing.isEmpty()) {
      return;
    }
    List<String> raced = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (String customer : missing) {
        ps.setString(1, customer);
        ps.setString(2, tenant.value());
        ps.setLong(3, deltas.get(customer));
        try {
          ps.executeUpdate();
        } catch (SQLException e) {
          if (!Errors.isConstraintViolation(e)) {
            throw e;
          }
          raced.add(customer);
        }
      }
    }
    if (!update(c, raced, deltas).isEmpty()) {
      throw new SQLException("The SIM count of a customer was neither found nor inserted", "40001");
    }
  }

  /** Adds each customer's delta to its count; returns the customers without a count row. */
  private static List<String> update(Connection c, List<String> keys, Map<String, Long> deltas)
      throws SQLException {
    if (keys.isEmpty()) {
      return keys;
    }
    List<String> missing = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "update simestate_customer_sims set sim_count = sim_count + ? where customer_id = ?")) {
      for (String customer : keys) {
        ps.setLong(1, deltas.get(customer));
        ps.setString(2, customer);
        ps.addBatch();
      }
      int[] updated = ps.executeBatch();
      for (int i = 0; i < keys.size(); i++) {
        if (updated[i] == 0) {
          missing.add(keys.get(i));
        }
      }
    }
    return missing;
  }

  /**
   * After every assignment row of the customer was deleted, {@code released} of them: removes its
   * count, which must have been {@code released}. A count that differs means rows were written behind
   * the adapter's back (see {@link JpaSchema#recountSims}); the preview then stated the wrong number,
   * and every deletion confirmed with it would be refused as stale, whatever the user does. So this
   * refuses it with what to do instead. One statement whenever the customer has a count row and it
   * is right (also when it is 0); a second, reading the count, only otherwise.
   *
   * @throws UnavailableException if the kept count is not {@code released}; the caller's transaction
   *     must roll back
   */
  static void released(Connection c, TenantId tenant, CustomerId customer, long released) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "delete from simestate_customer_sims where customer_id = ? and tenant_id = ? and sim_count = ?")) {
      ps.setString(1, customer.toString());
      ps.setString(2, tenant.value());
      ps.setLong(3, released);
      if (ps.executeUpdate() == 1) {
        return;
      }
    }
    long kept = read(c, tenant, customer, true);
    if (kept != released) {
      LOG.warn("Customer {} was kept as holding {} SIM(s) but had {} assignment row(s): rows of "
          + "simestate_sim_assignment were written outside SIM Estate. Its deletion is refused until "
          + "JpaSchema.recountSims(dataSource) runs.", customer, kept, released);
      throw new UnavailableException("The SIM count kept for customer " + customer + " (" + kept
          + ") differs from its assignment rows (" + released + "): rows of simestate_sim_assignment "
          + "were written outside SIM Estate. Run JpaSchema.recountSims(dataSource) once nothing else "
          + "assigns SIMs, then preview the deletion again.", null);
    }
  }

  /**
   * Sets every customer's count to the number of its rows, in the connection's transaction: after rows
   * of {@code simestate_sim_assignment} were written by other means than the adapter.
   */
  static void recount(Connection c) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("delete from simestate_customer_sims");
        PreparedStatement insert = c.prepareStatement(
            "insert into simestate_customer_sims (customer_id, tenant_id, sim_count) "
                + "select a.customer_id, a.tenant_id, count(*) from simestate_sim_assignment a "
                + "join simestate_customer c on c.id = a.customer_id and c.tenant_id = a.tenant_id "
                + "group by a.customer_id, a.tenant_id")) {
      delete.executeUpdate();
      insert.executeUpdate();
    }
  }
}
