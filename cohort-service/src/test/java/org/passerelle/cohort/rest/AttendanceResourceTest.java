package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.cohort.rest.AttendanceDays.COHORTS;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.Tokens;

/** Recording a whole session day, reading it back, summaries, and bad input on every endpoint. */
@QuarkusTest
class AttendanceResourceTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Inject EntityManager entityManager;

  private long rows(UUID cohortId) {
    return Api.count(
        entityManager,
        "select count(*) from attendance a join cohort_learner l on l.id = a.cohort_learner_id"
            + " where l.cohort_id = '"
            + cohortId
            + "'");
  }

  private static LocalDate start(UUID cohortId) {
    return LocalDate.parse(
        Api.as("platform-admin")
            .get(COHORTS + "/" + cohortId)
            .then()
            .statusCode(200)
            .extract()
            .path("startDate"));
  }

  private void setActivatedOn(UUID cohortId, UUID learnerId, LocalDate day) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update cohort_learner set activated_at = ?1 where cohort_id = ?2 and"
                            + " learner_id = ?3")
                    .setParameter(1, day.atTime(12, 0).atZone(PARIS).toOffsetDateTime())
                    .setParameter(2, cohortId)
                    .setParameter(3, learnerId)
                    .executeUpdate());
  }

  @Test
  void staffRecordAWholeDayAndReadItBack() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 4);
    LocalDate day = start(cohort).plusDays(2);
    List<UUID> sorted = learners.stream().sorted().toList();

    String etag =
        AttendanceDays.of(learners)
            .set(learners.get(1), "LATE", "  bus strike  ")
            .set(learners.get(2), "EXCUSED_ABSENCE", "medical appointment")
            .set(learners.get(3), "UNEXCUSED_ABSENCE", "   ")
            .put("site-staff-fr", cohort, day)
            .statusCode(200)
            .body("cohortId", equalTo(cohort.toString()))
            .body("date", equalTo(day.toString()))
            .body("records.learnerId", contains(sorted.stream().map(UUID::toString).toArray()))
            .body("records.recordedBy", hasItem(Tokens.subject("site-staff-fr")))
            .body("records[0].recordedByActor.type", equalTo("PERSON"))
            .body("records[0].recordedByActor.id", equalTo(Tokens.subject("site-staff-fr")))
            .body("records[0].recordedByActor.displayName", nullValue())
            .body(
                "records.find { it.learnerId == '" + learners.get(1) + "' }.status",
                equalTo("LATE"))
            .body(
                "records.find { it.learnerId == '" + learners.get(1) + "' }.comment",
                equalTo("bus strike"))
            .body("records.find { it.learnerId == '" + learners.get(3) + "' }.comment", nullValue())
            .extract()
            .header("ETag");
    assertThat(rows(cohort)).isEqualTo(4);

    AttendanceDays.get("country-admin-fr", cohort + "/attendance/" + day)
        .statusCode(200)
        .header("ETag", equalTo(etag))
        .body("records", hasSize(4))
        .body(
            "records.find { it.learnerId == '" + learners.get(2) + "' }.status",
            equalTo("EXCUSED_ABSENCE"))
        .body(
            "records.find { it.learnerId == '" + learners.get(2) + "' }.comment",
            equalTo("medical appointment"));
    // a day not recorded is empty
    AttendanceDays.get("site-staff-fr", cohort + "/attendance/" + day.plusDays(1))
        .statusCode(200)
        .body("records", hasSize(0));

    // a correction replaces the day, by another member of staff; a stale If-Match is refused
    AttendanceDays.as("country-admin-fr")
        .header("If-Match", "\"12345\"")
        .body(AttendanceDays.of(learners).json())
        .put(COHORTS + "/" + cohort + "/attendance/" + day)
        .then()
        .statusCode(412);
    String corrected =
        AttendanceDays.as("country-admin-fr")
            .header("If-Match", etag)
            .body(AttendanceDays.of(learners).set(learners.get(0), "UNEXCUSED_ABSENCE").json())
            .put(COHORTS + "/" + cohort + "/attendance/" + day)
            .then()
            .statusCode(200)
            .body("records.comment", contains(nullValue(), nullValue(), nullValue(), nullValue()))
            .body("records.recordedBy", hasItem(Tokens.subject("country-admin-fr")))
            .body("records.recordedBy", not(hasItem(Tokens.subject("site-staff-fr"))))
            .extract()
            .header("ETag");
    assertThat(corrected).isNotEqualTo(etag);
    assertThat(rows(cohort)).isEqualTo(4);
    AttendanceDays.get("site-staff-fr", cohort + "/attendance/" + day)
        .body(
            "records.find { it.learnerId == '" + learners.get(0) + "' }.status",
            equalTo("UNEXCUSED_ABSENCE"))
        .body(
            "records.find { it.learnerId == '" + learners.get(1) + "' }.status",
            equalTo("PRESENT"));
  }

  @Test
  void everyActiveLearnerExactlyOnceAndNobodyElse() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> active = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 3);
    UUID elsewhere =
        Cohorts.learners(Cohorts.running("FR-SEVRAN", 5), LearnerStatus.ACTIVE, 1).get(0);
    LocalDate day = start(cohort).plusDays(1);

    // missing learners: 422 naming each of them, nothing written
    AttendanceDays.of(active.subList(0, 1))
        .put("site-staff-fr", cohort, day)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors", hasSize(2))
        .body("errors.field", contains("records", "records"))
        .body("errors[0].message", containsString(min(active.subList(1, 3)).toString()))
        .body("errors[1].message", containsString(max(active.subList(1, 3)).toString()));
    // a learner twice: 400
    String twice =
        "{\"records\": ["
            + entry(active.get(0), "PRESENT")
            + ","
            + entry(active.get(1), "PRESENT")
            + ","
            + entry(active.get(2), "PRESENT")
            + ","
            + entry(active.get(0), "LATE")
            + "]}";
    AttendanceDays.put("site-staff-fr", cohort, day.toString(), twice)
        .statusCode(400)
        .body("errors.field", contains("records[3].learnerId"))
        .body("errors[0].message", containsString(active.get(0).toString()));
    // a learner of another cohort, or of none: 422 naming them
    UUID nobody = UUID.randomUUID();
    AttendanceDays.of(active)
        .set(elsewhere, "PRESENT")
        .set(nobody, "PRESENT")
        .put("site-staff-fr", cohort, day)
        .statusCode(422)
        .body("errors.field", contains("records[3].learnerId", "records[4].learnerId"))
        .body("errors[0].message", containsString(elsewhere.toString()))
        .body("errors[1].message", containsString(nobody.toString()));
    assertThat(rows(cohort)).isZero();

    AttendanceDays.of(active).put("site-staff-fr", cohort, day).statusCode(200);
    assertThat(rows(cohort)).isEqualTo(3);
  }

  @Test
  void learnersWhoLeftAreRecordedOnlyForTheDaysBeforeTheyLeft() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> active = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    // withdrawn and completed today (site time), enrolled but never active
    UUID withdrawn = Cohorts.learners(cohort, LearnerStatus.WITHDRAWN, 1).get(0);
    UUID completed = Cohorts.learners(cohort, LearnerStatus.COMPLETED, 1).get(0);
    UUID enrolled = Cohorts.learners(cohort, LearnerStatus.ENROLLED, 1).get(0);
    LocalDate today = LocalDate.now(PARIS);
    LocalDate before = today.minusDays(3);

    // before they left: may be recorded, need not be
    AttendanceDays.of(active)
        .set(withdrawn, "UNEXCUSED_ABSENCE", "stopped coming")
        .set(completed, "PRESENT")
        .put("site-staff-fr", cohort, before)
        .statusCode(200)
        .body("records", hasSize(4));
    AttendanceDays.of(active).put("site-staff-fr", cohort, before.minusDays(1)).statusCode(200);
    // a correction that leaves them out keeps what was recorded for them
    AttendanceDays.of(active)
        .set(active.get(0), "LATE")
        .put("site-staff-fr", cohort, before)
        .statusCode(200)
        .body("records", hasSize(4))
        .body(
            "records.find { it.learnerId == '" + withdrawn + "' }.comment",
            equalTo("stopped coming"));

    // the day they withdrew: no longer attending; completed learners up to their completion day
    AttendanceDays.of(active)
        .set(withdrawn, "PRESENT")
        .put("site-staff-fr", cohort, today)
        .statusCode(422)
        .body("errors.field", contains("records[2].learnerId"))
        .body("errors[0].message", containsString(withdrawn.toString()));
    AttendanceDays.of(active)
        .set(enrolled, "PRESENT")
        .put("site-staff-fr", cohort, before)
        .statusCode(422)
        .body("errors[0].message", containsString(enrolled.toString()));
    AttendanceDays.of(active)
        .set(completed, "PRESENT")
        .put("site-staff-fr", cohort, today)
        .statusCode(200)
        .body("records", hasSize(3));
  }

  @Test
  void aLearnerMovedInWhileTheCohortRunsNeedNotBeRecordedForEarlierDays() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> active = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    LocalDate start = start(cohort);
    setActivatedOn(cohort, active.get(1), start.plusDays(5));

    AttendanceDays.of(active.subList(0, 1)).put("site-staff-fr", cohort, start).statusCode(200);
    AttendanceDays.of(active).put("site-staff-fr", cohort, start.plusDays(1)).statusCode(200);
    AttendanceDays.of(active.subList(0, 1))
        .put("site-staff-fr", cohort, start.plusDays(5))
        .statusCode(422)
        .body("errors[0].message", containsString(active.get(1).toString()));
  }

  @Test
  void theDateIsASessionDayOfTheCohortAndNotInTheFuture() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> active = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    LocalDate start = start(cohort);
    AttendanceDays day = AttendanceDays.of(active);
    for (LocalDate refused :
        List.of(
            start.minusDays(1),
            start.plusWeeks(12).plusDays(1),
            LocalDate.now(PARIS).plusDays(1))) {
      day.put("site-staff-fr", cohort, refused)
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors.field", contains("date"));
    }
    assertThat(rows(cohort)).isZero();
    day.put("site-staff-fr", cohort, start).statusCode(200);
    day.put("site-staff-fr", cohort, LocalDate.now(PARIS)).statusCode(200);
    assertThat(rows(cohort)).isEqualTo(4);

    // a completed cohort can still be corrected, up to its end date
    UUID done =
        Cohorts.cohort(
            "FR-SEVRAN", "WEB-DEV", CohortStatus.COMPLETED, 10, LocalDate.now().minusWeeks(20));
    List<UUID> finished = Cohorts.learners(done, LearnerStatus.ACTIVE, 1);
    AttendanceDays.of(finished).put("site-staff-fr", done, start(done).plusDays(3)).statusCode(200);
    AttendanceDays.of(finished)
        .put("site-staff-fr", done, start(done).plusWeeks(12).plusDays(1))
        .statusCode(422);
  }

  @Test
  void onlyARunningOrCompletedCohortTakesAttendance() {
    for (CohortStatus status : CohortStatus.values()) {
      UUID cohort =
          Cohorts.cohort("FR-SEVRAN", "WEB-DEV", status, 10, LocalDate.now().minusWeeks(1));
      List<UUID> learners =
          Cohorts.learners(
              cohort,
              status == CohortStatus.RUNNING || status == CohortStatus.COMPLETED
                  ? LearnerStatus.ACTIVE
                  : LearnerStatus.ENROLLED,
              2);
      var answer =
          AttendanceDays.of(learners).put("site-staff-fr", cohort, LocalDate.now().minusDays(2));
      switch (status) {
        case RUNNING, COMPLETED -> answer.statusCode(200);
        case PLANNED, RECRUITING, CANCELLED ->
            answer
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(status.name()));
      }
      assertThat(rows(cohort))
          .isEqualTo(status == CohortStatus.RUNNING || status == CohortStatus.COMPLETED ? 2 : 0);
    }
  }

  @Test
  void summariesCountEachLearnersDays() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 3);
    UUID a = learners.get(0);
    UUID b = learners.get(1);
    UUID c = learners.get(2);
    LocalDate start = start(cohort);
    // a: P L E U U P -> 6 days, 3 attended = 0.5000, run 0
    // b: P P P P P P -> 1.0000
    // c: U P U U L U -> 2 attended of 6 = 0.3333, run 1 since the last day
    String[][] statuses = {
      {"PRESENT", "PRESENT", "UNEXCUSED_ABSENCE"},
      {"LATE", "PRESENT", "PRESENT"},
      {"EXCUSED_ABSENCE", "PRESENT", "UNEXCUSED_ABSENCE"},
      {"UNEXCUSED_ABSENCE", "PRESENT", "UNEXCUSED_ABSENCE"},
      {"UNEXCUSED_ABSENCE", "PRESENT", "LATE"},
      {"PRESENT", "PRESENT", "UNEXCUSED_ABSENCE"},
    };
    for (int i = 0; i < statuses.length; i++) {
      // a gap on the sixth day: not recorded, it neither ends nor extends a run
      LocalDate day = start.plusDays(i < 5 ? i : 7);
      AttendanceDays.of(learners)
          .set(a, statuses[i][0])
          .set(b, statuses[i][1])
          .set(c, statuses[i][2])
          .put("site-staff-fr", cohort, day)
          .statusCode(200);
    }
    // one more learner, withdrawn today with nothing recorded: not listed
    Cohorts.learners(cohort, LearnerStatus.WITHDRAWN, 1);

    var summary =
        AttendanceDays.get("site-staff-fr", cohort + "/attendance")
            .statusCode(200)
            .body("total", equalTo(3))
            .body(
                "items.learnerId",
                contains(learners.stream().sorted().map(UUID::toString).toArray()));
    String at = "items.find { it.learnerId == '%s' }.";
    summary
        .body((at + "sessionsRecorded").formatted(a), equalTo(6))
        .body((at + "present").formatted(a), equalTo(2))
        .body((at + "late").formatted(a), equalTo(1))
        .body((at + "excusedAbsences").formatted(a), equalTo(1))
        .body((at + "unexcusedAbsences").formatted(a), equalTo(2))
        .body((at + "attendanceRate").formatted(a), equalTo(new BigDecimal("0.5000")))
        .body((at + "consecutiveUnexcusedAbsences").formatted(a), equalTo(0))
        .body((at + "unexcusedSince").formatted(a), nullValue())
        .body((at + "atRisk").formatted(a), equalTo(false))
        .body((at + "learnerStatus").formatted(a), equalTo("ACTIVE"))
        .body((at + "attendanceRate").formatted(b), equalTo(new BigDecimal("1.0000")))
        .body((at + "present").formatted(b), equalTo(6))
        .body((at + "attendanceRate").formatted(c), equalTo(new BigDecimal("0.3333")))
        .body((at + "unexcusedAbsences").formatted(c), equalTo(4))
        .body((at + "late").formatted(c), equalTo(1))
        .body((at + "consecutiveUnexcusedAbsences").formatted(c), equalTo(1))
        .body((at + "unexcusedSince").formatted(c), equalTo(start.plusDays(7).toString()));

    AttendanceDays.get("site-staff-fr", cohort + "/attendance/learners/" + c)
        .statusCode(200)
        .body("cohortId", equalTo(cohort.toString()))
        .body("summary.learnerId", equalTo(c.toString()))
        .body("summary.attendanceRate", equalTo(new BigDecimal("0.3333")))
        .body("days", hasSize(6))
        .body("days[0].date", equalTo(start.toString()))
        .body("days[5].date", equalTo(start.plusDays(7).toString()))
        .body("days.recordedByActor.type", everyItem(equalTo("PERSON")))
        .body("days.findAll { it.recordedByActor.id != it.recordedBy }", hasSize(0))
        .body(
            "days.status",
            contains(
                "UNEXCUSED_ABSENCE",
                "PRESENT",
                "UNEXCUSED_ABSENCE",
                "UNEXCUSED_ABSENCE",
                "LATE",
                "UNEXCUSED_ABSENCE"));
    // pages of the summary
    AttendanceDays.as("site-staff-fr")
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get(COHORTS + "/" + cohort + "/attendance")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("total", equalTo(3));

    // a learner with no day yet has no rate
    UUID fresh = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).get(0);
    AttendanceDays.get("site-staff-fr", cohort + "/attendance/learners/" + fresh)
        .statusCode(200)
        .body("summary.sessionsRecorded", equalTo(0))
        .body("summary.attendanceRate", nullValue())
        .body("days", hasSize(0));
    // a learner never in this cohort
    AttendanceDays.get("site-staff-fr", cohort + "/attendance/learners/" + UUID.randomUUID())
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void badInputIs4xxOnEveryEndpointAndChangesNothing() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> active = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    String day = start(cohort).plusDays(1).toString();
    String valid = AttendanceDays.of(active).json();
    List<String> manyRecords = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      manyRecords.add(entry(UUID.randomUUID(), "PRESENT"));
    }
    String[] bad = {
      "{",
      "",
      "null",
      "[]",
      "{}",
      "{\"records\": null}",
      "{\"records\": []}",
      "{\"records\": [" + String.join(",", manyRecords) + "]}",
      "{\"records\": {}}",
      "{\"records\": [null]}",
      valid.replace("PRESENT", "ABSENT"),
      valid.replace("\"PRESENT\"", "null"),
      valid.replace("\"PRESENT\"", "3"),
      valid.replaceFirst("\"learnerId\":\"[^\"]+\"", "\"learnerId\":\"not-a-uuid\""),
      valid.replaceFirst("\"learnerId\":\"[^\"]+\",", ""),
      AttendanceDays.of(active).set(active.get(0), "PRESENT", "x".repeat(501)).json(),
      valid.replace("\"records\"", "\"records\": [], \"extra\": 1, \"more\""),
      "{\"records\": [{\"learnerId\": \""
          + active.get(0)
          + "\", \"status\": \"PRESENT\", \"x\": 1}]}",
    };
    for (String body : bad) {
      AttendanceDays.put("site-staff-fr", cohort, day, body)
          .statusCode(400)
          .contentType("application/problem+json");
    }
    for (String date : new String[] {"yesterday", "2026-13-01", "2026-02-30", "20261123"}) {
      AttendanceDays.put("site-staff-fr", cohort, date, valid)
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", contains("date"));
      AttendanceDays.get("site-staff-fr", cohort + "/attendance/" + date)
          .statusCode(400)
          .contentType("application/problem+json");
    }
    AttendanceDays.as("site-staff-fr")
        .contentType("text/plain")
        .body(valid)
        .put(COHORTS + "/" + cohort + "/attendance/" + day)
        .then()
        .statusCode(415);
    AttendanceDays.put("site-staff-fr", UUID.randomUUID(), day, valid).statusCode(404);
    Api.as("site-staff-fr")
        .body(valid)
        .put(COHORTS + "/not-a-uuid/attendance/" + day)
        .then()
        .statusCode(404);
    assertThat(rows(cohort)).isZero();
    // a comment of exactly 500 characters is fine
    AttendanceDays.of(active)
        .set(active.get(0), "PRESENT", "x".repeat(500))
        .put("site-staff-fr", cohort, LocalDate.parse(day))
        .statusCode(200);

    for (String list : new String[] {"attendance", "at-risk-learners"}) {
      for (String query : new String[] {"size=0", "size=101", "page=-1", "page=1000001"}) {
        AttendanceDays.get("site-staff-fr", cohort + "/" + list + "?" + query)
            .statusCode(400)
            .contentType("application/problem+json");
      }
      // not a number: 400 naming it (JAX-RS's own answer would be 404, see ADR 0013)
      AttendanceDays.get("site-staff-fr", cohort + "/" + list + "?size=ten")
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", contains("size"));
    }
    for (String path :
        new String[] {
          UUID.randomUUID() + "/attendance",
          UUID.randomUUID() + "/at-risk-learners",
          UUID.randomUUID() + "/attendance/" + day,
          UUID.randomUUID() + "/attendance/learners/" + active.get(0),
          cohort + "/attendance/learners/not-a-uuid",
          cohort + "/attendance/learners/" + UUID.randomUUID(),
          "not-a-uuid/attendance",
        }) {
      AttendanceDays.get("site-staff-fr", path)
          .statusCode(404)
          .contentType("application/problem+json");
    }
  }

  @Test
  void theCohortEndpointsStillResolveBesideAttendance() {
    // the two resources share /api/v1/cohorts: each path still reaches its own method
    String planned = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    Api.as("site-staff-fr").get(COHORTS + "/" + planned).then().statusCode(200);
    Api.as("site-staff-fr")
        .header("If-Match", "\"0\"")
        .body("{\"capacity\": 21}")
        .patch(COHORTS + "/" + planned)
        .then()
        .statusCode(200)
        .body("capacity", equalTo(21));
    Api.as("site-staff-fr")
        .post(COHORTS + "/" + planned + "/open-recruitment")
        .then()
        .statusCode(200);
    Api.as("site-staff-fr").post(COHORTS + "/" + planned + "/cancel").then().statusCode(200);
    UUID running = Cohorts.running("FR-SEVRAN", 20);
    Api.as("site-staff-fr").get(COHORTS + "/" + running).then().statusCode(200);
    AttendanceDays.get("site-staff-fr", running + "/attendance").statusCode(200);
    AttendanceDays.get("site-staff-fr", running + "/at-risk-learners").statusCode(200);
    AttendanceDays.get("site-staff-fr", running + "/attendance/" + start(running)).statusCode(200);
    // a method the path does not have
    Api.as("site-staff-fr")
        .delete(COHORTS + "/" + running + "/attendance/" + start(running))
        .then()
        .statusCode(405);
  }

  private static String entry(UUID learner, String status) {
    return "{\"learnerId\": \"" + learner + "\", \"status\": \"" + status + "\"}";
  }

  private static UUID min(List<UUID> ids) {
    return ids.stream().min(Comparator.naturalOrder()).orElseThrow();
  }

  private static UUID max(List<UUID> ids) {
    return ids.stream().max(Comparator.naturalOrder()).orElseThrow();
  }
}
