package io.simestate.examples;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.InvalidInputException;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.AssignmentChanges;
import io.simestate.core.sim.CsvImportReport;
import io.simestate.core.sim.IccidRange;
import java.io.FilterReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the demo's estate through the library's public API, the way a portal's users would over
 * time: customers with the address and phone numbers of one country each ({@link CountryProfile}),
 * three contacts each with varied alert settings, and SIMs assigned by list, by range and by a CSV
 * import that holds a few bad lines.
 */
final class EstateGenerator {

  /** Customers per tenant. */
  static final int CUSTOMERS_PER_TENANT = 150;
  /** The largest list handed to one {@code assign} call. */
  private static final int LIST_CHUNK = 5_000;

  private static final String[] PREFIXES = {"Northwind", "Contoso", "Fabrikam", "Adventure Works", "Tailspin",
      "Wingtip", "Litware", "Proseware", "Lucerne", "Coho", "Fourth Coffee", "Blue Yonder", "Humongous", "Trey",
      "Woodgrove", "Alpine", "A. Datum", "Wide World", "Margie's", "Relecloud"};
  private static final String[] SECTORS = {"Logistics", "Metering", "Vending", "Fleet Services", "Agritech",
      "Security", "Energy", "Healthcare", "Rail", "Marine"};
  private static final String[] FIRST = {"Ana", "Ben", "Cleo", "Dan", "Eva", "Finn", "Greta", "Hugo", "Ines",
      "Jonas", "Kira", "Leo", "Mia", "Noah", "Olga", "Paul", "Rosa", "Sven", "Tara", "Ugo"};
  private static final String[] LAST = {"Fleet", "Berger", "Novak", "Rossi", "Jansen", "Dubois", "Keller",
      "Lindqvist", "Moreau", "Nowak", "Okafor", "Peeters", "Quinn", "Romero", "Svoboda", "Tanaka"};

  private final SimEstate estate;
  private final Actor actor;
  private final PrintStream out;
  private final int threads;

  EstateGenerator(SimEstate estate, Actor actor, PrintStream out, int threads) {
    this.estate = estate;
    this.actor = actor;
    this.out = out;
    this.threads = threads;
  }

  /**
   * Builds the estate.
   *
   * @param model the tenants; filled with what was built
   * @param simTarget how many SIMs to assign
   */
  void build(DemoEstate model, int simTarget) {
    model.stockPerTenant = Math.max(20, simTarget / 200);
    createCustomers(model, simTarget);
    long start = System.nanoTime();
    assignByList(model);
    assignByRange(model);
    importCsv(model);
    takeStockBack(model);
    model.assignSeconds = (System.nanoTime() - start) / 1e9;
  }

