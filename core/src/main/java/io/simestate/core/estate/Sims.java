package io.simestate.core.estate;

import io.simestate.core.Actor;
import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.Limits;
import io.simestate.core.NotFoundException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.Transactions;
import io.simestate.core.UnavailableException;
import io.simestate.core.Violation;
import io.simestate.core.audit.AuditEventType;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerName;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.internal.CsvRows;
import io.simestate.core.internal.Require;
import io.simestate.core.sim.AssignmentChanges;
import io.simestate.core.sim.CsvImportReport;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidPolicy;
import io.simestate.core.sim.IccidRange;
import io.simestate.core.sim.SimAssignmentStore;
import io.simestate.core.sim.SimInventory;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SIM assignment use cases (F8): assign one SIM or groups of SIMs (a list, a consecutive range,
 * a CSV import) to a customer, unassign them, and ask which customer holds a SIM. A SIM has at most
 * one customer; assigning it elsewhere moves it, and the result says from where. An ICCID held by
 * another tenant's customer is never taken over.
 *
 * <p>Obtain it from {@code SimEstate.sims()}. Thread-safe.
 */
public final class Sims {

  /** The most SIMs one list may hold. */
  public static final int MAX_LIST_SIZE = Limits.SIMS_PER_REQUEST;
  /** The most lines of SIMs (header and blank lines not counted) one CSV import may hold. */
  public static final int MAX_CSV_LINES = Limits.SIMS_PER_REQUEST;
  /** How many SIMs of a CSV import go to the store in one call. */
  private static final int CSV_CHUNK = 10_000;
  /** How much of a rejected line the report repeats. */
  private static final int MAX_REPORTED_LINE = 200;
  private static final int MAX_REPORTED_ICCIDS = 5;

  private final SimAssignmentStore store;
  private final CustomerStore customers;
  private final SimInventory inventory;
  private final IccidPolicy policy;
  private final Transactions tx;
  private final EventRecorder events;

  /**
   * Wires the use cases; called by {@code SimEstate}.
   *
   * @param store the SIM assignment store
   * @param customers the customer store
   * @param inventory the host's SIM inventory check
   * @param policy how strictly ICCIDs are parsed
   * @param tx the transaction runner
   * @param events the event recorder
   */
  Sims(SimAssignmentStore store, CustomerStore customers, SimInventory inventory, IccidPolicy policy,
      Transactions tx, EventRecorder events) {
    this.store = store;
    this.customers = customers;
    this.inventory = inventory;
    this.policy = policy;
    this.tx = tx;
    this.events = events;
  }

  /**
   * Assigns a list of SIMs to a customer, all or none.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param customer the customer
   * @param iccids the ICCIDs as typed; duplicates are ignored
   * @return what changed, with the previous customers of moved SIMs
   * @throws InvalidInputException listing every bad ICCID by its position ({@code iccids[3]})
   * @throws NotFoundException if the tenant has no such customer
   * @throws ConflictException with {@code SIM_HELD_ELSEWHERE} if a SIM belongs to another account
   */
  public AssignmentChanges assign(TenantId tenant, Actor actor, CustomerId customer, Collection<String> iccids) {
    requireWho(tenant, actor);
    Require.present(customer, "customerId");
    Set<Iccid> sims = parseList(tenant, iccids);
    return assignParsed(tenant, actor, customer, sims);
  }

  /**
   * Assigns a consecutive range of SIMs to a customer, all or none.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param customer the customer
   * @param range the range, at most {@value IccidRange#MAX_SIZE} SIMs
   * @return what changed
   * @throws NotFoundException if the tenant has no such customer
   * @throws ConflictException with {@code SIM_HELD_ELSEWHERE} if a SIM belongs to another account
   */
  public AssignmentChanges assign(TenantId tenant, Actor actor, CustomerId customer, IccidRange range) {
    requireWho(tenant, actor);
    Require.present(customer, "customerId");
    Require.present(range, "range");
    checkPolicy(range);
    checkInventory(tenant, range, "range");
    return assignParsed(tenant, actor, customer, range);
  }

