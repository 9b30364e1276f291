package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.cohort.events.CohortOutbox.ATTENDANCE_ALERT;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Api;

/**
 * The early warning when staff record days late: a run of unexcused absences completed by a
 * backfilled day raises attendance-alert even though the learner came back since, once per run; the
 * at-risk list still shows only who is absent now.
 */
@QuarkusTest
class AttendanceBackfillAlertTest {

  private static final String U = "UNEXCUSED_ABSENCE";

  @Inject EntityManager entityManager;

  private List<JsonNode> alerts(UUID cohort) {
    return CohortOutbox.events(entityManager, cohort.toString(), ATTENDANCE_ALERT);
  }

  private long alertRows(UUID learner) {
    return Api.count(
        entityManager,
        "select count(*) from attendance_alert a join cohort_learner l on l.id ="
            + " a.cohort_learner_id where l.learner_id = '"
            + learner
            + "'");
  }

  private static LocalDate start(UUID cohort) {
    return LocalDate.parse(
        Api.as("platform-admin")
            .get("/api/v1/cohorts/" + cohort)
            .then()
            .extract()
            .path("startDate"));
  }

  @Test
  void absencesBackfilledBetweenTwoPresencesRaiseTheAlertOnce() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 3);
    UUID a = learners.get(0);
    UUID b = learners.get(1);
    LocalDate d = start(cohort);
    // days 1 and 5 recorded on time, everybody present
    AttendanceDays.of(learners).put("site-staff-fr", cohort, d).statusCode(200);
    AttendanceDays.of(learners).put("site-staff-fr", cohort, d.plusDays(4)).statusCode(200);

    // days 2 to 4 backfilled: a was absent on all three, b on days 2 and 4 only (for now)
    AttendanceDays.of(learners).set(List.of(a, b), U).put("site-staff-fr", cohort, d.plusDays(1));
    AttendanceDays.of(learners).set(a, U).put("site-staff-fr", cohort, d.plusDays(2));
    assertThat(alerts(cohort)).isEmpty();
    AttendanceDays.of(learners)
        .set(List.of(a, b), U)
        .put("site-staff-fr", cohort, d.plusDays(3))
        .statusCode(200);

    List<JsonNode> raised = alerts(cohort);
    assertThat(raised).hasSize(1);
    JsonNode alert = raised.getFirst();
    assertThat(alert.path("learnerId").asText()).isEqualTo(a.toString());
    assertThat(alert.path("consecutiveUnexcusedAbsences").asInt()).isEqualTo(3);
    assertThat(alert.path("since").asText()).isEqualTo(d.plusDays(1).toString());
    assertThat(alert.path("lastAbsenceOn").asText()).isEqualTo(d.plusDays(3).toString());
    assertThat(alert.path("threshold").asInt()).isEqualTo(3);
    assertThat(alert.path("programmeCode").asText()).isEqualTo("WEB-DEV");
    assertThat(alertRows(a)).isEqualTo(1);
    assertThat(
            Api.count(
                entityManager,
                "select count(*) from attendance_alert a join cohort_learner l on l.id ="
                    + " a.cohort_learner_id where l.learner_id = '"
                    + a
                    + "' and a.run_started_on = '"
                    + d.plusDays(1)
                    + "' and a.last_absence_on = '"
                    + d.plusDays(3)
                    + "' and a.run_length = 3"))
        .isEqualTo(1);
    // at risk means absent now: a came back on day 5, so is not listed, though alerted for
    AttendanceDays.get("site-staff-fr", cohort + "/at-risk-learners").body("total", equalTo(0));
    AttendanceDays.get("site-staff-fr", cohort + "/attendance/learners/" + a)
        .body("summary.unexcusedAbsences", equalTo(3))
        .body("summary.consecutiveUnexcusedAbsences", equalTo(0))
        .body("summary.atRisk", equalTo(false));

    // the same run re-sent or corrected in the middle: nothing more
    AttendanceDays.of(learners).set(List.of(a, b), U).put("site-staff-fr", cohort, d.plusDays(1));
    AttendanceDays.of(learners)
        .set(a, U, "called, no answer")
        .put("site-staff-fr", cohort, d.plusDays(2));
    assertThat(alerts(cohort)).hasSize(1);

    // b's middle day corrected to an absence completes b's run: b is alerted for, once
    AttendanceDays.of(learners)
        .set(List.of(a, b), U)
        .put("site-staff-fr", cohort, d.plusDays(2))
        .statusCode(200);
    raised = alerts(cohort);
    assertThat(raised).hasSize(2);
    assertThat(raised.get(1).path("learnerId").asText()).isEqualTo(b.toString());
    assertThat(raised.get(1).path("since").asText()).isEqualTo(d.plusDays(1).toString());
    assertThat(raised.get(1).path("lastAbsenceOn").asText()).isEqualTo(d.plusDays(3).toString());
    assertThat(alertRows(a)).isEqualTo(1);
    assertThat(alertRows(b)).isEqualTo(1);
    assertThat(alertRows(learners.get(2))).isZero();
  }
}
