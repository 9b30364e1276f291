package org.passerelle.commons.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the services' problem answers behave where a setting is needed (issue 21). */
@ConfigMapping(prefix = "passerelle.problems")
public interface ProblemsConfig {

  /**
   * How long a caller is told to wait ({@code Retry-After}, in whole seconds, at least 1) before
   * retrying a request answered 503 because something the service needs (its database, the broker)
   * is unavailable for the moment.
   */
  @WithDefault("PT5S")
  Duration retryAfter();

  default long retryAfterSeconds() {
    return Math.max(1, (retryAfter().toMillis() + 999) / 1000);
  }
}
