package org.passerelle.cohort;

import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.ServiceArchitecture;

/** cohort-service keeps the shape every service follows (ADR 0018). */
class ArchitectureTest {

  @Test
  void followsTheServiceShape() {
    ServiceArchitecture.check("org.passerelle.cohort");
  }
}
