/**
 * SIM Estate core: the customer layer of an IoT SIM-management portal (customers, contacts, SIM
 * assignment, usage-alert routing), its ports and the in-memory adapters. A portal starts at {@link
 * io.simestate.core.estate.SimEstate}; an adapter implements the ports of {@link
 * io.simestate.core.persistence.Persistence} or {@link io.simestate.core.alert.NotificationSender}.
 * The helpers in {@code io.simestate.core.internal} are not exported.
 */
module io.simestate.core {
  // The form commands carry Bean Validation constraints that a portal may check itself.
  requires transitive jakarta.validation;
  requires org.slf4j;
  // CSV parsing (RFC 4180) for the SIM import, used only inside io.simestate.core.internal.CsvRows.
  requires de.siegmar.fastcsv;

  exports io.simestate.core;
  exports io.simestate.core.customer;
  exports io.simestate.core.sim;
  exports io.simestate.core.audit;
  exports io.simestate.core.alert;
  exports io.simestate.core.persistence;
  exports io.simestate.core.inmemory;
  exports io.simestate.core.estate;
  exports io.simestate.core.monitor;

  // Bean Validation reads the constraints on the form commands (CustomerDetails, ContactDetails)
  // reflectively; opened to whichever provider the host runs (Hibernate Validator by default).
  opens io.simestate.core.customer;
}