  private void createCustomers(DemoEstate model, int simTarget) {
    int total = 2 * CUSTOMERS_PER_TENANT;
    int stormBlock = Math.min(simTarget / 3, Math.max(600, simTarget / 300));
    long[] sizes = blockSizes(total, simTarget, stormBlock);
    DemoEstate.CustomerPlan[] plans = new DemoEstate.CustomerPlan[total];
    long[] firstSerial = new long[total];
    for (int n = 0; n < total; n++) {
      boolean first = n == 0 || n == CUSTOMERS_PER_TENANT;
      firstSerial[n] = first ? 0 : firstSerial[n - 1] + sizes[n - 1];
    }
    try (Progress p = Progress.start(out, "Creating customers with their contacts", "customers", total,
        () -> contactsSoFar(model))) {
      Parallel.forEach(threads, total, n -> {
        DemoEstate.Tenant tenant = n < CUSTOMERS_PER_TENANT ? model.tenantA : model.tenantB;
        int i = n % CUSTOMERS_PER_TENANT;
        String name = customerName(tenant, model, i);
        CountryProfile country = CountryProfile.of(n);
        CountryProfile.City city = country.city(n);
        CustomerDetails details = CustomerDetails.named(name)
            .withAddress(country.street(n, 1 + n % 97), city.postalCode(), city.name(), country.country())
            .withPhoneAndEmail(country.landline(n, 0), "office@" + domain(name))
            .withExtras("https://www." + domain(name), "ACC-" + (10_000 + n),
                n % 7 == 0 ? "Key account.\nQuarterly review with the fleet team." : null);
        Customer customer = estate.customers().create(tenant.id(), actor, details);
        DemoEstate.Method method = n == CUSTOMERS_PER_TENANT ? DemoEstate.Method.RANGE
            : switch (n % 20) {
              case 0, 1, 2, 3, 4, 5 -> DemoEstate.Method.LIST;
              case 17, 18, 19 -> DemoEstate.Method.CSV;
              default -> DemoEstate.Method.RANGE;
            };
        DemoEstate.CustomerPlan plan = new DemoEstate.CustomerPlan(tenant, customer.id(), customer.name().value(),
            firstSerial[n], (int) sizes[n], method);
        addContacts(model, plan, n);
        plans[n] = plan;
        p.add(1);
      });
    }
    model.customers.addAll(List.of(plans));
    model.stormCustomer = plans[CUSTOMERS_PER_TENANT];
    model.specialCustomer = plans[1];
    out.println("  contacts: " + Figures.count(model.contactsAdded) + " added: " + Figures.count(model.contactsAlertsOn)
        + " with alerts on (" + Figures.count(model.contactsWarningOnly) + " warning-only, "
        + Figures.count(model.contactsCutOffOnly) + " cut-off-only), " + Figures.count(model.contactsAlertsOff)
        + " with alerts off (" + Figures.count(model.contactsWithoutEmail) + " without an email address); "
        + Figures.count(model.contactsRejected) + " refused for an invalid address");
  }

  private static String contactsSoFar(DemoEstate model) {
    synchronized (model) {
      return Figures.count(model.contactsAdded) + " contacts";
    }
  }

  /** SIM block sizes: the storm customer's first, the rest spread unevenly over the others. */
  private static long[] blockSizes(int customers, int simTarget, int stormBlock) {
    long[] sizes = new long[customers];
    int storm = CUSTOMERS_PER_TENANT;
    long rest = simTarget - stormBlock;
    long weightSum = 0;
    for (int n = 0; n < customers; n++) {
      if (n != storm) {
        weightSum += weight(n);
      }
    }
    long given = 0;
    int last = customers - 1;
    for (int n = 0; n < customers; n++) {
      if (n == storm) {
        sizes[n] = stormBlock;
      } else if (n != last) {
        sizes[n] = Math.max(1, rest * weight(n) / weightSum);
        given += sizes[n];
      }
    }
    sizes[last] = Math.max(1, rest - given);
    return sizes;
  }

  private static long weight(int n) {
    return 1 + (n * 7919L) % 10;
  }

  private static String customerName(DemoEstate.Tenant tenant, DemoEstate model, int i) {
    if (tenant == model.tenantB && i == 0) {
      return "Tailspin Vending Machines";
    }
    if (tenant == model.tenantA && i == 1) {
      return "O'Brien & Söhne <Smart Meters>";
    }
    int k = tenant == model.tenantA ? i : i + 37;
    return PREFIXES[k % PREFIXES.length] + " " + SECTORS[(k / PREFIXES.length) % SECTORS.length];
  }

  /** The customer's mail domain: an internationalised one for Söhne, to show IDNA at work. */
  private static String domain(String name) {
    if (name.startsWith("O'Brien")) {
      return "obrien-söhne.example";
    }
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return slug + ".example";
  }

