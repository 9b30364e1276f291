package org.passerelle.gateway.routing;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.passerelle.gateway.config.GatewayConfig;

/**
 * One line per request the gateway receives, whatever answers it: the proxy, a refusal at the edge
 * (401 without a valid token, 403 preflight from another origin), or the gateway's own pages. The
 * line is opened before CORS and security run. Only what the HTTP server itself refuses before
 * routing (oversized headers or request line, malformed requests) has none. It names the route,
 * never the path: no identifiers, no query strings, no tokens, no personal data. A caller that went
 * away before its answer was complete is logged with status 499, as nginx does.
 */
@ApplicationScoped
public class AccessLog {

  static final String REQUEST_ID = "X-Request-Id";

  /** What nginx logs for a request whose caller closed the connection before the answer. */
  static final int CLIENT_CLOSED_REQUEST = 499;

  private static final Logger ACCESS = Logger.getLogger("org.passerelle.gateway.access");
  private static final String ENTRY = AccessLog.class.getName();
  private static final String API = "/api/v1/";

  /** Runs before CORS (300) and authentication (200), which may end the request themselves. */
  private static final int BEFORE_CORS_AND_SECURITY = SecurityHandlerPriorities.CORS + 100;

  /** A caller's request id is kept only if it cannot carry anything but an id into the logs. */
  private static final Pattern REQUEST_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final Set<String> apiRoutes = new HashSet<>();

  /** What the line says, filled in by whoever handles the request. */
  static final class Entry {
    private final String requestId;
    private final long startNanos;
    private final String route;
    private String backend = "-";
    private String country = "-";
    private Caller caller;
    private int status;

    private Entry(String requestId, long startNanos, String route) {
      this.requestId = requestId;
      this.startNanos = startNanos;
      this.route = route;
    }

    String requestId() {
      return requestId;
    }

    String route() {
      return route;
    }

    void backend(String backend) {
      this.backend = backend;
    }

    void country(String country) {
      this.country = country;
    }

    /** Who calls, once the proxy read it from the token: the line does not read the token again. */
    void caller(Caller caller) {
      this.caller = caller;
    }

    /** The status to log instead of the response's, e.g. when the gateway cut a broken answer. */
    void status(int status) {
      this.status = status;
    }
  }

  AccessLog(GatewayConfig config) {
    apiRoutes.addAll(config.routes().keySet());
    apiRoutes.addAll(config.backendNamedRoutes().orElse(Set.of()));
  }

  void register(@Observes Filters filters) {
    filters.register(this::open, BEFORE_CORS_AND_SECURITY);
  }

  /** The entry of this request, opened by the filter. */
  static Entry of(RoutingContext context) {
    return context.get(ENTRY);
  }

  private void open(RoutingContext context) {
    String requestId = context.request().getHeader(REQUEST_ID);
    if (requestId == null || !REQUEST_ID_FORMAT.matcher(requestId).matches()) {
      requestId = newRequestId();
    }
    context.response().putHeader(REQUEST_ID, requestId);
    Entry entry = new Entry(requestId, System.nanoTime(), route(context.normalizedPath()));
    context.put(ENTRY, entry);
    context.addEndHandler(done -> ACCESS.info(line(context, entry, done.succeeded())));
    context.next();
  }

  /**
   * A random (version 4) UUID. A request id only tells requests apart, it guards nothing: it is
   * drawn from the thread's own generator, not from {@link UUID#randomUUID()}'s shared secure one,
   * which locks and reads the system's entropy source.
   */
  static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(high, low).toString();
  }

  /**
   * The status: the gateway's own choice if it made one, else 499 (nginx's "client closed request")
   * when the caller went away before the answer was complete, else the answer's status.
   */
  private static int status(RoutingContext context, Entry entry, boolean completed) {
    if (entry.status != 0) {
      return entry.status;
    }
    return completed ? context.response().getStatusCode() : CLIENT_CLOSED_REQUEST;
  }

  private static String line(RoutingContext context, Entry entry, boolean completed) {
    return "request-id="
        + entry.requestId
        + " client="
        + client(context, entry)
        + " country="
        + entry.country
        + " route="
        + entry.route
        + " backend="
        + entry.backend
        + " method="
        + context.request().method().name()
        + " status="
        + status(context, entry, completed)
        + " duration-ms="
        + (System.nanoTime() - entry.startNanos) / 1_000_000;
  }

  /** The token's client ({@code azp}) once the edge accepted it, else anonymous. */
  private static String client(RoutingContext context, Entry entry) {
    Caller caller = entry.caller != null ? entry.caller : Caller.of(context);
    String client = caller.client();
    return client == null ? "anonymous" : client;
  }

  /** A fixed name per route: a resource the gateway serves, or one of its own pages. */
  String route(String path) {
    if (path == null) {
      return "unknown";
    }
    if (path.startsWith(API)) {
      String rest = path.substring(API.length());
      int slash = rest.indexOf('/');
      String resource = slash < 0 ? rest : rest.substring(0, slash);
      return apiRoutes.contains(resource) ? resource : "unknown";
    }
    if (path.equals("/") || path.equals("/index.html")) {
      return "landing";
    }
    for (String page : List.of("swagger-ui", "openapi", "asyncapi", "health", "metrics")) {
      if (path.equals("/q/" + page) || path.startsWith("/q/" + page + "/")) {
        return page;
      }
    }
    return "other";
  }
}
