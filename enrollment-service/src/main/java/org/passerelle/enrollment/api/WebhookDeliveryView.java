package org.passerelle.enrollment.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.WebhookDelivery;

/** One event told to a subscription: how its attempts went and when the next one is due. */
public record WebhookDeliveryView(
    @Schema(description = "The webhook-id header of every attempt: the same on each retry") UUID id,
    @Schema(description = "application.submitted, .decided, .enrolled or .withdrawn")
        String eventType,
    UUID applicationId,
    @Schema(
            description =
                "PENDING (to be sent, or retried at nextAttemptAt), DELIVERED (answered 2xx),"
                    + " FAILED (every attempt failed)")
        WebhookDelivery.Status status,
    int attempts,
    OffsetDateTime lastAttemptAt,
    @Schema(description = "The receiver's HTTP status at the last attempt, if it answered")
        Integer lastStatusCode,
    @Schema(
            description =
                "Why the last attempt failed: HTTP_STATUS (not 2xx), TIMEOUT, CONNECTION, or"
                    + " ADDRESS_NOT_PUBLIC (the host resolved to a loopback or private address)")
        String lastError,
    @Schema(description = "When the next attempt is due, while PENDING")
        OffsetDateTime nextAttemptAt,
    OffsetDateTime deliveredAt,
    OffsetDateTime createdAt,
    @Schema(description = "The last attempt, or createdAt before any") OffsetDateTime updatedAt) {

  public static WebhookDeliveryView of(WebhookDelivery delivery) {
    return new WebhookDeliveryView(
        delivery.id,
        delivery.eventType,
        delivery.applicationId,
        delivery.status,
        delivery.attempts,
        delivery.lastAttemptAt,
        delivery.lastStatusCode,
        delivery.lastError,
        delivery.status == WebhookDelivery.Status.PENDING ? delivery.nextAttemptAt : null,
        delivery.deliveredAt,
        delivery.createdAt,
        delivery.lastAttemptAt != null ? delivery.lastAttemptAt : delivery.createdAt);
  }
}