  private void addContacts(DemoEstate model, DemoEstate.CustomerPlan c, int n) {
    String domain = domain(c.name());
    List<ContactDetails> contacts = new ArrayList<>(3);
    contacts.add(ContactDetails.alerted(person(n, 0), email(n, 0, domain))
        .withPhoneAndRole(CountryProfile.of(n).mobile(n, 0), "Operations lead"));
    contacts.add(switch (n % 4) {
      case 0 -> ContactDetails.alerted(person(n, 1), email(n, 1, domain)).wanting(AlertKind.WARNING);
      case 1 -> ContactDetails.alerted(person(n, 1), email(n, 1, domain)).wanting(AlertKind.CUT_OFF);
      case 2 -> ContactDetails.silent(person(n, 1), email(n, 1, domain));
      default -> ContactDetails.silent(person(n, 1), email(n, 1, domain)).withPhoneAndRole(null, "Finance");
    });
    contacts.add(switch (n % 3) {
      case 0 -> ContactDetails.silent(person(n, 2), null)
          .withPhoneAndRole(CountryProfile.of(n).landline(n, 4), "Site");
      case 1 -> ContactDetails.alerted(person(n, 2), email(n, 2, domain)).wanting(AlertKind.CUT_OFF);
      default -> ContactDetails.silent(person(n, 2), email(n, 2, domain));
    });
    if (n % 25 == 3) {
      // A user ticks "alerts" for a contact whose address is mistyped: the library refuses it.
      try {
        estate.customers().addContact(c.tenant().id(), actor, c.id(),
            ContactDetails.alerted("Night Shift", "night shift@" + domain));
      } catch (InvalidInputException e) {
        synchronized (model) {
          if (model.contactsRejected == 0) {
            out.println("    (a contact with alerts on and a mistyped address is refused: "
                + e.violations().get(0).message() + ")");
          }
          model.contactsRejected++;
        }
      }
    }
    for (ContactDetails details : contacts) {
      Contact added = estate.customers().addContact(c.tenant().id(), actor, c.id(), details);
      synchronized (model) {
        model.contactsAdded++;
        count(model, added);
      }
    }
  }

  private static void count(DemoEstate model, Contact contact) {
    if (contact.alertsEnabled()) {
      model.contactsAlertsOn++;
      if (contact.alertKinds().size() == 1) {
        if (contact.wants(AlertKind.WARNING)) {
          model.contactsWarningOnly++;
        } else {
          model.contactsCutOffOnly++;
        }
      }
    } else {
      model.contactsAlertsOff++;
    }
    if (contact.email() == null) {
      model.contactsWithoutEmail++;
    }
  }

