package org.passerelle.gateway.routing;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
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
 * /api/v1/<shared resource>/<backend>/...} to the backend the path names, in the request's country,
 * streaming bodies both ways. The token was already checked by the edge security policy. Routing
 * uses the normalised path, the one security decisions were made on, and that is the path
 * forwarded. On the way: a rate limit per client (429), a body size limit per route (413), a
 * timeout per route (504), a circuit breaker per backend (503 at once while open), retries of
 * idempotent methods on connection failures only. The request's access log line ({@link AccessLog})
 * learns the backend and country here.
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

  /** One proxied request on its way. */
  private record Exchange(
      RoutingContext context,
      Backend backend,
      String path,
      String requestId,
      long timeoutMillis,
      Buffer body) {}

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

  ProxyRoutes(GatewayConfig config, Vertx vertx) {
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
      if (length != null && Long.parseLong(length.trim()) > maxBody) {
        tooLarge(context, path, maxBody);
        return;
      }
      long timeout = forPath(timeouts, rest, defaultTimeoutMillis);
      if (length == null && !request.isEnded()) {
        // A body of unknown length is read here, within the limit, before the backend sees it.
        readBounded(context, maxBody)
            .onSuccess(
                body -> {
                  if (body == null) {
                    tooLarge(context, path, maxBody);
                  } else {
                    attempt(new Exchange(context, backend, path, id, timeout, body), 0);
                  }
                });
        return;
      }
      attempt(new Exchange(context, backend, path, id, timeout, null), 0);
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
    String rateClass;
    String key;
    if (caller.client() == null) {
      rateClass = anonymousClass;
      key =
          context.request().remoteAddress() == null
              ? "unknown"
              : context.request().remoteAddress().hostAddress();
    } else {
      rateClass = clientClasses.getOrDefault(caller.client(), tokenDefaultClass);
      key = caller.client() + "|" + caller.subject();
    }
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

  /** The whole body, or null as soon as it grows past {@code max} bytes. */
  private static Future<Buffer> readBounded(RoutingContext context, long max) {
    HttpServerRequest request = context.request();
    io.vertx.core.Promise<Buffer> promise = io.vertx.core.Promise.promise();
    Buffer body = Buffer.buffer();
    request.handler(
        chunk -> {
          if (promise.future().isComplete()) {
            return;
          }
          if (body.length() + (long) chunk.length() > max) {
            promise.tryComplete(null);
          } else {
            body.appendBuffer(chunk);
          }
        });
    request.exceptionHandler(promise::tryFail);
    request.endHandler(end -> promise.tryComplete(body));
    request.resume();
    return promise.future();
  }

  private void attempt(Exchange exchange, int attempt) {
    RoutingContext context = exchange.context();
    HttpServerRequest request = context.request();
    Backend backend = exchange.backend();
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
            .setURI(query == null ? exchange.path() : exchange.path() + "?" + query)
            .setIdleTimeout(exchange.timeoutMillis());
    client
        .request(options)
        .onFailure(
            error -> {
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
        .onSuccess(
            backendRequest -> {
              copyHeaders(request.headers(), backendRequest.headers(), true);
              backendRequest.putHeader(AccessLog.REQUEST_ID, exchange.requestId());
              backendRequest.putHeader("X-Forwarded-Proto", request.scheme());
              if (request.authority() != null) {
                backendRequest.putHeader("X-Forwarded-Host", request.authority().toString());
              }
              if (request.remoteAddress() != null) {
                backendRequest.putHeader("X-Forwarded-For", request.remoteAddress().hostAddress());
              }
              Future<HttpClientResponse> sent;
              if (exchange.body() != null) {
                backendRequest.headers().remove("Content-Length");
                sent = backendRequest.send(exchange.body());
              } else if (request.isEnded()) {
                sent = backendRequest.send();
              } else {
                sent = backendRequest.send(request);
              }
              sent.onFailure(
                      error -> {
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
                        relay(backendResponse, context.response(), exchange.requestId());
                      });
            });
  }

  private static void relay(
      HttpClientResponse backendResponse, HttpServerResponse response, String id) {
    response.setStatusCode(backendResponse.statusCode());
    response.setStatusMessage(backendResponse.statusMessage());
    copyHeaders(backendResponse.headers(), response.headers(), false);
    response.putHeader(AccessLog.REQUEST_ID, id);
    if (backendResponse.getHeader("Content-Length") == null) {
      response.setChunked(true);
    }
    // A backend failing mid-body must not look like a complete answer: reset the connection.
    backendResponse.pipeTo(response).onFailure(error -> response.reset());
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

  private static void tooLarge(RoutingContext context, String path, long maxBody) {
    // The rest of the body is not read: the connection ends with this answer.
    context.response().putHeader("Connection", "close");
    reject(context, ProblemType.PAYLOAD_TOO_LARGE, path, "payload-too-large.detail", maxBody);
  }

  private void unavailable(Exchange exchange, Throwable error) {
    Backend backend = exchange.backend();
    if (error != null) {
      LOG.warnf(
          "backend %s unavailable for request %s: %s",
          backend.name(), exchange.requestId(), error.toString());
    }
    long retryAfter = backend.breaker().retryAfterSeconds(System.nanoTime());
    HttpServerResponse response = exchange.context().response();
    if (!response.headWritten()) {
      response.putHeader("Retry-After", Long.toString(retryAfter));
    }
    reject(
        exchange.context(),
        ProblemType.SERVICE_UNAVAILABLE,
        exchange.path(),
        "service-unavailable.detail",
        backend.name());
  }

  private static void timedOut(Exchange exchange, Throwable error) {
    LOG.warnf(
        "backend %s timed out for request %s: %s",
        exchange.backend().name(), exchange.requestId(), error.toString());
    reject(
        exchange.context(), ProblemType.GATEWAY_TIMEOUT, exchange.path(), "gateway-timeout.detail");
  }
}
