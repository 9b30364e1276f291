package org.passerelle.cohort.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.rest.AttendanceDays;
import org.passerelle.cohort.rest.CohortResourceTest;
import org.passerelle.cohort.service.SeatService;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;
import org.passerelle.cohort.testing.Partners;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.EventSchemas;

/**
 * What the service emits validates against the JSON Schemas it publishes: every kind of event is
 * made here (every outcome of a seat request included), then the whole outbox is checked.
 */
@QuarkusTest
class EmittedEventsMatchSchemasTest {

  private static final String COHORTS = "/api/v1/cohorts";

  @Inject DataSource dataSource;
  @Inject SeatService seats;

  @Test
  void everyEmittedEventMatchesItsSchema() throws Exception {
    String id = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN", 1);
    Api.as("site-staff-fr")
        .header("If-Match", "\"0\"")
        .body(
            "{\"minimumAge\": 21, \"recruitmentClosesOn\": \"2026-12-31\","
                + " \"funders\": [\"France Travail\"], \"trainers\": [\"Mme Dupont\"]}")
        .patch(COHORTS + "/" + id)
        .then()
        .statusCode(200);
    Api.as("site-staff-fr").post(COHORTS + "/" + id + "/open-recruitment").then().statusCode(200);
    UUID cohortId = UUID.fromString(id);
    SeatService.Application seated =
        new SeatService.Application(
            UUID.randomUUID(), UUID.randomUUID(), cohortId, "FR-SEVRAN", "FR");
    QuarkusTransaction.requiringNew().run(() -> seats.accept(seated));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                seats.accept(
                    new SeatService.Application(
                        UUID.randomUUID(), UUID.randomUUID(), cohortId, "FR-SEVRAN", "FR")));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                seats.accept(
                    new SeatService.Application(
                        UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "MA-FES", "MA")));
    QuarkusTransaction.requiringNew().run(() -> seats.withdraw(seated));
    Api.as("site-staff-fr")
        .body("{\"reason\": \"no trainer\"}")
        .post(COHORTS + "/" + id + "/cancel")
        .then()
        .statusCode(200);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                seats.accept(
                    new SeatService.Application(
                        UUID.randomUUID(), UUID.randomUUID(), cohortId, "FR-SEVRAN", "FR")));
    // staff withdraw one learner and transfer another before the start
    UUID planned =
        Cohorts.cohort(
            "FR-SEVRAN", "WEB-DEV", CohortStatus.PLANNED, 5, LocalDate.now().plusMonths(2));
    List<UUID> learners = Cohorts.learners(planned, LearnerStatus.ENROLLED, 2);
    Learners.as("site-staff-fr")
        .body("{\"exitReason\": \"RELOCATION\", \"comment\": \"Moved away\"}")
        .post(Learners.path(planned, learners.get(0)) + "/withdraw")
        .then()
        .statusCode(200);
    Learners.as("site-staff-fr")
        .body(
            "{\"toCohortId\": \"%s\", \"learnerIds\": [\"%s\"]}"
                .formatted(Cohorts.running("FR-SEVRAN", 5), learners.get(1)))
        .post(Learners.path(planned) + "/transfer")
        .then()
        .statusCode(200);

    // learner-completed with a certificate, then certificate-revoked
    UUID running = Cohorts.running("FR-SEVRAN", 5);
    UUID learner = Cohorts.learners(running, LearnerStatus.ACTIVE, 1).getFirst();
    String publicId =
        Api.as("site-staff-fr")
            .body(
                """
                {"learnerId": "%s", "outcome": "PARTIALLY_CERTIFIED", "blocks": ["BC01"],
                 "certifiedOn": "%s", "juryReference": "J-1"}
                """
                    .formatted(learner, LocalDate.now(ZoneId.of("Europe/Paris"))))
            .post(COHORTS + "/" + running + "/certification-results")
            .then()
            .statusCode(201)
            .extract()
            .path("certificate.publicId");
    Api.as("platform-admin")
        .body("{\"reason\": \"issued in error\"}")
        .post("/api/v1/certificates/" + publicId + "/revoke")
        .then()
        .statusCode(200);

    // attendance-alert: three unexcused absences in a row
    UUID attended = Cohorts.running("FR-SEVRAN", 5);
    List<UUID> attending = Cohorts.learners(attended, LearnerStatus.ACTIVE, 2);
    for (int day = 0; day < 3; day++) {
      AttendanceDays.of(attending)
          .set(attending.get(0), "UNEXCUSED_ABSENCE", "not reachable")
          .put("site-staff-fr", attended, LocalDate.now().minusWeeks(4).plusDays(day))
          .statusCode(200);
    }

    // started with an enrolled learner, then completed once ended
    UUID ended =
        Cohorts.cohort(
            "FR-SEVRAN", "WEB-DEV", CohortStatus.RECRUITING, 5, LocalDate.now().minusWeeks(13));
    Cohorts.learners(ended, LearnerStatus.ENROLLED, 1);
    // funded by a partner cohort-service learned from partnership-service: its id travels too
    Api.as("site-staff-fr")
        .header("If-Match", "\"0\"")
        .body("{\"funderPartnerIds\": [\"" + Partners.known("FR") + "\"]}")
        .patch(COHORTS + "/" + ended)
        .then()
        .statusCode(200);
    Api.as("site-staff-fr").post(COHORTS + "/" + ended + "/start").then().statusCode(200);
    Api.as("site-staff-fr").post(COHORTS + "/" + ended + "/complete").then().statusCode(200);

    // site-registered (the migration announced the seeded sites too), then site-changed
    String site = SiteEventsTest.createSite("MA");
    Api.as("platform-admin")
        .header("If-Match", "\"0\"")
        .body("{\"region\": \"Rabat-Salé-Kénitra\"}")
        .patch("/api/v1/sites/" + site)
        .then()
        .statusCode(200);

    assertThat(EventSchemas.assertOutboxValid(dataSource)).isPositive();
    Set<String> emitted = new HashSet<>();
    try (var connection = dataSource.getConnection();
        var statement = connection.prepareStatement("select distinct type from outbox_event");
        var rows = statement.executeQuery()) {
      while (rows.next()) {
        emitted.add(rows.getString(1));
      }
    }
    // every event the service has a schema for was emitted, and checked, above
    assertThat(emitted).containsAll(publishedTypes());
  }

  /** The CloudEvents types of the schemas under events/schemas/. */
  private static List<String> publishedTypes() throws IOException, URISyntaxException {
    // main resources are a directory (target/classes) when tests run
    Path schemas =
        Path.of(
                Thread.currentThread()
                    .getContextClassLoader()
                    .getResource("events/schemas/cohort-scheduled.v1.json")
                    .toURI())
            .getParent();
    try (Stream<Path> files = Files.list(schemas)) {
      List<String> types =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".json"))
              .map(name -> "org.passerelle.cohort." + name.substring(0, name.length() - 5))
              .sorted()
              .toList();
      assertThat(types).hasSizeGreaterThanOrEqualTo(6);
      types.forEach(type -> assertThat(EventSchemas.resource(type)).isNotBlank());
      return types;
    }
  }
}
