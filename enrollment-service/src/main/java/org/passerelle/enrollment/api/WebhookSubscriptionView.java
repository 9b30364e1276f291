package org.passerelle.enrollment.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.WebhookSubscription;

/**
 * A subscription of a regional office's system; its secret only in the answer that created it or
 * rotated it.
 */
public record WebhookSubscriptionView(
    UUID id,
    @Schema(description = "The country whose applications it is told of: the caller's")
        String country,
    URI url,
    List<String> eventTypes,
    @Schema(
            description =
                "The key that signs deliveries (Standard Webhooks: whsec_ and base64), only in the"
                    + " answer to the creation or to a rotation: keep it then, it is never shown"
                    + " again",
            nullable = true)
        String secret,
    @Schema(
            description =
                "After a rotation, until when the previous secret still signs deliveries beside"
                    + " this one (webhook-signature then holds two signatures)",
            nullable = true)
        OffsetDateTime previousSecretExpiresAt,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** As every read shows it: without its secret. */
  public static WebhookSubscriptionView of(WebhookSubscription subscription) {
    return of(subscription, false);
  }

  public static WebhookSubscriptionView of(WebhookSubscription subscription, boolean withSecret) {
    return new WebhookSubscriptionView(
        subscription.id,
        subscription.country,
        URI.create(subscription.url),
        subscription.eventTypes(),
        withSecret ? subscription.secret : null,
        subscription.previousSecret == null ? null : subscription.previousSecretExpiresAt,
        subscription.createdAt,
        subscription.updatedAt);
  }
}
