package io.simestate.jpa;

import io.simestate.core.Page;
import io.simestate.core.PageRequest;
import io.simestate.core.TenantId;
import io.simestate.core.alert.Delivery;
import io.simestate.core.alert.DeliveryFilter;
import io.simestate.core.alert.DeliveryId;
import io.simestate.core.alert.DeliveryOperations;
import io.simestate.core.alert.DeliveryStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The operator's view of the outbox (F18). Resubmit and discard lock the tenant's rows they name
 * ({@code SELECT … FOR UPDATE}, waiting for a dispatcher's claim to commit) and decide on the state
 * they then read, so a delivery a dispatcher has just claimed is left to it.
 */
final class JpaDeliveryOperations implements DeliveryOperations {

  private final JpaTransactions tx;

  JpaDeliveryOperations(JpaTransactions tx) {
    this.tx = tx;
  }

  @Override
  public Page<Delivery> list(TenantId tenant, DeliveryFilter filter, Instant now, PageRequest page) {
    Instant due = filter.dueNoLaterThan(now);
    String where = " from SimEstateDelivery d where d.tenantId = :tenant and d.status = :status"
        + (due == null ? "" : " and d.nextAttemptAt <= :due");
    return tx.call(em -> {
      TypedQuery<Long> count = em.createQuery("select count(d)" + where, Long.class);
      TypedQuery<DeliveryEntity> rows = em.createQuery("select d" + where + " order by d.createdAt, d.seq",
          DeliveryEntity.class);
      for (TypedQuery<?> q : List.of(count, rows)) {
        q.setParameter("tenant", tenant.value());
        q.setParameter("status", filter.deliveryStatus().name());
        if (due != null) {
          q.setParameter("due", due);
        }
      }
      long total = count.getSingleResult();
      List<Delivery> items = rows.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
          .map(JpaDeliveryOutbox::toDomain).toList();
      return new Page<>(items, total, page);
    });
  }

  @Override
  public List<Delivery> resubmit(TenantId tenant, Collection<DeliveryId> ids, Instant now) {
    return operate(tenant, ids, d -> d.resubmittableAt(now), e -> {
      e.status = DeliveryStatus.PENDING.name();
      e.attempts = 0;
      e.nextAttemptAt = now;
    });
  }

  @Override
  public List<Delivery> discard(TenantId tenant, Collection<DeliveryId> ids, Instant now) {
    return operate(tenant, ids, d -> d.discardableAt(now),
        e -> e.status = DeliveryStatus.DISCARDED.name());
  }

  private List<Delivery> operate(TenantId tenant, Collection<DeliveryId> ids, Predicate<Delivery> allowed,
      Consumer<DeliveryEntity> change) {
    List<String> keys = new ArrayList<>(new LinkedHashSet<>(ids.stream().map(DeliveryId::toString).toList()));
    if (keys.isEmpty()) {
      return List.of();
    }
    return tx.call(em -> {
      List<Delivery> changed = new ArrayList<>();
      for (int from = 0; from < keys.size(); from += Jdbc.CHUNK) {
        for (DeliveryEntity e : lock(em, tenant, keys.subList(from, Math.min(keys.size(), from + Jdbc.CHUNK)))) {
          if (allowed.test(JpaDeliveryOutbox.toDomain(e))) {
            change.accept(e);
            changed.add(JpaDeliveryOutbox.toDomain(e));
          }
        }
        em.flush();
        em.clear();
      }
      return changed;
    });
  }

  @SuppressWarnings("unchecked")
  private static List<DeliveryEntity> lock(EntityManager em, TenantId tenant, List<String> ids) {
    StringBuilder sql = new StringBuilder("select * from simestate_delivery where tenant_id = ?1 and id in (");
    for (int i = 0; i < ids.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append('?').append(i + 2);
    }
    sql.append(") order by seq for update");
    var query = em.createNativeQuery(sql.toString(), DeliveryEntity.class).setParameter(1, tenant.value());
    for (int i = 0; i < ids.size(); i++) {
      query.setParameter(i + 2, ids.get(i));
    }
    return query.getResultList();
  }
}
