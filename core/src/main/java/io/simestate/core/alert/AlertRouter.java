package io.simestate.core.alert;

import io.simestate.core.AlertKind;
import io.simestate.core.TenantId;
import io.simestate.core.customer.Contact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides who receives an alert (F9, F15), as a pure function of the SIM's holder and the tenant's
 * settings: exactly the contacts of the customer that holds the SIM that no {@link RoutingRule}
 * excludes; for a SIM with no customer, the tenant's catch-all recipients; nobody else. A contact
 * left out is reported with every rule's reason, in the order of the rules, so that a portal can say
 * all there is to fix. {@link #withoutAlreadyTold} then leaves out whoever was told already (F13).
 *
 * <p>The rules are pure functions of a contact and the alert kind, so what they choose from a
 * {@link SimHolder} is kept with that holder and reused while the holder is (see {@link RoutingRule}).
 */
public final class AlertRouter {

  private final List<RoutingRule> rules;

  /**
   * A router with the {@link RoutingRule#standard()} rules.
   */
  public AlertRouter() {
    this(RoutingRule.standard());
  }

  /**
   * A router with the given rules.
   *
   * @param rules the rules, checked in order
   */
  public AlertRouter(List<RoutingRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Decides the recipients of one alert.
   *
   * @param tenant the tenant
   * @param alert the alert
   * @param holder the customer holding the SIM in this tenant, if any
   * @param settings the tenant's settings (catch-all recipients)
   * @param now when the decision is made
   * @return the decision with the chosen and skipped contacts
   */
  public AlertDecision decide(TenantId tenant, UsageAlert alert, Optional<SimHolder> holder,
      TenantAlertSettings settings, Instant now) {
    if (holder.isEmpty()) {
      List<Recipient> catchAll = settings.catchAll();
      return new AlertDecision(tenant, alert, catchAll.isEmpty() ? RoutingOutcome.UNASSIGNED : RoutingOutcome.CATCH_ALL,
          null, null, catchAll, List.of(), now);
    }
    SimHolder h = holder.get();
    Choices choices = choices(h);
    List<Recipient> chosen = choices.chosen(alert.kind());
    return new AlertDecision(tenant, alert, chosen.isEmpty() ? RoutingOutcome.NO_ELIGIBLE_CONTACT : RoutingOutcome.ROUTED,
        h.customerId(), h.customerName(), chosen, choices.skipped(alert.kind()), now);
  }

  /**
   * The recipients alone, without a decision record: what {@link #decide} would choose, for the
   * read-only question "who gets an alert of this kind for this SIM".
   *
   * @param holder the customer holding the SIM, if any
   * @param kind the alert kind
   * @param settings the tenant's settings (catch-all recipients)
   * @return the recipients, in the order of the customer's contacts (or the catch-all list)
   */
  public List<Recipient> recipients(Optional<SimHolder> holder, AlertKind kind, TenantAlertSettings settings) {
    if (holder.isEmpty()) {
      return settings.catchAll();
    }
    return choices(holder.get()).chosen(kind);
  }

  /**
   * The decision once the repeat guard has answered (F13): the chosen recipients that were told of
   * the same SIM, kind and period already are moved to the skipped ones with
   * {@link SkipReason#ALREADY_TOLD}, after those the rules excluded; if nobody is left, the outcome
   * is {@link RoutingOutcome#REPEAT_SUPPRESSED}.
   *
   * @param eligible the decision of {@link #decide}
   * @param notYetTold the chosen recipients the repeat guard let through
   * @return the final decision; {@code eligible} itself if everyone was let through
   */
  public AlertDecision withoutAlreadyTold(AlertDecision eligible, List<Recipient> notYetTold) {
    if (notYetTold.size() == eligible.chosen().size()) {
      return eligible;
    }
    java.util.Set<String> through = new java.util.HashSet<>();
    notYetTold.forEach(r -> through.add(r.key()));
    return leaveOutAlreadyTold(eligible, through);
  }

  /** The decision with the chosen recipients whose key is not in {@code through} skipped as already told. */
  static AlertDecision leaveOutAlreadyTold(AlertDecision eligible, java.util.Set<String> through) {
    List<Recipient> chosen = new ArrayList<>(eligible.chosen().size());
    List<SkippedContact> skipped = null;
    for (Recipient r : eligible.chosen()) {
      if (through.contains(r.key())) {
        chosen.add(r);
      } else {
        if (skipped == null) {
          skipped = new ArrayList<>(eligible.skipped());
        }
        skipped.add(new SkippedContact(r.contactId(), r.name(), SkipReason.ALREADY_TOLD));
      }
    }
    if (skipped == null) {
      return eligible;
    }
    RoutingOutcome outcome = chosen.isEmpty() ? RoutingOutcome.REPEAT_SUPPRESSED : eligible.outcome();
    return new AlertDecision(eligible.tenantId(), eligible.alert(), outcome, eligible.customerId(),
        eligible.customerName(), chosen, skipped, eligible.decidedAt());
  }

  /** The contacts of one holder chosen for an alert kind, and those skipped with every reason; immutable. */
  private record Choice(List<Recipient> chosen, List<SkippedContact> skipped) {}

  /**
   * What one router chose from one holder's contacts for each kind; one object, so that a look-up
   * reads the holder, this and the list.
   */
  private record Choices(AlertRouter router, List<Recipient> warning, List<Recipient> cutOff,
      List<SkippedContact> warningSkipped, List<SkippedContact> cutOffSkipped) {

    List<Recipient> chosen(AlertKind kind) {
      return switch (kind) {
        case WARNING -> warning;
        case CUT_OFF -> cutOff;
      };
    }

    List<SkippedContact> skipped(AlertKind kind) {
      return switch (kind) {
        case WARNING -> warningSkipped;
        case CUT_OFF -> cutOffSkipped;
      };
    }
  }

  /**
   * The choices for a holder. The rules are pure, so they are made once per holder and kept with it
   * (a store that keeps its holders applies the rules once per change of the customer).
   */
  private Choices choices(SimHolder holder) {
    if (holder.routed() instanceof Choices kept && kept.router() == this) {
      return kept;
    }
    Choice warning = choose(holder.contacts(), AlertKind.WARNING);
    Choice cutOff = choose(holder.contacts(), AlertKind.CUT_OFF);
    Choices made = new Choices(this, warning.chosen(), cutOff.chosen(), warning.skipped(), cutOff.skipped());
    holder.routed(made);
    return made;
  }

  /** The contacts no rule excludes, as recipients, and the excluded ones with their reasons. */
  private Choice choose(List<Contact> contacts, AlertKind kind) {
    List<Recipient> chosen = new ArrayList<>(contacts.size());
    List<SkippedContact> skipped = new ArrayList<>(0);
    for (Contact contact : contacts) {
      List<SkipReason> reasons = exclusions(contact, kind);
      if (reasons.isEmpty()) {
        chosen.add(new Recipient(contact.id(), contact.name(), contact.email()));
      } else {
        skipped.add(new SkippedContact(contact.id(), contact.name(), reasons));
      }
    }
    return new Choice(List.copyOf(chosen), List.copyOf(skipped));
  }

  /** Every reason the rules give to exclude a contact, in the order of the rules; empty if none. */
  private List<SkipReason> exclusions(Contact contact, AlertKind kind) {
    List<SkipReason> reasons = List.of();
    for (RoutingRule rule : rules) {
      Optional<SkipReason> reason = rule.excludes(contact, kind);
      if (reason.isPresent()) {
        if (reasons.isEmpty()) {
          reasons = new ArrayList<>(rules.size());
        }
        reasons.add(reason.get());
      }
    }
    return reasons;
  }
}
