package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.cohort.events.CohortOutbox.COMPLETED;
import static org.passerelle.cohort.events.CohortOutbox.STARTED;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/** Starting and completing cohorts: state machine, the site's dates, learners, events. */
@QuarkusTest
class CohortStartCompleteTest {

  private static final String COHORTS = CohortResourceTest.COHORTS;
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Inject EntityManager entityManager;

  private static ValidatableResponse action(String user, Object id, String action, String ifMatch) {
    var request = Api.as(user);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.post(COHORTS + "/" + id + "/" + action).then();
  }

  /**
   * A cohort at the site in this status that started {@code weeksAgo} weeks ago (12 weeks long).
   */
  private static UUID cohort(String site, CohortStatus status, int weeksAgo) {
    return Cohorts.cohort(site, "WEB-DEV", status, 20, LocalDate.now(PARIS).minusWeeks(weeksAgo));
  }

  private List<JsonNode> events(UUID id, String type) {
    return CohortOutbox.events(entityManager, id.toString(), type);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Long> learnerStatuses(UUID cohortId) {
    List<Object[]> rows =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    entityManager
                        .createNativeQuery(
                            "select status, count(*) from cohort_learner where cohort_id = ?1"
                                + " group by status")
                        .setParameter(1, cohortId)
                        .getResultList());
    return rows.stream()
        .collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
  }

  private long count(String sql, UUID cohortId) {
    return Api.count(entityManager, sql.replace("?", "'" + cohortId + "'"));
  }

  private static void illegal(ValidatableResponse response, CohortStatus from, CohortStatus to) {
    response
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://passerelle.org/problems/illegal-transition"))
        .body("detail", allOf(containsString(from.name()), containsString(to.name())));
  }

  private static List<String> fields(JsonNode data) {
    List<String> fields = new ArrayList<>();
    data.fieldNames().forEachRemaining(fields::add);
    return fields;
  }

  @Test
  void startingARecruitingCohortActivatesItsEnrolledLearnersAndSaysSo() {
    UUID id = cohort("FR-SEVRAN", CohortStatus.RECRUITING, 0);
    List<UUID> enrolled = Cohorts.learners(id, LearnerStatus.ENROLLED, 3);
    Cohorts.learners(id, LearnerStatus.WITHDRAWN, 1);
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);

