package org.passerelle.placement.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.EventSchemas;

/** What the service emits validates against the JSON Schemas it publishes. */
@QuarkusTest
class EmittedEventsMatchSchemasTest {

  @Inject DataSource dataSource;

  @Test
  void everyEmittedEventMatchesItsSchema() {
    org.passerelle.placement.rest.JobOfferResourceTest.publish("site-staff-fr");
    assertThat(EventSchemas.assertOutboxValid(dataSource)).isPositive();
  }
}
