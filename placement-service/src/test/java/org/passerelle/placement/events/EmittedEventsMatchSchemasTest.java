package org.passerelle.placement.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.EventSchemas;
import org.passerelle.placement.rest.CandidacyResourceTest;
import org.passerelle.placement.testing.Learners;

/** What the service emits validates against the JSON Schemas it publishes. */
@QuarkusTest
class EmittedEventsMatchSchemasTest {

  @Inject DataSource dataSource;

  @Test
  void everyEmittedEventMatchesItsSchema() {
    org.passerelle.placement.rest.JobOfferResourceTest.publish("site-staff-fr");
    // a candidacy started and moved, with and without a learner's site and start date
    String offer = CandidacyResourceTest.offer(1);
    String candidacy =
        CandidacyResourceTest.propose("site-staff-fr", offer, Learners.of("FR-SEVRAN", true));
    Api.as("partner-fr")
        .body("{\"status\": \"INTERVIEWING\"}")
        .post(CandidacyResourceTest.CANDIDACIES + "/" + candidacy + "/status")
        .then()
        .statusCode(200);
    assertThat(EventSchemas.assertOutboxValid(dataSource)).isPositive();
  }
}
