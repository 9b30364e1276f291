package org.passerelle.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

/** Where each resource of the public API lives. */
@ConfigMapping(prefix = "passerelle.gateway")
public interface GatewayConfig {

  /** Backend name (enrollment, cohort, partnership, placement) -> base URL. */
  Map<String, String> backends();

  /** First path segment after {@code /api/v1/} -> backend name. */
  Map<String, String> routes();

  Duration connectTimeout();

  Duration requestTimeout();
}