  /**
   * Assigns SIMs given as ICCIDs already parsed (for example the SIMs of an alert, or of another
   * customer's page) to a customer, all or none. Under the strict {@link IccidPolicy} each must
   * also pass the strict rules.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param customer the customer
   * @param iccids the SIMs; duplicates are ignored; at most {@value #MAX_LIST_SIZE}
   * @return what changed, with the previous customers of moved SIMs
   * @throws InvalidInputException listing every SIM the policy or the host's inventory refuses, by
   *     its position ({@code iccids[3]})
   * @throws NotFoundException if the tenant has no such customer
   * @throws ConflictException with {@code SIM_HELD_ELSEWHERE} if a SIM belongs to another account;
   *     {@link ConflictException#iccids()} lists them
   */
  public AssignmentChanges assignIccids(TenantId tenant, Actor actor, CustomerId customer, Collection<Iccid> iccids) {
    requireWho(tenant, actor);
    Require.present(customer, "customerId");
    Set<Iccid> sims = checkList(tenant, iccids, Iccid::digits);
    return assignParsed(tenant, actor, customer, sims);
  }

  /**
   * Unassigns SIMs given as ICCIDs already parsed from whatever customer of the tenant holds them.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param iccids the SIMs; duplicates are ignored; at most {@value #MAX_LIST_SIZE}
   * @return what changed, with how many SIMs each customer lost
   * @throws InvalidInputException listing every SIM the policy or the host's inventory refuses, by
   *     its position
   */
  public AssignmentChanges unassignIccids(TenantId tenant, Actor actor, Collection<Iccid> iccids) {
    requireWho(tenant, actor);
    return unassignParsed(tenant, actor, checkList(tenant, iccids, Iccid::digits));
  }

  /**
   * One page of a customer's SIMs, sorted by ICCID (by length, then digits; F3).
   *
   * @param tenant the tenant
   * @param customer the customer
   * @param page which slice
   * @return the page, with the customer's SIM count as its total
   * @throws NotFoundException if the tenant has no such customer
   */
  public Page<Iccid> simsOf(TenantId tenant, CustomerId customer, PageRequest page) {
    Require.present(tenant, "tenantId");
    Require.present(customer, "customerId");
    Require.present(page, "page");
    return tx.inTransaction(() -> {
      if (customers.find(tenant, customer).isEmpty()) {
        throw new NotFoundException("Customer " + customer + " not found; it may have been deleted");
      }
      return store.simsOf(tenant, customer, page);
    });
  }

  /**
   * Unassigns a list of SIMs from whatever customer of the tenant holds them.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param iccids the ICCIDs as typed
   * @return what changed, with how many SIMs each customer lost
   * @throws InvalidInputException listing every bad ICCID by its position
   */
  public AssignmentChanges unassign(TenantId tenant, Actor actor, Collection<String> iccids) {
    requireWho(tenant, actor);
    Set<Iccid> sims = parseList(tenant, iccids);
    return unassignParsed(tenant, actor, sims);
  }

  /**
   * Unassigns a consecutive range of SIMs.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param range the range
   * @return what changed
   */
  public AssignmentChanges unassign(TenantId tenant, Actor actor, IccidRange range) {
    requireWho(tenant, actor);
    Require.present(range, "range");
    checkPolicy(range);
    return unassignParsed(tenant, actor, range);
  }

  /**
   * Imports assignments from a CSV file of two columns, {@code iccid,customer}, given as bytes: the
   * way to pass an uploaded file. The bytes must be UTF-8 (a byte order mark is skipped); see {@link
   * #importCsv(TenantId, Actor, Reader)} for the format and what is applied.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param csv the file's bytes; read to the end and closed
   * @return the line-by-line report
   * @throws InvalidInputException on the field {@code csv}, naming the line and byte offset, if the file
   *     is not UTF-8 (save it as UTF-8), or naming the line if it is not CSV (a quote never closed) or
   *     has more than {@value #MAX_CSV_LINES} lines of SIMs; nothing is applied
   * @throws UnavailableException if the bytes cannot be read or a store fails; nothing is applied
   */
  public CsvImportReport importCsv(TenantId tenant, Actor actor, InputStream csv) {
    Require.present(tenant, "tenantId");
    Require.present(actor, "actor");
    Require.present(csv, "csv");
    try (CsvRows rows = CsvRows.utf8(csv)) {
      return importRows(tenant, actor, rows);
    }
  }

