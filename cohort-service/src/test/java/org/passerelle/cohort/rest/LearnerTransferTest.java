package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.cohort.events.CohortOutbox.ENROLLED;
import static org.passerelle.cohort.events.CohortOutbox.FREED;
import static org.passerelle.cohort.events.CohortOutbox.TRANSFERRED;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;

/**
 * Staff move learners to another cohort of the same programme: all or nothing, both cohorts locked
 * in id order, rows reused when learners come back, seats freed where the cohort has not started.
 */
@QuarkusTest
class LearnerTransferTest {

  private static final LocalDate LATER = LocalDate.now().plusMonths(2);

  @Inject EntityManager entityManager;

  static String body(UUID to, List<UUID> learners) {
    return "{\"toCohortId\": \"%s\", \"learnerIds\": %s}"
        .formatted(
            to,
            learners.stream()
                .map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(", ", "[", "]")));
  }

  static ValidatableResponse transfer(String user, UUID from, String body) {
    return Learners.as(user).body(body).post(Learners.path(from) + "/transfer").then();
  }

  static ValidatableResponse transfer(String user, UUID from, UUID to, List<UUID> learners) {
    return transfer(user, from, body(to, learners));
  }

  private long outbox(UUID cohortId) {
    return CohortOutbox.count(entityManager, cohortId.toString());
  }

  private static UUID recruiting(String site, int capacity) {
    return Cohorts.cohort(site, "WEB-DEV", CohortStatus.RECRUITING, capacity, LATER);
  }

  @Test
  void learnersMoveWithTheirApplicationAndTheSourceFreesItsSeats() {
    UUID from = recruiting("FR-SEVRAN", 5);
    UUID to = recruiting("FR-CERGY", 5);
    List<UUID> moving = Cohorts.learners(from, LearnerStatus.ENROLLED, 2);
    UUID staying = Cohorts.learners(from, LearnerStatus.ENROLLED, 1).getFirst();
    Map<UUID, UUID> applications =
        moving.stream()
            .collect(
                Collectors.toMap(
                    Function.identity(), id -> Learners.existing(from, id).applicationId));

    transfer("country-admin-fr", from, to, moving)
        .statusCode(200)
        .body("fromCohortId", equalTo(from.toString()))
        .body("toCohortId", equalTo(to.toString()))
        .body("learners.learnerId", equalTo(moving.stream().map(UUID::toString).toList()))
        .body("learners.status", equalTo(List.of("ENROLLED", "ENROLLED")))
        .body("learners.cohortId", equalTo(List.of(to.toString(), to.toString())))
        .body("seatsLeft", equalTo(3));

    for (UUID learner : moving) {
      CohortLearner left = Learners.existing(from, learner);
      assertThat(left.status).isEqualTo(LearnerStatus.TRANSFERRED);
      assertThat(left.transferredTo).isEqualTo(to);
      assertThat(left.transferredAt).isNotNull();
      assertThat(left.exitReason).isNull();
      assertThat(left.withdrawnAt).isNull();
      CohortLearner arrived = Learners.existing(to, learner);
      assertThat(arrived.status).isEqualTo(LearnerStatus.ENROLLED);
      assertThat(arrived.applicationId).isEqualTo(applications.get(learner));
      assertThat(arrived.enrolledAt).isEqualTo(left.transferredAt);
    }
    assertThat(Learners.existing(from, staying).status).isEqualTo(LearnerStatus.ENROLLED);
    assertThat(Learners.seatsTaken(from)).isEqualTo(1);
    assertThat(Learners.seatsTaken(to)).isEqualTo(2);

    List<JsonNode> transferred = CohortOutbox.events(entityManager, from.toString(), TRANSFERRED);
    assertThat(transferred).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonNode data = transferred.get(i);
      UUID learner = moving.get(i);
      assertThat(data.path("fromCohortId").asText()).isEqualTo(from.toString());
      assertThat(data.path("toCohortId").asText()).isEqualTo(to.toString());
      assertThat(data.path("learnerId").asText()).isEqualTo(learner.toString());
      assertThat(data.path("applicationId").asText())
          .isEqualTo(applications.get(learner).toString());
      assertThat(data.path("programmeCode").asText()).isEqualTo("WEB-DEV");
      assertThat(data.path("fromSite").asText()).isEqualTo("FR-SEVRAN");
      assertThat(data.path("toSite").asText()).isEqualTo("FR-CERGY");
      assertThat(data.path("country").asText()).isEqualTo("FR");
      assertThat(data.path("transferredAt").asText()).isNotBlank();
    }
    assertThat(CohortOutbox.events(entityManager, from.toString(), FREED))
        .hasSize(2)
        .allSatisfy(data -> assertThat(data.path("seatsLeft").asInt()).isEqualTo(4))
        .extracting(data -> data.path("learnerId").asText())
        .containsExactlyElementsOf(moving.stream().map(UUID::toString).toList());
    assertThat(CohortOutbox.events(entityManager, to.toString(), ENROLLED))
        .as("the target's partition introduces the arriving learners")
        .extracting(data -> data.path("learnerId").asText())
        .containsExactlyElementsOf(moving.stream().map(UUID::toString).toList());
    assertThat(outbox(to)).as("nothing else under the target's key").isEqualTo(2);
  }

  @Test
  void backAndForthReusesTheRowsAndARunningTargetMakesThemActive() {
    UUID planned = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.PLANNED, 3, LATER);
    UUID running = Cohorts.running("FR-SEVRAN", 3);
    List<UUID> learners = Cohorts.learners(planned, LearnerStatus.ENROLLED, 2);
    Map<UUID, UUID> rowIds =
        learners.stream()
            .collect(
                Collectors.toMap(Function.identity(), id -> Learners.existing(planned, id).id));

    transfer("site-staff-fr", planned, running, learners)
        .statusCode(200)
        .body("learners.status", equalTo(List.of("ACTIVE", "ACTIVE")));
    for (UUID learner : learners) {
      CohortLearner arrived = Learners.existing(running, learner);
      assertThat(arrived.status).isEqualTo(LearnerStatus.ACTIVE);
      assertThat(arrived.activatedAt).isNotNull();
    }
    assertThat(CohortOutbox.events(entityManager, planned.toString(), FREED)).hasSize(2);

    // back again: a running source frees no seat, and the planned cohort's rows come back
    transfer("site-staff-fr", running, planned, learners)
        .statusCode(200)
        .body("learners.status", equalTo(List.of("ENROLLED", "ENROLLED")));
    assertThat(CohortOutbox.events(entityManager, running.toString(), FREED)).isEmpty();
    assertThat(CohortOutbox.events(entityManager, running.toString(), TRANSFERRED)).hasSize(2);
    for (UUID learner : learners) {
      CohortLearner back = Learners.existing(planned, learner);
      assertThat(back.id).isEqualTo(rowIds.get(learner));
      assertThat(back.status).isEqualTo(LearnerStatus.ENROLLED);
      assertThat(back.transferredTo).isNull();
      assertThat(back.transferredAt).isNull();
      assertThat(back.activatedAt).isNull();
      CohortLearner left = Learners.existing(running, learner);
      assertThat(left.status).isEqualTo(LearnerStatus.TRANSFERRED);
      assertThat(left.transferredTo).isEqualTo(planned);
    }
    // and forth once more: the running cohort's rows come back too
    transfer("site-staff-fr", planned, running, learners).statusCode(200);
    assertThat(Learners.rows(planned)).hasSize(2);
    assertThat(Learners.rows(running)).hasSize(2);
    assertThat(Learners.seatsTaken(running)).isEqualTo(2);
    assertThat(Learners.seatsTaken(planned)).isZero();
  }

  @Test
  void aTargetThatCannotTakeThemChangesNothing() {
    UUID from = recruiting("FR-SEVRAN", 10);
    List<UUID> learners = Cohorts.learners(from, LearnerStatus.ENROLLED, 3);
    UUID withdrawn = Cohorts.learners(from, LearnerStatus.WITHDRAWN, 1).getFirst();

    UUID otherProgramme =
        Cohorts.cohort("FR-SEVRAN", "DATA-ANALYST", CohortStatus.RECRUITING, 10, LATER);
    transfer("platform-admin", from, otherProgramme, learners)
        .statusCode(422)
        .body("detail", containsString("DATA-ANALYST"));
    UUID otherCountry = recruiting("MA-FES", 10);
    transfer("platform-admin", from, otherCountry, learners).statusCode(422);
    for (CohortStatus status : List.of(CohortStatus.COMPLETED, CohortStatus.CANCELLED)) {
      UUID finished = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", status, 10, LATER);
      transfer("platform-admin", from, finished, learners)
          .statusCode(409)
          .body("detail", containsString(status.name()));
    }
    UUID full = recruiting("FR-SEVRAN", 3);
    Cohorts.learners(full, LearnerStatus.ENROLLED, 1);
    transfer("platform-admin", from, full, learners)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("2"));
    transfer("platform-admin", from, UUID.randomUUID(), learners).statusCode(404);
    transfer("platform-admin", from, from, learners).statusCode(400);

    UUID target = recruiting("FR-SEVRAN", 10);
    List<UUID> withStranger = new ArrayList<>(learners);
    withStranger.add(UUID.randomUUID());
    transfer("platform-admin", from, target, withStranger).statusCode(422);
    List<UUID> withWithdrawn = new ArrayList<>(learners);
    withWithdrawn.add(withdrawn);
    transfer("platform-admin", from, target, withWithdrawn)
        .statusCode(409)
        .body("type", equalTo("https://passerelle.org/problems/illegal-transition"));
    Cohorts.learner(target, learners.get(2), LearnerStatus.ENROLLED);
    transfer("platform-admin", from, target, learners).statusCode(409);

    assertThat(Learners.rows(from))
        .filteredOn(row -> learners.contains(row.learnerId))
        .allSatisfy(row -> assertThat(row.status).isEqualTo(LearnerStatus.ENROLLED))
        .allSatisfy(row -> assertThat(row.version).isZero());
    assertThat(Learners.rows(full)).hasSize(1);
    assertThat(Learners.rows(target)).hasSize(1);
    assertThat(outbox(from)).isZero();

    transfer("platform-admin", from, target, learners.subList(0, 2)).statusCode(200);
    assertThat(Learners.seatsTaken(target)).isEqualTo(3);
  }

  @Test
  void bothCohortsMustBeInTheCallersScope() {
    UUID sevran = recruiting("FR-SEVRAN", 5);
    UUID cergy = recruiting("FR-CERGY", 5);
    UUID learner = Cohorts.learners(sevran, LearnerStatus.ENROLLED, 1).getFirst();
    UUID atCergy = Cohorts.learners(cergy, LearnerStatus.ENROLLED, 1).getFirst();
    transfer("site-staff-fr", sevran, cergy, List.of(learner))
        .statusCode(404)
        .contentType("application/problem+json");
    transfer("site-staff-fr", cergy, sevran, List.of(atCergy)).statusCode(404);
    transfer("country-admin-ma", sevran, cergy, List.of(learner)).statusCode(404);
    transfer("integration-fr", sevran, cergy, List.of(learner)).statusCode(403);
    assertThat(Learners.existing(sevran, learner).status).isEqualTo(LearnerStatus.ENROLLED);
    assertThat(Learners.existing(cergy, atCergy).status).isEqualTo(LearnerStatus.ENROLLED);
    assertThat(Learners.rows(cergy)).hasSize(1);
    assertThat(outbox(sevran) + outbox(cergy)).isZero();
  }

  @Test
  void badInputIs400AndChangesNothing() {
    UUID from = recruiting("FR-SEVRAN", 200);
    UUID to = recruiting("FR-SEVRAN", 200);
    UUID learner = Cohorts.learners(from, LearnerStatus.ENROLLED, 1).getFirst();
    List<UUID> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(UUID.randomUUID());
    }
    String[] bad = {
      "{",
      "[]",
      "{}",
      "{\"learnerIds\": [\"%s\"]}".formatted(learner),
      "{\"toCohortId\": \"%s\"}".formatted(to),
      "{\"toCohortId\": \"%s\", \"learnerIds\": null}".formatted(to),
      body(to, List.of()),
      body(to, tooMany),
      body(to, List.of(learner, learner)),
      "{\"toCohortId\": \"%s\", \"learnerIds\": [null]}".formatted(to),
      "{\"toCohortId\": \"%s\", \"learnerIds\": [\"nope\"]}".formatted(to),
      "{\"toCohortId\": \"nope\", \"learnerIds\": [\"%s\"]}".formatted(learner),
      "{\"toCohortId\": 5, \"learnerIds\": [\"%s\"]}".formatted(learner),
      "{\"toCohortId\": \"%s\", \"learnerIds\": \"%s\"}".formatted(to, learner),
      "{\"toCohortId\": \"%s\", \"learnerIds\": [\"%s\"], \"reason\": \"x\"}"
          .formatted(to, learner),
    };
    for (String body : bad) {
      transfer("site-staff-fr", from, body).statusCode(400).contentType("application/problem+json");
    }
    Learners.as("site-staff-fr")
        .body(body(to, List.of(learner)))
        .post("/api/v1/cohorts/not-a-uuid/learners/transfer")
        .then()
        .statusCode(404);
    assertThat(Learners.existing(from, learner).status).isEqualTo(LearnerStatus.ENROLLED);
    assertThat(Learners.rows(to)).isEmpty();
    assertThat(outbox(from)).isZero();
  }

  @Test
  void transfersInOppositeDirectionsAtTheSameTimeNeverDeadlock() throws Exception {
    UUID a = recruiting("FR-SEVRAN", 40);
    UUID b = recruiting("FR-SEVRAN", 40);
    List<UUID> inA = Cohorts.learners(a, LearnerStatus.ENROLLED, 10);
    List<UUID> inB = Cohorts.learners(b, LearnerStatus.ENROLLED, 10);
    List<Callable<Integer>> moves = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      UUID fromA = inA.get(i);
      UUID fromB = inB.get(i);
      moves.add(() -> transfer("site-staff-fr", a, b, List.of(fromA)).extract().statusCode());
      moves.add(() -> transfer("site-staff-fr", b, a, List.of(fromB)).extract().statusCode());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Integer> statuses = new ArrayList<>();
    try {
      for (Future<Integer> done : pool.invokeAll(moves)) {
        statuses.add(done.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses).hasSize(20).containsOnly(200);
    assertThat(Learners.seatsTaken(a)).isEqualTo(10);
    assertThat(Learners.seatsTaken(b)).isEqualTo(10);
    assertThat(Learners.rows(a)).hasSize(20);
    assertThat(Learners.rows(b)).hasSize(20);
    assertThat(CohortOutbox.events(entityManager, a.toString(), TRANSFERRED)).hasSize(10);
    assertThat(CohortOutbox.events(entityManager, b.toString(), TRANSFERRED)).hasSize(10);
  }
}
