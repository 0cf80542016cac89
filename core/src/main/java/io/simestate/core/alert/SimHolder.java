package io.simestate.core.alert;

import io.simestate.core.customer.Contact;
import io.simestate.core.customer.CustomerId;
import java.util.List;
import java.util.Objects;

/**
 * The customer a SIM is assigned to, with the contacts routing considers. A value: two holders are
 * equal when their customer, name and contacts are.
 *
 * <p>A holder also remembers what an {@link AlertRouter} chose from its contacts, per alert kind, so
 * that a store which keeps one holder per customer (the in-memory one) has the rules applied once per
 * change of the customer rather than once per alert. The memory is not part of the value.
 */
public final class SimHolder {

  private final CustomerId customerId;
  private final String customerName;
  private final List<Contact> contacts;
  /** What a router chose from {@link #contacts}; written by {@link AlertRouter}, racy but of immutable values. */
  private volatile Object routed;

  /**
   * Copies the list.
   *
   * @param customerId the customer
   * @param customerName its name
   * @param contacts all of its contacts (routing applies the rules); never null
   */
  public SimHolder(CustomerId customerId, String customerName, List<Contact> contacts) {
    this.customerId = customerId;
    this.customerName = customerName;
    this.contacts = List.copyOf(contacts);
  }

  /**
   * The customer.
   *
   * @return the customer's id
   */
  public CustomerId customerId() {
    return customerId;
  }

  /**
   * The customer's name.
   *
   * @return the name
   */
  public String customerName() {
    return customerName;
  }

  /**
   * All of the customer's contacts; routing applies the rules.
   *
   * @return the contacts, never null
   */
  public List<Contact> contacts() {
    return contacts;
  }

  Object routed() {
    return routed;
  }

  void routed(Object choices) {
    routed = choices;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimHolder h && Objects.equals(customerId, h.customerId)
        && Objects.equals(customerName, h.customerName) && contacts.equals(h.contacts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(customerId, customerName, contacts);
  }

  @Override
  public String toString() {
    return "SimHolder[customerId=" + customerId + ", customerName=" + customerName + ", contacts=" + contacts + "]";
  }
}
