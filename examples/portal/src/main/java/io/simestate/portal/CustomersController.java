package io.simestate.portal;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.Violation;
import io.simestate.core.alert.AlertDecision;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.SkipReason;
import io.simestate.core.alert.SkippedContact;
import io.simestate.core.sim.Iccid;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.ContactId;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.DeletionConfirmation;
import io.simestate.core.estate.CustomerReport;
import io.simestate.core.estate.DeletionPreview;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.AssignmentChanges;
import io.simestate.core.sim.CsvImportReport;
import io.simestate.core.sim.IccidRange;
import io.simestate.spring.SimEstateProperties;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Customers page: select and report, add, edit, delete, contacts, SIM assignment, delivery record. */
@Controller
public class CustomersController {

  static final int SIM_PAGE = 20;
  static final int PICK_LIMIT = 200;
  private static final Pattern TYPED_ENTRY = Pattern.compile("iccids\\[(\\d+)]");

  private final SimEstate estate;
  private final SimEstateProperties properties;

  public CustomersController(SimEstate estate, SimEstateProperties properties) {
    this.estate = estate;
    this.properties = properties;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/customers";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/customers")
  String list(@RequestParam(name = "q", defaultValue = "") String q, Authentication user, Model model) {
    TenantId tenant = PortalSecurity.tenantOf(user);
    var page = estate.customers().list(tenant, q.isBlank() ? null : q, PageRequest.first(PICK_LIMIT));
    model.addAttribute("q", q);
    model.addAttribute("customers", page.items());
    model.addAttribute("total", page.total());
    return "customers";
  }

  @GetMapping("/customers/report")
  String runReport(@RequestParam("id") String id) {
    return "redirect:/customers/" + CustomerId.parse(id);
  }

  @GetMapping("/customers/new")
  String newCustomer(Model model) {
    model.addAttribute("form", new CustomerForm());
    model.addAttribute("errors", Map.of());
    return "customer-form";
  }

  @PostMapping("/customers")
  String create(@ModelAttribute("form") CustomerForm form, Authentication user, Model model,
      RedirectAttributes redirect) {
    try {
      Customer created = estate.customers().create(PortalSecurity.tenantOf(user), actor(user), form.details());
      redirect.addFlashAttribute("notice", "Customer \u201c" + created.name() + "\u201d created.");
      return "redirect:/customers/" + created.id();
    } catch (InvalidInputException e) {
      model.addAttribute("errors", fieldErrors(e));
    } catch (ConflictException e) {
      model.addAttribute("errors", Map.of("name", e.getMessage()));
    }
    return "customer-form";
  }

  @GetMapping("/customers/{id}")
  String report(@PathVariable("id") String id, @RequestParam(name = "page", defaultValue = "0") int page,
      Authentication user, Model model) {
    TenantId tenant = PortalSecurity.tenantOf(user);
    CustomerId customerId = CustomerId.parse(id);
    CustomerReport report = estate.customers().report(tenant, customerId,
        new PageRequest(Math.max(0, page) * SIM_PAGE, SIM_PAGE));
    model.addAttribute("report", report);
    model.addAttribute("c", report.customer());
    model.addAttribute("page", page);
    model.addAttribute("pages", Math.max(1, (report.simCount() + SIM_PAGE - 1) / SIM_PAGE));
    model.addAttribute("deliveries", deliveries(tenant, report.customer()));
    model.addAttribute("decisions", decisions(tenant, report));
    model.addAttribute("record", estate.auditTrail().forCustomer(tenant, customerId, 50));
    SimEstateProperties.Tenant settings = properties.getTenants().get(tenant.value());
    model.addAttribute("senderAddress", settings != null && settings.getSender().getAddress() != null
        ? settings.getSender().getAddress() : properties.getSender().getAddress());
    if (!model.containsAttribute("contactErrors")) {
      model.addAttribute("contactErrors", Map.of());
    }
    return "customer";
  }

  @GetMapping("/customers/{id}/edit")
  String edit(@PathVariable("id") String id, Authentication user, Model model) {
    Customer c = estate.customers().get(PortalSecurity.tenantOf(user), CustomerId.parse(id));
    model.addAttribute("form", CustomerForm.of(c));
    model.addAttribute("customerId", c.id().toString());
    model.addAttribute("errors", Map.of());
    return "customer-form";
  }

