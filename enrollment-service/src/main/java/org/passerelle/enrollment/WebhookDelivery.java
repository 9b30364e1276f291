package org.passerelle.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event told to one subscription, sent until the receiver answers 2xx or the attempts run out.
 * Its id is the {@code webhook-id} of every attempt, so that a receiver told twice can tell.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

  /** PENDING until sent, then DELIVERED; FAILED when every attempt failed. */
  @Schema(name = "WebhookDeliveryStatus")
  public enum Status {
    PENDING,
    DELIVERED,
    FAILED
  }

  @Id public UUID id;

  @Column(name = "subscription_id")
  public UUID subscriptionId;

  @Column(name = "event_type")
  public String eventType;

  @Column(name = "application_id")
  public UUID applicationId;

  /** The JSON body, fixed when the change commits: every attempt sends the same bytes. */
  public String payload;

  @Enumerated(EnumType.STRING)
  public Status status;

  public int attempts;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "next_attempt_at")
  public OffsetDateTime nextAttemptAt;

  @Column(name = "last_attempt_at")
  public OffsetDateTime lastAttemptAt;

  /** The receiver's HTTP status at the last attempt, if it answered. */
  @Column(name = "last_status_code")
  public Integer lastStatusCode;

  /** HTTP_STATUS, TIMEOUT, CONNECTION or ADDRESS_NOT_PUBLIC: why the last attempt failed. */
  @Column(name = "last_error")
  public String lastError;

  @Column(name = "delivered_at")
  public OffsetDateTime deliveredAt;
}
