package io.simestate.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.TestClock;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.CustomerSummary;
import io.simestate.core.estate.DeletionPreview;
import io.simestate.core.estate.CustomerReport;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.AssignmentChanges;
import io.simestate.core.sim.Iccid;
import io.simestate.core.sim.IccidRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * F1–F8, F12 as a state machine: random sequences of customer, contact and SIM-assignment commands
 * are applied to the library and to a plain model; after every step both agree on every SIM's
 * customer, every customer's SIM count, contacts and the customer list, and no SIM points to a
 * deleted customer.
 */
class EstateStateMachineProperties {

  private static final Actor ACTOR = Actor.of("prop");
  private static final int SIMS = 14;
  private static final List<String> NAMES =
      List.of("Alpha", "alpha", "Beta", "  BETA ", "Gamma", "Delta  Co", "delta co", "Epsilon");

  // One library for every chain (building one bootstraps Bean Validation); each chain has its own
  // two tenants and its own SIM numbers.
  private static final SimEstate LIBRARY = SimEstate.builder().clock(new TestClock()).random(new SplittableRandom(5))
      .build();
  private static final AtomicInteger RUNS = new AtomicInteger();

  /** The model: plain maps. */
  static final class State {
    final int run = RUNS.incrementAndGet();
    final List<TenantId> tenants = List.of(TenantId.of("s" + run + "-a"), TenantId.of("s" + run + "-b"));
    final Map<CustomerId, ModelCustomer> customers = new LinkedHashMap<>();
    final Map<Integer, CustomerId> holderOf = new HashMap<>();
    int contactNames;

    Iccid sim(int n) {
      return Iccid.withCheckDigit(String.format("8945%07d%07d", run, n));
    }

    List<CustomerId> customerIds() {
      return List.copyOf(customers.keySet());
    }

    boolean nameTaken(TenantId tenant, String name, CustomerId except) {
      return customers.entrySet().stream().anyMatch(e -> !e.getKey().equals(except)
          && e.getValue().tenant.equals(tenant) && e.getValue().key().equals(key(name)));
    }

    long simCount(CustomerId id) {
      return holderOf.values().stream().filter(id::equals).count();
    }

    @Override
    public String toString() {
      return "run " + run + ": " + customers.size() + " customers, " + holderOf.size() + " assigned SIMs";
    }
  }

  static final class ModelCustomer {
    final TenantId tenant;
    String name;
    final List<ModelContact> contacts = new ArrayList<>();

    ModelCustomer(TenantId tenant, String name) {
      this.tenant = tenant;
      this.name = name;
    }

    String key() {
      return EstateStateMachineProperties.key(name);
    }
  }

  record ModelContact(ContactId id, String name, boolean alertsOn, Set<AlertKind> kinds) {}

  static String normal(String name) {
    return name.strip().replaceAll("\\s+", " ");
  }

  static String key(String name) {
    return normal(name).toLowerCase(Locale.ROOT);
  }

  @Property(tries = 100)
  void libraryAgreesWithThePlainModelAfterEveryStep(@ForAll("chains") ActionChain<State> chain) {
    chain.withInvariant("library agrees with the model", EstateStateMachineProperties::agree).run();
  }

  @Provide
  Arbitrary<ActionChain<State>> chains() {
    return ActionChain.startWith(State::new)
        .withAction(3, new CreateCustomer())
        .withAction(1, new RenameCustomer())
        .withAction(1, new DeleteCustomer())
        .withAction(1, new DeleteAfterStalePreview())
        .withAction(2, new AddContact())
        .withAction(1, new EditContact())
        .withAction(1, new RemoveContact())
        .withAction(3, new AssignList())
        .withAction(2, new UnassignList())
        .withAction(2, new AssignRange())
        .withMaxTransformations(25);
  }

  // ---- actions ------------------------------------------------------------------------------

