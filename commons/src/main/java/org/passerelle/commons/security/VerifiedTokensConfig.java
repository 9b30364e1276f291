package org.passerelle.commons.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How many verified tokens a service remembers, and for how long at most (ADR 0034). */
@ConfigMapping(prefix = "passerelle.security.verified-tokens")
public interface VerifiedTokensConfig {

  /** Most tokens remembered at once; 0 verifies every token on every request. */
  @WithDefault("10000")
  int maxSize();

  /**
   * Longest a verification is reused, however late the token expires: bounds how long a token
   * signed with a key the identity provider withdrew keeps getting in here.
   */
  @WithDefault("PT5M")
  Duration maxAge();
}
