package org.passerelle.enrollment.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.KafkaClients;
import org.passerelle.commons.testing.Api;
import org.passerelle.enrollment.testing.Fixtures;

/** cohort-service's events, sent through the real broker, kept as intakes that never go back. */
@QuarkusTest
public class CohortEventsTest {

  static final String SCHEDULED = "org.passerelle.cohort.cohort-scheduled.v1";
  static final String CHANGED = "org.passerelle.cohort.cohort-changed.v1";
  static final String STARTED = "org.passerelle.cohort.cohort-started.v1";
  static final String COMPLETED = "org.passerelle.cohort.cohort-completed.v1";

  @Inject KafkaClients kafka;
  @Inject EntityManager entityManager;

  /** A cohort event as cohort-service's relay sends it, keyed by the cohort. */
  public static ProducerRecord<String, byte[]> event(
      UUID eventId, String type, UUID cohortId, String site, String data) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            "cohort.events", cohortId.toString(), data.getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"))
        .add(CloudEventHeaders.ID, bytes(eventId.toString()))
        .add(CloudEventHeaders.SOURCE, bytes("/cohort"))
        .add(CloudEventHeaders.TYPE, bytes(type))
        .add(CloudEventHeaders.SUBJECT, bytes(cohortId.toString()))
        .add(CloudEventHeaders.COUNTRY, bytes(site.substring(0, 2)))
        .add(CloudEventHeaders.SITE, bytes(site));
    return record;
  }

  public static ProducerRecord<String, byte[]> scheduled(UUID cohortId, String site) {
    return event(
        UUID.randomUUID(), SCHEDULED, cohortId, site, data(cohortId, site, 20, "PLANNED", null));
  }

  public static ProducerRecord<String, byte[]> changed(
      UUID eventId, UUID cohortId, String site, int capacity, String status, long version) {
    return event(eventId, CHANGED, cohortId, site, data(cohortId, site, capacity, status, version));
  }

  static String data(UUID cohortId, String site, int capacity, String status, Long version) {
    return """
        {"cohortId":"%s","programmeCode":"WEB-DEV","site":"%s","country":"%s",
         "startDate":"2027-01-11","endDate":"2027-06-%d","capacity":%d,"status":"%s"%s}
        """
        .formatted(
            cohortId,
            site,
            site.substring(0, 2),
            10 + capacity % 20,
            capacity,
            status,
            version == null ? "" : ",\"version\":" + version);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private long version(UUID cohortId) {
    return Api.count(
        entityManager,
        "select coalesce(max(cohort_version), -1) from intake where id = '" + cohortId + "'");
  }

  private long applied(UUID eventId) {
    return Api.count(
        entityManager, "select count(*) from inbox_event where event_id = '" + eventId + "'");
  }

  private void awaitApplied(UUID eventId) {
    await().atMost(Duration.ofSeconds(60)).until(() -> applied(eventId) == 1);
  }

  private static void assertIntake(UUID cohortId, int capacity, String status, long version) {
    Api.as("platform-admin")
        .get("/api/v1/intakes/" + cohortId)
        .then()
        .statusCode(200)
        .header("ETag", "\"" + version + "\"")
        .body("id", equalTo(cohortId.toString()))
        .body("siteCode", equalTo("FR-SEVRAN"))
        .body("country", equalTo("FR"))
        .body("programmeCode", equalTo("WEB-DEV"))
        .body("capacity", equalTo(capacity))
        .body("endDate", equalTo("2027-06-" + (10 + capacity % 20)))
        .body("cohortStatus", equalTo(status))
        .body("cohortVersion", equalTo((int) version));
  }

  @Test
  void aScheduledCohortChangedTwiceEndsAsTheLastChange() throws Exception {
    UUID cohortId = UUID.randomUUID();
    try (KafkaProducer<String, byte[]> producer = kafka.producer("enrollment-test")) {
      producer.send(scheduled(cohortId, "FR-SEVRAN")).get();
      await().atMost(Duration.ofSeconds(60)).until(() -> version(cohortId) == 0);
      assertIntake(cohortId, 20, "PLANNED", 0);
      producer.send(changed(UUID.randomUUID(), cohortId, "FR-SEVRAN", 24, "PLANNED", 1)).get();
      producer.send(changed(UUID.randomUUID(), cohortId, "FR-SEVRAN", 26, "RECRUITING", 3)).get();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> version(cohortId) == 3);
    assertIntake(cohortId, 26, "RECRUITING", 3);
  }

  @Test
  void theSameEventDeliveredTwiceHasOneEffect() throws Exception {
    UUID cohortId = UUID.randomUUID();
    UUID change = UUID.randomUUID();
    ProducerRecord<String, byte[]> scheduled = scheduled(cohortId, "FR-SEVRAN");
    try (KafkaProducer<String, byte[]> producer = kafka.producer("enrollment-test")) {
      producer.send(scheduled).get();
      producer.send(scheduled).get();
      producer.send(changed(change, cohortId, "FR-SEVRAN", 24, "PLANNED", 1)).get();
      producer.send(changed(change, cohortId, "FR-SEVRAN", 24, "PLANNED", 1)).get();
      // Same ce_id, other data: only the id says it is a redelivery, and that must be enough.
      producer.send(changed(change, cohortId, "FR-SEVRAN", 99, "CANCELLED", 9)).get();
      producer.send(changed(UUID.randomUUID(), cohortId, "FR-SEVRAN", 25, "RECRUITING", 2)).get();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> version(cohortId) == 2);
    assertIntake(cohortId, 25, "RECRUITING", 2);
    assertThat(applied(change)).isEqualTo(1);
    assertThat(
            Api.count(entityManager, "select count(*) from intake where id = '" + cohortId + "'"))
        .isEqualTo(1);
  }

  @Test
  void anOlderChangeArrivingLateDoesNotRollTheIntakeBack() throws Exception {
    UUID cohortId = UUID.randomUUID();
    UUID older = UUID.randomUUID();
    UUID same = UUID.randomUUID();
    try (KafkaProducer<String, byte[]> producer = kafka.producer("enrollment-test")) {
      producer.send(scheduled(cohortId, "FR-SEVRAN")).get();
      producer.send(changed(UUID.randomUUID(), cohortId, "FR-SEVRAN", 30, "RECRUITING", 5)).get();
      producer.send(changed(older, cohortId, "FR-SEVRAN", 22, "PLANNED", 4)).get();
      producer.send(changed(same, cohortId, "FR-SEVRAN", 31, "PLANNED", 5)).get();
    }
    awaitApplied(older);
    awaitApplied(same);
    assertIntake(cohortId, 30, "RECRUITING", 5);
  }

  @Test
  void aChangeBeforeTheScheduledEventOpensTheIntakeAndTheScheduledEventKeepsIt() throws Exception {
    // cohort-scheduled parked in the dead-letter topic and replayed after a change
    UUID cohortId = UUID.randomUUID();
    ProducerRecord<String, byte[]> scheduled = scheduled(cohortId, "FR-SEVRAN");
    UUID scheduledId =
        UUID.fromString(
            new String(
                scheduled.headers().lastHeader(CloudEventHeaders.ID).value(),
                StandardCharsets.UTF_8));
    try (KafkaProducer<String, byte[]> producer = kafka.producer("enrollment-test")) {
      producer.send(changed(UUID.randomUUID(), cohortId, "FR-SEVRAN", 28, "RECRUITING", 2)).get();
      producer.send(scheduled).get();
    }
    awaitApplied(scheduledId);
    assertIntake(cohortId, 28, "RECRUITING", 2);
  }

  @Test
  void theRecruitmentWindowAndMinimumAgeComeWithTheCohortAndCancellingClosesTheIntake()
      throws Exception {
    UUID cohortId = UUID.randomUUID();
    String window =
        ",\"recruitmentOpensOn\":\"2026-10-01\",\"recruitmentClosesOn\":\"2026-12-15\","
            + "\"minimumAge\":21}";
    UUID cancel = UUID.randomUUID();
    try (KafkaProducer<String, byte[]> producer = kafka.producer("enrollment-test")) {
      producer
          .send(
              event(
                  UUID.randomUUID(),
                  SCHEDULED,
                  cohortId,
                  "FR-SEVRAN",
                  data(cohortId, "FR-SEVRAN", 20, "RECRUITING", null)
                      .strip()
                      .replaceAll("}$", window)))
          .get();
      producer
          .send(
              event(
                  cancel,
                  "org.passerelle.cohort.cohort-cancelled.v1",
                  cohortId,
                  "FR-SEVRAN",
                  """
                  {"cohortId":"%s","programmeCode":"WEB-DEV","site":"FR-SEVRAN","country":"FR",
                   "cancelledAt":"2026-11-23T10:00:00Z","version":4}
                  """
                      .formatted(cohortId)))
          .get();
      // An older snapshot arriving late does not reopen it.
      producer.send(changed(UUID.randomUUID(), cohortId, "FR-SEVRAN", 20, "RECRUITING", 3)).get();
    }
    awaitApplied(cancel);
    await().atMost(Duration.ofSeconds(60)).until(() -> version(cohortId) == 4);
    Api.as("platform-admin")
        .get("/api/v1/intakes/" + cohortId)
        .then()
        .statusCode(200)
        .body("recruitmentOpensOn", equalTo("2026-10-01"))
        .body("recruitmentClosesOn", equalTo("2026-12-15"))
        .body("minimumAge", equalTo(21))
        .body("cohortStatus", equalTo("CANCELLED"));
  }

  /** cohort-started or cohort-completed: the whole cohort, like cohort-changed, and more. */
  private static ProducerRecord<String, byte[]> snapshot(
      String type, UUID cohortId, String status, long version, String more) {
    return event(
        UUID.randomUUID(),
        type,
        cohortId,
        "FR-SEVRAN",
        data(cohortId, "FR-SEVRAN", 20, status, version)
            .strip()
            .replaceAll("}$", ",\"funders\":[\"France Travail\"]," + more + "}"));
  }

  private long applications(UUID intakeId) {
    return Api.count(
        entityManager, "select count(*) from application where intake_id = '" + intakeId + "'");
  }

  private static void refused(UUID intakeId) {
    Api.as("site-staff-fr")
        .body(Fixtures.body(intakeId, "FR-SEVRAN", Fixtures.email()))
        .post(Fixtures.APPLICATIONS)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://passerelle.org/problems/unprocessable"));
  }

  @Test
  void aStartedThenCompletedCohortRunsThenCompletesItsIntakeWhichTakesNoMoreApplications()
      throws Exception {
    UUID cohortId = UUID.randomUUID();
    try (KafkaProducer<String, byte[]> producer = kafka.producer("enrollment-test")) {
      producer.send(scheduled(cohortId, "FR-SEVRAN")).get();
      producer.send(changed(UUID.randomUUID(), cohortId, "FR-SEVRAN", 20, "RECRUITING", 1)).get();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> version(cohortId) == 1);
    // recruiting: it takes applications
    Fixtures.submit("site-staff-fr", cohortId, "FR-SEVRAN");
    assertThat(applications(cohortId)).isEqualTo(1);

    try (KafkaProducer<String, byte[]> producer = kafka.producer("enrollment-test")) {
      producer
          .send(
              snapshot(
                  STARTED,
                  cohortId,
                  "RUNNING",
                  2,
                  "\"startedAt\":\"2027-01-11T08:00:00Z\",\"activeLearners\":1"))
          .get();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> version(cohortId) == 2);
    assertIntake(cohortId, 20, "RUNNING", 2);
    refused(cohortId);
    assertThat(applications(cohortId)).isEqualTo(1);

    UUID late = UUID.randomUUID();
    try (KafkaProducer<String, byte[]> producer = kafka.producer("enrollment-test")) {
      producer
          .send(
              snapshot(
                  COMPLETED,
                  cohortId,
                  "COMPLETED",
                  3,
                  "\"completedAt\":\"2027-06-10T16:00:00Z\",\"learnersByStatus\":"
                      + "{\"ENROLLED\":0,\"ACTIVE\":1,\"COMPLETED\":0,\"WITHDRAWN\":0,"
                      + "\"TRANSFERRED\":0}"))
          .get();
      // an older snapshot arriving late, of either kind, does not bring the intake back
      // (in order on the cohort's partition: once the last is applied, all are)
      producer.send(snapshot(STARTED, cohortId, "RUNNING", 2, "\"activeLearners\":1")).get();
      producer.send(changed(late, cohortId, "FR-SEVRAN", 20, "RECRUITING", 1)).get();
    }
    awaitApplied(late);
    await().atMost(Duration.ofSeconds(60)).until(() -> version(cohortId) == 3);
    assertIntake(cohortId, 20, "COMPLETED", 3);
    refused(cohortId);
    assertThat(applications(cohortId)).isEqualTo(1);
  }
}
