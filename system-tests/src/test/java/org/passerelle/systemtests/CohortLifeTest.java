package org.passerelle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cohort's life across services through the gateway: applicants seated by cohort-service, the
 * cohort started (enrollment-service's intake follows), a learner leaving for a job, a day's
 * attendance, a jury's result, and the certificate an employer checks without an account.
 */
class CohortLifeTest {

  private static final String SITE = "FR-SEVRAN";
  private static final String STAFF = "site-staff-fr";

  @BeforeAll
  static void platform() {
    Platform.get();
  }

  private static String applicationStatus(String application) {
    return Platform.asUser(STAFF)
        .get("/api/v1/applications/" + application)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  @Test
  void fromSeatsToAVerifiedCertificate() {
    String cohort = Platform.scheduleCohort(Platform.asUser("country-admin-fr"), SITE, 2);
    List<String> applications = Platform.enrolledApplications(STAFF, cohort, SITE, 2);
    // The start moved to today (staff's decision), recruitment closed yesterday.
    Platform.startToday(STAFF, cohort).statusCode(200).body("status", equalTo("RUNNING"));
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                "RUNNING"
                    .equals(
                        Platform.asUser(STAFF)
                            .get("/api/v1/intakes/" + cohort)
                            .then()
                            .extract()
                            .path("cohortStatus")));

    List<String> learners =
        Platform.asUser(STAFF)
            .get("/api/v1/cohorts/" + cohort + "/learners")
            .then()
            .statusCode(200)
            .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("ACTIVE")))
            .extract()
            .path("items.learnerId");
    assertThat(learners).hasSize(2);
    String graduate = learners.get(0);
    String leaver = learners.get(1);

    String leaverApplication =
        Platform.asUser(STAFF)
            .body(Map.of("exitReason", "FOUND_JOB", "comment", "Hired by a partner before the end"))
            .post("/api/v1/cohorts/" + cohort + "/learners/" + leaver + "/withdraw")
            .then()
            .statusCode(200)
            .body("status", equalTo("WITHDRAWN"))
            .extract()
            .path("applicationId");
    // enrollment-service hears of it: the application ends too, so the person may apply again.
    assertThat(applications).contains(leaverApplication);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> applicationStatus(leaverApplication).equals("WITHDRAWN"));

    Platform.asUser(STAFF)
        .body(Map.of("records", List.of(Map.of("learnerId", graduate, "status", "PRESENT"))))
        .put("/api/v1/cohorts/" + cohort + "/attendance/" + today)
        .then()
        .statusCode(200);

    String publicId =
        Platform.asUser(STAFF)
            .body(
                Map.of(
                    "learnerId",
                    graduate,
                    "outcome",
                    "CERTIFIED",
                    "certifiedOn",
                    today.toString(),
                    "juryReference",
                    "JURY-SEVRAN-" + today))
            .post("/api/v1/cohorts/" + cohort + "/certification-results")
            .then()
            .statusCode(201)
            .extract()
            .path("certificate.publicId");

    // An employer, without any account, through the gateway.
    String verification =
        given()
            .baseUri(Platform.get().gateway())
            .get("/api/v1/certificates/" + publicId)
            .then()
            .statusCode(200)
            .body("status", equalTo("VALID"))
            .body("programme.code", equalTo("WEB-DEV"))
            .extract()
            .asString();
    assertThat(verification).doesNotContain(graduate, cohort, "JURY-SEVRAN", SITE);
  }
}
