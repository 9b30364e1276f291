package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.cohort.events.CohortOutbox.ATTENDANCE_ALERT;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Api;

/** The early-warning threshold comes from configuration: here 2 instead of the default 3. */
@QuarkusTest
@TestProfile(AttendanceThresholdConfigTest.AlertAfterTwo.class)
class AttendanceThresholdConfigTest {

  public static class AlertAfterTwo implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("passerelle.cohort.attendance.alert-after", "2");
    }
  }

  @Inject EntityManager entityManager;

  @Test
  void twoUnexcusedAbsencesRaiseTheAlertWhenConfiguredSo() {
    UUID cohort = Cohorts.running("MA-FES", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    UUID a = learners.get(0);
    LocalDate d =
        LocalDate.parse(
            Api.as("platform-admin")
                .get("/api/v1/cohorts/" + cohort)
                .then()
                .extract()
                .path("startDate"));

    AttendanceDays.of(learners).set(a, "UNEXCUSED_ABSENCE").put("site-staff-ma", cohort, d);
    assertThat(CohortOutbox.events(entityManager, cohort.toString(), ATTENDANCE_ALERT)).isEmpty();
    AttendanceDays.of(learners)
        .set(a, "UNEXCUSED_ABSENCE")
        .put("site-staff-ma", cohort, d.plusDays(1))
        .statusCode(200);

    var alerts = CohortOutbox.events(entityManager, cohort.toString(), ATTENDANCE_ALERT);
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).path("threshold").asInt()).isEqualTo(2);
    assertThat(alerts.get(0).path("consecutiveUnexcusedAbsences").asInt()).isEqualTo(2);
    assertThat(alerts.get(0).path("country").asText()).isEqualTo("MA");
    assertThat(alerts.get(0).path("site").asText()).isEqualTo("MA-FES");
    AttendanceDays.get("site-staff-ma", cohort + "/at-risk-learners")
        .body("total", equalTo(1))
        .body("items[0].threshold", equalTo(2));
  }
}
