package org.passerelle.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.passerelle.gateway.config.GatewayConfig;
import org.passerelle.problem.ProblemType;

/**
 * Routes {@code /api/v1/<resource>/...} to the service owning the resource, or {@code
 * /api/v1/<shared resource>/<backend>/...} to the backend the path names, in the request's country
 * ({@link RouteTable}, {@link Caller}). The token was already checked by the edge security policy.
 * Routing uses the normalised path, the one security decisions were made on, and that is the path
 * forwarded. On the way: a rate limit per client (429, {@link RateClasses}), a body size limit per
 * route (413), a timeout per route (504), a circuit breaker per backend (503 at once while open),
 * retries of idempotent methods on connection failures only ({@link Forwarder}).
 *
 * <p>A request body is received whole before any backend sees it (ADR 0014, {@link BodyReception}):
 * a caller that stalls holds no backend connection, gets 408 after the body's idle or total time
 * limit, and may send only a few bodies at once ({@link BodyQuota}). Answers stream back. A caller
 * that goes away ends its exchange at once: the backend request is reset, nothing more is written,
 * and the access line says 499. The request's access log line ({@link AccessLog}) learns the
 * backend and country here.
 */
@ApplicationScoped
public class ProxyRoutes {

  private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

  private final RouteTable routes;
  private final RateClasses rateClasses;
  private final Forwarder forwarder;
  private final BodyReception bodies;

  ProxyRoutes(GatewayConfig config, Vertx vertx) {
    this.routes = new RouteTable(config);
    this.rateClasses = new RateClasses(config.rateLimits());
    this.forwarder = new Forwarder(config, vertx);
    this.bodies = new BodyReception(config.requestBodies(), vertx, forwarder::forward);
  }

  void register(@Observes Router router) {
    router.route(RouteTable.PREFIX + "*").order(10).handler(this::proxy);
  }

  /** How many request bodies were awaited since the start (requests without one are not). */
  long bodiesAwaited() {
    return bodies.receptions();
  }

  /** The client this thread's event loop forwards with. */
  HttpClient backendClient() {
    return forwarder.client();
  }

  private void proxy(RoutingContext context) {
    HttpServerRequest request = context.request();
    request.pause();
    String path = context.normalizedPath();
    AccessLog.Entry logged = AccessLog.of(context);
    String id = logged.requestId();
    Caller caller = Caller.of(context);
    logged.caller(caller);
    String rest = RouteTable.rest(path);
    try {
      if (!rateClasses.admit(context, caller, path)) {
        return;
      }
      String backendName = routes.backendName(rest);
      if (backendName == null) {
        GatewayProblem.refuse(context, ProblemType.NOT_FOUND, path, "not-found.address");
        return;
      }
      String country = caller.country(request, routes.defaultCountry());
      if (!routes.serves(country)) {
        GatewayProblem.refuse(context, ProblemType.UNKNOWN_COUNTRY, path, "unknown-country.detail");
        return;
      }
      logged.country(country);
      RouteTable.Backend backend = routes.backend(country, backendName);
      if (backend == null) {
        GatewayProblem.refuse(context, ProblemType.NOT_FOUND, path, "not-found.address");
        return;
      }
      logged.backend(backend.name());
      long maxBody = routes.maxBody(rest);
      String length = request.getHeader("Content-Length");
      long declared = length == null ? -1 : Long.parseLong(length.trim());
      if (declared > maxBody) {
        bodies.tooLarge(context, path, maxBody);
        return;
      }
      Exchange exchange = new Exchange(context, logged, backend, path, routes.timeoutMillis(rest));
      if (context.response().closed()) {
        return; // gone already (e.g. while its token was checked): its line says 499
      }
      // From the moment the caller goes, nothing is sent to or awaited from a backend for it.
      context.addEndHandler(
          done -> {
            if (done.failed()) {
              exchange.callerGone();
            }
          });
      if (request.isEnded()) {
        forwarder.forward(exchange);
        return;
      }
      long bodyTimeout = routes.bodyTimeoutMillis(rest);
      if (declared <= 0 && !request.headers().contains("Transfer-Encoding")) {
        if (request.version() == HttpVersion.HTTP_2) {
          bodies.receive(exchange, maxBody, bodyTimeout); // no body: its end is all that comes
          return;
        }
        // HTTP/1.x without a length or chunks has no body (RFC 9112 §6.3): nothing to wait for
        // nor to time, it goes at once. Its end, already read, is taken when the request resumes.
        request.resume();
        forwarder.forward(exchange);
        return;
      }
      bodies.receiveCounted(exchange, caller.key(context), maxBody, bodyTimeout);
    } catch (RuntimeException e) {
      LOG.warnf("cannot proxy request %s (route %s): %s", id, logged.route(), e.toString());
      GatewayProblem.refuse(context, ProblemType.INVALID_REQUEST, path, "invalid-request.address");
    }
  }
}
