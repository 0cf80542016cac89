package io.simestate.core.estate;

import io.simestate.core.Page;
import io.simestate.core.customer.DeletionConfirmation;
import io.simestate.core.sim.Iccid;

/**
 * What deleting a customer will do (F5), and the confirmation to pass to {@link Customers#delete}:
 * how many SIMs lose their customer designation and which (one page of them, sorted like
 * {@link Sims#simsOf}; ask {@link Customers#previewDeletion(io.simestate.core.TenantId,
 * io.simestate.core.customer.CustomerId, io.simestate.core.PageRequest)} with {@code sims().request().next()}
 * for the next page), and how many contacts will be removed.
 *
 * @param customerName the customer's name
 * @param simCount how many SIMs will lose their customer designation (SIMs are never deleted)
 * @param sims one page of those SIMs
 * @param contactCount how many contacts will be removed
 * @param confirmation the confirmation, valid while nothing changes
 */
public record DeletionPreview(String customerName, long simCount, Page<Iccid> sims, int contactCount,
    DeletionConfirmation confirmation) {

  /**
   * The preview in words, for a confirmation dialog.
   *
   * @return e.g. "Deleting ACME removes 3 contacts; 120 SIMs lose their customer designation."
   */
  public String message() {
    String contacts = contactCount + (contactCount == 1 ? " contact" : " contacts");
    String simText = simCount == 1 ? "1 SIM loses its" : simCount + " SIMs lose their";
    return "Deleting " + customerName + " removes " + contacts + "; " + simText + " customer designation.";
  }
}
