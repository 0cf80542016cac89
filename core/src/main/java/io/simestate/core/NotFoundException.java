package io.simestate.core;

/**
 * The thing asked for does not exist for this tenant: a customer, a contact, a SIM assignment,
 * an alert. Asking one tenant for another tenant's data answers this too, never "forbidden", so that
 * identifiers of other tenants cannot be probed.
 */
public final class NotFoundException extends SimEstateException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which thing was not found, e.g. {@code "Customer 3f2a… not found"}
   */
  public NotFoundException(String message) {
    super(message);
  }
}
