package org.passerelle.commons;

import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.ServiceArchitecture;

class ArchitectureTest {

  @Test
  void commonsDependsOnNoService() {
    ServiceArchitecture.checkCommons();
  }
}
