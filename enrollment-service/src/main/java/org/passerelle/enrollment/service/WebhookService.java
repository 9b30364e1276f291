package org.passerelle.enrollment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.passerelle.commons.events.Backoff;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Responses;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.Application;
import org.passerelle.enrollment.WebhookDelivery;
import org.passerelle.enrollment.WebhookSubscription;
import org.passerelle.enrollment.api.WebhookDeliveryView;
import org.passerelle.enrollment.api.WebhookSubscriptionRequest;
import org.passerelle.enrollment.api.WebhookSubscriptionView;
import org.passerelle.enrollment.config.EnrollmentConfig;
import org.passerelle.enrollment.events.ApplicationFacts;
import org.passerelle.enrollment.events.ApplicationSubmitted;
import org.passerelle.enrollment.events.WebhookPayload;
import org.passerelle.enrollment.repository.WebhookDeliveryRepository;
import org.passerelle.enrollment.repository.WebhookSubscriptionRepository;

/**
 * Signed webhooks to regional offices' systems (ADR 0045): their subscriptions, within their
 * country; the deliveries each change of an application writes in its own transaction; and the
 * attempts {@link WebhookDispatcher} makes to send them.
 */
@ApplicationScoped
public class WebhookService {

  public static final Sorting SUBSCRIPTION_SORTING =
      Sorting.of("-createdAt", "id", "createdAt", "createdAt", "url", "url");

  public static final Sorting DELIVERY_SORTING =
      Sorting.of(
          "-createdAt",
          "id",
          "createdAt",
          "createdAt",
          "nextAttemptAt",
          "nextAttemptAt",
          "status",
          "status");

  /** A delivery being sent: what the dispatcher needs, read in the claiming transaction. */
  public record Claimed(
      UUID id, String url, String secret, String previousSecret, String payload) {}

  /** How an attempt ended: the receiver's status if it answered, else why not. */
  public record Attempt(Integer statusCode, String error) {
    public boolean delivered() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }

  private final WebhookSubscriptionRepository subscriptions;
  private final WebhookDeliveryRepository deliveries;
  private final IdempotencyKeys idempotency;
  private final EnrollmentConfig config;
  private final ObjectMapper mapper;
  private final Now now;

