package org.passerelle.cohort.events;

import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.SchemaCompatibility;

/**
 * The event schemas cohort-service publishes only change compatibly once released (DESIGN §4, ADR
 * 0004): each has its baseline in src/test/resources/events/released/. Plain JUnit, no Quarkus.
 */
class EventSchemaCompatibilityTest {

  @Test
  void releasedSchemasOnlyChangeCompatibly() {
    SchemaCompatibility.assertReleasedSchemasCompatible();
  }
}
