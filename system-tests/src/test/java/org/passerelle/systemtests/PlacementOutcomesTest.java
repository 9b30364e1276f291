package org.passerelle.systemtests;

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
 * Outcomes across services through the gateway (issue 16): cohorts completed in France and in
 * Morocco schedule their learners' follow-ups at each country's offsets from cohort-service's real
 * learner-completed, and a learner who left for a job has a placement staff confirm.
 */
class PlacementOutcomesTest {

  @BeforeAll
  static void platform() {
    Platform.get();
  }

  /** The learners of a started cohort of {@code count} at the site. */
  private static List<String> startedCohort(String staff, String site, int count) {
    String cohort = Platform.scheduleCohort(Platform.asUser(staff), site, count);
    Platform.enrolledApplications(staff, cohort, site, count);
    Platform.startToday(staff, cohort).statusCode(200);
    List<String> learners =
        Platform.asUser(staff)
            .get("/api/v1/cohorts/" + cohort + "/learners")
            .then()
            .statusCode(200)
            .extract()
            .path("items.learnerId");
    assertThat(learners).hasSize(count);
    return List.of(cohort, learners.get(0), count > 1 ? learners.get(1) : "");
  }

  private static void certify(String staff, String cohort, String learner, LocalDate today) {
    Platform.asUser(staff)
        .body(
            Map.of(
                "learnerId",
                learner,
                "outcome",
                "CERTIFIED",
                "certifiedOn",
                today.toString(),
                "juryReference",
                "JURY-OUTCOMES-" + today))
        .post("/api/v1/cohorts/" + cohort + "/certification-results")
        .then()
        .statusCode(201);
  }

  /** The learner's follow-ups' due days, earliest first, once placement-service has them all. */
  private static List<String> dueDays(String staff, String learner, int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                Platform.asUser(staff)
                        .get("/api/v1/follow-ups?learnerId=" + learner)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Integer>path("total")
                    == count);
    return Platform.asUser(staff)
        .get("/api/v1/follow-ups?learnerId=" + learner)
        .then()
        .statusCode(200)
        .extract()
        .path("items.dueOn");
  }

  @Test
  void completedCohortsAreFollowedUpAtEachCountrysOffsetsAndALeaverForAJobIsConfirmed() {
    LocalDate paris = LocalDate.now(ZoneId.of("Europe/Paris"));
    LocalDate casablanca = LocalDate.now(ZoneId.of("Africa/Casablanca"));
    List<String> france = startedCohort("site-staff-fr", "FR-SEVRAN", 2);
    List<String> morocco = startedCohort("site-staff-ma", "MA-FES", 1);
    certify("site-staff-fr", france.get(0), france.get(1), paris);
    certify("site-staff-ma", morocco.get(0), morocco.get(1), casablanca);
    Platform.asUser("site-staff-fr")
        .body(Map.of("exitReason", "FOUND_JOB"))
        .post("/api/v1/cohorts/" + france.get(0) + "/learners/" + france.get(2) + "/withdraw")
        .then()
        .statusCode(200);

    assertThat(dueDays("site-staff-fr", france.get(1), 3))
        .containsExactly(
            paris.plusMonths(3).toString(),
            paris.plusMonths(6).toString(),
            paris.plusMonths(12).toString());
    assertThat(dueDays("site-staff-ma", morocco.get(1), 2))
        .containsExactly(casablanca.plusMonths(9).toString(), casablanca.plusMonths(12).toString());
    // staff of the other country never see them
    Platform.asUser("site-staff-ma")
        .get("/api/v1/follow-ups?learnerId=" + france.get(1))
        .then()
        .statusCode(200)
        .body("total", equalTo(0));

    String leaver = france.get(2);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                Platform.asUser("site-staff-fr")
                        .get("/api/v1/placements?status=TO_CONFIRM&learnerId=" + leaver)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Integer>path("total")
                    == 1);
    String placement =
        Platform.asUser("site-staff-fr")
            .get("/api/v1/placements?status=TO_CONFIRM&learnerId=" + leaver)
            .then()
            .extract()
            .path("items[0].id");
    Platform.asUser("site-staff-fr")
        .body(
            Map.of(
                "situation", "EMPLOYED",
                "contractType", "CDD",
                "durationMonths", 6,
                "employerPartnerId", Platform.PARTNER_FR,
                "evidenceKind", "EMPLOYER_STATEMENT"))
        .post("/api/v1/placements/" + placement + "/confirm")
        .then()
        .statusCode(200)
        .body("status", equalTo("RECORDED"))
        .body("durableEmployment", equalTo(true));
  }
}
