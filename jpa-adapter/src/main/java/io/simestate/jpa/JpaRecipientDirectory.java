package io.simestate.jpa;

import io.simestate.core.TenantId;
import io.simestate.core.alert.RecipientDirectory;
import io.simestate.core.alert.SimHolder;
import io.simestate.core.customer.Contact;
import io.simestate.core.customer.CustomerId;
import io.simestate.core.sim.Iccid;
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

  private final JpaTransactions tx;

  JpaRecipientDirectory(JpaTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<SimHolder> holderOf(TenantId tenant, Iccid sim) {
    return tx.call(em -> {
      @SuppressWarnings("unchecked")
      List<Object[]> rows = em.createNativeQuery(HOLDER)
          .setParameter(1, sim.digits())
          .setParameter(2, tenant.value())
          .getResultList();
      if (rows.isEmpty()) {
        return Optional.empty();
      }
      List<Contact> contacts = new ArrayList<>(rows.size());
      for (Object[] r : rows) {
        if (r[2] != null) {
          contacts.add(CustomerMapping.contact((String) r[2], (String) r[3], (String) r[4], (String) r[5],
              (String) r[6], bool(r[7]), bool(r[8]), bool(r[9])));
        }
      }
      Object[] first = rows.get(0);
      return Optional.of(new SimHolder(new CustomerId(UUID.fromString((String) first[0])), (String) first[1],
          contacts));
    });
  }

  /** Booleans come back as Boolean or as a number, depending on the driver. */
  static boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.intValue() != 0;
    }
    return value != null && Boolean.parseBoolean(value.toString());
  }
}
