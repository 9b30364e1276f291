package org.passerelle.enrollment.events;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The body of a webhook (ADR 0045), in the Standard Webhooks shape {@code {type, timestamp, data}}:
 * ids, the status and where to read more, never a name, an email or another personal detail. A
 * receiver reads the application with its own token to learn more.
 *
 * @param type e.g. application.decided
 * @param timestamp when the change happened
 */
public record WebhookPayload(String type, OffsetDateTime timestamp, Data data) {

  /**
   * @param status the application's status after the change, e.g. ACCEPTED for a decision
   * @param application where the application reads (GET, the receiver's own token)
   */
  public record Data(UUID applicationId, UUID intakeId, String status, URI application) {}
}
