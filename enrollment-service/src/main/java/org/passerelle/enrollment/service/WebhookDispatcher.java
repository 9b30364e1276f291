package org.passerelle.enrollment.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.config.EnrollmentConfig;

/**
 * Sends the webhook deliveries due (ADR 0045), each signed for this attempt, in parallel on virtual
 * threads, and records how each went: at least once, retried with exponential backoff.
 */
@ApplicationScoped
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

  private final WebhookService webhooks;
  private final EnrollmentConfig config;
  private final Now now;
  private final HttpClient client;
  private final WebhookAddresses.Resolver resolver;

  @Inject
  WebhookDispatcher(WebhookService webhooks, EnrollmentConfig config, Now now) {
    this(webhooks, config, now, WebhookAddresses.SYSTEM);
  }

  WebhookDispatcher(
      WebhookService webhooks,
      EnrollmentConfig config,
      Now now,
      WebhookAddresses.Resolver resolver) {
    this.webhooks = webhooks;
    this.resolver = resolver;
    this.config = config;
    this.now = now;
    // Redirects are not followed: a receiver's answer never sends the platform elsewhere.
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.webhooks().timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Scheduled(
      identity = "webhooks",
      every = "{passerelle.enrollment.webhooks.poll}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void dispatch() {
    List<WebhookService.Claimed> due;
    try {
      due = webhooks.claimDue();
    } catch (RuntimeException e) {
      LOG.warnf("webhook deliveries could not be read: %s", e.getClass().getName());
      return;
    }
    if (due.isEmpty()) {
      return;
    }
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (WebhookService.Claimed delivery : due) {
        senders.submit(() -> webhooks.record(delivery.id(), send(delivery)));
      }
    }
  }

  @Scheduled(
      identity = "webhook-deliveries-pruning",
      every = "1h",
      delay = 1,
      delayUnit = TimeUnit.MINUTES,
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void prune() {
    try {
      int deleted = webhooks.pruneEnded();
      if (deleted > 0) {
        LOG.infof("deleted %d ended webhook deliveries", deleted);
      }
    } catch (RuntimeException e) {
      LOG.warnf("ended webhook deliveries could not be deleted: %s", e.getClass().getName());
    }
  }

  /**
   * One attempt: POST the payload with this attempt's Standard Webhooks headers, unless the host
   * now resolves to an internal address.
   */
  WebhookService.Attempt send(WebhookService.Claimed delivery) {
    URI url = URI.create(delivery.url());
    if (!config.webhooks().allowLocalHttp()) {
      try {
        if (WebhookAddresses.resolvesInternally(url.getHost(), resolver)) {
          return new WebhookService.Attempt(null, "ADDRESS_NOT_PUBLIC");
        }
      } catch (UnknownHostException e) {
        return new WebhookService.Attempt(null, "CONNECTION");
      }
    }
    long timestamp = now.instant().getEpochSecond();
    String id = delivery.id().toString();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(config.webhooks().timeout())
            .header("Content-Type", "application/json")
            .header(WebhookSignature.ID, id)
            .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
            .header(WebhookSignature.SIGNATURE, signatures(delivery, id, timestamp))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
            .build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return new WebhookService.Attempt(status, status / 100 == 2 ? null : "HTTP_STATUS");
    } catch (HttpTimeoutException e) {
      return new WebhookService.Attempt(null, "TIMEOUT");
    } catch (IOException e) {
      return new WebhookService.Attempt(null, "CONNECTION");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new WebhookService.Attempt(null, "CONNECTION");
    }
  }

  /** The current secret's signature, then the rotated one's while it still signs. */
  private static String signatures(WebhookService.Claimed delivery, String id, long timestamp) {
    String signature = WebhookSignature.sign(delivery.secret(), id, timestamp, delivery.payload());
    return delivery.previousSecret() == null
        ? signature
        : signature
            + " "
            + WebhookSignature.sign(delivery.previousSecret(), id, timestamp, delivery.payload());
  }
}
