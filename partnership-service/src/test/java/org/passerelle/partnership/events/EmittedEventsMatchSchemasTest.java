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
    String partner =
        org.passerelle.partnership.rest.PartnerResourceTest.register("country-admin-fr");
    // partner-changed, with every optional part filled
    org.passerelle.commons.testing.Api.as("country-admin-fr")
        .header("If-Match", "\"0\"")
        .body(
            """
            {"status": "INACTIVE", "roles": ["DONOR", "FUNDER"], "sector": "Numérique",
             "address": {"street": "1 rue Haute", "postalCode": "95000", "city": "Cergy"},
             "sites": ["FR-CERGY"]}
            """)
        .patch("/api/v1/partners/" + partner)
        .then()
        .statusCode(200);
    assertThat(EventSchemas.assertOutboxValid(dataSource)).isPositive();
  }
}
