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
 * 0045). The secret signs every delivery; it is shown once, when the subscription is created or its
 * secret rotated. After a rotation the previous secret signs too, until it expires.
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

  /** The secret a rotation replaced, still signing beside {@link #secret} until it expires. */
  @Column(name = "previous_secret")
  public String previousSecret;

  @Column(name = "previous_secret_expires_at")
  public OffsetDateTime previousSecretExpiresAt;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  /** The replaced secret while it still signs at {@code at}, otherwise null. */
  public String previousSecretAt(OffsetDateTime at) {
    return previousSecret != null
            && previousSecretExpiresAt != null
            && previousSecretExpiresAt.isAfter(at)
        ? previousSecret
        : null;
  }

  public List<String> eventTypes() {
    return Arrays.asList(eventTypes.split(","));
  }
}
