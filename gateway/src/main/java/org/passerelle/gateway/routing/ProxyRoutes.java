package org.passerelle.gateway.routing;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.passerelle.gateway.config.CountryBackends;
import org.passerelle.gateway.config.GatewayConfig;
import org.passerelle.problem.ProblemType;

/**
 * Routes {@code /api/v1/<resource>/...} to the service owning the resource, or {@code
 * /api/v1/<shared resource>/<backend>/...} to the backend the path names, in the request's country.
 * The token was already checked by the edge security policy. Routing uses the normalised path, the
 * one security decisions were made on, and that is the path forwarded. On the way: a rate limit per
 * client (429), a body size limit per route (413), a timeout per route (504), a circuit breaker per
 * backend (503 at once while open), retries of idempotent methods on connection failures only.
 *
 * <p>A request body is received whole before any backend sees it (ADR 0014): a caller that stalls
 * holds no backend connection, gets 408 after the body's idle or total time limit, and may send
 * only a few bodies at once ({@link BodyQuota}). Answers stream back. A caller that goes away ends
 * its exchange at once: the backend request is reset, nothing more is written, and the access line
 * says 499. The request's access log line ({@link AccessLog}) learns the backend and country here.
 */
@ApplicationScoped
public class ProxyRoutes {

  static final String COUNTRY = "X-Passerelle-Country";
  private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

  private static final String PREFIX = "/api/v1/";

  /** Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never forwarded. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "expect",
          "host");

  /** Forwarding headers are the gateway's to set: a caller's are dropped, never trusted. */
  private static final Set<String> FORWARDING =
      Set.of(
          "forwarded",
          "x-forwarded-for",
          "x-forwarded-host",
          "x-forwarded-proto",
          "x-forwarded-port",
          "x-forwarded-prefix",
          "x-forwarded-server",
          "x-forwarded-ssl");

