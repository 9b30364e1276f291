package org.passerelle.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.passerelle.gateway.config.GatewayConfig;

/**
 * Routes {@code /api/v1/<resource>/...} to the service owning the resource, or {@code
 * /api/v1/<shared resource>/<backend>/...} to the backend the path names, streaming bodies both
 * ways. The token was already checked by the edge security policy. Routing uses the normalised
 * path, the one security decisions were made on, and that is the path forwarded.
 */
@ApplicationScoped
public class ProxyRoutes {

  static final String REQUEST_ID = "X-Request-Id";
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

  private record Backend(String name, String host, int port) {}

  private final Map<String, Backend> backends = new HashMap<>();
  private final Map<String, Backend> routes = new HashMap<>();
  private final Set<String> backendNamedRoutes;
  private final HttpClient client;
  private final long requestTimeoutMillis;

  ProxyRoutes(GatewayConfig config, Vertx vertx) {
    config
        .backends()
        .forEach(
            (name, url) -> {
              URI uri = URI.create(url);
              int port = uri.getPort() > 0 ? uri.getPort() : 80;
              backends.put(name, new Backend(name, uri.getHost(), port));
            });
    config
        .routes()
        .forEach(
            (resource, backend) -> {
              if (!backends.containsKey(backend)) {
                throw new IllegalStateException(
                    "route " + resource + " names unknown backend " + backend);
              }
              routes.put(resource, backends.get(backend));
            });
    this.backendNamedRoutes = Set.copyOf(config.backendNamedRoutes().orElse(Set.of()));
    for (String resource : backendNamedRoutes) {
      if (routes.containsKey(resource)) {
        throw new IllegalStateException(
            "route " + resource + " is both owned by a backend and named by its path");
      }
    }
    this.requestTimeoutMillis = config.requestTimeout().toMillis();
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64));
  }

  void register(@Observes Router router) {
    router.route(PREFIX + "*").order(10).handler(this::proxy);
  }

  private void proxy(RoutingContext context) {
    HttpServerRequest request = context.request();
    request.pause();
    String path = context.normalizedPath();
    String acceptLanguage = request.getHeader("Accept-Language");
    try {
      Backend backend = path.startsWith(PREFIX) ? backend(path) : null;
      if (backend == null) {
        request.resume();
        GatewayProblem.send(context.response(), 404, "not-found", acceptLanguage, path);
        return;
      }
      forward(context, backend, path, acceptLanguage);
    } catch (RuntimeException e) {
      LOG.warnf("cannot proxy %s: %s", path, e.toString());
      request.resume();
      GatewayProblem.send(context.response(), 400, "bad-request", acceptLanguage, path);
    }
  }

  private Backend backend(String path) {
    String[] segments = path.substring(PREFIX.length()).split("/", 3);
    String resource = segment(segments, 0);
    if (backendNamedRoutes.contains(resource)) {
      return backends.get(segment(segments, 1));
    }
    return routes.get(resource);
  }

  private static String segment(String[] segments, int index) {
    String segment = index < segments.length ? segments[index] : "";
    return RESOURCE.matcher(segment).matches() ? segment : "";
  }

  private void forward(
      RoutingContext context, Backend backend, String path, String acceptLanguage) {
    HttpServerRequest request = context.request();
    String requestId = request.getHeader(REQUEST_ID);
    if (requestId == null || requestId.isBlank() || requestId.length() > 128) {
      requestId = UUID.randomUUID().toString();
    }
    String id = requestId;
    String query = request.query();
    RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setHost(backend.host())
            .setPort(backend.port())
            .setURI(query == null ? path : path + "?" + query)
            .setIdleTimeout(requestTimeoutMillis);
    HttpServerResponse response = context.response();
    client
        .request(options)
        .onFailure(error -> unavailable(context, backend.name(), acceptLanguage, path, error))
        .onSuccess(
            backendRequest -> {
              copyHeaders(request.headers(), backendRequest.headers(), true);
              backendRequest.putHeader(REQUEST_ID, id);
              backendRequest.putHeader("X-Forwarded-Proto", request.scheme());
              if (request.authority() != null) {
                backendRequest.putHeader("X-Forwarded-Host", request.authority().toString());
              }
              if (request.remoteAddress() != null) {
                backendRequest.putHeader("X-Forwarded-For", request.remoteAddress().hostAddress());
              }
              (request.isEnded() ? backendRequest.send() : backendRequest.send(request))
                  .onFailure(
                      error -> unavailable(context, backend.name(), acceptLanguage, path, error))
                  .onSuccess(backendResponse -> relay(backendResponse, response, id));
            });
  }

  private static void relay(
      HttpClientResponse backendResponse, HttpServerResponse response, String id) {
    response.setStatusCode(backendResponse.statusCode());
    response.setStatusMessage(backendResponse.statusMessage());
    copyHeaders(backendResponse.headers(), response.headers(), false);
    response.putHeader(REQUEST_ID, id);
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

  private static void unavailable(
      RoutingContext context, String backend, String acceptLanguage, String path, Throwable error) {
    LOG.warnf("backend %s unavailable for %s: %s", backend, path, error.toString());
    context.request().resume();
    GatewayProblem.send(context.response(), 503, "service-unavailable", acceptLanguage, path);
  }
}