  private static String person(int customer, int k) {
    int i = customer * 3 + k;
    return FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length];
  }

  private static String email(int customer, int k, String domain) {
    return person(customer, k).toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + domain;
  }

  private void assignByList(DemoEstate model) {
    List<DemoEstate.CustomerPlan> listed = model.customers.stream()
        .filter(c -> c.method() == DemoEstate.Method.LIST).toList();
    long total = listed.stream().mapToLong(DemoEstate.CustomerPlan::sims).sum();
    try (Progress p = Progress.start(out, "Assigning SIMs by list", "SIMs", total)) {
      Parallel.forEach(threads, listed.size(), i -> {
        DemoEstate.CustomerPlan c = listed.get(i);
        for (int from = 0; from < c.sims(); from += LIST_CHUNK) {
          int to = Math.min(c.sims(), from + LIST_CHUNK);
          List<String> iccids = new ArrayList<>(to - from);
          for (int k = from; k < to; k++) {
            iccids.add(c.sim(k).digits());
          }
          AssignmentChanges changes = estate.sims().assign(c.tenant().id(), actor, c.id(), iccids);
          synchronized (model) {
            model.simsByList += changes.changed();
          }
          p.add(iccids.size());
        }
      });
    }
  }

  private void assignByRange(DemoEstate model) {
    List<DemoEstate.CustomerPlan> ranged = model.customers.stream()
        .filter(c -> c.method() == DemoEstate.Method.RANGE).toList();
    long total = ranged.stream().mapToLong(DemoEstate.CustomerPlan::sims).sum();
    try (Progress p = Progress.start(out, "Assigning SIMs by range", "SIMs", total)) {
      Parallel.forEach(threads, ranged.size(), i -> {
        DemoEstate.CustomerPlan c = ranged.get(i);
        IccidRange range = IccidRange.of(c.sim(0), c.sim(c.sims() - 1));
        AssignmentChanges changes = estate.sims().assign(c.tenant().id(), actor, c.id(), range);
        synchronized (model) {
          model.simsByRange += changes.changed();
        }
        p.add(range.size());
      });
    }
  }

  private void importCsv(DemoEstate model) {
    for (DemoEstate.Tenant tenant : List.of(model.tenantA, model.tenantB)) {
      StringBuilder csv = new StringBuilder("iccid,customer\n");
      long lines = 0;
      String firstGood = null;
      for (DemoEstate.CustomerPlan c : model.customersOf(tenant)) {
        if (c.method() != DemoEstate.Method.CSV) {
          continue;
        }
        for (int k = 0; k < c.sims(); k++) {
          String line = c.sim(k).digits() + "," + c.name();
          if (firstGood == null) {
            firstGood = line;
          }
          csv.append(line).append('\n');
          lines++;
        }
        if (tenant == model.tenantA && lines > 0 && model.csvBadLinesPlanned == 0) {
          // A few lines as people really type them; each is reported, none stops the import.
          String otherSim = model.tenantA.stockSim(model.stockPerTenant + 1L).digits();
          csv.append("8944500109999,").append(c.name()).append('\n');
          csv.append("89445001O0000000017,").append(c.name()).append('\n');
          csv.append(otherSim).append(",No Such Customer Ltd\n");
          csv.append(firstGood).append('\n');
          csv.append(otherSim).append('\n');
          csv.append(otherSim).append(',').append(c.name()).append(",extra column\n");
          model.csvBadLinesPlanned = 6;
          lines += 6;
        }
      }
      if (lines == 0) {
        continue;
      }
      String text = csv.toString();
      try (Progress p = Progress.start(out, "Importing CSV for " + tenant.id(), "lines", lines)) {
        CsvImportReport report = estate.sims().importCsv(tenant.id(), actor, new LineCountingReader(
            new StringReader(text), p));
        model.csvLines += report.lines();
        model.simsByCsv += report.assigned();
        model.csvRejected += report.rejected().size();
        p.set(report.lines());
        for (CsvImportReport.RejectedLine bad : report.rejected()) {
          out.println("    CSV line " + bad.lineNumber() + " rejected: " + bad.reason() + "  [" + bad.text() + "]");
        }
      }
    }
  }

  /** Assigns a block of stock SIMs and takes them back, so that the stock has a history too. */
  private void takeStockBack(DemoEstate model) {
    for (DemoEstate.Tenant tenant : List.of(model.tenantA, model.tenantB)) {
      DemoEstate.CustomerPlan someone = model.customersOf(tenant).get(2);
      IccidRange stock = IccidRange.of(tenant.stockSim(0), tenant.stockSim(model.stockPerTenant - 1L));
      estate.sims().assign(tenant.id(), actor, someone.id(), stock);
      AssignmentChanges back = estate.sims().unassign(tenant.id(), actor, stock);
      out.println("  " + tenant.id() + ": " + Figures.count(back.changed()) + " stock SIMs assigned by mistake and "
          + "unassigned again; they stay without a customer");
    }
  }

  /** Counts the lines the import reads, for the progress line. */
  private static final class LineCountingReader extends FilterReader {
    private final Progress progress;

    LineCountingReader(Reader in, Progress progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      long lines = 0;
      for (int i = offset; i < offset + n; i++) {
        if (buffer[i] == '\n') {
          lines++;
        }
      }
      progress.add(lines);
      return n;
    }
  }
}
