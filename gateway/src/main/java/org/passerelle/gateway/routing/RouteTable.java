package org.passerelle.gateway.routing;

import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.passerelle.gateway.config.CountryBackends;
import org.passerelle.gateway.config.GatewayConfig;

/**
 * Where a request under {@code /api/v1/} goes, from the configuration: the backend owning its
 * resource ({@code /api/v1/<resource>/...}) or the backend its path names ({@code /api/v1/<shared
 * resource>/<backend>/...}), in each served country; and the limits of its route, the longest
 * configured path prefix winning: request timeout, body size, body time limit.
 */
final class RouteTable {

  static final String PREFIX = "/api/v1/";

  private static final Pattern RESOURCE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  /** One service of one country, with the breaker of its address. */
  record Backend(String name, String host, int port, boolean tls, CircuitBreaker breaker) {}

  /** Country -> backend name -> backend. */
  private final Map<String, Map<String, Backend>> backends = new HashMap<>();

  private final Map<String, String> routes = new HashMap<>();
  private final Set<String> backendNamedRoutes;
  private final String defaultCountry;
  private final long defaultTimeoutMillis;
  private final Map<String, Long> timeouts = new LinkedHashMap<>();
  private final long defaultMaxBody;
  private final Map<String, Long> bodyLimits = new LinkedHashMap<>();
  private final long defaultBodyTimeoutMillis;
  private final Map<String, Long> bodyTimeouts = new LinkedHashMap<>();

  RouteTable(GatewayConfig config) {
    GatewayConfig.RequestBodies bodies = config.requestBodies();
    this.defaultBodyTimeoutMillis = bodies.timeout().toMillis();
    longestFirst(bodies.timeouts())
        .forEach((prefix, timeout) -> bodyTimeouts.put(prefix, timeout.toMillis()));
    Map<String, CircuitBreaker> breakers = new HashMap<>();
    long openDelayNanos = config.circuitBreaker().openDelay().toNanos();
    CountryBackends.of(config)
        .forEach(
            (country, urls) -> {
              Map<String, Backend> countryBackends = new HashMap<>();
              urls.forEach(
                  (name, url) -> {
                    URI uri = URI.create(url);
                    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
                    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
                    // One breaker per address: countries sharing a service share its breaker.
                    CircuitBreaker breaker =
                        breakers.computeIfAbsent(
                            uri.getHost() + ":" + port,
                            address ->
                                new CircuitBreaker(
                                    config.circuitBreaker().failureThreshold(), openDelayNanos));
                    countryBackends.put(name, new Backend(name, uri.getHost(), port, tls, breaker));
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

  /** The path after {@code /api/v1/}, the key of every per-route setting. */
  static String rest(String path) {
    return path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
  }

  String defaultCountry() {
    return defaultCountry;
  }

  /** The backend a path goes to, whatever the country; null when none does. */
  String backendName(String rest) {
    String[] segments = rest.split("/", 3);
    String resource = segment(segments, 0);
    if (backendNamedRoutes.contains(resource)) {
      String named = segment(segments, 1);
      return backends.get(defaultCountry).containsKey(named) ? named : null;
    }
    return routes.get(resource);
  }

  boolean serves(String country) {
    return backends.containsKey(country);
  }

  /** The named backend of a served country; null when that country has none of that name. */
  Backend backend(String country, String name) {
    return backends.get(country).get(name);
  }

  long timeoutMillis(String rest) {
    return forPath(timeouts, rest, defaultTimeoutMillis);
  }

  long maxBody(String rest) {
    return forPath(bodyLimits, rest, defaultMaxBody);
  }

  /** How long the whole body may take to arrive. */
  long bodyTimeoutMillis(String rest) {
    return forPath(bodyTimeouts, rest, defaultBodyTimeoutMillis);
  }

  private static String segment(String[] segments, int index) {
    String segment = index < segments.length ? segments[index] : "";
    return RESOURCE.matcher(segment).matches() ? segment : "";
  }
}