  WebhookService(
      WebhookSubscriptionRepository subscriptions,
      WebhookDeliveryRepository deliveries,
      IdempotencyKeys idempotency,
      EnrollmentConfig config,
      ObjectMapper mapper,
      Now now) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.idempotency = idempotency;
    this.config = config;
    this.mapper = mapper;
    this.now = now;
  }

  /** A new subscription in the caller's country, with its secret (shown this once). */
  @Transactional
  public IdempotencyKeys.Outcome<WebhookSubscriptionView> create(
      WebhookSubscriptionRequest request, String idempotencyKey, AccessScope scope) {
    String country = country(scope);
    URI url = checkedUrl(request.url());
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "create-webhook-subscription",
        request,
        WebhookSubscriptionView.class,
        () -> {
          OffsetDateTime at = now.timestamp();
          WebhookSubscription subscription = new WebhookSubscription();
          subscription.id = UUID.randomUUID();
          subscription.country = country;
          subscription.url = url.toString();
          subscription.eventTypes = String.join(",", new LinkedHashSet<>(request.eventTypes()));
          subscription.secret = WebhookSignature.newSecret();
          subscription.createdBy = scope.subject();
          subscription.createdAt = at;
          subscription.updatedAt = at;
          subscriptions.persist(subscription);
          return WebhookSubscriptionView.of(subscription, true);
        });
  }

  @Transactional
  public Page<WebhookSubscriptionView> list(
      Sorting.Order order, int page, int size, AccessScope scope) {
    return Page.of(
        subscriptions.find("country", order.sort(), country(scope)),
        page,
        size,
        WebhookSubscriptionView::of);
  }

  @Transactional
  public WebhookSubscriptionView get(UUID id, AccessScope scope) {
    return WebhookSubscriptionView.of(visible(id, scope));
  }

  /**
   * A new secret for the subscription, shown this once; the one it replaces still signs beside it
   * for {@code secret-overlap}, so the receiver switches without missing a delivery. A retry with
   * the same Idempotency-Key gets the same new secret.
   */
  @Transactional
  public IdempotencyKeys.Outcome<WebhookSubscriptionView> rotateSecret(
      UUID id, String idempotencyKey, AccessScope scope) {
    WebhookSubscription subscription = visible(id, scope);
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "rotate-webhook-secret",
        Map.of("subscription", id.toString()),
        WebhookSubscriptionView.class,
        () -> {
          OffsetDateTime at = now.timestamp();
          subscription.previousSecret = subscription.secret;
          subscription.previousSecretExpiresAt = at.plus(config.webhooks().secretOverlap());
          subscription.secret = WebhookSignature.newSecret();
          subscription.updatedAt = at;
          return WebhookSubscriptionView.of(subscription, true);
        });
  }

  /** Deletes the subscription and the deliveries not sent yet. */
  @Transactional
  public void delete(UUID id, AccessScope scope) {
    subscriptions.delete(visible(id, scope));
  }

  @Transactional
  public Page<WebhookDeliveryView> deliveries(
      UUID subscriptionId, Sorting.Order order, int page, int size, AccessScope scope) {
    visible(subscriptionId, scope);
    return Page.of(
        deliveries.find("subscriptionId", order.sort(), subscriptionId),
        page,
        size,
        WebhookDeliveryView::of);
  }

  /**
   * Writes, in the transaction of the change, a delivery of this application event to each
   * subscription of the application's country that asked for its type.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void tell(Application application, String event, OffsetDateTime at) {
    String type = eventType(event);
    if (type == null) {
      return;
    }
    List<WebhookSubscription> told =
        subscriptions.list("country", application.country).stream()
            .filter(subscription -> subscription.eventTypes().contains(type))
            .toList();
    if (told.isEmpty()) {
      return;
    }
    String payload = payload(application, type, at);
    for (WebhookSubscription subscription : told) {
      WebhookDelivery delivery = new WebhookDelivery();
      delivery.id = UUID.randomUUID();
      delivery.subscriptionId = subscription.id;
      delivery.eventType = type;
      delivery.applicationId = application.id;
      delivery.payload = payload;
      delivery.status = WebhookDelivery.Status.PENDING;
      delivery.createdAt = at;
      delivery.nextAttemptAt = at;
      deliveries.persist(delivery);
    }
  }

  /**
   * The deliveries due, claimed for as long as an attempt may take so that no other instance sends
   * them meanwhile; one that is never recorded (the instance stopped) is due again after that.
   */
  @Transactional
  public List<Claimed> claimDue() {
    OffsetDateTime at = now.timestamp();
    List<Claimed> claimed = new ArrayList<>();
    for (WebhookDelivery delivery : deliveries.lockDue(at, config.webhooks().batch())) {
      WebhookSubscription subscription = subscriptions.findById(delivery.subscriptionId);
      delivery.nextAttemptAt = at.plus(config.webhooks().timeout().multipliedBy(3));
      claimed.add(
          new Claimed(
              delivery.id,
              subscription.url,
              subscription.secret,
              subscription.previousSecretAt(at),
              delivery.payload));
    }
    return claimed;
  }

  /** Records an attempt: delivered, retried after the backoff, or failed after the last one. */
  @Transactional
  public void record(UUID deliveryId, Attempt attempt) {
    WebhookDelivery delivery = deliveries.findById(deliveryId);
    if (delivery == null || delivery.status != WebhookDelivery.Status.PENDING) {
      return;
    }
    OffsetDateTime at = now.timestamp();
    delivery.attempts++;
    delivery.lastAttemptAt = at;
    delivery.lastStatusCode = attempt.statusCode();
    delivery.lastError = attempt.error();
    if (attempt.delivered()) {
      delivery.status = WebhookDelivery.Status.DELIVERED;
      delivery.deliveredAt = at;
      delivery.nextAttemptAt = null;
    } else if (delivery.attempts >= config.webhooks().maxAttempts()) {
      delivery.status = WebhookDelivery.Status.FAILED;
      delivery.nextAttemptAt = null;
    } else {
      Duration wait =
          Backoff.after(
              delivery.attempts, config.webhooks().firstDelay(), config.webhooks().maxDelay());
      delivery.nextAttemptAt = at.plus(wait);
    }
  }

  /**
   * Deletes, a batch per transaction, the deliveries that ended longer ago than {@code
   * keep-deliveries}: receivers have had them, and the list is for recent troubleshooting. Returns
   * how many went.
   */
  public int pruneEnded() {
    OffsetDateTime before = now.timestamp().minus(config.webhooks().keepDeliveries());
    int total = 0;
    int deleted;
    do {
      deleted =
          QuarkusTransaction.requiringNew()
              .call(() -> deliveries.deleteEndedBefore(before, PRUNED_PER_TRANSACTION));
      total += deleted;
    } while (deleted == PRUNED_PER_TRANSACTION);
    return total;
  }

  private static final int PRUNED_PER_TRANSACTION = 5000;

  /** The webhook type of an application event, null for an event webhooks do not tell. */
  static String eventType(String event) {
    return switch (event) {
      case ApplicationSubmitted.NAME -> "application.submitted";
      case ApplicationFacts.ACCEPTED, ApplicationFacts.WAITLISTED, ApplicationFacts.REJECTED ->
          "application.decided";
      case ApplicationFacts.ENROLLED -> "application.enrolled";
      case ApplicationFacts.WITHDRAWN -> "application.withdrawn";
      default -> null;
    };
  }

  private String payload(Application application, String type, OffsetDateTime at) {
    WebhookPayload payload =
        new WebhookPayload(
            type,
            at,
            new WebhookPayload.Data(
                application.id,
                application.intakeId,
                application.status.name(),
                URI.create(Responses.publicBaseUrl() + "/api/v1/applications/" + application.id)));
    try {
      return mapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("webhook payload is not serialisable", e);
    }
  }

  private WebhookSubscription visible(UUID id, AccessScope scope) {
    String country = country(scope);
    return subscriptions
        .findByIdOptional(id)
        .filter(subscription -> subscription.country.equals(country))
        .orElseThrow(() -> ProblemException.notFound("webhook-subscription"));
  }

  /** The country whose applications the caller is told of: a regional office's system's. */
  private static String country(AccessScope scope) {
    if (!scope.has(Roles.INTEGRATION) || scope.country().isEmpty()) {
      throw ProblemException.forbidden();
    }
    return scope.country().get();
  }

  /**
   * An https URL of a public host; http://localhost and http://127.0.0.1 where development allows
   * them. Never a private or loopback address otherwise: the platform would call into its own
   * network for a caller.
   */
  private URI checkedUrl(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw invalidUrl();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw invalidUrl();
    }
    boolean local = "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host);
    if (config.webhooks().allowLocalHttp() && local && "http".equals(scheme)) {
      return uri;
    }
    if (!"https".equals(scheme)
        || (!config.webhooks().allowLocalHttp() && WebhookAddresses.internalAsWritten(host))) {
      throw invalidUrl();
    }
    return uri;
  }

  private static ProblemException invalidUrl() {
    return ProblemException.invalid("url", "invalid-request.webhook-url");
  }
}
