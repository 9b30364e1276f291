package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.passerelle.cohort.events.CohortOutbox.ATTENDANCE_ALERT;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Api;

/**
 * The early warning at the default threshold (3 consecutive unexcused absences): below, at and
 * above it, once per run, again for a new run, corrections, excused absences; the event's data.
 */
@QuarkusTest
class AttendanceAlertTest {

  private static final String U = "UNEXCUSED_ABSENCE";

  @Inject EntityManager entityManager;

  private List<JsonNode> alerts(UUID cohort) {
    return CohortOutbox.events(entityManager, cohort.toString(), ATTENDANCE_ALERT);
  }

  private long alertRows(UUID cohort) {
    return Api.count(
        entityManager,
        "select count(*) from attendance_alert a join cohort_learner l on l.id ="
            + " a.cohort_learner_id where l.cohort_id = '"
            + cohort
            + "'");
  }

  private long learnerAlertRows(UUID learner) {
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
  void theThirdUnexcusedAbsenceInARowRaisesTheAlertOncePerRun() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 3);
    UUID a = learners.get(0);
    LocalDate d = start(cohort);

    AttendanceDays.of(learners).put("site-staff-fr", cohort, d).statusCode(200);
    AttendanceDays.of(learners).set(a, U, "no news").put("site-staff-fr", cohort, d.plusDays(1));
    AttendanceDays.of(learners).set(a, U).put("site-staff-fr", cohort, d.plusDays(2));
    // below the threshold: nothing raised, nobody at risk
    assertThat(alerts(cohort)).isEmpty();
    AttendanceDays.get("site-staff-fr", cohort + "/at-risk-learners")
        .statusCode(200)
        .body("total", equalTo(0));
    AttendanceDays.get("site-staff-fr", cohort + "/attendance/learners/" + a)
        .body("summary.consecutiveUnexcusedAbsences", equalTo(2))
        .body("summary.atRisk", equalTo(false));

    // at the threshold: one alert, the learner at risk
    AttendanceDays.of(learners)
        .set(a, U, "phone off, family says ill")
        .put("site-staff-fr", cohort, d.plusDays(3))
        .statusCode(200);
    List<JsonNode> raised = alerts(cohort);
    assertThat(raised).hasSize(1);
    JsonNode alert = raised.get(0);
    assertThat(alert.path("cohortId").asText()).isEqualTo(cohort.toString());
    assertThat(alert.path("learnerId").asText()).isEqualTo(a.toString());
    assertThat(alert.path("programmeCode").asText()).isEqualTo("WEB-DEV");
    assertThat(alert.path("site").asText()).isEqualTo("FR-SEVRAN");
    assertThat(alert.path("country").asText()).isEqualTo("FR");
    assertThat(alert.path("consecutiveUnexcusedAbsences").asInt()).isEqualTo(3);
    assertThat(alert.path("since").asText()).isEqualTo(d.plusDays(1).toString());
    assertThat(alert.path("lastAbsenceOn").asText()).isEqualTo(d.plusDays(3).toString());
    assertThat(alert.path("threshold").asInt()).isEqualTo(3);
    assertThat(alert.toString()).doesNotContain("ill").doesNotContain("no news");
    assertThat(alert.has("comment")).isFalse();
    AttendanceDays.get("site-staff-fr", cohort + "/at-risk-learners")
        .body("items", hasSize(1))
        .body("items[0].learnerId", equalTo(a.toString()))
        .body("items[0].consecutiveUnexcusedAbsences", equalTo(3))
        .body("items[0].since", equalTo(d.plusDays(1).toString()))
        .body("items[0].lastAbsenceOn", equalTo(d.plusDays(3).toString()))
        .body("items[0].threshold", equalTo(3));
    AttendanceDays.get("site-staff-fr", cohort + "/attendance/learners/" + a)
        .body("summary.atRisk", equalTo(true));

    // above it: the same run, nothing more
    AttendanceDays.of(learners).set(a, U).put("site-staff-fr", cohort, d.plusDays(4));
    // re-sending a day, correcting a day of the run, or extending it back: the same run
    AttendanceDays.of(learners).set(a, U).put("site-staff-fr", cohort, d.plusDays(4));
    AttendanceDays.of(learners)
        .set(a, U, "called back")
        .put("site-staff-fr", cohort, d.plusDays(2));
    AttendanceDays.of(learners).set(a, U).put("site-staff-fr", cohort, d).statusCode(200);
    assertThat(alerts(cohort)).hasSize(1);
    AttendanceDays.get("site-staff-fr", cohort + "/at-risk-learners")
        .body("items[0].consecutiveUnexcusedAbsences", equalTo(5))
        .body("items[0].since", equalTo(d.toString()));

