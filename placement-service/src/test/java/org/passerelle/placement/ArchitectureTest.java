package org.passerelle.placement;

import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.ServiceArchitecture;

/** placement-service keeps the service shape (ADR 0018). Plain JUnit, no Quarkus. */
class ArchitectureTest {

  @Test
  void followsTheServiceShape() {
    ServiceArchitecture.check("org.passerelle.placement");
  }
}