  static final class CreateCustomer implements Action.Independent<State> {
    @Override
    public Arbitrary<Transformer<State>> transformer() {
      return Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.of(NAMES))
          .as((t, name) -> Transformer.mutate("create " + name.strip() + " in tenant " + t, s -> {
            TenantId tenant = s.tenants.get(t);
            if (s.nameTaken(tenant, name, null)) {
              assertThatThrownBy(() -> LIBRARY.customers().create(tenant, ACTOR, CustomerDetails.named(name)))
                  .isInstanceOfSatisfying(ConflictException.class,
                      e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.DUPLICATE_NAME));
            } else {
              Customer c = LIBRARY.customers().create(tenant, ACTOR, CustomerDetails.named(name));
              s.customers.put(c.id(), new ModelCustomer(tenant, normal(name)));
            }
          }));
    }
  }

  static final class RenameCustomer implements Action.Dependent<State> {
    @Override
    public boolean precondition(State s) {
      return !s.customers.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<State>> transformer(State state) {
      return Combinators.combine(Arbitraries.of(state.customerIds()), Arbitraries.of(NAMES))
          .as((id, name) -> Transformer.mutate("rename to " + name.strip(), s -> {
            ModelCustomer m = s.customers.get(id);
            long version = LIBRARY.customers().get(m.tenant, id).version();
            if (s.nameTaken(m.tenant, name, id)) {
              assertThatThrownBy(() -> LIBRARY.customers().update(m.tenant, ACTOR, id, version,
                  CustomerDetails.named(name))).isInstanceOf(ConflictException.class);
            } else {
              LIBRARY.customers().update(m.tenant, ACTOR, id, version, CustomerDetails.named(name));
              m.name = normal(name);
            }
          }));
    }
  }

  static final class DeleteCustomer implements Action.Dependent<State> {
    @Override
    public boolean precondition(State s) {
      return !s.customers.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<State>> transformer(State state) {
      return Arbitraries.of(state.customerIds()).map(id -> Transformer.mutate("delete customer", s -> {
        ModelCustomer m = s.customers.get(id);
        DeletionPreview preview = LIBRARY.customers().previewDeletion(m.tenant, id);
        assertThat(preview.simCount()).isEqualTo(s.simCount(id));
        assertThat(preview.contactCount()).isEqualTo(m.contacts.size());
        LIBRARY.customers().delete(m.tenant, ACTOR, preview.confirmation());
        s.customers.remove(id);
        s.holderOf.values().removeIf(id::equals);
      }));
    }
  }

  static final class DeleteAfterStalePreview implements Action.Dependent<State> {
    @Override
    public boolean precondition(State s) {
      return !s.customers.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<State>> transformer(State state) {
      return Arbitraries.of(state.customerIds()).map(id -> Transformer.mutate("delete after a stale preview", s -> {
        ModelCustomer m = s.customers.get(id);
        DeletionPreview preview = LIBRARY.customers().previewDeletion(m.tenant, id);
        Contact added = LIBRARY.customers().addContact(m.tenant, ACTOR, id,
            new ContactDetails("Late " + (++s.contactNames), null, null, null, false, null));
        m.contacts.add(new ModelContact(added.id(), added.name(), false, EnumSet.allOf(AlertKind.class)));
        assertThatThrownBy(() -> LIBRARY.customers().delete(m.tenant, ACTOR, preview.confirmation()))
            .isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_CONFIRMATION));
      }));
    }
  }

  static final class AddContact implements Action.Dependent<State> {
    @Override
    public boolean precondition(State s) {
      return !s.customers.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<State>> transformer(State state) {
      return Combinators.combine(Arbitraries.of(state.customerIds()), Arbitraries.of(true, false),
          Arbitraries.of(AlertKind.class).set().ofMinSize(1))
          .as((id, on, kinds) -> Transformer.mutate("add contact (alerts " + on + ", " + kinds + ")", s -> {
            ModelCustomer m = s.customers.get(id);
            String name = "Contact " + (++s.contactNames);
            Contact c = LIBRARY.customers().addContact(m.tenant, ACTOR, id,
                new ContactDetails(name, "c" + s.contactNames + "@x.example", null, null, on, kinds));
            m.contacts.add(new ModelContact(c.id(), name, on, Set.copyOf(kinds)));
          }));
    }
  }

  static final class EditContact implements Action.Dependent<State> {
    @Override
    public boolean precondition(State s) {
      return s.customers.values().stream().anyMatch(c -> !c.contacts.isEmpty());
    }

    @Override
    public Arbitrary<Transformer<State>> transformer(State state) {
      List<CustomerId> withContacts = state.customers.entrySet().stream()
          .filter(e -> !e.getValue().contacts.isEmpty()).map(Map.Entry::getKey).toList();
      return Combinators.combine(Arbitraries.of(withContacts), Arbitraries.integers().between(0, 10),
          Arbitraries.of(true, false), Arbitraries.of(AlertKind.class).set().ofMinSize(1))
          .as((id, index, on, kinds) -> Transformer.mutate("edit contact (alerts " + on + ")", s -> {
            ModelCustomer m = s.customers.get(id);
            int i = index % m.contacts.size();
            ModelContact before = m.contacts.get(i);
            String name = before.name() + "'";
            LIBRARY.customers().updateContact(m.tenant, ACTOR, id, before.id(),
                new ContactDetails(name, "e" + i + "@x.example", null, null, on, kinds));
            m.contacts.set(i, new ModelContact(before.id(), name, on, Set.copyOf(kinds)));
          }));
    }
  }

  static final class RemoveContact implements Action.Dependent<State> {
    @Override
    public boolean precondition(State s) {
      return s.customers.values().stream().anyMatch(c -> !c.contacts.isEmpty());
    }

    @Override
    public Arbitrary<Transformer<State>> transformer(State state) {
      List<CustomerId> withContacts = state.customers.entrySet().stream()
          .filter(e -> !e.getValue().contacts.isEmpty()).map(Map.Entry::getKey).toList();
      return Combinators.combine(Arbitraries.of(withContacts), Arbitraries.integers().between(0, 10))
          .as((id, index) -> Transformer.mutate("remove contact", s -> {
            ModelCustomer m = s.customers.get(id);
            ModelContact gone = m.contacts.remove(index % m.contacts.size());
            LIBRARY.customers().removeContact(m.tenant, ACTOR, id, gone.id());
          }));
    }
  }

  static final class AssignList implements Action.Dependent<State> {
    @Override
    public boolean precondition(State s) {
      return !s.customers.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<State>> transformer(State state) {
      return Combinators.combine(Arbitraries.of(state.customerIds()),
          Arbitraries.integers().between(0, SIMS - 1).set().ofMinSize(1).ofMaxSize(4))
          .as((id, sims) -> Transformer.mutate("assign SIMs " + sims, s -> assign(s, id, List.copyOf(sims),
              () -> LIBRARY.sims().assign(s.customers.get(id).tenant, ACTOR, id,
                  sims.stream().map(n -> s.sim(n).digits()).toList()))));
    }
  }

  static final class AssignRange implements Action.Dependent<State> {
    @Override
    public boolean precondition(State s) {
      return !s.customers.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<State>> transformer(State state) {
      return Combinators.combine(Arbitraries.of(state.customerIds()), Arbitraries.integers().between(0, SIMS - 1),
          Arbitraries.integers().between(1, 5))
          .as((id, first, length) -> {
            int last = Math.min(SIMS - 1, first + length - 1);
            return Transformer.<State>mutate("assign range " + first + ".." + last, s -> assign(s, id,
                IntStream.rangeClosed(first, last).boxed().toList(),
                () -> LIBRARY.sims().assign(s.customers.get(id).tenant, ACTOR, id,
                    IccidRange.of(s.sim(first), s.sim(last)))));
          });
    }
  }

  static void assign(State s, CustomerId id, List<Integer> sims, java.util.function.Supplier<AssignmentChanges> call) {
    TenantId tenant = s.customers.get(id).tenant;
    boolean heldElsewhere = sims.stream().map(s.holderOf::get)
        .anyMatch(h -> h != null && !s.customers.get(h).tenant.equals(tenant));
    if (heldElsewhere) {
      assertThatThrownBy(call::get).isInstanceOfSatisfying(ConflictException.class,
          e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.SIM_HELD_ELSEWHERE));
      return;
    }
    long moved = sims.stream().map(s.holderOf::get).filter(h -> h != null && !h.equals(id)).count();
    long unchanged = sims.stream().map(s.holderOf::get).filter(id::equals).count();
    AssignmentChanges changes = call.get();
    assertThat(changes.moved()).isEqualTo(moved);
    assertThat(changes.unchanged()).isEqualTo(unchanged);
    assertThat(changes.changed()).isEqualTo(sims.size() - unchanged);
    sims.forEach(n -> s.holderOf.put(n, id));
  }

  static final class UnassignList implements Action.Independent<State> {
    @Override
    public Arbitrary<Transformer<State>> transformer() {
      return Combinators.combine(Arbitraries.integers().between(0, 1),
          Arbitraries.integers().between(0, SIMS - 1).set().ofMinSize(1).ofMaxSize(4))
          .as((t, sims) -> Transformer.mutate("unassign " + sims + " in tenant " + t, s -> {
            TenantId tenant = s.tenants.get(t);
            AssignmentChanges changes = LIBRARY.sims().unassign(tenant, ACTOR,
                sims.stream().map(n -> s.sim(n).digits()).toList());
            long mine = sims.stream().map(s.holderOf::get)
                .filter(h -> h != null && s.customers.get(h).tenant.equals(tenant)).count();
            assertThat(changes.changed()).isEqualTo(mine);
            sims.stream().filter(n -> {
              CustomerId h = s.holderOf.get(n);
              return h != null && s.customers.get(h).tenant.equals(tenant);
            }).forEach(s.holderOf::remove);
          }));
    }
  }

  // ---- the invariant -------------------------------------------------------------------------

  static void agree(State s) {
    for (int sim = 0; sim < SIMS; sim++) {
      final int n = sim;
      CustomerId holder = s.holderOf.get(n);
      for (TenantId tenant : s.tenants) {
        Optional<CustomerId> actual = LIBRARY.sims().customerOf(tenant, s.sim(n).digits());
        Optional<CustomerId> expected = holder != null && s.customers.get(holder).tenant.equals(tenant)
            ? Optional.of(holder) : Optional.empty();
        assertThat(actual).as("customer of SIM %d in %s", n, tenant).isEqualTo(expected);
        actual.ifPresent(id -> assertThat(LIBRARY.customers().find(tenant, id))
            .as("SIM %d points to an existing customer", n).isPresent());
      }
    }
    for (TenantId tenant : s.tenants) {
      List<CustomerSummary> listed = LIBRARY.customers().list(tenant, null, PageRequest.first(1000)).items();
      List<CustomerSummary> expected = s.customers.entrySet().stream().filter(e -> e.getValue().tenant.equals(tenant))
          .sorted(Comparator.comparing(e -> e.getValue().key()))
          .map(e -> new CustomerSummary(e.getKey(), e.getValue().name)).toList();
      assertThat(listed).as("customer list of %s", tenant).isEqualTo(expected);
    }
    for (Map.Entry<CustomerId, ModelCustomer> e : s.customers.entrySet()) {
      ModelCustomer m = e.getValue();
      CustomerReport report = LIBRARY.customers().report(m.tenant, e.getKey(), PageRequest.first(100));
      assertThat(report.customer().name().value()).isEqualTo(m.name);
      assertThat(report.simCount()).as("SIM count of %s", m.name).isEqualTo(s.simCount(e.getKey()));
      assertThat(report.sims().items()).containsExactlyInAnyOrderElementsOf(s.holderOf.entrySet().stream()
          .filter(h -> h.getValue().equals(e.getKey())).map(h -> s.sim(h.getKey())).toList());
      assertThat(report.customer().contacts())
          .extracting(Contact::id, Contact::name, Contact::alertsEnabled, Contact::alertKinds)
          .containsExactlyElementsOf(m.contacts.stream()
              .map(c -> org.assertj.core.api.Assertions.tuple(c.id(), c.name(), c.alertsOn(), c.kinds())).toList());
      TenantId other = s.tenants.get(0).equals(m.tenant) ? s.tenants.get(1) : s.tenants.get(0);
      assertThat(LIBRARY.customers().find(other, e.getKey())).isEmpty();
    }
  }
}
