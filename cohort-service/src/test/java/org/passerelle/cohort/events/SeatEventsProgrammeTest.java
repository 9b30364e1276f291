package org.passerelle.cohort.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.cohort.events.CohortOutbox.FREED;
import static org.passerelle.cohort.events.CohortOutbox.UNAVAILABLE;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.service.SeatService;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;

/**
 * Every seat event names the cohort's programme, like the other learner events: seat-freed, and
 * seat-unavailable for each reason (null for a cohort cohort-service does not know). The property
 * was added to the v1 schemas as optional (a compatible change); every event read here is checked
 * against its schema.
 */
@QuarkusTest
class SeatEventsProgrammeTest {

  @Inject EntityManager entityManager;
  @Inject SeatService seats;

  private List<JsonNode> events(UUID cohortId, String type) {
    return CohortOutbox.events(entityManager, cohortId.toString(), type);
  }

  private static UUID cohort(CohortStatus status, int capacity) {
    return Cohorts.cohort(
        "FR-SEVRAN", "DATA-ANALYST", status, capacity, LocalDate.now().plusMonths(2));
  }

  private static SeatService.Application application(UUID cohortId) {
    return new SeatService.Application(
        UUID.randomUUID(), UUID.randomUUID(), cohortId, "FR-SEVRAN", "FR");
  }

  @Test
  void seatFreedNamesTheCohortsProgramme() {
    UUID cohort = cohort(CohortStatus.RECRUITING, 5);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ENROLLED, 1).getFirst();
    Learners.as("site-staff-fr")
        .body("{\"exitReason\": \"FOUND_JOB\"}")
        .post(Learners.path(cohort, learner) + "/withdraw")
        .then()
        .statusCode(200);

    JsonNode freed = events(cohort, FREED).getFirst();
    assertThat(freed.path("learnerId").asText()).isEqualTo(learner.toString());
    assertThat(freed.path("programmeCode").asText()).isEqualTo("DATA-ANALYST");
    assertThat(freed.path("site").asText()).isEqualTo("FR-SEVRAN");
    assertThat(freed.path("seatsLeft").asLong()).isEqualTo(5);
  }

  @Test
  void seatUnavailableNamesTheCohortsProgrammeWhateverTheReason() {
    UUID full = cohort(CohortStatus.RECRUITING, 1);
    Cohorts.learners(full, LearnerStatus.ENROLLED, 1);
    UUID running = cohort(CohortStatus.RUNNING, 5);

    seats.accept(application(full));
    seats.accept(application(running));

    JsonNode noSeat = events(full, UNAVAILABLE).getFirst();
    assertThat(noSeat.path("reason").asText()).isEqualTo("FULL");
    assertThat(noSeat.path("programmeCode").asText()).isEqualTo("DATA-ANALYST");
    JsonNode notRecruiting = events(running, UNAVAILABLE).getFirst();
    assertThat(notRecruiting.path("reason").asText()).isEqualTo("COHORT_NOT_RECRUITING");
    assertThat(notRecruiting.path("programmeCode").asText()).isEqualTo("DATA-ANALYST");
  }

  @Test
  void anUnknownCohortHasNoProgrammeAndTheEventIsStillValid() {
    UUID unknown = UUID.randomUUID();
    seats.accept(application(unknown));

    // CohortOutbox checks each event against the schema: a null programme is valid.
    JsonNode unavailable = events(unknown, UNAVAILABLE).getFirst();
    assertThat(unavailable.path("reason").asText()).isEqualTo("UNKNOWN_COHORT");
    assertThat(unavailable.has("programmeCode")).isTrue();
    assertThat(unavailable.path("programmeCode").isNull()).isTrue();
    assertThat(unavailable.path("site").asText()).isEqualTo("FR-SEVRAN");
  }
}