  @PostMapping("/customers/{id}/edit")
  String update(@PathVariable("id") String id, @ModelAttribute("form") CustomerForm form, Authentication user,
      Model model, RedirectAttributes redirect) {
    try {
      estate.customers().update(PortalSecurity.tenantOf(user), actor(user), CustomerId.parse(id), form.getVersion(),
          form.details());
      redirect.addFlashAttribute("notice", "Changes saved.");
      return "redirect:/customers/" + id;
    } catch (InvalidInputException e) {
      model.addAttribute("errors", fieldErrors(e));
    } catch (ConflictException e) {
      model.addAttribute("errors", Map.of("form", e.getMessage()));
    }
    model.addAttribute("customerId", id);
    return "customer-form";
  }

  @GetMapping("/customers/{id}/delete")
  String confirmDelete(@PathVariable("id") String id, Authentication user, Model model) {
    DeletionPreview preview = estate.customers().previewDeletion(PortalSecurity.tenantOf(user), CustomerId.parse(id));
    model.addAttribute("preview", preview);
    model.addAttribute("customerId", id);
    return "customer-delete";
  }

  @PostMapping("/customers/{id}/delete")
  String delete(@PathVariable("id") String id, @RequestParam("version") long version,
      @RequestParam("simCount") long simCount, @RequestParam("contactCount") int contactCount, Authentication user,
      Model model, RedirectAttributes redirect) {
    TenantId tenant = PortalSecurity.tenantOf(user);
    CustomerId customerId = CustomerId.parse(id);
    try {
      var result = estate.customers().delete(tenant, actor(user),
          new DeletionConfirmation(tenant, customerId, version, simCount, contactCount));
      redirect.addFlashAttribute("notice", "Customer deleted; " + simCount + " SIMs have no customer now.");
      return "redirect:/customers";
    } catch (ConflictException e) {
      model.addAttribute("preview", estate.customers().previewDeletion(tenant, customerId));
      model.addAttribute("customerId", id);
      model.addAttribute("stale", "Something changed since the warning (" + e.getMessage().replaceAll("[.;\\s]+$", "")
          + "). Read the new warning and confirm again.");
      return "customer-delete";
    }
  }

  @PostMapping("/customers/{id}/contacts")
  String addContact(@PathVariable("id") String id, @ModelAttribute ContactForm form, Authentication user,
      RedirectAttributes redirect) {
    try {
      estate.customers().addContact(PortalSecurity.tenantOf(user), actor(user), CustomerId.parse(id), form.details());
      redirect.addFlashAttribute("notice", "Contact added.");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("contactErrors", fieldErrors(e));
      redirect.addFlashAttribute("contactForm", form);
    }
    return "redirect:/customers/" + id + "#contacts";
  }

  @PostMapping("/customers/{id}/contacts/{contactId}")
  String updateContact(@PathVariable("id") String id, @PathVariable("contactId") String contactId,
      @ModelAttribute ContactForm form, Authentication user, RedirectAttributes redirect) {
    try {
      estate.customers().updateContact(PortalSecurity.tenantOf(user), actor(user), CustomerId.parse(id),
          ContactId.parse(contactId), form.details());
      redirect.addFlashAttribute("notice", "Contact saved.");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("error", "Contact not saved: " + describe(e));
    }
    return "redirect:/customers/" + id + "#contacts";
  }

  @PostMapping("/customers/{id}/contacts/{contactId}/remove")
  String removeContact(@PathVariable("id") String id, @PathVariable("contactId") String contactId,
      Authentication user, RedirectAttributes redirect) {
    estate.customers().removeContact(PortalSecurity.tenantOf(user), actor(user), CustomerId.parse(id),
        ContactId.parse(contactId));
    redirect.addFlashAttribute("notice", "Contact removed.");
    return "redirect:/customers/" + id + "#contacts";
  }

