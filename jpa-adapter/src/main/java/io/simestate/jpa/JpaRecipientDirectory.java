package io.simestate.jpa;

import io.simestate.core.TenantId;
import io.simestate.core.alert.RecipientDirectory;
import io.simestate.core.alert.SimHolder;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.Iccid;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** "Who holds SIM X": one SQL statement joining assignment, customer and contacts. */
final class JpaRecipientDirectory implements RecipientDirectory {

  private static final String HOLDER = """
      select c.id, c.name, k.id, k.name, k.email, k.phone, k.contact_role, k.alerts_enabled,
             k.wants_warning, k.wants_cut_off
      from simestate_sim_assignment a
      join simestate_customer c on c.id = a.customer_id
      left join simestate_contact k on k.customer_id = c.id
      where a.iccid = ?1 and a.tenant_id = ?2
      order by k.ordinal""";

  private static final String HOLDER_JDBC = HOLDER.replace("?1", "?").replace("?2", "?");

  private final JpaTransactions tx;

  JpaRecipientDirectory(JpaTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<SimHolder> holderOf(TenantId tenant, Iccid sim) {
    // Plain JDBC: this look-up runs for every alert, and the provider's native-query machinery cost
    // more than the query itself. Outside a use case (standalone mode) it runs in auto-commit.
    return tx.read(connection -> {
      try (PreparedStatement ps = connection.prepareStatement(HOLDER_JDBC)) {
        ps.setString(1, sim.digits());
        ps.setString(2, tenant.value());
        try (ResultSet rs = ps.executeQuery()) {
          String customerId = null;
          String customerName = null;
          List<Contact> contacts = new ArrayList<>(4);
          while (rs.next()) {
            if (customerId == null) {
              customerId = rs.getString(1);
              customerName = rs.getString(2);
            }
            String contactId = rs.getString(3);
            if (contactId != null) {
              contacts.add(CustomerMapping.contact(contactId, rs.getString(4), rs.getString(5), rs.getString(6),
                  rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getBoolean(10)));
            }
          }
          return customerId == null ? Optional.<SimHolder>empty()
              : Optional.of(new SimHolder(new CustomerId(UUID.fromString(customerId)), customerName, contacts));
        }
      }
    });
  }
}
