package org.passerelle.cohort.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.rest.AttendanceDays;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;
import org.passerelle.commons.testing.Api;

/**
 * A learner's exit carries their attendance in the cohort (issue 17): learner-withdrew and
 * learner-completed count the session days recorded for them and the days they came (present or
 * late), so that the impact indicators' attendance rate needs no second source.
 */
@QuarkusTest
class ExitAttendanceTest {

  @Inject EntityManager entityManager;

  @Test
  void withdrawalAndCompletionCountTheDaysRecordedAndTheDaysAttended() {
    UUID cohortId = Cohorts.running("FR-SEVRAN", 5);
    List<UUID> learners = Cohorts.learners(cohortId, LearnerStatus.ACTIVE, 2);
    UUID leaving = learners.get(0);
    UUID staying = learners.get(1);
    LocalDate first = LocalDate.now().minusWeeks(4);
    String[] leavingDays = {"PRESENT", "LATE", "UNEXCUSED_ABSENCE"};
    String[] stayingDays = {"PRESENT", "EXCUSED_ABSENCE", "PRESENT"};
    for (int day = 0; day < 3; day++) {
      AttendanceDays.of(learners)
          .set(leaving, leavingDays[day])
          .set(staying, stayingDays[day])
          .put("site-staff-fr", cohortId, first.plusDays(day))
          .statusCode(200);
    }

    Learners.as("site-staff-fr")
        .body("{\"exitReason\": \"HEALTH\"}")
        .post(Learners.path(cohortId, leaving) + "/withdraw")
        .then()
        .statusCode(200);
    JsonNode withdrew =
        CohortOutbox.events(entityManager, cohortId.toString(), CohortOutbox.WITHDREW).getFirst();
    assertThat(withdrew.path("attendance").path("sessionDays").asInt()).isEqualTo(3);
    assertThat(withdrew.path("attendance").path("attendedDays").asInt()).isEqualTo(2);

    Api.as("site-staff-fr")
        .body(
            """
            {"learnerId": "%s", "outcome": "PARTIALLY_CERTIFIED", "blocks": ["BC01"],
             "certifiedOn": "%s", "juryReference": "J-17"}
            """
                .formatted(staying, LocalDate.now(ZoneId.of("Europe/Paris"))))
        .post("/api/v1/cohorts/" + cohortId + "/certification-results")
        .then()
        .statusCode(201);
    JsonNode completed =
        CohortOutbox.events(entityManager, cohortId.toString(), CohortOutbox.LEARNER_COMPLETED)
            .getFirst();
    assertThat(completed.path("learnerId").asText()).isEqualTo(staying.toString());
    assertThat(completed.path("attendance").path("sessionDays").asInt()).isEqualTo(3);
    assertThat(completed.path("attendance").path("attendedDays").asInt()).isEqualTo(2);
  }

  @Test
  void aLearnerWithNoDayRecordedLeavesWithNone() {
    UUID cohortId = Cohorts.running("FR-SEVRAN", 5);
    UUID learner = Cohorts.learners(cohortId, LearnerStatus.ACTIVE, 1).getFirst();
    Learners.as("site-staff-fr")
        .body("{\"exitReason\": \"FOUND_JOB\"}")
        .post(Learners.path(cohortId, learner) + "/withdraw")
        .then()
        .statusCode(200);
    JsonNode withdrew =
        CohortOutbox.events(entityManager, cohortId.toString(), CohortOutbox.WITHDREW).getFirst();
    assertThat(withdrew.path("attendance").path("sessionDays").asInt()).isZero();
    assertThat(withdrew.path("attendance").path("attendedDays").asInt()).isZero();
  }
}
