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
}