    // back in class: the run ends; a new run raises the alert again
    AttendanceDays.of(learners).put("site-staff-fr", cohort, d.plusDays(5));
    AttendanceDays.get("site-staff-fr", cohort + "/at-risk-learners").body("total", equalTo(0));
    for (int i = 6; i <= 8; i++) {
      AttendanceDays.of(learners).set(a, U).put("site-staff-fr", cohort, d.plusDays(i));
    }
    raised = alerts(cohort);
    assertThat(raised).hasSize(2);
    assertThat(raised.get(1).path("since").asText()).isEqualTo(d.plusDays(6).toString());
    assertThat(raised.get(1).path("consecutiveUnexcusedAbsences").asInt()).isEqualTo(3);
    assertThat(alertRows(cohort)).isEqualTo(2);
  }

  @Test
  void theSameDaySubmittedManyTimesAtOnceRaisesOneAlert() throws Exception {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 3);
    UUID a = learners.get(0);
    LocalDate d = start(cohort);
    AttendanceDays.of(learners).set(a, U).put("site-staff-fr", cohort, d).statusCode(200);
    AttendanceDays.of(learners).set(a, U).put("site-staff-fr", cohort, d.plusDays(1));
    String third = AttendanceDays.of(learners).set(a, U).json();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            pool.submit(
                () ->
                    AttendanceDays.put("site-staff-fr", cohort, d.plusDays(2).toString(), third)
                        .extract()
                        .statusCode()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(alerts(cohort)).hasSize(1);
    assertThat(alertRows(cohort)).isEqualTo(1);
    AttendanceDays.get("site-staff-fr", cohort + "/attendance/" + d.plusDays(2))
        .body("records", hasSize(3));
  }

  @Test
  void aCorrectionThatBreaksTheRunTakesTheLearnerOffTheAtRiskList() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    UUID b = learners.get(1);
    LocalDate d = start(cohort);
    for (int i = 0; i < 3; i++) {
      AttendanceDays.of(learners).set(b, U).put("site-staff-fr", cohort, d.plusDays(i));
    }
    assertThat(alerts(cohort)).hasSize(1);

    // the middle day was in fact a presence: the run is now one day long
    AttendanceDays.of(learners).put("site-staff-fr", cohort, d.plusDays(1)).statusCode(200);
    AttendanceDays.get("site-staff-fr", cohort + "/at-risk-learners").body("total", equalTo(0));
    AttendanceDays.get("site-staff-fr", cohort + "/attendance/learners/" + b)
        .body("summary.consecutiveUnexcusedAbsences", equalTo(1))
        .body("summary.unexcusedSince", equalTo(d.plusDays(2).toString()));
    assertThat(alerts(cohort)).hasSize(1);

    // two more absences: a run after a presence, from its own first day, alerted again
    AttendanceDays.of(learners).set(b, U).put("site-staff-fr", cohort, d.plusDays(3));
    assertThat(alerts(cohort)).hasSize(1);
    AttendanceDays.of(learners).set(b, U).put("site-staff-fr", cohort, d.plusDays(4));
    List<JsonNode> raised = alerts(cohort);
    assertThat(raised).hasSize(2);
    assertThat(raised.get(1).path("since").asText()).isEqualTo(d.plusDays(2).toString());
    assertThat(raised.get(1).path("lastAbsenceOn").asText()).isEqualTo(d.plusDays(4).toString());
  }

  @Test
  void excusedAbsencesAndLatenessDoNotCount() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 3);
    UUID excused = learners.get(0);
    UUID late = learners.get(1);
    LocalDate d = start(cohort);
    String[][] days = {
      {U, U}, {U, U}, {"EXCUSED_ABSENCE", "LATE"}, {U, U}, {"EXCUSED_ABSENCE", U},
    };
    for (int i = 0; i < days.length; i++) {
      AttendanceDays.of(learners)
          .set(excused, days[i][0])
          .set(late, days[i][1])
          .put("site-staff-fr", cohort, d.plusDays(i))
          .statusCode(200);
    }
    assertThat(alerts(cohort)).isEmpty();
    AttendanceDays.get("site-staff-fr", cohort + "/attendance/learners/" + excused)
        .body("summary.excusedAbsences", equalTo(2))
        .body("summary.unexcusedAbsences", equalTo(3))
        .body("summary.consecutiveUnexcusedAbsences", equalTo(0));
    AttendanceDays.get("site-staff-fr", cohort + "/attendance/learners/" + late)
        .body("summary.consecutiveUnexcusedAbsences", equalTo(2))
        .body("summary.late", equalTo(1));
  }

  @Test
  void severalLearnersAtRiskMostAtRiskFirst() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 4);
    UUID longest = learners.get(0);
    UUID older = learners.get(1);
    UUID newer = learners.get(2);
    LocalDate d = start(cohort);
    // longest absent from day 0, older from day 2, newer from day 4; the first two back on day 5
    AttendanceDays.of(learners).set(longest, U).put("site-staff-fr", cohort, d);
    AttendanceDays.of(learners).set(longest, U).put("site-staff-fr", cohort, d.plusDays(1));
    AttendanceDays.of(learners)
        .set(List.of(longest, older), U)
        .put("site-staff-fr", cohort, d.plusDays(2));
    AttendanceDays.of(learners)
        .set(List.of(longest, older), U)
        .put("site-staff-fr", cohort, d.plusDays(3));
    AttendanceDays.of(learners)
        .set(List.of(longest, older, newer), U)
        .put("site-staff-fr", cohort, d.plusDays(4));
    AttendanceDays.of(learners).set(newer, U).put("site-staff-fr", cohort, d.plusDays(5));
    AttendanceDays.of(learners).set(newer, U).put("site-staff-fr", cohort, d.plusDays(6));

    AttendanceDays.get("site-staff-fr", cohort + "/at-risk-learners")
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items.learnerId", contains(newer.toString()))
        .body("items.consecutiveUnexcusedAbsences", contains(3));
    // corrected: longest and older were absent on days 5 and 6 too; their runs (already alerted)
    // are now current, and the longest comes first
    for (int i = 5; i <= 6; i++) {
      AttendanceDays.of(learners)
          .set(List.of(longest, older, newer), U)
          .put("site-staff-fr", cohort, d.plusDays(i));
    }
    AttendanceDays.get("site-staff-fr", cohort + "/at-risk-learners")
        .body("items.learnerId", contains(longest.toString(), older.toString(), newer.toString()))
        .body("items.consecutiveUnexcusedAbsences", contains(7, 5, 3))
        .body(
            "items.since",
            contains(d.toString(), d.plusDays(2).toString(), d.plusDays(4).toString()));
    AttendanceDays.get("site-staff-fr", cohort + "/attendance?size=100")
        .body("items.findAll { it.atRisk }.learnerId", hasSize(3));
    assertThat(alerts(cohort)).hasSize(3);
  }

  @Test
  void noEarlyWarningOnceTheCohortIsCompletedOrForLearnersWhoLeft() {
    UUID done =
        Cohorts.cohort(
            "FR-SEVRAN", "WEB-DEV", CohortStatus.COMPLETED, 10, LocalDate.now().minusWeeks(20));
    List<UUID> learners = Cohorts.learners(done, LearnerStatus.ACTIVE, 1);
    LocalDate d = start(done);
    for (int i = 0; i < 4; i++) {
      AttendanceDays.of(learners)
          .set(learners, U)
          .put("site-staff-fr", done, d.plusDays(i))
          .statusCode(200);
    }
    assertThat(alerts(done)).isEmpty();

    UUID running = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> active = Cohorts.learners(running, LearnerStatus.ACTIVE, 1);
    UUID withdrawn = Cohorts.learners(running, LearnerStatus.WITHDRAWN, 1).get(0);
    LocalDate r = start(running);
    for (int i = 0; i < 4; i++) {
      AttendanceDays.of(active)
          .set(withdrawn, U)
          .put("site-staff-fr", running, r.plusDays(i))
          .statusCode(200);
    }
    assertThat(alerts(running)).isEmpty();
    AttendanceDays.get("site-staff-fr", running + "/at-risk-learners").body("total", equalTo(0));
    AttendanceDays.get("site-staff-fr", running + "/attendance/learners/" + withdrawn)
        .body("summary.consecutiveUnexcusedAbsences", equalTo(4))
        .body("summary.atRisk", equalTo(false))
        .body("summary.learnerStatus", equalTo("WITHDRAWN"));
  }

  // Days recorded late: a run of unexcused absences completed by a backfilled day raises the
  // alert even though the learner came back since, once per run; at risk still means absent now.
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
    assertThat(learnerAlertRows(a)).isEqualTo(1);
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
    assertThat(learnerAlertRows(a)).isEqualTo(1);
    assertThat(learnerAlertRows(b)).isEqualTo(1);
    assertThat(learnerAlertRows(learners.get(2))).isZero();
  }
}
