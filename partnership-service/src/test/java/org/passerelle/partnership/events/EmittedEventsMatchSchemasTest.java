package org.passerelle.partnership.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.EventSchemas;
import org.passerelle.partnership.testing.Conventions;

/** What the service emits validates against the JSON Schemas it publishes. */
@QuarkusTest
class EmittedEventsMatchSchemasTest {

  @Inject DataSource dataSource;

  @Inject org.passerelle.partnership.service.ConventionLifecycleService lifecycle;

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
    conventionEvents();
    assertThat(EventSchemas.assertOutboxValid(dataSource)).isPositive();
  }

  /**
   * The conventions' events: convention-expiring, commitment-progressed, -fulfilled and -missed,
   * prize-awarded.
   */
  private void conventionEvents() {
    String partner = Conventions.partner("MA");
    java.time.LocalDate day = java.time.LocalDate.of(2033, 1, 10);
    String convention =
        Conventions.draft("country-admin-ma", partner, "MA", "\"MA-FES\"", day, day.plusDays(30));
    Conventions.sign("country-admin-ma", convention, java.time.LocalDate.now());
    String funding =
        Conventions.commitment("country-admin-ma", convention, "FUNDING", "100", day.plusDays(20));
    String prizes =
        Conventions.commitment("country-admin-ma", convention, "PRIZES", "1", day.plusDays(20));
    Conventions.commitment("country-admin-ma", convention, "MENTORING_HOURS", "5", day.plusDays(1));
    Api.as("country-admin-ma")
        .body("{\"amount\": 100, \"note\": \"Versement\", \"occurredOn\": \"%s\"}".formatted(day))
        .post(Conventions.COMMITMENTS + "/" + funding + "/progress")
        .then()
        .statusCode(200);
    Api.as("country-admin-ma")
        .body(
            """
            {"partnerId": "%s", "commitmentId": "%s", "site": "MA-FES", "title": "Prix",
             "recipientKind": "LEARNERS", "learnerIds": ["%s"], "awardedOn": "%s"}
            """
                .formatted(partner, prizes, java.util.UUID.randomUUID(), day))
        .post(Conventions.PRIZES)
        .then()
        .statusCode(201);
    lifecycle.run("MA", day.plusDays(5));
    Conventions.assertEmitted("convention-expiring", convention, 1);
    assertThat(
            Conventions.count(
                "select count(*) from outbox_event where type like '%commitment-missed%'"))
        .isPositive();
  }
}
