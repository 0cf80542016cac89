package io.simestate.core.customer;

import io.simestate.core.estate.Customers;

/**
 * What deleting a customer will do (F5), and the confirmation to pass to
 * {@link Customers#delete}.
 *
 * @param customerName the customer's name
 * @param simCount how many SIMs will lose their customer designation (SIMs are never deleted)
 * @param contactCount how many contacts will be removed
 * @param confirmation the confirmation, valid while nothing changes
 */
public record DeletionPreview(String customerName, long simCount, int contactCount, DeletionConfirmation confirmation) {

  /**
   * The preview in words, for a confirmation dialog.
   *
   * @return e.g. "Deleting ACME removes 3 contacts; 120 SIMs lose their customer designation."
   */
  public String message() {
    String contacts = contactCount + (contactCount == 1 ? " contact" : " contacts");
    String sims = simCount == 1 ? "1 SIM loses its" : simCount + " SIMs lose their";
    return "Deleting " + customerName + " removes " + contacts + "; " + sims + " customer designation.";
  }
}
