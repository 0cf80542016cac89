package io.simestate.jpa;

import io.simestate.core.ConflictException;
import io.simestate.core.NotFoundException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.AssignmentChanges;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.SimAssignmentStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIM assignments in set-based SQL: lists and ranges are walked in chunks of {@link Jdbc#CHUNK}, each
 * chunk one look-up, at most one update and one insert batch, so memory stays flat for a million SIMs.
 * Every call that changes assignments ends by adding its changes to the customers' kept SIM counts
 * ({@link SimCounts}), which {@link #countOf} and {@link #simsOf} read.
 */
final class JpaSimAssignmentStore implements SimAssignmentStore {

  private static final Logger LOG = LoggerFactory.getLogger(JpaSimAssignmentStore.class);
  /** How many of the ICCIDs held elsewhere the message names; the exception lists them all. */
  private static final int MAX_REPORTED = 5;

  private final JpaTransactions tx;

  JpaSimAssignmentStore(JpaTransactions tx) {
    this.tx = tx;
  }

  /**
   * All of it runs behind a savepoint: if any SIM belongs to another tenant, or anything else fails,
   * everything the call wrote is rolled back to the savepoint, so that nothing changes even when the
   * caller's transaction goes on (a CSV import catches the conflict to name the SIMs one by one).
   */
  @Override
  public AssignmentChanges assign(TenantId tenant, CustomerId customer, Collection<Iccid> sims) {
    return tx.call(em -> Jdbc.on(em, c -> behindSavepoint(c, connection ->
        Jdbc.vendor(connection) == DatabaseVendor.POSTGRESQL
            ? assignOnPostgresql(connection, tenant, customer, sims)
            : assignInChunks(connection, tenant, customer, sims))));
  }

  /** Runs the work behind a savepoint, rolled back to if the work fails, then released. */
  private static <T> T behindSavepoint(Connection c, Jdbc.Work<T> work) throws SQLException {
    Savepoint before = c.setSavepoint();
    T result;
    try {
      result = work.apply(c);
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback(before);
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
    c.releaseSavepoint(before);
    return result;
  }

  /**
   * H2 and MariaDB: a first pass refuses SIMs of other tenants, naming every one; then per chunk a
   * look-up of holders, the move of SIMs other customers hold ({@link #moveHeld}) and one insert
   * batch of the new ones.
   */
  private static AssignmentChanges assignInChunks(Connection c, TenantId tenant, CustomerId customer,
      Collection<Iccid> sims) throws SQLException {
    refuseSimsOfOtherTenants(c, tenant, sims);
    Tally tally = new Tally();
    String target = customer.toString();
    for (Iterator<Iccid> it = sims.iterator(); it.hasNext(); ) {
      List<String> chunk = nextChunk(it);
      Map<String, String[]> holders = holders(c, chunk);
      List<String> held = new ArrayList<>();
      List<String> fresh = new ArrayList<>();
      for (String iccid : chunk) {
        String[] holder = holders.get(iccid);
        if (holder == null) {
          fresh.add(iccid);
        } else if (!holder[0].equals(tenant.value())) {
          // taken by another account since the first pass: the unique ICCID decides
          throw heldElsewhere(List.of(iccid), null);
        } else if (holder[1].equals(target)) {
          tally.unchanged++;
        } else {
          held.add(iccid);
        }
      }
      // A SIM released since the look-up is inserted like a new one.
      fresh.addAll(moveHeld(c, tenant, target, held, tally));
      java.util.Collections.sort(fresh);
      tally.added += insert(c, tenant, target, fresh);
    }
    return tally.countedFor(c, tenant, customer);
  }

  /**
   * PostgreSQL: each chunk is one insert that skips the SIMs already assigned ({@code on conflict do
   * nothing}), with the chunk as one array parameter, so that a chunk of new SIMs costs one cheaply
   * planned statement. Only when rows were skipped does a look-up (again one array parameter) tell
   * which SIMs were this customer's already, which move from another customer of the tenant, and
   * which belong to another tenant; the SIMs to move are then locked and their holders read again
   * ({@link #moveHeld}), since another transaction may have moved or released them in between. If any
   * SIM belongs to another tenant, the remaining chunks are only looked up, to name every such SIM.
   */
  private static AssignmentChanges assignOnPostgresql(Connection c, TenantId tenant, CustomerId customer,
      Collection<Iccid> sims) throws SQLException {
    String target = customer.toString();
    Tally tally = new Tally();
    List<String> elsewhere = new ArrayList<>();
    for (Iterator<Iccid> it = sims.iterator(); it.hasNext(); ) {
      List<String> chunk = nextChunk(it);
      if (elsewhere.isEmpty()) {
        assignChunkOnPostgresql(c, tenant, target, chunk, tally, elsewhere);
      } else {
        elsewhere.addAll(heldByOtherTenants(c, tenant, chunk));
      }
    }
    if (!elsewhere.isEmpty()) {
      throw heldElsewhere(elsewhere, null);
    }
    return tally.countedFor(c, tenant, customer);
  }

  /** What an assignment did so far. */
  private static final class Tally {
    long added;
    long unchanged;
    final Map<CustomerId, Long> movedFrom = new HashMap<>();

    /** The assignment's changes, added to the customers' kept SIM counts and logged at DEBUG. */
    AssignmentChanges countedFor(Connection c, TenantId tenant, CustomerId customer) throws SQLException {
      long moved = movedFrom.values().stream().mapToLong(Long::longValue).sum();
      SimCounts.change(c, tenant, customer, added + moved, movedFrom);
      LOG.debug("Assigned {} SIM(s) to customer {} ({} moved, {} unchanged)", added + moved, customer, moved,
          unchanged);
      return new AssignmentChanges(added + moved, unchanged, movedFrom);
    }
  }

  /** How often a chunk is tried again when SIMs it skipped were unassigned before it could look at them. */
  private static final int CHUNK_ATTEMPTS = 3;

  private static void assignChunkOnPostgresql(Connection c, TenantId tenant, String target, List<String> chunk,
      Tally tally, List<String> elsewhere) throws SQLException {
    List<String> pending = chunk;
    for (int attempt = 1; ; attempt++) {
      int inserted = insertSkippingAssigned(c, tenant, target, pending);
      tally.added += inserted;
      if (inserted == pending.size()) {
        return;
      }
      // Some SIMs are assigned already: find out to whom. A SIM skipped by the insert but gone from
      // the look-up was unassigned by another transaction in between: insert it again.
      // Custom plans for the look-up and the move only: set for the inserts too, they made PostgreSQL
      // re-plan the foreign-key check of every inserted row (about 40 µs a SIM under load).
      planEachChunk(c);
      Map<String, String[]> holders = holders(c, pending);
      List<String> held = new ArrayList<>();
      List<String> vanished = new ArrayList<>();
      long ours = 0;
      for (String iccid : new java.util.LinkedHashSet<>(pending)) {
        String[] holder = holders.get(iccid);
        if (holder == null) {
          vanished.add(iccid);
        } else if (!holder[0].equals(tenant.value())) {
          elsewhere.add(iccid);
        } else if (holder[1].equals(target)) {
          ours++;
        } else {
          held.add(iccid);
        }
      }
      if (!elsewhere.isEmpty()) {
        return;
      }
      // "ours" counts this insert's rows too; the rest were this customer's before.
      tally.unchanged += ours - inserted;
      vanished.addAll(moveHeld(c, tenant, target, held, tally));
      planAsUsual(c);
      if (vanished.isEmpty()) {
        return;
      }
      if (attempt >= CHUNK_ATTEMPTS) {
        throw heldElsewhere(List.of(), null);
      }
      pending = vanished;
    }
  }

  /** Inserts the chunk's SIMs that no row holds yet; returns how many it inserted. */
  private static int insertSkippingAssigned(Connection c, TenantId tenant, String target, List<String> chunk)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into simestate_sim_assignment "
        + "(iccid, iccid_length, tenant_id, customer_id) "
        + "select s, length(s), ?, ? from unnest(cast(? as varchar[])) as s "
        + "on conflict (iccid) do nothing")) {
      ps.setString(1, tenant.value());
      ps.setString(2, target);
      ps.setArray(3, Jdbc.varchars(c, chunk));
      return ps.executeUpdate();
    } catch (SQLException e) {
      if (isForeignKeyViolation(e)) {
        throw customerGone(target, e);
      }
      throw e;
    }
  }

  /** The chunk's SIMs that another tenant holds. */
  private static List<String> heldByOtherTenants(Connection c, TenantId tenant, List<String> chunk)
      throws SQLException {
    List<String> found = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("select iccid from simestate_sim_assignment "
        + "where iccid = any(?) and tenant_id <> ?")) {
      ps.setArray(1, Jdbc.varchars(c, chunk));
      ps.setString(2, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    return found;
  }

  @Override
  public AssignmentChanges unassign(TenantId tenant, Collection<Iccid> sims) {
    return tx.call(em -> Jdbc.on(em, c -> {
      planEachChunk(c);
      long unchanged = 0;
      Map<CustomerId, Long> removedFrom = new HashMap<>();
      for (Iterator<Iccid> it = sims.iterator(); it.hasNext(); ) {
        List<String> chunk = nextChunk(it);
        // Locked, so that another transaction can neither move nor release them before the delete:
        // what is counted is what the delete releases.
        Map<String, String> holders = lockHolders(c, tenant, chunk);
        List<String> held = new ArrayList<>();
        for (String iccid : chunk) {
          String holder = holders.get(iccid);
          if (holder == null) {
            unchanged++;
          } else {
            held.add(iccid);
            removedFrom.merge(new CustomerId(UUID.fromString(holder)), 1L, Long::sum);
          }
        }
        if (!held.isEmpty()) {
          try (PreparedStatement ps = c.prepareStatement("delete from simestate_sim_assignment where tenant_id = ? "
              + "and iccid in (" + Jdbc.marks(held.size()) + ")")) {
            ps.setString(1, tenant.value());
            Jdbc.setStrings(ps, 2, held);
            ps.executeUpdate();
          }
        }
      }
      long changed = removedFrom.values().stream().mapToLong(Long::longValue).sum();
      SimCounts.change(c, tenant, null, 0, removedFrom);
      return new AssignmentChanges(changed, unchanged, removedFrom);
    }));
  }

  /**
   * One {@code DELETE} of the customer's assignment rows, in plain JDBC: the deletion use case runs
   * it once per JVM cold, and a JPQL bulk delete's first translation cost more than the statement
   * (measured with 100,000 SIMs on PostgreSQL: about 0.6 s of the first deletion). The customer row is
   * locked first, as the deletion locks it: an assignment to the customer (whose foreign-key check
   * takes a key-share lock on that row) then waits for this transaction before it writes the
   * customer's SIM count, which this one writes after its {@code DELETE}; locked the other way round,
   * the two deadlocked (PostgreSQL, reliability scenario 6). The customer's SIM count goes with its
   * rows; a count that differs from them is refused ({@link SimCounts#released}).
   */
  @Override
  public long unassignAll(TenantId tenant, CustomerId customer) {
    return tx.call(em -> Jdbc.on(em, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "select id from simestate_customer where id = ? and tenant_id = ? for update")) {
        ps.setString(1, customer.toString());
        ps.setString(2, tenant.value());
        ps.executeQuery().close();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "delete from simestate_sim_assignment where tenant_id = ? and customer_id = ?")) {
        ps.setString(1, tenant.value());
        ps.setString(2, customer.toString());
        long released = ps.executeUpdate();
        SimCounts.released(c, tenant, customer, released);
        return released;
      }
    }));
  }

  @Override
  public Optional<CustomerId> customerOf(TenantId tenant, Iccid sim) {
    return tx.call(em -> em.createQuery(
            "select a.customerId from SimEstateSimAssignment a where a.iccid = :iccid and a.tenantId = :tenant",
            String.class)
        .setParameter("iccid", sim.digits())
        .setParameter("tenant", tenant.value())
        .getResultStream().findFirst().map(id -> new CustomerId(UUID.fromString(id))));
  }

  @Override
  public long countOf(TenantId tenant, CustomerId customer) {
    return tx.read(c -> SimCounts.of(c, tenant, customer));
  }

  /**
   * The page in plain JDBC, like {@link #unassignAll}: the deletion preview's first call spent about
   * 1.2 s translating the JPQL page and count queries (100,000 SIMs, PostgreSQL). The total is the
   * customer's kept count ({@link SimCounts}), not a count of its rows.
   */
  @Override
  public Page<Iccid> simsOf(TenantId tenant, CustomerId customer, PageRequest page) {
    return tx.read(c -> {
      boolean h2 = Jdbc.vendor(c) == DatabaseVendor.H2;
      List<Iccid> items = new ArrayList<>(Math.min(page.limit(), 1000));
      try (PreparedStatement ps = c.prepareStatement("select iccid from simestate_sim_assignment "
          + "where customer_id = ? and tenant_id = ? order by iccid_length, iccid"
          + (h2 ? " offset ? rows fetch next ? rows only" : " limit ? offset ?"))) {
        ps.setString(1, customer.toString());
        ps.setString(2, tenant.value());
        ps.setInt(3, h2 ? page.offset() : page.limit());
        ps.setInt(4, h2 ? page.limit() : page.offset());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            items.add(Iccid.parse(rs.getString(1)));
          }
        }
      }
      return new Page<>(items, SimCounts.of(c, tenant, customer), page);
    });
  }

  /** The first pass: nothing changes if any SIM is held in another tenant. */
  private static void refuseSimsOfOtherTenants(Connection c, TenantId tenant, Collection<Iccid> sims)
      throws SQLException {
    List<String> elsewhere = new ArrayList<>();
    for (Iterator<Iccid> it = sims.iterator(); it.hasNext(); ) {
      List<String> chunk = nextChunk(it);
      try (PreparedStatement ps = c.prepareStatement("select iccid from simestate_sim_assignment "
          + "where iccid in (" + Jdbc.marks(chunk.size()) + ") and tenant_id <> ?")) {
        Jdbc.setStrings(ps, 1, chunk);
        ps.setString(chunk.size() + 1, tenant.value());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            elsewhere.add(rs.getString(1));
          }
        }
      }
    }
    if (!elsewhere.isEmpty()) {
      throw heldElsewhere(elsewhere, null);
    }
  }

  /**
   * On PostgreSQL, plans every chunk's statement for the table as it is now. A bulk assignment into a
   * (nearly) empty table otherwise runs its prepared look-ups on a generic plan made while the table
   * was empty — a sequential scan — which then reads the whole, growing table once per chunk: a
   * million SIMs took minutes per run instead of seconds. Applies to this transaction only.
   */
  private static void planEachChunk(Connection c) throws SQLException {
    if (Jdbc.vendor(c) == DatabaseVendor.POSTGRESQL) {
      try (java.sql.Statement st = c.createStatement()) {
        st.execute("set local plan_cache_mode = force_custom_plan");
      }
    }
  }

  /** Undoes {@link #planEachChunk} for the rest of the transaction (PostgreSQL). */
  private static void planAsUsual(Connection c) throws SQLException {
    try (java.sql.Statement st = c.createStatement()) {
      st.execute("set local plan_cache_mode to default");
    }
  }

  /** Tenant and customer of each SIM of the chunk that is assigned. */
  private static Map<String, String[]> holders(Connection c, List<String> chunk) throws SQLException {
    Map<String, String[]> holders = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("select iccid, tenant_id, customer_id from simestate_sim_assignment "
        + "where " + iccidIsOneOf(c, chunk.size()))) {
      bindIccids(ps, 1, c, chunk);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          holders.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        }
      }
    }
    return holders;
  }

  /**
   * Moves to the target those of {@code held} (SIMs that other customers of the tenant held at the
   * look-up) that another customer still holds. Their rows are locked first, in ICCID order, and their
   * holders read again: another transaction may have moved or released a SIM since the look-up, and
   * the tally must name the customer each SIM really left. Returns the SIMs the tenant no longer holds
   * (released since the look-up), which the caller inserts like new ones.
   */
  private static List<String> moveHeld(Connection c, TenantId tenant, String target, List<String> held, Tally tally)
      throws SQLException {
    if (held.isEmpty()) {
      return List.of();
    }
    Map<String, String> holders = lockHolders(c, tenant, held);
    List<String> moved = new ArrayList<>();
    List<String> released = new ArrayList<>();
    for (String iccid : new java.util.LinkedHashSet<>(held)) {
      String holder = holders.get(iccid);
      if (holder == null) {
        released.add(iccid);
      } else if (holder.equals(target)) {
        tally.unchanged++;
      } else {
        moved.add(iccid);
        tally.movedFrom.merge(new CustomerId(UUID.fromString(holder)), 1L, Long::sum);
      }
    }
    move(c, tenant, target, moved);
    return released;
  }

  /**
   * Locks the rows of those of {@code iccids} that the tenant holds, in ICCID order, and returns their
   * customers by ICCID: until the transaction ends, no other can move or release them.
   */
  private static Map<String, String> lockHolders(Connection c, TenantId tenant, List<String> iccids)
      throws SQLException {
    Map<String, String> holders = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("select iccid, customer_id from simestate_sim_assignment "
        + "where tenant_id = ? and " + iccidIsOneOf(c, iccids.size()) + " order by iccid for update")) {
      ps.setString(1, tenant.value());
      bindIccids(ps, 2, c, iccids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          holders.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return holders;
  }

  /**
   * The condition that a row's ICCID is one of {@code count} bound ones: on PostgreSQL
   * {@code iccid = any(?)}, one array parameter however many, so the statement is cheap to plan;
   * elsewhere an IN list. {@link #bindIccids} binds them.
   */
  private static String iccidIsOneOf(Connection c, int count) throws SQLException {
    return Jdbc.vendor(c) == DatabaseVendor.POSTGRESQL ? "iccid = any(?)" : "iccid in (" + Jdbc.marks(count) + ")";
  }

  /** Binds the ICCIDs of {@link #iccidIsOneOf}, from parameter {@code index}. */
  private static void bindIccids(PreparedStatement ps, int index, Connection c, List<String> iccids)
      throws SQLException {
    if (Jdbc.vendor(c) == DatabaseVendor.POSTGRESQL) {
      ps.setArray(index, Jdbc.varchars(c, iccids));
    } else {
      Jdbc.setStrings(ps, index, iccids);
    }
  }

  private static void move(Connection c, TenantId tenant, String target, List<String> moved) throws SQLException {
    if (moved.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("update simestate_sim_assignment set customer_id = ? "
        + "where tenant_id = ? and " + iccidIsOneOf(c, moved.size()))) {
      ps.setString(1, target);
      ps.setString(2, tenant.value());
      bindIccids(ps, 3, c, moved);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (isForeignKeyViolation(e)) {
        throw customerGone(target, e);
      }
      throw e;
    }
  }

  private static long insert(Connection c, TenantId tenant, String target, List<String> fresh) throws SQLException {
    if (fresh.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement("insert into simestate_sim_assignment "
        + "(iccid, iccid_length, tenant_id, customer_id) values (?, ?, ?, ?)")) {
      for (String iccid : fresh) {
        ps.setString(1, iccid);
        ps.setInt(2, iccid.length());
        ps.setString(3, tenant.value());
        ps.setString(4, target);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      if (isForeignKeyViolation(e)) {
        throw customerGone(target, e);
      }
      if (Errors.isConstraintViolation(e)) {
        // Another transaction assigned one of these SIMs since the look-up: the unique ICCID decides.
        throw heldElsewhere(List.of(), e);
      }
      throw e;
    }
    return fresh.size();
  }

  /**
   * The next chunk of at most {@link Jdbc#CHUNK} SIMs, sorted and each named once. Rows are locked
   * (inserted, updated, deleted) in ICCID order, so that two calls on overlapping SIMs wait for each
   * other instead of deadlocking; a SIM a host names twice in one chunk is changed and counted once.
   */
  private static List<String> nextChunk(Iterator<Iccid> it) {
    List<String> chunk = new ArrayList<>(Jdbc.CHUNK);
    while (it.hasNext() && chunk.size() < Jdbc.CHUNK) {
      chunk.add(it.next().digits());
    }
    java.util.Collections.sort(chunk);
    int distinct = 0;
    for (String iccid : chunk) {
      if (distinct == 0 || !iccid.equals(chunk.get(distinct - 1))) {
        chunk.set(distinct++, iccid);
      }
    }
    return distinct == chunk.size() ? chunk : new ArrayList<>(chunk.subList(0, distinct));
  }

  /**
   * Whether a statement broke a foreign key (the target customer was deleted by a concurrent
   * transaction after the use case found it): PostgreSQL 23503, H2 23506, MariaDB/MySQL error 1452.
   */
  private static boolean isForeignKeyViolation(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      String state = next.getSQLState();
      if ("23503".equals(state) || "23506".equals(state) || next.getErrorCode() == 1452) {
        return true;
      }
      if (next.getNextException() == next) {
        break;
      }
    }
    return false;
  }

  private static NotFoundException customerGone(String customer, SQLException cause) {
    NotFoundException e = new NotFoundException("Customer " + customer
        + " was deleted while the SIMs were being assigned; nothing was changed");
    e.initCause(cause);
    return e;
  }

  /** The conflict with every ICCID held elsewhere; an empty list when a concurrent assignment won. */
  private static ConflictException heldElsewhere(List<String> iccids, Throwable cause) {
    String message = iccids.isEmpty()
        ? "A SIM of this request was assigned by someone else at the same time; nothing was changed, try again"
        : iccids.size() + " SIM(s) belong to another account and cannot be assigned here, e.g. "
            + String.join(", ", iccids.subList(0, Math.min(MAX_REPORTED, iccids.size())))
            + "; remove them from the request";
    return ConflictException.simsHeldElsewhere(message, iccids, cause);
  }
}
