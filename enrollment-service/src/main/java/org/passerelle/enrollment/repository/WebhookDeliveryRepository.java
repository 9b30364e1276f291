package org.passerelle.enrollment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.passerelle.enrollment.WebhookDelivery;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

  /**
   * Hibernate's lock timeout meaning SKIP LOCKED: another instance's claimed rows are passed by.
   */
  private static final int SKIP_LOCKED = -2;

  /** Up to {@code limit} pending deliveries due at {@code now}, locked, the oldest due first. */
  public List<WebhookDelivery> lockDue(OffsetDateTime now, int limit) {
    return find(
            "status = ?1 and nextAttemptAt <= ?2",
            Sort.by("nextAttemptAt").and("id"),
            WebhookDelivery.Status.PENDING,
            now)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
        .page(0, limit)
        .list();
  }

  /**
   * Deletes up to {@code limit} deliveries that ended (delivered or failed) and were written before
   * {@code before}; a pending one stays whatever its age. Returns how many went.
   */
  public int deleteEndedBefore(OffsetDateTime before, int limit) {
    return getEntityManager()
        .createNativeQuery(
            "delete from webhook_delivery where id in (select id from webhook_delivery"
                + " where status <> 'PENDING' and created_at < ?1 limit ?2)")
        .setParameter(1, before)
        .setParameter(2, limit)
        .executeUpdate();
  }
}
