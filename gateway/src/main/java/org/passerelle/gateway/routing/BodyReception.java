package org.passerelle.gateway.routing;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.passerelle.gateway.config.GatewayConfig;
import org.passerelle.problem.ProblemType;

/**
 * Receives a request's body whole before any backend sees it (ADR 0014), within limits: a caller
 * may send only a few bodies at once (429, {@link BodyQuota}), each piece must follow the previous
 * one within the idle timeout and the whole body arrive within its route's time limit (408, the
 * connection closed), a body may not grow past its route's size limit (413) nor past the budget of
 * all bodies held (503).
 */
final class BodyReception {

  private static final Logger LOG = Logger.getLogger(BodyReception.class);

  /** The caller sent nothing for too long, or took too long in all; {@code limit} in seconds. */
  private static final class StalledBody extends RuntimeException {
    final long limitSeconds;

    StalledBody(long limitSeconds) {
      super("request body not received within " + limitSeconds + " s", null, false, false);
      this.limitSeconds = limitSeconds;
    }
  }

  /** A body of unknown length grew past its route's limit. */
  private static final class BodyTooLarge extends RuntimeException {
    BodyTooLarge() {
      super("request body too large", null, false, false);
    }
  }

  /** The body grew past what the gateway may hold for all callers together. */
  private static final class BudgetExhausted extends RuntimeException {
    BudgetExhausted() {
      super("request bodies budget exhausted", null, false, false);
    }
  }

  private final Vertx vertx;
  private final BodyQuota bodyQuota;
  private final long bodyIdleMillis;

  /** What happens to an exchange whose body arrived whole. */
  private final Consumer<Exchange> received;

  /** Receptions started, for the tests that check which requests are received whole. */
  private final LongAdder receptions = new LongAdder();

  BodyReception(GatewayConfig.RequestBodies bodies, Vertx vertx, Consumer<Exchange> received) {
    this.vertx = vertx;
    this.bodyQuota = new BodyQuota(bodies.perClient(), bodies.maxBuffered().asLongValue());
    this.bodyIdleMillis = bodies.idleTimeout().toMillis();
    this.received = received;
  }

  /**
   * Receives a body counted against the caller's quota, or refuses it with 429 when the caller is
   * already sending as many as it may.
   */
  void receiveCounted(Exchange exchange, String clientKey, long max, long totalMillis) {
    BodyQuota.Slot slot = bodyQuota.acquire(clientKey);
    if (slot == null) {
      exchange.context.response().putHeader("Retry-After", "1");
      refuse(
          exchange.context,
          ProblemType.TOO_MANY_REQUESTS,
          exchange.path,
          "too-many-requests.bodies",
          1);
      return;
    }
    exchange.slot = slot;
    receive(exchange, max, totalMillis);
  }

  /**
   * Receives the whole body, then hands the exchange on. Each piece must follow the previous one
   * within the idle timeout and the whole body arrive within {@code totalMillis}: a caller that
   * stalls gets 408 and its connection is closed. A body of unknown length may not grow past {@code
   * max} (413) nor past the budget of all bodies held (503).
   */
  void receive(Exchange exchange, long max, long totalMillis) {
    receptions.increment();
    RoutingContext context = exchange.context;
    HttpServerRequest request = context.request();
    Promise<Buffer> reception = Promise.promise();
    exchange.reception = reception;
    Buffer body = Buffer.buffer();
    long[] idleTimer = {-1};
    long totalTimer =
        vertx.setTimer(totalMillis, t -> reception.tryFail(new StalledBody(seconds(totalMillis))));
    Runnable rearm =
        () -> {
          vertx.cancelTimer(idleTimer[0]);
          idleTimer[0] =
              vertx.setTimer(
                  bodyIdleMillis, t -> reception.tryFail(new StalledBody(seconds(bodyIdleMillis))));
        };
    rearm.run();
    reception
        .future()
        .onComplete(
            done -> {
              vertx.cancelTimer(idleTimer[0]);
              vertx.cancelTimer(totalTimer);
              if (exchange.slot != null) {
                exchange.slot.received();
              }
            })
        .onSuccess(
            whole -> {
              exchange.body = whole;
              received.accept(exchange);
            })
        .onFailure(error -> bodyFailed(exchange, error, max));
    request.handler(
        chunk -> {
          if (reception.future().isComplete()) {
            return;
          }
          if (body.length() + (long) chunk.length() > max) {
            reception.tryFail(new BodyTooLarge());
          } else if (exchange.slot != null && !exchange.slot.grow(chunk.length())) {
            reception.tryFail(new BudgetExhausted());
          } else {
            body.appendBuffer(chunk);
            rearm.run();
          }
        });
    request.exceptionHandler(reception::tryFail);
    request.endHandler(end -> reception.tryComplete(body));
    if (!request.isEnded() && "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      context.response().writeContinue();
    }
    request.resume();
  }

  /** How many bodies were awaited since the start. */
  long receptions() {
    return receptions.sum();
  }

  private static long seconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }

  /** The body will not reach the backend: say why, unless the caller is gone. */
  private void bodyFailed(Exchange exchange, Throwable error, long max) {
    exchange.releaseBody();
    RoutingContext context = exchange.context;
    if (exchange.callerGone || context.response().closed()) {
      LOG.debugf("caller of request %s went away while sending its body", exchange.requestId());
      return;
    }
    switch (error) {
      case StalledBody stalled -> {
        LOG.infof(
            "caller of request %s (route %s) stalled while sending its body: 408",
            exchange.requestId(), exchange.logged.route());
        // The caller is not sending: the connection ends right after the answer.
        context.response().putHeader("Connection", "close");
        GatewayProblem.send(
                context,
                ProblemType.REQUEST_TIMEOUT,
                exchange.path,
                "request-timeout.detail",
                stalled.limitSeconds)
            .onComplete(written -> context.request().connection().close());
      }
      case BudgetExhausted ignored -> {
        LOG.warnf(
            "request bodies budget exhausted, request %s refused with 503", exchange.requestId());
        context.response().putHeader("Retry-After", "1");
        refuse(
            context,
            ProblemType.SERVICE_UNAVAILABLE,
            exchange.path,
            "service-unavailable.gateway-busy",
            1);
      }
      case BodyTooLarge ignored -> tooLarge(context, exchange.path, max);
      default -> {
        LOG.debugf("request %s: body not received: %s", exchange.requestId(), error.toString());
        context.request().connection().close();
      }
    }
  }

  /** Refuses a body larger than its route's limit (413). */
  void tooLarge(RoutingContext context, String path, long maxBody) {
    refuse(context, ProblemType.PAYLOAD_TOO_LARGE, path, "payload-too-large.detail", maxBody);
  }

  /**
   * Refuses a request whose body is not wanted: the answer says the connection ends; the rest of
   * the body is read and dropped meanwhile, so the caller gets to read the answer, and the
   * connection is closed after the body idle timeout at the latest.
   */
  private void refuse(
      RoutingContext context,
      ProblemType type,
      String path,
      String detailKey,
      Object... arguments) {
    HttpServerRequest request = context.request();
    if (!context.response().headWritten()) {
      context.response().putHeader("Connection", "close");
    }
    if (!request.isEnded()) {
      request.handler(chunk -> {});
      request.exceptionHandler(error -> {});
    }
    GatewayProblem.refuse(context, type, path, detailKey, arguments);
    vertx.setTimer(
        bodyIdleMillis,
        t -> {
          if (!context.response().closed()) {
            request.connection().close();
          }
        });
  }
}
