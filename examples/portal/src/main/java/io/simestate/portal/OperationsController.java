package io.simestate.portal;

import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryFilter;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.estate.SimEstate;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Operations: the tenant's failed and stuck deliveries (F18), a view at a time, with resubmit and
 * discard for one delivery or for all in the view. Every change goes through {@code estate.deliveries()}
 * with the signed-in user's tenant, so an id of another tenant's delivery changes nothing.
 */
@Controller
public class OperationsController {

  static final int PAGE_SIZE = 25;

  /** The views of the operations page, in the order of its tabs. */
  public enum View {
    /** Failed deliveries. */
    FAILED("Failed", "given up after their attempts, or refused by the mail server", "No delivery has failed."),
    /** Pending deliveries overdue for longer than {@code portal.operations.stuck-after}. */
    STUCK("Stuck", "due but taken by no dispatcher", "No delivery is stuck."),
    /** In-flight deliveries whose dispatcher's lease ran out. */
    LEASE("Lease ran out", "claimed by a dispatcher that stopped or hangs",
        "No delivery waits for a dispatcher that stopped."),
    /** Discarded deliveries. */
    DISCARDED("Discarded", "taken out of the outbox; not sent unless resubmitted", "No delivery is discarded.");

    final String label;
    final String meaning;
    final String none;

    View(String label, String meaning, String none) {
      this.label = label;
      this.meaning = meaning;
      this.none = none;
    }

    /**
     * This view's name in URLs.
     *
     * @return e.g. {@code failed}
     */
    public String key() {
      return name().toLowerCase();
    }

    /**
     * The tab's label.
     *
     * @return e.g. {@code Failed}
     */
    public String label() {
      return label;
    }

    /**
     * What the deliveries of this view are.
     *
     * @return a short explanation
     */
    public String meaning() {
      return meaning;
    }

    /**
     * What the page says when the view is empty.
     *
     * @return e.g. No delivery has failed.
     */
    public String none() {
      return none;
    }

    static View of(String key) {
      return Arrays.stream(values()).filter(v -> v.key().equals(key)).findFirst().orElse(FAILED);
    }
  }

  private final SimEstate estate;
  private final Duration stuckAfter;

  /**
   * The page on the estate.
   *
   * @param estate the library
   * @param stuckAfter how long a pending delivery is past its due time before it counts as stuck
   */
  public OperationsController(SimEstate estate, @Value("${portal.operations.stuck-after:15m}") Duration stuckAfter) {
    this.estate = estate;
    this.stuckAfter = stuckAfter;
  }

  @GetMapping("/operations")
  String operations(@RequestParam(name = "view", defaultValue = "failed") String viewKey,
      @RequestParam(name = "page", defaultValue = "0") int page, Authentication user, Model model) {
    TenantId tenant = PortalSecurity.tenantOf(user);
    View view = View.of(viewKey);
    Map<View, Long> counts = new LinkedHashMap<>();
    for (View v : View.values()) {
      counts.put(v, estate.deliveries().list(tenant, filter(v), PageRequest.first(1)).total());
    }
    Page<Delivery> deliveries = estate.deliveries().list(tenant, filter(view),
        new PageRequest(Math.max(0, page) * PAGE_SIZE, PAGE_SIZE));
    model.addAttribute("views", View.values());
    model.addAttribute("view", view);
    model.addAttribute("counts", counts);
    model.addAttribute("deliveries", deliveries.items());
    model.addAttribute("total", deliveries.total());
    model.addAttribute("page", Math.max(0, page));
    model.addAttribute("pages", Math.max(1, (deliveries.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    model.addAttribute("stuckAfter", Format.duration(stuckAfter));
    return "operations";
  }

  @PostMapping("/operations/deliveries/{id}/resubmit")
  String resubmit(@PathVariable("id") String id, @RequestParam(name = "view", defaultValue = "failed") String view,
      Authentication user, RedirectAttributes redirect) {
    return changeOne(id, view, user, redirect, true);
  }

  @PostMapping("/operations/deliveries/{id}/discard")
  String discard(@PathVariable("id") String id, @RequestParam(name = "view", defaultValue = "failed") String view,
      Authentication user, RedirectAttributes redirect) {
    return changeOne(id, view, user, redirect, false);
  }

  @PostMapping("/operations/resubmit-all")
  String resubmitAll(@RequestParam("view") String viewKey, Authentication user, RedirectAttributes redirect) {
    return changeAll(viewKey, user, redirect, true);
  }

  @PostMapping("/operations/discard-all")
  String discardAll(@RequestParam("view") String viewKey, Authentication user, RedirectAttributes redirect) {
    return changeAll(viewKey, user, redirect, false);
  }

  private String changeAll(String viewKey, Authentication user, RedirectAttributes redirect, boolean resubmit) {
    View view = View.of(viewKey);
    TenantId tenant = PortalSecurity.tenantOf(user);
    long n = resubmit
        ? estate.deliveries().resubmitAll(tenant, CustomersController.actor(user), filter(view))
        : estate.deliveries().discardAll(tenant, CustomersController.actor(user), filter(view));
    String verb = resubmit ? "resubmit" : "discard";
    redirect.addFlashAttribute("notice", n == 0 ? "Nothing to " + verb + " in \u201c" + view.label() + "\u201d."
        : plural(n) + (resubmit ? " resubmitted: due now, each with a full set of attempts."
            : " discarded: not sent unless resubmitted."));
    return "redirect:/operations?view=" + view.key();
  }

  private String changeOne(String id, String viewKey, Authentication user, RedirectAttributes redirect,
      boolean resubmit) {
    View view = View.of(viewKey);
    DeliveryId deliveryId;
    try {
      deliveryId = new DeliveryId(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("error", "There is no such delivery in your account.");
      return "redirect:/operations?view=" + view.key();
    }
    TenantId tenant = PortalSecurity.tenantOf(user);
    List<Delivery> changed = resubmit
        ? estate.deliveries().resubmit(tenant, CustomersController.actor(user), List.of(deliveryId))
        : estate.deliveries().discard(tenant, CustomersController.actor(user), List.of(deliveryId));
    if (changed.isEmpty()) {
      redirect.addFlashAttribute("error", "Nothing " + (resubmit ? "resubmitted" : "discarded")
          + ": there is no such delivery in your account, or it was sent or taken by a dispatcher meanwhile.");
    } else {
      Delivery d = changed.get(0);
      redirect.addFlashAttribute("notice", resubmit
          ? "Resubmitted: " + describe(d) + " is due now, with a full set of attempts."
          : "Discarded: " + describe(d) + " will not be sent unless resubmitted.");
    }
    return "redirect:/operations?view=" + view.key();
  }

  /**
   * What a delivery is, for people.
   *
   * @param d the delivery
   * @return e.g. the Warning alert for SIM 8944… to Ana Fleet
   */
  public static String describe(Delivery d) {
    String what = d.alert() != null ? "the " + d.alert().kind().label() + " alert for SIM " + d.alert().iccid()
        : "the subscription notice";
    return what + " to " + d.recipient().name();
  }

  private DeliveryFilter filter(View view) {
    return switch (view) {
      case FAILED -> DeliveryFilter.failed();
      case STUCK -> DeliveryFilter.pendingLongerThan(stuckAfter);
      case LEASE -> DeliveryFilter.inFlightPastLease();
      case DISCARDED -> DeliveryFilter.discarded();
    };
  }

  private static String plural(long n) {
    return n + (n == 1 ? " delivery" : " deliveries");
  }
}