  /**
   * Imports assignments from CSV text of two columns, {@code iccid,customer}, where customer is the
   * customer's id or its name (compared by {@link CustomerName#key()}: case, white space, invisible
   * characters and compatibility forms do not matter).
   *
   * <p>The format is RFC 4180: a field may be quoted ({@code "Acme, Inc."}), a quote inside quotes is
   * doubled ({@code "Bob ""The"" Builder"}), quoted fields may hold separators and line breaks, and lines
   * end with CRLF, LF or CR. Columns are separated by commas, or by semicolons as spreadsheet programs
   * in many European locales save CSV: the first comma or semicolon on the first line (it follows the
   * ICCID, or the header's {@code iccid}) decides for the whole file. A first line whose first column
   * starts with {@code iccid} is a header; blank lines are skipped. Text from a decoder that replaced
   * bad bytes (U+FFFD) is refused; pass the bytes to {@link #importCsv(TenantId, Actor, InputStream)}
   * to have them checked as UTF-8 with the exact line and byte offset of a problem.
   *
   * <p>Lines that break a rule (a bad ICCID, an unknown customer, a SIM held by another account, an
   * ICCID that appeared before) are listed in the report with their numbers and reasons, and the other
   * lines are applied. What is applied, is applied as one transaction: if a store fails part-way,
   * nothing of the file is applied (not even the SIMs the store had already written), an {@link
   * UnavailableException} says so, and the same file can simply be imported again. In joined mode the
   * host's transaction holds the import, so it is atomic when the host rolls that transaction back
   * on the exception.
   *
   * @param tenant the tenant
   * @param actor the portal user
   * @param csv the CSV text; read to the end and closed
   * @return the line-by-line report
   * @throws InvalidInputException on the field {@code csv}, naming the line, if the text cannot be
   *     decoded or is not CSV, or has more than {@value #MAX_CSV_LINES} lines of SIMs; nothing is applied
   * @throws UnavailableException if the text cannot be read or a store fails; nothing is applied
   */
  public CsvImportReport importCsv(TenantId tenant, Actor actor, Reader csv) {
    Require.present(tenant, "tenantId");
    Require.present(actor, "actor");
    Require.present(csv, "csv");
    try (CsvRows rows = CsvRows.text(csv)) {
      return importRows(tenant, actor, rows);
    }
  }

  private CsvImportReport importRows(TenantId tenant, Actor actor, CsvRows rows) {
    CsvPlan plan = readPlan(tenant, rows);
    try {
      return tx.inTransaction(() -> apply(tenant, actor, plan));
    } catch (UnavailableException e) {
      throw new UnavailableException("A store failed during the CSV import, so nothing of the import was applied ("
          + e.getMessage() + "); import the file again", e);
    }
  }

  /** What a CSV file asks for, checked line by line before anything is applied. */
  private record CsvPlan(long lines, Map<CustomerId, LinkedHashMap<Iccid, Long>> byCustomer,
      List<CsvImportReport.RejectedLine> rejected) {}

