package org.passerelle.partnership;

import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.ServiceArchitecture;

/** partnership-service keeps the service shape (ADR 0018). Plain JUnit, no Quarkus. */
class ArchitectureTest {

  @Test
  void followsTheServiceShape() {
    ServiceArchitecture.check("org.passerelle.partnership");
  }
}
