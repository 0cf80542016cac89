package io.simestate.core.inmemory;

import io.simestate.core.ConflictException;
import io.simestate.core.NotFoundException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.SimHolder;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerName;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.customer.CustomerSummary;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Customers in hash maps: by id, by (tenant, name key) for uniqueness, and a sorted index per tenant
 * for the drop-down list. Writes are serialised; reads are lock-free.
 */
final class InMemoryCustomerStore implements CustomerStore {

  private final Map<CustomerId, Customer> byId = new ConcurrentHashMap<>();
  /**
   * What routing asks of a customer, built when the customer is stored and replaced with it, so that
   * a look-up allocates nothing and can never see contacts older than the stored customer's.
   */
  private final Map<CustomerId, Routing> routing = new ConcurrentHashMap<>();
  private final Map<TenantId, Map<String, CustomerId>> byName = new ConcurrentHashMap<>();
  private final Map<TenantId, NavigableMap<String, CustomerSummary>> sorted = new ConcurrentHashMap<>();
  private final InMemoryTransactions tx;

  InMemoryCustomerStore(InMemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public synchronized Customer insert(Customer customer) {
    Map<String, CustomerId> names = byName.get(customer.tenantId());
    CustomerId holder = names == null ? null : names.get(customer.name().key());
    if (holder != null) {
      throw duplicate(customer.name(), holder);
    }
    if (byId.containsKey(customer.id())) {
      throw new ConflictException(ConflictException.Reason.STALE_VERSION, "Customer " + customer.id() + " exists already");
    }
    Customer stored = withVersion(customer, 1);
    put(stored);
    tx.onRollback(() -> remove(stored));
    return stored;
  }

  @Override
  public synchronized Customer update(Customer customer) {
    Customer current = find(customer.tenantId(), customer.id())
        .orElseThrow(() -> new NotFoundException("Customer " + customer.id() + " not found"));
    if (current.version() != customer.version()) {
      throw new ConflictException(ConflictException.Reason.STALE_VERSION,
          "Customer " + current.name() + " was changed by someone else; reload it and try again");
    }
    CustomerId holder = byName.get(customer.tenantId()).get(customer.name().key());
    if (holder != null && !holder.equals(customer.id())) {
      throw duplicate(customer.name(), holder);
    }
    Customer stored = withVersion(customer, current.version() + 1);
    replace(current, stored);
    tx.onRollback(() -> replace(stored, current));
    return stored;
  }

  @Override
  public Optional<Customer> find(TenantId tenant, CustomerId id) {
    Customer c = byId.get(id);
    return c != null && c.tenantId().equals(tenant) ? Optional.of(c) : Optional.empty();
  }

  /**
   * The customer as a SIM's holder, for the recipient directory.
   *
   * @param tenant the tenant
   * @param id the customer
   * @return the holder, or empty if the tenant has no such customer
   */
  Optional<SimHolder> simHolder(TenantId tenant, CustomerId id) {
    Routing r = routing.get(id);
    return r != null && r.tenant().equals(tenant) ? r.holder() : Optional.empty();
  }

  /** A stored customer's tenant and its holder view. */
  private record Routing(TenantId tenant, Optional<SimHolder> holder) {}

  @Override
  public Optional<Customer> findByName(TenantId tenant, CustomerName name) {
    Map<String, CustomerId> names = byName.get(tenant);
    CustomerId id = names == null ? null : names.get(name.key());
    return id == null ? Optional.empty() : find(tenant, id);
  }

  @Override
  public synchronized void delete(TenantId tenant, CustomerId id, long expectedVersion) {
    Customer current = find(tenant, id).orElseThrow(() -> new NotFoundException("Customer " + id + " not found"));
    if (current.version() != expectedVersion) {
      throw new ConflictException(ConflictException.Reason.STALE_VERSION,
          "Customer " + current.name() + " was changed by someone else; reload it and try again");
    }
    remove(current);
    tx.onRollback(() -> put(current));
  }

  private synchronized void put(Customer c) {
    byId.put(c.id(), c);
    routing.put(c.id(), new Routing(c.tenantId(), Optional.of(new SimHolder(c.id(), c.name().value(), c.contacts()))));
    byName.computeIfAbsent(c.tenantId(), t -> new ConcurrentHashMap<>()).put(c.name().key(), c.id());
    sorted.computeIfAbsent(c.tenantId(), t -> new ConcurrentSkipListMap<>()).put(sortKey(c), summary(c));
  }

  private synchronized void remove(Customer c) {
    unindex(c);
    byId.remove(c.id());
    routing.remove(c.id());
  }

  /** Swaps one state of a customer for another without a moment in which it is missing by id. */
  private synchronized void replace(Customer from, Customer to) {
    unindex(from);
    put(to);
  }

  private void unindex(Customer c) {
    byName.get(c.tenantId()).remove(c.name().key());
    sorted.get(c.tenantId()).remove(sortKey(c));
  }

  @Override
  public Page<CustomerSummary> list(TenantId tenant, Optional<String> nameContains, PageRequest page) {
    NavigableMap<String, CustomerSummary> index = sorted.getOrDefault(tenant, new ConcurrentSkipListMap<>());
    if (nameContains.isEmpty()) {
      List<CustomerSummary> items = index.values().stream().skip(page.offset()).limit(page.limit()).toList();
      return new Page<>(items, index.size(), page);
    }
    // Matched on the folded key, as the JPA adapter does on its key column ("strasse" finds "Straße").
    String needle = CustomerName.searchKey(nameContains.get());
    List<CustomerSummary> matching = index.entrySet().stream()
        .filter(e -> e.getKey().substring(0, e.getKey().lastIndexOf('\u0000')).contains(needle))
        .map(Map.Entry::getValue).toList();
    List<CustomerSummary> items = matching.stream().skip(page.offset()).limit(page.limit()).toList();
    return new Page<>(items, matching.size(), page);
  }

  private static String sortKey(Customer c) {
    return c.name().key() + '\u0000' + c.id();
  }

  private static CustomerSummary summary(Customer c) {
    return new CustomerSummary(c.id(), c.name().value());
  }

  private static Customer withVersion(Customer c, long version) {
    return new Customer(c.id(), c.tenantId(), c.name(), c.address(), c.phone(), c.email(), c.website(),
        c.reference(), c.notes(), c.contacts(), version, c.createdAt(), c.updatedAt());
  }

  private static ConflictException duplicate(CustomerName name, CustomerId holder) {
    return ConflictException.duplicateName("A customer named \"" + name + "\" exists already (names are "
        + "compared ignoring case, invisible characters and look-alike forms); choose another name",
        holder.toString(), null);
  }
}
