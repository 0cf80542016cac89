package io.simestate.examples.portal;

import io.simestate.core.Actor;
import io.simestate.core.AlertKind;
import io.simestate.core.ConflictException;
import io.simestate.core.InvalidInputException;
import io.simestate.core.NotFoundException;
import io.simestate.core.TenantId;
import io.simestate.core.Violation;
import io.simestate.core.alert.AlertId;
import io.simestate.core.alert.DispatchReport;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.RoutingResult;
import io.simestate.core.alert.UsageAlert;
import io.simestate.core.customer.ContactDetails;
import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.customer.DeletionConfirmation;
import io.simestate.core.estate.DeletionPreview;
import io.simestate.core.estate.SimEstate;
import io.simestate.core.sim.IccidRange;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The customer screens and the usage-alert webhook of a (very small) SIM portal, on top of SIM
 * Estate. One instance serves one tenant (the portal account the user is logged into).
 *
 * <p>It shows the seams a portal has with the library: form input goes in as the library's
 * {@code *Details} records, validation errors come back as field → message maps for the form,
 * conflicts become messages a user can act on, and the platform's webhook becomes a
 * {@link UsageAlert}.
 */
public final class PortalService {

  /** What a form submission produced: the new id, or the errors to show next to the fields. */
  public record FormResult(Optional<CustomerId> created, Map<String, String> errors) {

    /** Copies the map. */
    public FormResult {
      errors = Map.copyOf(errors);
    }

    /**
     * Whether the form was accepted.
     *
     * @return true if there are no errors
     */
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private final SimEstate estate;
  private final TenantId tenant;
  private final Clock clock;

  /**
   * A service for one tenant.
   *
   * @param estate the library, as the portal wired it
   * @param tenant the portal account
   * @param clock the portal's clock
   */
  public PortalService(SimEstate estate, TenantId tenant, Clock clock) {
    this.estate = estate;
    this.tenant = tenant;
    this.clock = clock;
  }

  /**
   * The "new customer" form: a customer with its first contact, who gets alerts.
   *
   * @param user the logged-in portal user
   * @param customerName the customer's name
   * @param contactName the first contact's name
   * @param contactEmail the first contact's email
   * @return the new customer's id, or the field errors
   */
  public FormResult onboard(String user, String customerName, String contactName, String contactEmail) {
    Actor actor = Actor.of(user);
    try {
      Customer customer = estate.customers().create(tenant, actor, CustomerDetails.named(customerName));
      try {
        estate.customers().addContact(tenant, actor, customer.id(), ContactDetails.alerted(contactName, contactEmail));
      } catch (InvalidInputException e) {
        // The form is one unit for the user: take the half-made customer back.
        DeletionPreview preview = estate.customers().previewDeletion(tenant, customer.id());
        estate.customers().delete(tenant, actor, preview.confirmation());
        return new FormResult(Optional.empty(), errors("contact.", e));
      }
      return new FormResult(Optional.of(customer.id()), Map.of());
    } catch (InvalidInputException e) {
      return new FormResult(Optional.empty(), errors("customer.", e));
    } catch (ConflictException e) {
      return new FormResult(Optional.empty(), Map.of("customer.name", "is already taken by another customer"));
    }
  }

  /**
   * The "assign SIMs" form with a range typed as {@code first..last}.
   *
   * @param user the logged-in portal user
   * @param customer the customer
   * @param range the range text
   * @return a line for the page, e.g. "1,000 SIMs assigned, 2 moved from other customers"
   */
  public String assignRange(String user, CustomerId customer, String range) {
    try {
      var changes = estate.sims().assign(tenant, Actor.of(user), customer, IccidRange.parse(range));
      return String.format(Locale.ROOT, "%,d SIMs assigned, %,d moved from other customers", changes.changed(),
          changes.moved());
    } catch (InvalidInputException e) {
      return "Not assigned: " + e.violations().get(0).message();
    } catch (NotFoundException e) {
      return "Not assigned: the customer no longer exists";
    }
  }

  /**
   * The webhook the SIM platform calls when a SIM crosses a usage threshold.
   *
   * @param alertId the platform's alert id
   * @param iccid the SIM
   * @param kind {@code "warning"} or {@code "cutoff"}
   * @param period the billing period, e.g. "2026-11"
   * @return the names of the people who will be told (for the webhook's response log)
   */
  public List<String> onUsageWebhook(String alertId, String iccid, String kind, String period) {
    AlertKind alertKind = "cutoff".equalsIgnoreCase(kind) ? AlertKind.CUT_OFF : AlertKind.WARNING;
    UsageAlert alert = UsageAlert.of(AlertId.of(alertId), estate.sims().parse(iccid), alertKind, clock.instant())
        .withPeriod(period);
    RoutingResult result = estate.alerts().route(tenant, alert);
    return result.deliveries().stream().map(d -> d.recipient().name()).toList();
  }

  /**
   * Who would be told about a warning for a SIM, for the SIM's detail page.
   *
   * @param iccid the SIM
   * @return the names
   */
  public List<String> whoGetsWarningsFor(String iccid) {
    return estate.alerts().recipientsFor(tenant, estate.sims().parse(iccid), AlertKind.WARNING).stream()
        .map(Recipient::name).toList();
  }

  /**
   * The scheduled job that sends what routing recorded.
   *
   * @return how many deliveries were sent
   */
  public int sendPendingAlerts() {
    DispatchReport report = estate.dispatcher().dispatchDue();
    return report.sent();
  }

  /**
   * The "delete customer" dialog, step 1: what will happen.
   *
   * @param customer the customer
   * @return the confirmation to keep in the dialog, and the dialog's text
   */
  public Map.Entry<DeletionConfirmation, String> askToDelete(CustomerId customer) {
    DeletionPreview preview = estate.customers().previewDeletion(tenant, customer);
    return Map.entry(preview.confirmation(), preview.message());
  }

  /**
   * The "delete customer" dialog, step 2: the user clicked "Delete".
   *
   * @param user the logged-in portal user
   * @param confirmation the confirmation from step 1
   * @return the message for the page
   */
  public String confirmDelete(String user, DeletionConfirmation confirmation) {
    try {
      var result = estate.customers().delete(tenant, Actor.of(user), confirmation);
      return "Deleted " + result.customerName() + "; " + result.simsUnassigned() + " SIMs are now without customer.";
    } catch (ConflictException e) {
      return "The customer changed since you opened this dialog; please review and confirm again.";
    } catch (NotFoundException e) {
      return "The customer was already deleted.";
    }
  }

  private static Map<String, String> errors(String prefix, InvalidInputException e) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Violation v : e.violations()) {
      out.putIfAbsent(prefix + v.field(), v.message());
    }
    return out;
  }
}
