package org.passerelle.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Job offers and candidacies through the gateway (issue 16, pl-offers): a partner's offer reaches
 * learners once the site's staff approved it; staff propose a learner of a running cohort
 * (placement-service learned them from the enrolment's events), whom the partner does not see
 * without their consent to CV sharing; the hire fills the offer and records the placement, which
 * placement-recorded announces.
 */
class JobOffersTest {

  private static final String SITE = "FR-SEVRAN";
  private static final String STAFF = "site-staff-fr";
  private static final Duration EVENTS = Duration.ofSeconds(30);

  @BeforeAll
  static void platform() {
    Platform.get();
  }

  @Test
  void aPartnersOfferIsModeratedThenAHireThroughACandidacyRecordsThePlacement() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String offer =
        Platform.asUser("partner-fr")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                """
                {"partnerId": "%s", "employerName": "Atelier Numérique Solidaire",
                 "title": "Développeur·se %s", "contractType": "CDD", "durationMonths": 12,
                 "remoteMode": "HYBRID", "siteCode": "%s", "city": "Sevran", "openings": 1}
                """
                    .formatted(Platform.PARTNER_FR, tag, SITE))
            .post("/api/v1/job-offers")
            .then()
            .statusCode(201)
            .body("status", equalTo("DRAFT"))
            .body("moderation", equalTo("PENDING"))
            .extract()
            .path("id");
    Platform.asUser("learner-fr").get("/api/v1/job-offers/" + offer).then().statusCode(404);
    Platform.asUser(STAFF)
        .post("/api/v1/job-offers/" + offer + "/publish")
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"));
    Platform.asUser("learner-fr")
        .get("/api/v1/job-offers?q=" + tag)
        .then()
        .statusCode(200)
        .body("items.id", contains(offer));

    String cohort = Platform.scheduleCohort(Platform.asUser("country-admin-fr"), SITE, 1);
    Platform.enrolledApplications(STAFF, cohort, SITE, 1);
    Platform.startToday(STAFF, cohort).statusCode(200);
    List<String> learners =
        Platform.asUser(STAFF)
            .get("/api/v1/cohorts/" + cohort + "/learners")
            .then()
            .statusCode(200)
            .extract()
            .path("items.learnerId");
    String learner = learners.getFirst();

    String body = "{\"jobOfferId\": \"%s\", \"learnerId\": \"%s\"}".formatted(offer, learner);
    Response[] proposed = new Response[1];
    await()
        .atMost(EVENTS)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              proposed[0] = Platform.asUser(STAFF).body(body).post("/api/v1/candidacies");
              return proposed[0].statusCode() != 422;
            });
    assertThat(proposed[0].statusCode()).isEqualTo(201);
    String candidacy = proposed[0].path("id");
    // no consent to CV sharing at enrolment: the employer does not see the candidate
    Platform.asUser("partner-fr")
        .get("/api/v1/candidacies?jobOfferId=" + offer)
        .then()
        .statusCode(200)
        .body("items", empty());

    String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    for (String status : new String[] {"INTERVIEWING", "OFFERED", "HIRED"}) {
      Platform.asUser(STAFF)
          .body(
              status.equals("HIRED")
                  ? Map.of("status", status, "startDate", today)
                  : Map.of("status", status))
          .post("/api/v1/candidacies/" + candidacy + "/status")
          .then()
          .statusCode(200)
          .body("status", equalTo(status));
    }
    Platform.asUser(STAFF)
        .get("/api/v1/job-offers/" + offer)
        .then()
        .statusCode(200)
        .body("status", equalTo("FILLED"));
    await().atMost(EVENTS).until(() -> placementsRecordedFor(learner) == 1);
  }

  private static long placementsRecordedFor(String learner) throws SQLException {
    try (Connection db = Databases.connect("placement", "systest");
        PreparedStatement statement =
            db.prepareStatement(
                "select count(*) from outbox_event where type ="
                    + " 'org.passerelle.placement.placement-recorded.v1'"
                    + " and data->>'learnerId' = ?")) {
      statement.setString(1, learner);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
