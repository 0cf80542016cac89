package io.simestate.core.inmemory;

import io.simestate.core.ConflictException;
import io.simestate.core.NotFoundException;
import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerName;
import io.simestate.core.customer.CustomerStore;
import io.simestate.core.customer.CustomerSummary;
import java.util.List;
import java.util.Locale;
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
  private final Map<TenantId, Map<String, CustomerId>> byName = new ConcurrentHashMap<>();
  private final Map<TenantId, NavigableMap<String, CustomerSummary>> sorted = new ConcurrentHashMap<>();

  @Override
  public synchronized Customer insert(Customer customer) {
    Map<String, CustomerId> names = byName.computeIfAbsent(customer.tenantId(), t -> new ConcurrentHashMap<>());
    if (names.containsKey(customer.name().key())) {
      throw duplicate(customer.name());
    }
    if (byId.containsKey(customer.id())) {
      throw new ConflictException(ConflictException.Reason.STALE_VERSION, "Customer " + customer.id() + " exists already");
    }
    Customer stored = withVersion(customer, 1);
    byId.put(stored.id(), stored);
    names.put(stored.name().key(), stored.id());
    sorted.computeIfAbsent(stored.tenantId(), t -> new ConcurrentSkipListMap<>()).put(sortKey(stored), summary(stored));
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
    Map<String, CustomerId> names = byName.get(customer.tenantId());
    CustomerId holder = names.get(customer.name().key());
    if (holder != null && !holder.equals(customer.id())) {
      throw duplicate(customer.name());
    }
    Customer stored = withVersion(customer, current.version() + 1);
    names.remove(current.name().key());
    names.put(stored.name().key(), stored.id());
    NavigableMap<String, CustomerSummary> index = sorted.get(stored.tenantId());
    index.remove(sortKey(current));
    index.put(sortKey(stored), summary(stored));
    byId.put(stored.id(), stored);
    return stored;
  }

  @Override
  public Optional<Customer> find(TenantId tenant, CustomerId id) {
    Customer c = byId.get(id);
    return c != null && c.tenantId().equals(tenant) ? Optional.of(c) : Optional.empty();
  }

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
    byId.remove(id);
    byName.get(tenant).remove(current.name().key());
    sorted.get(tenant).remove(sortKey(current));
  }

  @Override
  public Page<CustomerSummary> list(TenantId tenant, Optional<String> nameContains, PageRequest page) {
    NavigableMap<String, CustomerSummary> index = sorted.getOrDefault(tenant, new ConcurrentSkipListMap<>());
    if (nameContains.isEmpty()) {
      List<CustomerSummary> items = index.values().stream().skip(page.offset()).limit(page.limit()).toList();
      return new Page<>(items, index.size(), page);
    }
    String needle = nameContains.get().toLowerCase(Locale.ROOT);
    List<CustomerSummary> matching = index.values().stream()
        .filter(s -> s.name().toLowerCase(Locale.ROOT).contains(needle)).toList();
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

  private static ConflictException duplicate(CustomerName name) {
    return new ConflictException(ConflictException.Reason.DUPLICATE_NAME,
        "A customer named \"" + name + "\" exists already (names are compared ignoring case); choose another name");
  }
}
