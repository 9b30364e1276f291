package org.passerelle.partnership.events;

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
    org.passerelle.partnership.rest.PartnerResourceTest.register("country-admin-fr");
    assertThat(EventSchemas.assertOutboxValid(dataSource)).isPositive();
  }
}
