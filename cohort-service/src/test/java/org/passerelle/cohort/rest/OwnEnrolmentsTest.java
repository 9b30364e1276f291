package org.passerelle.cohort.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.commons.testing.Tokens;

/**
 * Learners read their own seats across cohorts, with attendance and certificates, through the
 * account enrollment linked to their learnerId (learner-account-linked, through the real broker):
 * nobody else's, not before the link, not after erasure.
 */
@QuarkusTest
class OwnEnrolmentsTest {

  private static final String MINE = "/api/v1/cohorts/mine";

  @Inject EntityManager entityManager;

  private void sendTwiceAndAwait(ProducerRecord<String, byte[]> record, UUID eventId) {
    BrokerEvents.send(record, record);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Api.count(
                        entityManager,
                        "select count(*) from inbox_event where event_id = '" + eventId + "'")
                    == 1);
  }

  private static ProducerRecord<String, byte[]> linked(
      UUID eventId, UUID learnerId, String subject, OffsetDateTime linkedAt) {
    String data =
        """
        {"learnerId":"%s","accountSubject":"%s","country":"FR","linkedAt":"%s"}
        """
            .formatted(learnerId, subject, linkedAt);
    return BrokerEvents.event(
        "enrollment", "learner-account-linked", eventId, learnerId.toString(), "FR", null, data);
  }

  private static ProducerRecord<String, byte[]> erased(UUID eventId, UUID learnerId) {
    String data =
        """
        {"learnerId":"%s","country":"FR","erasedAt":"2026-12-01T10:00:00Z"}
        """
            .formatted(learnerId);
    return BrokerEvents.event(
        "enrollment", "applicant-erased", eventId, learnerId.toString(), "FR", null, data);
  }

  private static LocalDate start(UUID cohortId) {
    return LocalDate.parse(
        Api.as("platform-admin")
            .get(AttendanceDays.COHORTS + "/" + cohortId)
            .then()
            .statusCode(200)
            .extract()
            .path("startDate"));
  }

  @Test
  void aLearnerReadsTheirOwnSeatsAttendanceAndCertificatesOnceLinked() {
    UUID learner = UUID.randomUUID();
    // an earlier cohort they completed with a certificate, and the one they follow now
    UUID earlier = Cohorts.running("FR-SEVRAN", 20);
    Cohorts.learner(earlier, learner, LearnerStatus.ACTIVE);
    UUID classmate = Cohorts.learners(earlier, LearnerStatus.ACTIVE, 1).getFirst();
    LocalDate day = start(earlier).plusDays(2);
    AttendanceDays.of(List.of(learner, classmate))
        .set(learner, "LATE", "staff's words about the learner")
        .put("site-staff-fr", earlier, day)
        .statusCode(200);
    AttendanceDays.of(List.of(learner, classmate))
        .set(learner, "UNEXCUSED_ABSENCE")
        .put("site-staff-fr", earlier, day.plusDays(1))
        .statusCode(200);
    String publicId = Certifications.certify("site-staff-fr", earlier, learner, "CERTIFIED");
    Certifications.certify("site-staff-fr", earlier, classmate, "CERTIFIED");
    UUID current =
        Cohorts.cohort(
            "FR-SEVRAN", "WEB-DEV", CohortStatus.RECRUITING, 20, LocalDate.now().plusMonths(1));
    Cohorts.learner(current, learner, LearnerStatus.ENROLLED);
    // before the link, the account does not lead to this learner
    Api.as("learner-fr")
        .get(MINE)
        .then()
        .statusCode(200)
        .body("items.cohortId", not(hasItem(earlier.toString())));

    UUID link = UUID.randomUUID();
    sendTwiceAndAwait(
        linked(link, learner, Tokens.subject("learner-fr"), OffsetDateTime.now(ZoneOffset.UTC)),
        link);

    Api.as("learner-fr")
        .get(MINE)
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.cohortId", contains(current.toString(), earlier.toString()))
        .body("items[0].learnerStatus", equalTo("ENROLLED"))
        .body("items[0].status", equalTo("ENROLLED"))
        .body("items[0].cohortStatus", equalTo("RECRUITING"))
        .body("items[0].certificate", nullValue())
        .body("items[0].attendance.sessionsRecorded", equalTo(0))
        .body("items[1].programmeCode", equalTo("WEB-DEV"))
        .body("items[1].programmeTitles.fr", not(nullValue()))
        .body("items[1].siteCode", equalTo("FR-SEVRAN"))
        .body("items[1].startDate", equalTo(start(earlier).toString()))
        .body("items[1].learnerStatus", equalTo("COMPLETED"))
        .body("items[1].status", equalTo("COMPLETED"))
        .body("items[1].attendance.learnerId", equalTo(learner.toString()))
        .body("items[1].attendance.sessionsRecorded", equalTo(2))
        .body("items[1].attendance.late", equalTo(1))
        .body("items[1].attendance.unexcusedAbsences", equalTo(1))
        .body("items[1].certificate.publicId", equalTo(publicId))
        .body("items[1].certificate.status", equalTo("VALID"))
        .body("items[1]", not(hasKey("exitComment")));
    String body = Api.as("learner-fr").get(MINE).asString();
    assertThat(body).doesNotContain(classmate.toString()).doesNotContain("staff's words");

    // another learner, of another country, reads none of it; other roles have their own reads
    Api.as("learner-ma")
        .get(MINE)
        .then()
        .statusCode(200)
        .body("items.cohortId", not(hasItem(earlier.toString())));
    Api.as("site-staff-fr").get(MINE).then().statusCode(403);
    Api.as("partner-fr").get(MINE).then().statusCode(403);
    given().get(MINE).then().statusCode(401);
    Api.as("learner-fr").queryParam("size", 0).get(MINE).then().statusCode(400);

    // the person erased: their account no longer leads to their seats
    UUID erasure = UUID.randomUUID();
    sendTwiceAndAwait(erased(erasure, learner), erasure);
    Api.as("learner-fr").get(MINE).then().statusCode(200).body("items", empty());
  }
}