  private CsvPlan readPlan(TenantId tenant, CsvRows rows) {
    List<CsvImportReport.RejectedLine> rejected = new ArrayList<>();
    Map<CustomerId, LinkedHashMap<Iccid, Long>> byCustomer = new LinkedHashMap<>();
    Map<String, Optional<CustomerId>> resolved = new HashMap<>();
    Map<Iccid, Long> seen = new HashMap<>();
    long lines = 0;
    boolean first = true;
    for (Optional<CsvRows.Row> next = rows.next(); next.isPresent(); next = rows.next()) {
      CsvRows.Row row = next.get();
      List<String> cells = row.cells();
      if (first) {
        first = false;
        if (isHeader(cells.get(0))) {
          continue;
        }
      }
      if (++lines > MAX_CSV_LINES) {
        throw InvalidInputException.of("csv", "a file may hold at most " + MAX_CSV_LINES
            + " lines of SIMs (line " + row.line() + " is one more); split it");
      }
      if (cells.size() != 2) {
        rejected.add(reject(row, "expected two columns: iccid" + row.separator() + "customer (this file separates "
            + "columns with '" + row.separator() + "', as its first line does)"));
        continue;
      }
      Iccid iccid;
      try {
        iccid = policy.parse(cells.get(0).strip());
      } catch (InvalidInputException e) {
        rejected.add(reject(row, "ICCID: " + e.violations().get(0).message()));
        continue;
      }
      String customerCell = cells.get(1).strip();
      Optional<CustomerId> customer = resolved.computeIfAbsent(CustomerName.searchKey(customerCell),
          k -> resolveCustomer(tenant, customerCell));
      if (customer.isEmpty()) {
        rejected.add(reject(row, "no customer with this id or name"));
        continue;
      }
      if (!inventory.exists(tenant, iccid)) {
        rejected.add(reject(row, "this SIM is not in your SIM inventory"));
        continue;
      }
      Long earlier = seen.putIfAbsent(iccid, row.line());
      if (earlier != null) {
        rejected.add(reject(row, "this ICCID already appears on line " + earlier));
        continue;
      }
      byCustomer.computeIfAbsent(customer.get(), k -> new LinkedHashMap<>()).put(iccid, row.line());
    }
    return new CsvPlan(lines, byCustomer, rejected);
  }

  /** Applies a plan inside one transaction; a retried transaction starts again from the plan. */
  private CsvImportReport apply(TenantId tenant, Actor actor, CsvPlan plan) {
    List<CsvImportReport.RejectedLine> rejected = new ArrayList<>(plan.rejected());
    long assigned = 0;
    long moved = 0;
    long unchanged = 0;
    for (Map.Entry<CustomerId, LinkedHashMap<Iccid, Long>> group : plan.byCustomer().entrySet()) {
      List<Map.Entry<Iccid, Long>> entries = new ArrayList<>(group.getValue().entrySet());
      for (int from = 0; from < entries.size(); from += CSV_CHUNK) {
        List<Map.Entry<Iccid, Long>> chunk = entries.subList(from, Math.min(entries.size(), from + CSV_CHUNK));
        for (AssignmentChanges r : assignChunk(tenant, actor, group.getKey(), chunk, rejected)) {
          assigned += r.changed() - r.moved();
          moved += r.moved();
          unchanged += r.unchanged();
        }
      }
    }
    rejected.sort(java.util.Comparator.comparingLong(CsvImportReport.RejectedLine::lineNumber));
    return new CsvImportReport(plan.lines(), assigned, moved, unchanged, rejected);
  }

  /**
   * The customer a SIM is assigned to.
   *
   * @param tenant the tenant
   * @param iccid the ICCID as typed
   * @return the customer, or empty if the SIM has none in this tenant
   * @throws InvalidInputException if the ICCID is not valid
   */
  public Optional<CustomerId> customerOf(TenantId tenant, String iccid) {
    Require.present(tenant, "tenantId");
    return store.customerOf(tenant, parseOne(iccid));
  }

  /**
   * Parses an ICCID under the configured policy.
   *
   * @param iccid the ICCID as typed
   * @return the ICCID
   * @throws InvalidInputException if it is not valid
   */
  public Iccid parse(String iccid) {
    return parseOne(iccid);
  }

