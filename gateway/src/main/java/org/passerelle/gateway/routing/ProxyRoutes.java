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
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.passerelle.gateway.config.GatewayConfig;

/**
 * Routes {@code /api/v1/<resource>/...} to the service owning the resource, streaming bodies both
 * ways. The token was already checked by the edge security policy.
 */
@ApplicationScoped
public class ProxyRoutes {

  static final String REQUEST_ID = "X-Request-Id";
  private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
  private static final String PREFIX = "/api/v1/";

  /** Hop-by-hop headers (RFC 9110 §7.6.1) are the connection's, never forwarded. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host");

  private final GatewayConfig config;
  private final HttpClient client;

  ProxyRoutes(GatewayConfig config, Vertx vertx) {
    this.config = config;
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
    String path = request.path();
    String rest = path.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    String resource = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
    String backendName = config.routes().get(resource);
    String base = backendName == null ? null : config.backends().get(backendName);
    String acceptLanguage = request.getHeader("Accept-Language");
    if (base == null) {
      request.resume();
      GatewayProblem.send(context.response(), 404, "not-found", acceptLanguage, path);
      return;
    }
    String requestId = request.getHeader(REQUEST_ID);
    if (requestId == null || requestId.isBlank() || requestId.length() > 128) {
      requestId = UUID.randomUUID().toString();
    }
    String id = requestId;
    URI target = URI.create(base + request.uri());
    RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setHost(target.getHost())
            .setPort(target.getPort())
            .setURI(
                target.getRawPath()
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()))
            .setIdleTimeout(config.requestTimeout().toMillis());
    HttpServerResponse response = context.response();
    client
        .request(options)
        .onFailure(error -> unavailable(context, backendName, acceptLanguage, path, error))
        .onSuccess(
            backendRequest -> {
              copyHeaders(request.headers(), backendRequest.headers());
              backendRequest.putHeader(REQUEST_ID, id);
              backendRequest.putHeader("X-Forwarded-Proto", request.scheme());
              backendRequest.putHeader(
                  "X-Forwarded-Host",
                  request.authority() == null ? "" : request.authority().toString());
              String forwardedFor =
                  request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
              if (forwardedFor != null) {
                backendRequest.putHeader("X-Forwarded-For", forwardedFor);
              }
              backendRequest
                  .send(request)
                  .onFailure(
                      error -> unavailable(context, backendName, acceptLanguage, path, error))
                  .onSuccess(backendResponse -> relay(backendResponse, response, id));
            });
  }

  private static void relay(
      HttpClientResponse backendResponse, HttpServerResponse response, String id) {
    response.setStatusCode(backendResponse.statusCode());
    response.setStatusMessage(backendResponse.statusMessage());
    copyHeaders(backendResponse.headers(), response.headers());
    response.putHeader(REQUEST_ID, id);
    if (backendResponse.getHeader("Content-Length") == null) {
      response.setChunked(true);
    }
    backendResponse.pipeTo(response);
  }

  private static void copyHeaders(MultiMap from, MultiMap to) {
    from.forEach(
        header -> {
          if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
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
