package org.passerelle.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A regional office's system asking to be told, at its URL, of its country's applications (ADR
 * 0045). The secret signs every delivery; it is shown once, when the subscription is created.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

  /** The event types a subscription may ask for, as receivers read them in {@code type}. */
  public static final List<String> EVENT_TYPES =
      List.of(
          "application.submitted",
          "application.decided",
          "application.enrolled",
          "application.withdrawn");

  @Id public UUID id;

  public String country;

  public String url;

  /** Comma-separated, each one of {@link #EVENT_TYPES}. */
  @Column(name = "event_types")
  public String eventTypes;

  public String secret;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  public List<String> eventTypes() {
    return Arrays.asList(eventTypes.split(","));
  }
}