  private List<AssignmentChanges> assignChunk(TenantId tenant, Actor actor, CustomerId customer,
      List<Map.Entry<Iccid, Long>> chunk, List<CsvImportReport.RejectedLine> rejected) {
    Set<Iccid> sims = new LinkedHashSet<>();
    chunk.forEach(e -> sims.add(e.getKey()));
    try {
      return List.of(assignParsed(tenant, actor, customer, sims));
    } catch (ConflictException e) {
      if (e.reason() != ConflictException.Reason.SIM_HELD_ELSEWHERE) {
        throw e;
      }
    } catch (NotFoundException e) {
      chunk.forEach(entry -> rejected.add(reject(entry.getValue(), entry.getKey().digits(),
          "the customer was deleted during the import")));
      return List.of();
    }
    // Some SIM in the chunk belongs to another account: apply the rest one by one to name them.
    List<AssignmentChanges> results = new ArrayList<>();
    for (Map.Entry<Iccid, Long> entry : chunk) {
      try {
        results.add(assignParsed(tenant, actor, customer, List.of(entry.getKey())));
      } catch (ConflictException | NotFoundException e) {
        rejected.add(reject(entry.getValue(), entry.getKey().digits(),
            "this SIM belongs to another account; it cannot be assigned here"));
      }
    }
    return results;
  }

  private AssignmentChanges assignParsed(TenantId tenant, Actor actor, CustomerId customer, Collection<Iccid> sims) {
    Require.present(tenant, "tenantId");
    Require.present(actor, "actor");
    Require.present(customer, "customerId");
    return tx.inTransaction(() -> {
      Customer target = customers.find(tenant, customer).orElseThrow(
          () -> new NotFoundException("Customer " + customer + " not found; SIMs can only be assigned to an existing customer"));
      AssignmentChanges changes = store.assign(tenant, customer, sims);
      // The summary counts what changed: a SIM the customer already held was requested, not assigned.
      events.record(tenant, AuditEventType.SIMS_ASSIGNED, actor, customer, sims,
          "Assigned " + sims(changes.changed()) + " to " + target.name() + describe(changes, "moved from")
              + (changes.unchanged() == 0 ? "" : "; " + changes.unchanged() + " already held"));
      for (Map.Entry<CustomerId, Long> from : changes.movedFrom().entrySet()) {
        events.record(tenant, AuditEventType.SIMS_UNASSIGNED, actor, from.getKey(), List.of(),
            sims(from.getValue()) + " moved to " + target.name());
      }
      return changes;
    });
  }

  private AssignmentChanges unassignParsed(TenantId tenant, Actor actor, Collection<Iccid> sims) {
    Require.present(tenant, "tenantId");
    Require.present(actor, "actor");
    return tx.inTransaction(() -> {
      AssignmentChanges changes = store.unassign(tenant, sims);
      // One event names the requested SIMs (the per-SIM trail); one per customer says how many it lost.
      events.record(tenant, AuditEventType.SIMS_UNASSIGNED, actor, null, sims,
          "Unassign requested for " + sims(sims.size()) + "; " + changes.changed() + " released, "
              + changes.unchanged() + " had no customer in this account");
      for (Map.Entry<CustomerId, Long> from : changes.movedFrom().entrySet()) {
        events.record(tenant, AuditEventType.SIMS_UNASSIGNED, actor, from.getKey(), List.of(),
            "Unassigned " + sims(from.getValue()));
      }
      return changes;
    });
  }

  private Set<Iccid> parseList(TenantId tenant, Collection<String> iccids) {
    return checkList(tenant, iccids, text -> text);
  }

