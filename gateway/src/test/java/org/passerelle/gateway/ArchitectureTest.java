package org.passerelle.gateway;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.ServiceArchitecture;

/** The gateway is not a service: it keeps to its own packages (ADR 0018). */
class ArchitectureTest {

  @Test
  void keepsToItsOwnPackages() {
    ServiceArchitecture.check(
        "org.passerelle.gateway",
        Set.of("asyncapi", "config", "health", "impact", "routing", "security"));
  }
}
