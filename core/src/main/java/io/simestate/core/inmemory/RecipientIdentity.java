package io.simestate.core.inmemory;

import io.simestate.core.alert.Recipient;

/**
 * Who a recipient is, as the in-memory stores key it: the contact's id, or for a catch-all recipient
 * (no contact) its {@link Recipient#key()}, a text that never equals an id. The same identity as
 * {@link Recipient#key()}, without formatting the contact's id for every delivery.
 */
final class RecipientIdentity {

  private RecipientIdentity() {
  }

  /**
   * The recipient's identity.
   *
   * @param r the recipient
   * @return its contact id, or its key if it has no contact
   */
  static Object of(Recipient r) {
    return r.contactId() != null ? r.contactId() : r.key();
  }
}