  /**
   * Parses (typed ICCIDs) or re-checks (parsed ones) a list under the policy and the host's
   * inventory, collecting every violation by position.
   */
  private <T> Set<Iccid> checkList(TenantId tenant, Collection<T> iccids, java.util.function.Function<T, String> text) {
    Require.present(tenant, "tenantId");
    Require.present(iccids, "iccids");
    checkSize(iccids);
    List<Violation> violations = new ArrayList<>();
    Set<Iccid> sims = new LinkedHashSet<>(Math.max(16, iccids.size() * 2));
    int index = 0;
    for (T item : iccids) {
      String field = "iccids[" + index++ + "]";
      try {
        Iccid iccid = policy.parse(item == null ? null : text.apply(item));
        if (!inventory.exists(tenant, iccid)) {
          violations.add(new Violation(field, "this SIM is not in your SIM inventory"));
        }
        sims.add(iccid);
      } catch (InvalidInputException e) {
        e.violations().forEach(v -> violations.add(new Violation(field, v.message())));
      }
      if (violations.size() >= 100 && index < iccids.size()) {
        violations.add(new Violation("iccids", "further ICCIDs were not checked; fix these first"));
        break;
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return sims;
  }

  private static void checkSize(Collection<?> iccids) {
    if (iccids.isEmpty()) {
      throw InvalidInputException.of("iccids", "name at least one ICCID");
    }
    if (iccids.size() > MAX_LIST_SIZE) {
      throw InvalidInputException.of("iccids", "a list may hold at most " + MAX_LIST_SIZE + " ICCIDs; split it");
    }
  }

  private static void requireWho(TenantId tenant, Actor actor) {
    Require.present(tenant, "tenantId");
    Require.present(actor, "actor");
  }

  private Iccid parseOne(String iccid) {
    try {
      return policy.parse(iccid);
    } catch (InvalidInputException e) {
      throw e.under("iccid");
    }
  }

  private void checkPolicy(IccidRange range) {
    if (policy == IccidPolicy.STRICT) {
      parseRangeEnd(range.first(), "range.first");
      parseRangeEnd(range.last(), "range.last");
      if (!range.walksBody()) {
        throw InvalidInputException.of("range", "under the strict policy both ends need valid check digits");
      }
    }
  }

  private void parseRangeEnd(Iccid end, String field) {
    try {
      policy.parse(end.digits());
    } catch (InvalidInputException e) {
      throw e.under(field);
    }
  }

  private void checkInventory(TenantId tenant, Collection<Iccid> sims, String field) {
    List<String> missing = new ArrayList<>();
    for (Iccid sim : sims) {
      if (!inventory.exists(tenant, sim)) {
        missing.add(sim.digits());
        if (missing.size() == MAX_REPORTED_ICCIDS) {
          break;
        }
      }
    }
    if (!missing.isEmpty()) {
      throw InvalidInputException.of(field, "these SIMs are not in your SIM inventory: " + String.join(", ", missing));
    }
  }

  private Optional<CustomerId> resolveCustomer(TenantId tenant, String cell) {
    if (cell.isEmpty()) {
      return Optional.empty();
    }
    try {
      CustomerId id = CustomerId.parse(cell);
      if (customers.find(tenant, id).isPresent()) {
        return Optional.of(id);
      }
    } catch (InvalidInputException notAnId) {
      // not an id: try the name
    }
    try {
      return customers.findByName(tenant, CustomerName.parse(cell)).map(Customer::id);
    } catch (InvalidInputException badName) {
      return Optional.empty();
    }
  }

  private static boolean isHeader(String firstCell) {
    return firstCell.replace(" ", "").toLowerCase(java.util.Locale.ROOT).startsWith("iccid");
  }

  private static CsvImportReport.RejectedLine reject(CsvRows.Row row, String reason) {
    return reject(row.line(), row.text(), reason);
  }

  private static CsvImportReport.RejectedLine reject(long number, String line, String reason) {
    String text = line.length() > MAX_REPORTED_LINE ? line.substring(0, MAX_REPORTED_LINE) : line;
    return new CsvImportReport.RejectedLine(number, text, reason);
  }

  /** "1 SIM", "2 SIMs": a count of SIMs as an audit summary shows it. */
  private static String sims(long count) {
    return count + (count == 1 ? " SIM" : " SIMs");
  }

  private static String describe(AssignmentChanges changes, String verb) {
    if (changes.movedFrom().isEmpty()) {
      return "";
    }
    return "; " + changes.moved() + " " + verb + " " + changes.movedFrom().size()
        + (changes.movedFrom().size() == 1 ? " other customer" : " other customers");
  }
}
