package org.passerelle.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where each resource of the public API lives. */
@ConfigMapping(prefix = "passerelle.gateway")
public interface GatewayConfig {

  /** Backend name (enrollment, cohort, partnership, placement) -> base URL. */
  Map<String, String> backends();

  /** First path segment after {@code /api/v1/} -> backend name. */
  Map<String, String> routes();

  /**
   * First path segments after {@code /api/v1/} whose backend is named by the second segment: shared
   * endpoints every service exposes, e.g. {@code /api/v1/event-consumers/cohort/dead-letters}.
   */
  Optional<Set<String>> backendNamedRoutes();

  Duration connectTimeout();

  Duration requestTimeout();
}
