package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.cohort.events.CohortOutbox.FREED;
import static org.passerelle.cohort.events.CohortOutbox.WITHDREW;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.ExitReason;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;

/**
 * Staff record a learner's exit: from every status, with every exit reason, before and after the
 * cohort starts; the events say the reason and never the comment; reads show the comment to staff
 * only.
 */
@QuarkusTest
class LearnerWithdrawalTest {

  @Inject EntityManager entityManager;

  private static final LocalDate LATER = LocalDate.now().plusMonths(2);

  private static ValidatableResponse withdraw(
      String user, UUID cohortId, UUID learnerId, String ifMatch, String body) {
    var request = Learners.as(user);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (body != null) {
      request.body(body);
    }
    return request.post(Learners.path(cohortId, learnerId) + "/withdraw").then();
  }

  private static String reason(String code, String comment) {
    return comment == null
        ? "{\"exitReason\": \"" + code + "\"}"
        : "{\"exitReason\": \"" + code + "\", \"comment\": \"" + comment + "\"}";
  }

  /** A learner moved to another cohort through the API, so their row here is TRANSFERRED. */
  private static UUID transferredAway(UUID cohortId) {
    UUID learner = Cohorts.learners(cohortId, LearnerStatus.ENROLLED, 1).getFirst();
    UUID other = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RECRUITING, 5, LATER);
    Learners.as("platform-admin")
        .body("{\"toCohortId\": \"" + other + "\", \"learnerIds\": [\"" + learner + "\"]}")
        .post(Learners.path(cohortId) + "/transfer")
        .then()
        .statusCode(200);
    return learner;
  }

  @Test
  void onlyEnrolledAndActiveLearnersWithdrawAndEveryOtherStatusIs409() {
    for (CohortStatus cohortStatus : List.of(CohortStatus.RECRUITING, CohortStatus.RUNNING)) {
      for (LearnerStatus status : LearnerStatus.values()) {
        UUID cohortId = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", cohortStatus, 10, LATER);
        UUID learner =
            status == LearnerStatus.TRANSFERRED
                ? transferredAway(cohortId)
                : Cohorts.learners(cohortId, status, 1).getFirst();
        CohortLearner before = Learners.existing(cohortId, learner);
        long events = CohortOutbox.count(entityManager, cohortId.toString());
        ValidatableResponse response =
            withdraw("site-staff-fr", cohortId, learner, null, reason("HEALTH", "Hospital stay"));
        if (status == LearnerStatus.ENROLLED || status == LearnerStatus.ACTIVE) {
          response
              .statusCode(200)
              .header("ETag", "\"" + (before.version + 1) + "\"")
              .body("status", equalTo("WITHDRAWN"))
              .body("exitReason", equalTo("HEALTH"))
              .body("exitComment", equalTo("Hospital stay"))
              .body("withdrawnAt", notNullValue());
          CohortLearner after = Learners.existing(cohortId, learner);
          assertThat(after.status).isEqualTo(LearnerStatus.WITHDRAWN);
          assertThat(after.exitReason).isEqualTo(ExitReason.HEALTH);
          assertThat(after.exitComment).isEqualTo("Hospital stay");
          assertThat(after.withdrawnAt).isNotNull();
          boolean beforeStart = cohortStatus == CohortStatus.RECRUITING;
          JsonNode withdrew =
              CohortOutbox.events(entityManager, cohortId.toString(), WITHDREW).getFirst();
          assertThat(withdrew.path("cohortId").asText()).isEqualTo(cohortId.toString());
          assertThat(withdrew.path("learnerId").asText()).isEqualTo(learner.toString());
          assertThat(withdrew.path("applicationId").asText())
              .isEqualTo(before.applicationId.toString());
          assertThat(withdrew.path("programmeCode").asText()).isEqualTo("WEB-DEV");
          assertThat(withdrew.path("site").asText()).isEqualTo("FR-SEVRAN");
          assertThat(withdrew.path("country").asText()).isEqualTo("FR");
          assertThat(withdrew.path("exitReason").asText()).isEqualTo("HEALTH");
          assertThat(withdrew.path("beforeStart").asBoolean()).isEqualTo(beforeStart);
          assertThat(withdrew.toString()).doesNotContain("Hospital");
          List<JsonNode> freed = CohortOutbox.events(entityManager, cohortId.toString(), FREED);
          if (beforeStart) {
            assertThat(freed)
                .singleElement()
                .satisfies(
                    data -> {
                      assertThat(data.path("learnerId").asText()).isEqualTo(learner.toString());
                      assertThat(data.path("seatsLeft").asInt()).isEqualTo(10);
                    });
          } else {
            assertThat(freed).isEmpty();
          }
        } else {
          response
              .statusCode(409)
              .contentType("application/problem+json")
              .body("type", equalTo("https://passerelle.org/problems/illegal-transition"))
              .body("detail", allOf(containsString(status.name()), containsString("WITHDRAWN")));
          CohortLearner after = Learners.existing(cohortId, learner);
          assertThat(after.status).isEqualTo(status);
          assertThat(after.version).isEqualTo(before.version);
          assertThat(after.exitComment).isNull();
          assertThat(CohortOutbox.count(entityManager, cohortId.toString())).isEqualTo(events);
        }
      }
    }
  }

  @Test
  void everyExitReasonIsRecordedAndABlankCommentIsNone() {
    UUID cohortId = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners =
        Cohorts.learners(cohortId, LearnerStatus.ACTIVE, ExitReason.values().length);
    for (int i = 0; i < ExitReason.values().length; i++) {
      ExitReason reason = ExitReason.values()[i];
      withdraw("country-admin-fr", cohortId, learners.get(i), null, reason(reason.name(), "  "))
          .statusCode(200)
          .body("exitReason", equalTo(reason.name()))
          .body("exitComment", nullValue());
    }
    assertThat(CohortOutbox.events(entityManager, cohortId.toString(), WITHDREW))
        .extracting(data -> data.path("exitReason").asText())
        .containsExactly(
            List.of(ExitReason.values()).stream().map(Enum::name).toArray(String[]::new));
    assertThat(Learners.rows(cohortId))
        .allSatisfy(row -> assertThat(row.exitComment).isNull())
        .allSatisfy(row -> assertThat(row.status).isEqualTo(LearnerStatus.WITHDRAWN));
  }

  @Test
  void ifMatchWhenSentMustNameTheSeatsVersion() {
    UUID cohortId = Cohorts.running("FR-SEVRAN", 5);
    UUID learner = Cohorts.learners(cohortId, LearnerStatus.ACTIVE, 1).getFirst();
    String etag =
        Learners.as("site-staff-fr")
            .get(Learners.path(cohortId, learner))
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    assertThat(etag).isEqualTo("\"0\"");
    for (String stale : new String[] {"\"1\"", "W/\"0\"", "\"abc\""}) {
      withdraw("site-staff-fr", cohortId, learner, stale, reason("FOUND_JOB", null))
          .statusCode(412)
          .contentType("application/problem+json");
    }
    assertThat(Learners.existing(cohortId, learner).status).isEqualTo(LearnerStatus.ACTIVE);
    withdraw("site-staff-fr", cohortId, learner, etag, reason("FOUND_JOB", null))
        .statusCode(200)
        .header("ETag", "\"1\"");
    assertThat(CohortOutbox.events(entityManager, cohortId.toString(), WITHDREW)).hasSize(1);
  }

  @Test
  void badInputIs4xxAndChangesNothing() {
    UUID cohortId = Cohorts.running("FR-SEVRAN", 5);
    UUID learner = Cohorts.learners(cohortId, LearnerStatus.ACTIVE, 1).getFirst();
    String[] bad = {
      "{",
      "[]",
      "{}",
      "{\"exitReason\": null}",
      "{\"exitReason\": \"BORED\"}",
      "{\"exitReason\": \"found_job\"}",
      "{\"exitReason\": 3}",
      "{\"exitReason\": \"OTHER\", \"comment\": 5}",
      "{\"exitReason\": \"OTHER\", \"comment\": \"" + "x".repeat(1001) + "\"}",
      "{\"exitReason\": \"OTHER\", \"why\": \"no\"}",
    };
    for (String body : bad) {
      withdraw("site-staff-fr", cohortId, learner, null, body)
          .statusCode(400)
          .contentType("application/problem+json");
    }
    withdraw("site-staff-fr", cohortId, learner, null, null).statusCode(400);
    Learners.as("site-staff-fr")
        .contentType("text/plain")
        .body("OTHER")
        .post(Learners.path(cohortId, learner) + "/withdraw")
        .then()
        .statusCode(415);
    withdraw("site-staff-fr", cohortId, UUID.randomUUID(), null, reason("OTHER", null))
        .statusCode(404)
        .contentType("application/problem+json");
    withdraw("site-staff-fr", UUID.randomUUID(), learner, null, reason("OTHER", null))
        .statusCode(404);
    Learners.as("site-staff-fr")
        .body(reason("OTHER", null))
        .post(Learners.path(cohortId) + "/not-a-uuid/withdraw")
        .then()
        .statusCode(404);
    Learners.as("site-staff-fr")
        .body(reason("OTHER", null))
        .post("/api/v1/cohorts/not-a-uuid/learners/" + learner + "/withdraw")
        .then()
        .statusCode(404);
    CohortLearner row = Learners.existing(cohortId, learner);
    assertThat(row.status).isEqualTo(LearnerStatus.ACTIVE);
    assertThat(row.version).isZero();
    assertThat(CohortOutbox.count(entityManager, cohortId.toString())).isZero();

    withdraw("site-staff-fr", cohortId, learner, null, reason("OTHER", "é".repeat(1000)))
        .statusCode(200)
        .body("exitComment.length()", equalTo(1000));
  }

  @Test
  void staffReadTheCommentIntegrationsReadEverythingElse() {
    UUID cohortId = Cohorts.running("FR-SEVRAN", 10);
    List<UUID> active = Cohorts.learners(cohortId, LearnerStatus.ACTIVE, 3);
    withdraw("site-staff-fr", cohortId, active.get(0), null, reason("FAMILY", "Moved to Lyon"))
        .statusCode(200);
    Learners.as("site-staff-fr")
        .get(Learners.path(cohortId, active.get(0)))
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("learnerId", equalTo(active.get(0).toString()))
        .body("cohortId", equalTo(cohortId.toString()))
        .body("applicationId", notNullValue())
        .body("status", equalTo("WITHDRAWN"))
        .body("enrolledAt", notNullValue())
        .body("activatedAt", notNullValue())
        .body("withdrawnAt", notNullValue())
        .body("exitReason", equalTo("FAMILY"))
        .body("exitComment", equalTo("Moved to Lyon"))
        .body("transferredTo", nullValue())
        .body("completedAt", nullValue());
    Learners.as("integration-fr")
        .get(Learners.path(cohortId, active.get(0)))
        .then()
        .statusCode(200)
        .body("exitReason", equalTo("FAMILY"))
        .body("exitComment", nullValue());
    Learners.as("integration-fr")
        .get(Learners.path(cohortId))
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("items.exitComment", equalTo(java.util.Arrays.asList(null, null, null)));
    Learners.as("site-staff-fr")
        .queryParam("status", "WITHDRAWN")
        .get(Learners.path(cohortId))
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].exitComment", equalTo("Moved to Lyon"));
    Learners.as("site-staff-fr")
        .queryParam("status", "WITHDRAWN", "ACTIVE")
        .get(Learners.path(cohortId))
        .then()
        .body("total", equalTo(3));
    Learners.as("site-staff-fr")
        .queryParam("status", "ACTIVE")
        .queryParam("size", 1)
        .queryParam("page", 1)
        .get(Learners.path(cohortId))
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.size()", equalTo(1))
        .body("page", equalTo(1));
    for (String[] param :
        new String[][] {
          {"status", "GONE"}, {"status", "active"}, {"size", "101"}, {"size", "0"}, {"page", "-1"}
        }) {
      Learners.as("site-staff-fr")
          .queryParam(param[0], param[1])
          .get(Learners.path(cohortId))
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    Learners.as("site-staff-fr")
        .get(Learners.path(cohortId, UUID.randomUUID()))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Learners.as("site-staff-fr")
        .get(Learners.path(UUID.randomUUID()))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
