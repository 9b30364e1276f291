package org.passerelle.gateway.routing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.RoutingContext;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.passerelle.gateway.config.GatewayConfig;
import org.passerelle.problem.ProblemType;

/**
 * Sends a whole request to its backend and streams the answer back: the backend's circuit breaker
 * first (503 at once while open), retries of idempotent methods on connection failures only, the
 * route's timeout (504), hop-by-hop and forwarding headers never passed on, the gateway's own
 * forwarding headers set. A caller that goes away stops the relay and resets the backend request.
 *
 * <p>Each event loop has its own client, so a request, its backend connection and the answer stay
 * on the event loop that received the request: with one shared client, a pooled connection opened
 * by another event loop hands every write and every piece of the answer over between threads.
 */
final class Forwarder {

  private static final Logger LOG = Logger.getLogger(Forwarder.class);

  /** Backend connections of all event loops together, per backend address. */
  private static final int MAX_CONNECTIONS = 64;

  /** Quarkus' number of event loops, unless configured otherwise: two per core. */
  private static final int EVENT_LOOPS = 2 * Runtime.getRuntime().availableProcessors();

  /** Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never forwarded. */
  private static final Set<String> HOP_BY_HOP =
      ignoringCase(
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
      ignoringCase(
          "forwarded",
          "x-forwarded-for",
          "x-forwarded-host",
          "x-forwarded-proto",
          "x-forwarded-port",
          "x-forwarded-prefix",
          "x-forwarded-server",
          "x-forwarded-ssl");

  private static final Set<HttpMethod> IDEMPOTENT =
      Set.of(
          HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

  private final Vertx vertx;
  private final HttpClientOptions options;
  private final int retries;

  /** The client of the event loop running on this thread, created on its first request. */
  private final ThreadLocal<HttpClient> clients = new ThreadLocal<>();

  /** For a call from outside any event loop, which the proxy never makes. */
  private final HttpClient shared;

  Forwarder(GatewayConfig config, Vertx vertx) {
    this.vertx = vertx;
    this.retries = Math.max(0, config.retries());
    // Bodies arrive whole before a backend connection is taken, so a connection is held only while
    // a backend works on a complete request: stalled callers cannot drain the pool.
    this.options =
        new HttpClientOptions()
            .setConnectTimeout((int) config.connectTimeout().toMillis())
            .setKeepAlive(true)
            .setMaxPoolSize(Math.max(8, Math.ceilDiv(MAX_CONNECTIONS, EVENT_LOOPS)))
            // https backends: their names checked against their certificates, and named in the
            // handshake, which an ingress in front of several services routes by
            .setVerifyHost(true)
            .setForceSni(true);
    config
        .backendTrust()
        .certificates()
        .ifPresent(
            file -> options.setTrustOptions(new PemTrustOptions().addCertPath(file.toString())));
    this.shared = vertx.createHttpClient(options);
  }

  private static Set<String> ignoringCase(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(List.of(names));
    return Collections.unmodifiableSet(set);
  }

  /** The client of the current event loop: its connections live on this event loop only. */
  HttpClient client() {
    if (!Context.isOnEventLoopThread()) {
      return shared;
    }
    HttpClient client = clients.get();
    if (client == null) {
      client = vertx.createHttpClient(options);
      clients.set(client);
    }
    return client;
  }

  /** Sends the exchange, whose body (if any) is whole, to its backend. */
  void forward(Exchange exchange) {
    attempt(exchange, 0);
  }

  private void attempt(Exchange exchange, int attempt) {
    RoutingContext context = exchange.context;
    HttpServerRequest request = context.request();
    RouteTable.Backend backend = exchange.backend;
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
            .setSsl(backend.tls())
            .setURI(query == null ? exchange.path : exchange.path + "?" + query)
            .setIdleTimeout(exchange.timeoutMillis);
    client()
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
    RouteTable.Backend backend = exchange.backend;
    exchange.backendRequest = backendRequest;
    if (exchange.callerGone) {
      exchange.resetBackend();
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
      exchange.resetBackend();
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

  private static void copyHeaders(MultiMap from, MultiMap to, boolean fromCaller) {
    // Headers a Connection header names are hop-by-hop too (RFC 9110 §7.6.1).
    Set<String> named = null;
    if (from.contains("Connection")) {
      named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      for (String connection : from.getAll("Connection")) {
        for (String name : connection.split(",")) {
          named.add(name.trim());
        }
      }
    }
    for (Map.Entry<String, String> header : from) {
      String name = header.getKey();
      if (!HOP_BY_HOP.contains(name)
          && !(fromCaller && FORWARDING.contains(name))
          && (named == null || !named.contains(name))) {
        to.add(name, header.getValue());
      }
    }
  }

  private static void unavailable(Exchange exchange, Throwable error) {
    exchange.releaseBody();
    RouteTable.Backend backend = exchange.backend;
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
    GatewayProblem.refuse(
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
    GatewayProblem.refuse(
        exchange.context, ProblemType.GATEWAY_TIMEOUT, exchange.path, "gateway-timeout.detail");
  }
}
