package org.passerelle.enrollment;

import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.ServiceArchitecture;

/**
 * enrollment-service keeps the shape every service has (ADR 0018): its packages, and no arrow
 * pointing back up. Plain JUnit, no Quarkus.
 */
class ArchitectureTest {

  @Test
  void theServiceKeepsItsShape() {
    ServiceArchitecture.check("org.passerelle.enrollment");
  }
}