    action("site-staff-fr", id, "start", "\"0\"")
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("status", equalTo("RUNNING"))
        .body("version", equalTo(1))
        .body("startedAt", notNullValue())
        .body("completedAt", nullValue())
        .body("seatsTaken", equalTo(3));
    Api.as("country-admin-fr")
        .get(COHORTS + "/" + id)
        .then()
        .header("ETag", "\"1\"")
        .body("status", equalTo("RUNNING"));
    assertThat(learnerStatuses(id)).isEqualTo(Map.of("ACTIVE", 3L, "WITHDRAWN", 1L));
    assertThat(
            count(
                "select count(*) from cohort_learner where cohort_id = ? and status = 'ACTIVE'"
                    + " and activated_at is not null and version = 1",
                id))
        .isEqualTo(3);
    assertThat(
            count(
                "select count(*) from cohort_learner where cohort_id = ? and status = 'WITHDRAWN'"
                    + " and activated_at is null",
                id))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from cohort_learner where cohort_id = ? and learner_id in ("
                    + enrolled.stream().map(l -> "'" + l + "'").collect(Collectors.joining(","))
                    + ") and status = 'ACTIVE'",
                id))
        .isEqualTo(3);

    List<JsonNode> started = events(id, STARTED);
    assertThat(started).hasSize(1);
    JsonNode data = started.get(0);
    assertThat(data.path("cohortId").asText()).isEqualTo(id.toString());
    assertThat(data.path("programmeCode").asText()).isEqualTo("WEB-DEV");
    assertThat(data.path("site").asText()).isEqualTo("FR-SEVRAN");
    assertThat(data.path("country").asText()).isEqualTo("FR");
    assertThat(data.path("status").asText()).isEqualTo("RUNNING");
    assertThat(data.path("version").asLong()).isEqualTo(1);
    assertThat(data.path("activeLearners").asLong()).isEqualTo(3);
    assertThat(data.path("startDate").asText()).isEqualTo(LocalDate.now(PARIS).toString());
    assertThat(data.path("endDate").asText())
        .isEqualTo(LocalDate.now(PARIS).plusWeeks(12).toString());
    assertThat(data.path("capacity").asInt()).isEqualTo(20);
    assertThat(data.path("minimumAge").asInt()).isEqualTo(18);
    assertThat(data.path("funders").isArray()).isTrue();
    assertThat(OffsetDateTime.parse(data.path("startedAt").asText())).isAfter(before);
    assertThat(fields(data)).doesNotContain("trainers");

    // once only; and the cohort, not yet at its end date, cannot complete
    illegal(action("site-staff-fr", id, "start", null), CohortStatus.RUNNING, CohortStatus.RUNNING);
    action("site-staff-fr", id, "complete", null)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString(LocalDate.now(PARIS).plusWeeks(12).toString()));
    assertThat(events(id, STARTED)).hasSize(1);
    assertThat(events(id, COMPLETED)).isEmpty();
    Api.as("site-staff-fr").get(COHORTS + "/" + id).then().header("ETag", "\"1\"");
  }

  @Test
  void completingARunningCohortAfterItsEndKeepsActiveLearnersActiveAndCountsThem() {
    UUID id = cohort("MA-FES", CohortStatus.RUNNING, 12);
    Cohorts.learners(id, LearnerStatus.ACTIVE, 2);
    Cohorts.learners(id, LearnerStatus.WITHDRAWN, 1);
    Cohorts.learners(id, LearnerStatus.COMPLETED, 1);

    action("site-staff-ma", id, "complete", "\"0\"")
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("status", equalTo("COMPLETED"))
        .body("completedAt", notNullValue())
        .body("seatsTaken", equalTo(2));
    assertThat(learnerStatuses(id))
        .isEqualTo(Map.of("ACTIVE", 2L, "WITHDRAWN", 1L, "COMPLETED", 1L));
    List<JsonNode> completed = events(id, COMPLETED);
    assertThat(completed).hasSize(1);
    JsonNode data = completed.get(0);
    assertThat(data.path("cohortId").asText()).isEqualTo(id.toString());
    assertThat(data.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(data.path("site").asText()).isEqualTo("MA-FES");
    assertThat(data.path("country").asText()).isEqualTo("MA");
    assertThat(data.path("version").asLong()).isEqualTo(1);
    assertThat(data.path("completedAt").asText()).isNotBlank();
    JsonNode counts = data.path("learnersByStatus");
    assertThat(counts.path("ENROLLED").asLong()).isZero();
    assertThat(counts.path("ACTIVE").asLong()).isEqualTo(2);
    assertThat(counts.path("COMPLETED").asLong()).isEqualTo(1);
    assertThat(counts.path("WITHDRAWN").asLong()).isEqualTo(1);
    assertThat(counts.path("TRANSFERRED").asLong()).isZero();
    assertThat(fields(data)).doesNotContain("trainers");

    illegal(
        action("site-staff-ma", id, "complete", null),
        CohortStatus.COMPLETED,
        CohortStatus.COMPLETED);
    illegal(
        action("site-staff-ma", id, "start", null), CohortStatus.COMPLETED, CohortStatus.RUNNING);
    assertThat(events(id, COMPLETED)).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(CohortStatus.class)
  void startAndCompleteFollowTheStateMachineFromEveryStatus(CohortStatus from) {
    // dates never in the way: started 13 weeks ago, ended one week ago
    for (String action : List.of("start", "complete")) {
      CohortStatus to = action.equals("start") ? CohortStatus.RUNNING : CohortStatus.COMPLETED;
      UUID id = cohort("FR-SEVRAN", from, 13);
      ValidatableResponse response = action("country-admin-fr", id, action, null);
      if (from.canMoveTo(to)) {
        response.statusCode(200).body("status", equalTo(to.name())).header("ETag", "\"1\"");
        assertThat(events(id, action.equals("start") ? STARTED : COMPLETED)).hasSize(1);
      } else {
        illegal(response, from, to);
        Api.as("platform-admin")
            .get(COHORTS + "/" + id)
            .then()
            .header("ETag", "\"0\"")
            .body("status", equalTo(from.name()));
        assertThat(CohortOutbox.count(entityManager, id.toString())).isZero();
      }
    }
    // a planned cohort opens its recruitment first
    assertThat(CohortStatus.PLANNED.canMoveTo(CohortStatus.RUNNING)).isFalse();
  }

  @Test
  void aCohortStartsOnItsStartDateAndCompletesOnItsEndDateInTheSiteTimeZone() {
    // Kiritimati (UTC+14) is always at least a day ahead of Pago Pago (UTC-11): a cohort starting
    // on Kiritimati's today may start there, never at Pago Pago, whatever time it is in UTC.
    ZoneId ahead = ZoneId.of("Pacific/Kiritimati");
    String early = ReferenceDataResourceTest.createSite("FR", "Pacific/Kiritimati");
    String late = ReferenceDataResourceTest.createSite("FR", "Pacific/Pago_Pago");
    LocalDate today = LocalDate.now(ahead);

    UUID startsHere = Cohorts.cohort(early, "WEB-DEV", CohortStatus.RECRUITING, 20, today);
    action("platform-admin", startsHere, "start", null).statusCode(200);
    UUID startsThere = Cohorts.cohort(late, "WEB-DEV", CohortStatus.RECRUITING, 20, today);
    action("platform-admin", startsThere, "start", null)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://passerelle.org/problems/unprocessable"))
        .body("detail", allOf(containsString(today.toString()), containsString("Pago_Pago")));
    assertThat(events(startsThere, STARTED)).isEmpty();
    Api.as("platform-admin")
        .get(COHORTS + "/" + startsThere)
        .then()
        .body("status", equalTo("RECRUITING"))
        .body("startedAt", nullValue());

    // fixture cohorts last twelve weeks: these end on Kiritimati's today
    UUID endsHere =
        Cohorts.cohort(early, "WEB-DEV", CohortStatus.RUNNING, 20, today.minusWeeks(12));
    action("platform-admin", endsHere, "complete", null).statusCode(200);
    UUID endsThere =
        Cohorts.cohort(late, "WEB-DEV", CohortStatus.RUNNING, 20, today.minusWeeks(12));
    action("platform-admin", endsThere, "complete", null)
        .statusCode(422)
        .body("detail", containsString(today.toString()));
    assertThat(events(endsThere, COMPLETED)).isEmpty();
    Api.as("platform-admin")
        .get(COHORTS + "/" + endsThere)
        .then()
        .body("status", equalTo("RUNNING"))
        .body("completedAt", nullValue());

    // a cohort starting tomorrow in Paris waits
    UUID tomorrow =
        Cohorts.cohort(
            "FR-CERGY", "WEB-DEV", CohortStatus.RECRUITING, 20, LocalDate.now(PARIS).plusDays(1));
    action("country-admin-fr", tomorrow, "start", null).statusCode(422);
    Api.as("country-admin-fr")
        .get(COHORTS + "/" + tomorrow)
        .then()
        .body("status", equalTo("RECRUITING"));
  }

  @Test
  void startAndCompleteHonourIfMatch() {
    UUID recruiting = cohort("FR-SEVRAN", CohortStatus.RECRUITING, 1);
    UUID running = cohort("FR-SEVRAN", CohortStatus.RUNNING, 13);
    for (String stale : new String[] {"\"1\"", "W/\"0\"", "\"abc\""}) {
      action("site-staff-fr", recruiting, "start", stale)
          .statusCode(412)
          .contentType("application/problem+json");
      action("site-staff-fr", running, "complete", stale).statusCode(412);
    }
    assertThat(CohortOutbox.count(entityManager, recruiting.toString())).isZero();
    assertThat(CohortOutbox.count(entityManager, running.toString())).isZero();
    action("site-staff-fr", recruiting, "start", "\"0\"").statusCode(200).header("ETag", "\"1\"");
    action("site-staff-fr", running, "complete", "\"0\"").statusCode(200).header("ETag", "\"1\"");
    for (String action : List.of("start", "complete")) {
      action("platform-admin", UUID.randomUUID(), action, null)
          .statusCode(404)
          .contentType("application/problem+json");
      given().post(COHORTS + "/" + running + "/" + action).then().statusCode(401);
      given()
          .header("Authorization", Tokens.bearer("site-staff-fr"))
          .post(COHORTS + "/not-a-uuid/" + action)
          .then()
          .statusCode(404);
    }
  }
}
