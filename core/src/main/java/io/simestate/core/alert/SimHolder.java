package io.simestate.core.alert;

import io.simestate.core.customer.Contact;
import io.simestate.core.customer.CustomerId;
import java.util.List;

/**
 * The customer a SIM is assigned to, with the contacts routing considers.
 *
 * @param customerId the customer
 * @param customerName its name
 * @param contacts all of its contacts (routing applies the rules); never null
 */
public record SimHolder(CustomerId customerId, String customerName, List<Contact> contacts) {

  /**
   * Copies the list.
   *
   * @param customerId the customer
   * @param customerName its name
   * @param contacts all of its contacts (routing applies the rules); never null
   */
  public SimHolder {
    contacts = List.copyOf(contacts);
  }
}