  @PostMapping("/customers/{id}/sims")
  String assign(@PathVariable("id") String id, @RequestParam("mode") String mode,
      @RequestParam(name = "sims", defaultValue = "") String sims, Authentication user, RedirectAttributes redirect) {
    TenantId tenant = PortalSecurity.tenantOf(user);
    CustomerId customerId = CustomerId.parse(id);
    List<String> typed = Arrays.stream(sims.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
    try {
      AssignmentChanges changes = switch (mode) {
        case "range" -> estate.sims().assign(tenant, actor(user), customerId, IccidRange.parse(sims.strip()));
        default -> estate.sims().assign(tenant, actor(user), customerId, typed);
      };
      redirect.addFlashAttribute("notice", sims(changes.changed()) + " assigned"
          + (changes.moved() > 0 ? " (" + changes.moved() + " moved from another customer)" : "")
          + (changes.unchanged() > 0 ? "; " + changes.unchanged() + (changes.unchanged() == 1 ? " was" : " were")
              + " already this customer's" : "") + ".");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("error", "No SIM assigned: " + describeTyped(e, typed));
    } catch (ConflictException e) {
      redirect.addFlashAttribute("error", "No SIM assigned: " + e.getMessage());
    }
    return "redirect:/customers/" + id + "#sims";
  }

  @PostMapping("/sims/import")
  String importCsv(@RequestParam("file") MultipartFile file, Authentication user, Model model) throws IOException {
    try {
      CsvImportReport report = estate.sims().importCsv(PortalSecurity.tenantOf(user), actor(user),
          file.getInputStream());
      model.addAttribute("importReport", report);
    } catch (InvalidInputException e) {
      model.addAttribute("importError", e.getMessage());
    }
    return "import-report";
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(NotFoundException e, Model model) {
    Authentication user = org.springframework.security.core.context.SecurityContextHolder.getContext()
        .getAuthentication();
    model.addAttribute("tenant", PortalPages.tenant(user));
    model.addAttribute("userName", PortalPages.userName(user));
    model.addAttribute("message", "There is no such customer in your account.");
    return "not-found";
  }

  /** The routing decisions for the SIMs on this page: who was told, who was skipped and why. */
  private List<AlertDecision> decisions(TenantId tenant, CustomerReport report) {
    List<AlertDecision> all = new ArrayList<>();
    for (Iccid sim : report.sims().items()) {
      all.addAll(estate.alerts().decisionsForSim(tenant, sim, 10));
    }
    all.sort(Comparator.comparing(AlertDecision::decidedAt).reversed());
    return all;
  }

  /** A skipped contact with every reason, for people. */
  public static String skipped(SkippedContact s) {
    return s.contactName() + " (" + String.join(", ", s.reasons().stream().map(SkipReason::description).toList()) + ")";
  }

  private List<Delivery> deliveries(TenantId tenant, Customer customer) {
    List<Delivery> all = new ArrayList<>();
    for (Contact contact : customer.contacts()) {
      all.addAll(estate.alerts().deliveriesTo(tenant, contact.id(), 50));
    }
    all.sort(Comparator.comparing(Delivery::createdAt).reversed());
    return all;
  }

  private static String sims(long n) {
    return n + (n == 1 ? " SIM" : " SIMs");
  }

  static Actor actor(Authentication user) {
    return Actor.of(user.getName());
  }

  /** The violations by form field: the last part of each field path. */
  static Map<String, String> fieldErrors(InvalidInputException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (Violation v : e.violations()) {
      String field = v.field() == null ? "form" : v.field().substring(v.field().lastIndexOf('.') + 1);
      errors.merge(field, v.message(), (a, b) -> a + "; " + b);
    }
    return errors;
  }

  /** The violations of a typed list, each naming the entry as typed instead of its index ({@code iccids[1]}). */
  static String describeTyped(InvalidInputException e, List<String> typed) {
    List<String> parts = new ArrayList<>();
    for (Violation v : e.violations()) {
      Matcher entry = v.field() == null ? null : TYPED_ENTRY.matcher(v.field());
      int index = entry != null && entry.matches() ? Integer.parseInt(entry.group(1)) : -1;
      parts.add((index >= 0 && index < typed.size() ? "\u201c" + typed.get(index) + "\u201d"
          : v.field() == null ? "input" : v.field()) + ": " + v.message());
    }
    return String.join("; ", parts);
  }

  static String describe(InvalidInputException e) {
    return String.join("; ", e.violations().stream().map(v -> v.field() + " " + v.message()).toList());
  }

  /** What the contact form posts. */
  public static class ContactForm {
    private String name = "";
    private String email = "";
    private String phone = "";
    private String role = "";
    private boolean alerts;
    private boolean warning = true;
    private boolean cutOff = true;

    ContactDetails details() {
      Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
      if (warning) {
        kinds.add(AlertKind.WARNING);
      }
      if (cutOff) {
        kinds.add(AlertKind.CUT_OFF);
      }
      return new ContactDetails(name, blankToNull(email), blankToNull(phone), blankToNull(role), alerts, kinds);
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public boolean isAlerts() { return alerts; }
    public void setAlerts(boolean alerts) { this.alerts = alerts; }
    public boolean isWarning() { return warning; }
    public void setWarning(boolean warning) { this.warning = warning; }
    public boolean isCutOff() { return cutOff; }
    public void setCutOff(boolean cutOff) { this.cutOff = cutOff; }
  }
}
