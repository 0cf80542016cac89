package io.simestate.jpa;

import io.simestate.core.TenantId;
import io.simestate.core.alert.Recipient;
import io.simestate.core.alert.SenderIdentity;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.TenantSettingsStore;
import io.simestate.core.customer.EmailAddress;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tenants' settings, a row each, mapped field by field. */
final class JpaTenantSettingsStore implements TenantSettingsStore {

  private final JpaTransactions tx;

  JpaTenantSettingsStore(JpaTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<TenantAlertSettings> find(TenantId tenant) {
    return tx.call(em -> Optional.ofNullable(em.find(TenantSettingsEntity.class, tenant.value()))
        .map(JpaTenantSettingsStore::toDomain));
  }

  @Override
  public void save(TenantId tenant, TenantAlertSettings settings) {
    tx.execute(em -> {
      TenantSettingsEntity row = em.find(TenantSettingsEntity.class, tenant.value());
      boolean fresh = row == null;
      if (fresh) {
        row = new TenantSettingsEntity();
        row.tenantId = tenant.value();
      }
      fill(row, settings);
      if (fresh) {
        em.persist(row);
      }
      em.flush();
    });
  }

  @Override
  public boolean remove(TenantId tenant) {
    return tx.call(em -> {
      TenantSettingsEntity row = em.find(TenantSettingsEntity.class, tenant.value());
      if (row == null) {
        return false;
      }
      em.remove(row);
      em.flush();
      return true;
    });
  }

  private static void fill(TenantSettingsEntity row, TenantAlertSettings s) {
    SenderIdentity sender = s.sender();
    row.senderAddress = sender == null ? null : sender.address().toString();
    row.senderName = sender == null ? null : sender.displayName();
    row.senderReplyTo = sender == null || sender.replyTo() == null ? null : sender.replyTo().toString();
    row.replyTo = s.replyTo() == null ? null : s.replyTo().toString();
    List<String> lines = new ArrayList<>();
    for (Recipient r : s.catchAll()) {
      lines.add(r.email() + "\t" + r.name());
    }
    row.catchAll = lines.isEmpty() ? null : String.join("\n", lines);
    row.digestWindowSeconds = s.digestWindow().getSeconds();
    row.repeatWindowSeconds = s.repeatWindow() == null ? null : s.repeatWindow().getSeconds();
    row.timeZone = s.timeZone() == null ? null : s.timeZone().getId();
    row.portalUrl = s.portalUrl() == null ? null : s.portalUrl().toString();
    row.displayName = s.displayName();
    row.subscriptionNotices = s.subscriptionNotices();
  }

  private static TenantAlertSettings toDomain(TenantSettingsEntity row) {
    SenderIdentity sender = row.senderAddress == null ? null : new SenderIdentity(
        EmailAddress.parse(row.senderAddress), row.senderName,
        row.senderReplyTo == null ? null : EmailAddress.parse(row.senderReplyTo));
    List<Recipient> catchAll = new ArrayList<>();
    if (row.catchAll != null) {
      for (String line : row.catchAll.split("\n")) {
        int tab = line.indexOf('\t');
        catchAll.add(Recipient.catchAll(line.substring(tab + 1), EmailAddress.parse(line.substring(0, tab))));
      }
    }
    return new TenantAlertSettings(sender, catchAll, Duration.ofSeconds(row.digestWindowSeconds),
        row.subscriptionNotices, row.replyTo == null ? null : EmailAddress.parse(row.replyTo),
        row.repeatWindowSeconds == null ? null : Duration.ofSeconds(row.repeatWindowSeconds),
        row.timeZone == null ? null : ZoneId.of(row.timeZone),
        row.portalUrl == null ? null : URI.create(row.portalUrl), row.displayName);
  }
}