  private static final Pattern RESOURCE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  private static final Set<HttpMethod> IDEMPOTENT =
      Set.of(
          HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

  private record Backend(String name, String host, int port, CircuitBreaker breaker) {}

  /** Who is calling, from the token the edge validated; all null without a token. */
  record Caller(String client, String subject, String country) {
    static final Caller ANONYMOUS = new Caller(null, null, null);
  }

  /** One proxied request on its way; its fields change on the request's event loop only. */
  private static final class Exchange {
    final RoutingContext context;
    final AccessLog.Entry logged;
    final Backend backend;
    final String path;
    final long timeoutMillis;
    Buffer body;
    BodyQuota.Slot slot;
    Promise<Buffer> reception;
    HttpClientRequest backendRequest;
    boolean backendDone;
    boolean callerGone;

    Exchange(
        RoutingContext context,
        AccessLog.Entry logged,
        Backend backend,
        String path,
        long timeoutMillis) {
      this.context = context;
      this.logged = logged;
      this.backend = backend;
      this.path = path;
      this.timeoutMillis = timeoutMillis;
    }

    String requestId() {
      return logged.requestId();
    }

    /** The body's bytes go back to the budget once the backend has it, or never will. */
    void releaseBody() {
      if (slot != null) {
        slot.release();
      }
    }
  }

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

  /** Country -> backend name -> backend. */
  private final Map<String, Map<String, Backend>> backends = new HashMap<>();

  private final Map<String, String> routes = new HashMap<>();
  private final Set<String> backendNamedRoutes;
  private final String defaultCountry;
  private final HttpClient client;
  private final long defaultTimeoutMillis;
  private final Map<String, Long> timeouts = new LinkedHashMap<>();
  private final long defaultMaxBody;
  private final Map<String, Long> bodyLimits = new LinkedHashMap<>();
  private final int retries;
  private final long openDelayNanos;
  private final RateLimiter rateLimiter = new RateLimiter();
  private final Map<String, RateLimiter.Limit> rateClasses = new HashMap<>();
  private final Map<String, String> clientClasses = new HashMap<>();
  private final String tokenDefaultClass;
  private final String anonymousClass;
  private final Vertx vertx;
  private final BodyQuota bodyQuota;
  private final long bodyIdleMillis;
  private final long defaultBodyTimeoutMillis;
  private final Map<String, Long> bodyTimeouts = new LinkedHashMap<>();

  ProxyRoutes(GatewayConfig config, Vertx vertx) {
    this.vertx = vertx;
    GatewayConfig.RequestBodies bodies = config.requestBodies();
    this.bodyQuota = new BodyQuota(bodies.perClient(), bodies.maxBuffered().asLongValue());
    this.bodyIdleMillis = bodies.idleTimeout().toMillis();
    this.defaultBodyTimeoutMillis = bodies.timeout().toMillis();
    longestFirst(bodies.timeouts())
        .forEach((prefix, timeout) -> bodyTimeouts.put(prefix, timeout.toMillis()));
    Map<String, CircuitBreaker> breakers = new HashMap<>();
    this.openDelayNanos = config.circuitBreaker().openDelay().toNanos();
    CountryBackends.of(config)
        .forEach(
            (country, urls) -> {
              Map<String, Backend> countryBackends = new HashMap<>();
              urls.forEach(
                  (name, url) -> {
                    URI uri = URI.create(url);
                    int port = uri.getPort() > 0 ? uri.getPort() : 80;
                    // One breaker per address: countries sharing a service share its breaker.
                    CircuitBreaker breaker =
                        breakers.computeIfAbsent(
                            uri.getHost() + ":" + port,
                            address ->
                                new CircuitBreaker(
                                    config.circuitBreaker().failureThreshold(), openDelayNanos));
                    countryBackends.put(name, new Backend(name, uri.getHost(), port, breaker));
                  });
              backends.put(country, countryBackends);
            });
    this.defaultCountry = config.defaultCountry().trim().toUpperCase(Locale.ROOT);
    config
        .routes()
        .forEach(
            (resource, backend) -> {
              if (!config.backends().containsKey(backend)) {
                throw new IllegalStateException(
                    "route " + resource + " names unknown backend " + backend);
              }
              routes.put(resource, backend);
            });
    this.backendNamedRoutes = Set.copyOf(config.backendNamedRoutes().orElse(Set.of()));
    for (String resource : backendNamedRoutes) {
      if (routes.containsKey(resource)) {
        throw new IllegalStateException(
            "route " + resource + " is both owned by a backend and named by its path");
      }
    }
    this.defaultTimeoutMillis = config.requestTimeout().toMillis();
    longestFirst(config.timeouts())
        .forEach((prefix, timeout) -> timeouts.put(prefix, timeout.toMillis()));
    this.defaultMaxBody = config.maxBodySize().asLongValue();
    longestFirst(config.bodyLimits())
        .forEach((prefix, size) -> bodyLimits.put(prefix, size.asLongValue()));
    this.retries = Math.max(0, config.retries());
    config
        .rateLimits()
        .classes()
        .forEach(
            (name, rateClass) -> {
              double perSecond = rateClass.requests() / (rateClass.period().toNanos() / 1e9);
              rateClasses.put(
                  name, new RateLimiter.Limit(name, Math.max(1, rateClass.burst()), perSecond));
              rateClass.clients().orElse(Set.of()).forEach(c -> clientClasses.put(c, name));
            });
    this.tokenDefaultClass = config.rateLimits().tokenDefaultClass();
    this.anonymousClass = config.rateLimits().anonymousClass();
    // Bodies arrive whole before a backend connection is taken, so a connection is held only while
    // a backend works on a complete request: stalled callers cannot drain the pool.
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64));
  }

  private static <T> Map<String, T> longestFirst(Map<String, T> byPrefix) {
    Map<String, T> sorted = new LinkedHashMap<>();
    byPrefix.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, T> e) -> e.getKey().length()).reversed())
        .forEach(e -> sorted.put(strip(e.getKey()), e.getValue()));
    return sorted;
  }

  private static String strip(String prefix) {
    String result = prefix;
    while (result.startsWith("/")) {
      result = result.substring(1);
    }
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }

  private static <T> T forPath(Map<String, T> byPrefix, String rest, T fallback) {
    for (Map.Entry<String, T> entry : byPrefix.entrySet()) {
      String prefix = entry.getKey();
      if (rest.equals(prefix) || rest.startsWith(prefix + "/")) {
        return entry.getValue();
      }
    }
    return fallback;
  }

  void register(@Observes Router router) {
    router.route(PREFIX + "*").order(10).handler(this::proxy);
  }

  private void proxy(RoutingContext context) {
    HttpServerRequest request = context.request();
    request.pause();
    String path = context.normalizedPath();
    AccessLog.Entry logged = AccessLog.of(context);
    String id = logged.requestId();
    Caller caller = caller(context);
    String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
    String[] segments = rest.split("/", 3);
    String resource = segment(segments, 0);
    try {
      if (!withinRateLimit(context, caller, path)) {
        return;
      }
      String backendName = backendName(resource, segments);
      if (backendName == null) {
        reject(context, ProblemType.NOT_FOUND, path, "not-found.address");
        return;
      }
      String country = country(caller, request);
      if (country == null) {
        reject(context, ProblemType.UNKNOWN_COUNTRY, path, "unknown-country.detail");
        return;
      }
      logged.country(country);
      Backend backend = backends.get(country).get(backendName);
      if (backend == null) {
        reject(context, ProblemType.NOT_FOUND, path, "not-found.address");
        return;
      }
      logged.backend(backend.name());
      long maxBody = forPath(bodyLimits, rest, defaultMaxBody);
      String length = request.getHeader("Content-Length");
      long declared = length == null ? -1 : Long.parseLong(length.trim());
      if (declared > maxBody) {
        tooLarge(context, path, maxBody);
        return;
      }
      Exchange exchange =
          new Exchange(
              context, logged, backend, path, forPath(timeouts, rest, defaultTimeoutMillis));
      if (context.response().closed()) {
        return; // gone already (e.g. while its token was checked): its line says 499
      }
      // From the moment the caller goes, nothing is sent to or awaited from a backend for it.
      context.addEndHandler(
          done -> {
            if (done.failed()) {
              callerGone(exchange);
            }
          });
      if (request.isEnded()) {
        attempt(exchange, 0);
        return;
      }
      long bodyTimeout = forPath(bodyTimeouts, rest, defaultBodyTimeoutMillis);
      if (declared <= 0 && !request.headers().contains("Transfer-Encoding")) {
        receive(exchange, maxBody, bodyTimeout); // no body: its end is all that comes
        return;
      }
      BodyQuota.Slot slot = bodyQuota.acquire(clientKey(context, caller));
      if (slot == null) {
        context.response().putHeader("Retry-After", "1");
        refuseBody(context, ProblemType.TOO_MANY_REQUESTS, path, "too-many-requests.bodies", 1);
        return;
      }
      exchange.slot = slot;
      receive(exchange, maxBody, bodyTimeout);
    } catch (RuntimeException e) {
      LOG.warnf("cannot proxy request %s (route %s): %s", id, logged.route(), e.toString());
      reject(context, ProblemType.INVALID_REQUEST, path, "invalid-request.address");
    }
  }

  static Caller caller(RoutingContext context) {
    if (context.user() instanceof QuarkusHttpUser user
        && !user.getSecurityIdentity().isAnonymous()
        && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token) {
      return new Caller(claim(token, "azp"), token.getSubject(), claim(token, "country"));
    }
    return Caller.ANONYMOUS;
  }

  private static String claim(JsonWebToken token, String name) {
    Object value = token.getClaim(name);
    if (value == null) {
      return null;
    }
    String text = value.toString();
    if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
      text = text.substring(1, text.length() - 1);
    }
    return text.isBlank() ? null : text;
  }

  private boolean withinRateLimit(RoutingContext context, Caller caller, String path) {
    String rateClass =
        caller.client() == null
            ? anonymousClass
            : clientClasses.getOrDefault(caller.client(), tokenDefaultClass);
    String key = clientKey(context, caller);
    RateLimiter.Limit limit = rateClasses.get(rateClass);
    if (limit == null) {
      return true;
    }
    RateLimiter.Decision decision = rateLimiter.take(key, limit, System.nanoTime());
    HttpServerResponse response = context.response();
    response.putHeader("RateLimit-Limit", Long.toString(limit.burst()));
    response.putHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
    response.putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    if (decision.allowed()) {
      return true;
    }
    response.putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
    reject(
        context,
        ProblemType.TOO_MANY_REQUESTS,
        path,
        "too-many-requests.detail",
        decision.retryAfterSeconds());
    return false;
  }

  /** Who a limit counts against: a token's client and subject, else the source address. */
  private static String clientKey(RoutingContext context, Caller caller) {
    if (caller.client() == null) {
      return context.request().remoteAddress() == null
          ? "unknown"
          : context.request().remoteAddress().hostAddress();
    }
    return caller.client() + "|" + caller.subject();
  }

  private String backendName(String resource, String[] segments) {
    if (backendNamedRoutes.contains(resource)) {
      String named = segment(segments, 1);
      return backends.get(defaultCountry).containsKey(named) ? named : null;
    }
    return routes.get(resource);
  }

  /**
   * The token's country (country staff and integration clients have one and cannot choose another),
   * else the one the caller names (platform admins, anonymous callers), else the default one; null
   * when it is not served.
   */
  private String country(Caller caller, HttpServerRequest request) {
    String country = caller.country();
    if (country == null) {
      country = request.getHeader(COUNTRY);
    }
    if (country == null || country.isBlank()) {
      country = defaultCountry;
    }
    country = country.trim().toUpperCase(Locale.ROOT);
    return backends.containsKey(country) ? country : null;
  }

  private static String segment(String[] segments, int index) {
    String segment = index < segments.length ? segments[index] : "";
    return RESOURCE.matcher(segment).matches() ? segment : "";
  }

  /**
   * Receives the whole body, then sends the request on. Each piece must follow the previous one
   * within the idle timeout and the whole body arrive within {@code totalMillis}: a caller that
   * stalls gets 408 and its connection is closed. A body of unknown length may not grow past {@code
   * max} (413) nor past the budget of all bodies held (503).
   */
  private void receive(Exchange exchange, long max, long totalMillis) {
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
            received -> {
              exchange.body = received;
              attempt(exchange, 0);
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
        refuseBody(
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

  /** The caller closed its connection: stop whatever is under way for it, quietly. */
  private void callerGone(Exchange exchange) {
    if (exchange.callerGone) {
      return;
    }
    exchange.callerGone = true;
    if (exchange.reception != null) {
      exchange.reception.tryFail("caller gone");
    }
    if (exchange.backendRequest != null && !exchange.backendDone) {
      LOG.debugf(
          "caller of request %s went away: resetting the %s request",
          exchange.requestId(), exchange.backend.name());
      resetBackend(exchange);
    }
    exchange.releaseBody();
  }

  private void attempt(Exchange exchange, int attempt) {
    RoutingContext context = exchange.context;
    HttpServerRequest request = context.request();
    Backend backend = exchange.backend;
    if (exchange.callerGone) {
      exchange.releaseBody();
      return;
    }
    if (!backend.breaker().allow(System.nanoTime())) {
      unavailable(exchange, null);
      return;
    }
    String query = request.query();
    RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setHost(backend.host())
            .setPort(backend.port())
            .setURI(query == null ? exchange.path : exchange.path + "?" + query)
            .setIdleTimeout(exchange.timeoutMillis);
    client
        .request(options)
        .onFailure(
            error -> {
              if (exchange.callerGone) {
                exchange.releaseBody();
                return;
              }
              // Not connected: nothing was sent, but only idempotent methods are tried again.
              if (attempt < retries && IDEMPOTENT.contains(request.method())) {
                LOG.debugf(
                    "retrying request %s on %s: %s", exchange.requestId(), backend.name(), error);
                attempt(exchange, attempt + 1);
                return;
              }
              backend.breaker().failure(System.nanoTime());
              unavailable(exchange, error);
            })
        .onSuccess(backendRequest -> send(exchange, backendRequest));
  }

  private void send(Exchange exchange, HttpClientRequest backendRequest) {
    HttpServerRequest request = exchange.context.request();
    Backend backend = exchange.backend;
    exchange.backendRequest = backendRequest;
    if (exchange.callerGone) {
      resetBackend(exchange);
      exchange.releaseBody();
      return;
    }
    copyHeaders(request.headers(), backendRequest.headers(), true);
    backendRequest.putHeader(AccessLog.REQUEST_ID, exchange.requestId());
    backendRequest.putHeader("X-Forwarded-Proto", request.scheme());
    if (request.authority() != null) {
      backendRequest.putHeader("X-Forwarded-Host", request.authority().toString());
    }
    if (request.remoteAddress() != null) {
      backendRequest.putHeader("X-Forwarded-For", request.remoteAddress().hostAddress());
    }
    // The body is whole: its length is what was received, whatever the caller announced.
    backendRequest.headers().remove("Content-Length");
    Future<HttpClientResponse> sent =
        exchange.body == null ? backendRequest.send() : backendRequest.send(exchange.body);
    sent.onComplete(done -> exchange.releaseBody())
        .onFailure(
            error -> {
              exchange.backendDone = true;
              if (exchange.callerGone) {
                // Our own reset: the backend is not to blame, and nobody is waiting.
                return;
              }
              backend.breaker().failure(System.nanoTime());
              if (error instanceof TimeoutException) {
                timedOut(exchange, error);
              } else {
                unavailable(exchange, error);
              }
            })
        .onSuccess(
            backendResponse -> {
              backend.breaker().success();
              relay(exchange, backendResponse);
            });
  }

  /**
   * Streams the backend's answer to the caller. Written by hand rather than piped: a caller that
   * goes away mid-answer must stop the relay at once (a pipe may still write to the closed answer),
   * and a backend request is reset only while its answer is incomplete (resetting one that ended
   * would close a pooled connection another request may be using).
   */
  private static void relay(Exchange exchange, HttpClientResponse backendResponse) {
    HttpServerResponse response = exchange.context.response();
    if (exchange.callerGone || response.closed()) {
      resetBackend(exchange);
      return;
    }
    response.setStatusCode(backendResponse.statusCode());
    response.setStatusMessage(backendResponse.statusMessage());
    copyHeaders(backendResponse.headers(), response.headers(), false);
    response.putHeader(AccessLog.REQUEST_ID, exchange.requestId());
    if (backendResponse.getHeader("Content-Length") == null) {
      response.setChunked(true);
    }
    backendResponse.handler(
        chunk -> {
          if (exchange.callerGone || response.closed() || response.ended()) {
            return;
          }
          response.write(chunk);
          if (response.writeQueueFull()) {
            backendResponse.pause();
            response.drainHandler(drained -> backendResponse.resume());
          }
        });
    backendResponse.exceptionHandler(
        error -> {
          exchange.backendDone = true;
          if (exchange.callerGone || response.closed() || response.ended()) {
            return;
          }
          // The backend failed mid-answer: it must not look complete to the caller.
          LOG.warnf(
              "backend %s failed while answering request %s: %s",
              exchange.backend.name(), exchange.requestId(), error.toString());
          exchange.logged.status(502);
          response.reset();
        });
    backendResponse.endHandler(
        end -> {
          exchange.backendDone = true;
          if (!exchange.callerGone && !response.closed() && !response.ended()) {
            response.end();
          }
        });
  }

  /** Resets the backend request unless its answer is complete (or it was reset already). */
  private static void resetBackend(Exchange exchange) {
    if (exchange.backendRequest != null && !exchange.backendDone) {
      exchange.backendDone = true;
      exchange.backendRequest.reset();
    }
  }

  private static void copyHeaders(MultiMap from, MultiMap to, boolean fromCaller) {
    Set<String> dropped = new HashSet<>(HOP_BY_HOP);
    if (fromCaller) {
      dropped.addAll(FORWARDING);
    }
    // Headers a Connection header names are hop-by-hop too (RFC 9110 §7.6.1).
    for (String connection : from.getAll("Connection")) {
      for (String name : connection.split(",")) {
        dropped.add(name.trim().toLowerCase(Locale.ROOT));
      }
    }
    from.forEach(
        header -> {
          if (!dropped.contains(header.getKey().toLowerCase(Locale.ROOT))) {
            to.add(header.getKey(), header.getValue());
          }
        });
  }

  private static void reject(
      RoutingContext context,
      ProblemType type,
      String path,
      String detailKey,
      Object... arguments) {
    context.request().resume();
    GatewayProblem.send(context, type, path, detailKey, arguments);
  }

  /**
   * Refuses a request whose body is not wanted: the answer says the connection ends; the rest of
   * the body is read and dropped meanwhile, so the caller gets to read the answer, and the
   * connection is closed after the body idle timeout at the latest.
   */
  private void refuseBody(
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
    reject(context, type, path, detailKey, arguments);
    vertx.setTimer(
        bodyIdleMillis,
        t -> {
          if (!context.response().closed()) {
            request.connection().close();
          }
        });
  }

  private void tooLarge(RoutingContext context, String path, long maxBody) {
    refuseBody(context, ProblemType.PAYLOAD_TOO_LARGE, path, "payload-too-large.detail", maxBody);
  }

  private void unavailable(Exchange exchange, Throwable error) {
    exchange.releaseBody();
    Backend backend = exchange.backend;
    if (error != null) {
      LOG.warnf(
          "backend %s unavailable for request %s: %s",
          backend.name(), exchange.requestId(), error.toString());
    }
    long retryAfter = backend.breaker().retryAfterSeconds(System.nanoTime());
    HttpServerResponse response = exchange.context.response();
    if (!response.headWritten() && !response.ended()) {
      response.putHeader("Retry-After", Long.toString(retryAfter));
    }
    reject(
        exchange.context,
        ProblemType.SERVICE_UNAVAILABLE,
        exchange.path,
        "service-unavailable.detail",
        backend.name());
  }

  private static void timedOut(Exchange exchange, Throwable error) {
    exchange.releaseBody();
    LOG.warnf(
        "backend %s timed out for request %s: %s",
        exchange.backend.name(), exchange.requestId(), error.toString());
    reject(exchange.context, ProblemType.GATEWAY_TIMEOUT, exchange.path, "gateway-timeout.detail");
  }
}
