package io.simestate.core.inmemory;

import io.simestate.core.TenantId;
import io.simestate.core.alert.TenantAlertSettings;
import io.simestate.core.alert.TenantSettingsStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tenants' settings in a map; a change inside a failing transaction is undone. */
final class InMemoryTenantSettingsStore implements TenantSettingsStore {

  private final Map<TenantId, TenantAlertSettings> settings = new ConcurrentHashMap<>();
  private final InMemoryTransactions tx;

  InMemoryTenantSettingsStore(InMemoryTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Optional<TenantAlertSettings> find(TenantId tenant) {
    return Optional.ofNullable(settings.get(tenant));
  }

  @Override
  public void save(TenantId tenant, TenantAlertSettings value) {
    restoreOnRollback(tenant, settings.put(tenant, value));
  }

  @Override
  public boolean remove(TenantId tenant) {
    TenantAlertSettings before = settings.remove(tenant);
    restoreOnRollback(tenant, before);
    return before != null;
  }

  private void restoreOnRollback(TenantId tenant, TenantAlertSettings before) {
    tx.onRollback(() -> {
      if (before == null) {
        settings.remove(tenant);
      } else {
        settings.put(tenant, before);
      }
    });
  }
}
