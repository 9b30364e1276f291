package org.passerelle.enrollment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.passerelle.enrollment.testing.Fixtures.APPLICATIONS;
import static org.passerelle.enrollment.testing.Fixtures.body;
import static org.passerelle.enrollment.testing.Fixtures.email;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.KafkaClients;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.EventSchemas;
import org.passerelle.commons.testing.Tokens;
import org.passerelle.enrollment.testing.Fixtures;

/**
 * Selection over HTTP (screen, accept, waitlist, reject, withdraw) and cohort-service's seat events
 * through the real broker: enrolment, no seat left, a seat freed promoting the waitlist.
 */
@QuarkusTest
class ApplicationSelectionTest {

  @Inject EntityManager entityManager;
  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  private UUID sevran;

  @BeforeEach
  void intake() {
    sevran = Fixtures.openIntake(entityManager, "FR-SEVRAN");
  }

  private String submit(String priorityPublics) {
    return Api.as("site-staff-fr")
        .body(body(sevran, "FR-SEVRAN", email(), priorityPublics))
        .post(APPLICATIONS)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private String status(String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    entityManager
                        .createNativeQuery("select status from application where id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .getSingleResult());
  }

  private List<String> events(String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<?> types =
                  entityManager
                      .createNativeQuery(
                          "select type from outbox_event where aggregate_id = ?1 order by seq",
                          String.class)
                      .setParameter(1, UUID.fromString(id))
                      .getResultList();
              return types.stream()
                  .map(
                      type ->
                          String.valueOf(type)
                              .replaceAll("^org\\.passerelle\\.enrollment\\.|\\.v1$", ""))
                  .toList();
            });
  }

  private void act(String user, String id, String action, String body, int status) {
    var request = Api.as(user);
    if (body != null) {
      request.body(body);
    }
    request.post(APPLICATIONS + "/" + id + "/" + action).then().statusCode(status);
  }

  private String accepted(String priorityPublics, Integer score) {
    String id = submit(priorityPublics);
    act(
        "site-staff-fr",
        id,
        "screen",
        score == null ? null : "{\"testScore\": " + score + "}",
        200);
    act("site-staff-fr", id, "accept", null, 200);
    return id;
  }

  /** A seat event as cohort-service's relay sends it, keyed by the cohort. */
  private void seatEvent(String name, String applicationId) throws Exception {
    String data =
        """
        {"cohortId":"%s","learnerId":"%s","applicationId":"%s","programmeCode":"WEB-DEV",
         "site":"FR-SEVRAN","country":"FR","enrolledAt":"2026-11-23T10:00:00Z"}
        """
            .formatted(sevran, learnerOf(applicationId), applicationId);
    cohortEvent(name, data);
  }

  /** The pseudonymous learner of the application's applicant, as cohort-service knows them. */
  private UUID learnerOf(String applicationId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (UUID)
                    entityManager
                        .createNativeQuery(
                            "select p.learner_id from application a"
                                + " join applicant p on p.id = a.applicant_id where a.id = ?1")
                        .setParameter(1, UUID.fromString(applicationId))
                        .getSingleResult());
  }

  /** An event of cohort-service's about the sevran cohort, as its relay sends it. */
  private void cohortEvent(String name, String data) throws Exception {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            "cohort.events", sevran.toString(), data.getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"))
        .add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()))
        .add(CloudEventHeaders.SOURCE, bytes("/cohort"))
        .add(CloudEventHeaders.TYPE, bytes("org.passerelle.cohort." + name + ".v1"))
        .add(CloudEventHeaders.SUBJECT, bytes(sevran.toString()))
        .add(CloudEventHeaders.COUNTRY, bytes("FR"))
        .add(CloudEventHeaders.SITE, bytes("FR-SEVRAN"));
    try (KafkaProducer<String, byte[]> producer = kafka.producer("enrollment-selection-test")) {
      producer.send(record).get();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private void awaitStatus(String id, String expected) {
    await().atMost(Duration.ofSeconds(60)).until(() -> status(id).equals(expected));
  }

  @Test
  void screeningRecordsTheResultsAndTheDecisionItsAuthorAndReason() {
    String id = submit("[]");
    Api.as("site-staff-fr")
        .body("{\"testScore\": 72, \"interviewNotes\": \"Motivated, good logic test\"}")
        .post(APPLICATIONS + "/" + id + "/screen")
        .then()
        .statusCode(200)
        .body("status", equalTo("SCREENING"))
        .body("screening.testScore", equalTo(72))
        .body("screening.interviewNotes", equalTo("Motivated, good logic test"));
    Api.as("country-admin-fr")
        .body("{\"reason\": \"Strong test and interview\"}")
        .post(APPLICATIONS + "/" + id + "/accept")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"))
        .body("decision.reason", equalTo("Strong test and interview"))
        .body("decision.decidedBy", equalTo(Tokens.subject("country-admin-fr")));
    assertThat(events(id)).containsExactly("application-submitted", "application-accepted");
    // The learner's view leaves out the staff's notes and who decided.
  }

  @Test
  void aRejectionNeedsItsReasonAndIllegalMovesAre409() {
    String id = submit("[]");
    act("site-staff-fr", id, "accept", null, 409);
    act("site-staff-fr", id, "reject", "{\"reason\": \"Not eligible\"}", 409);
    act("site-staff-fr", id, "screen", null, 200);
    act("site-staff-fr", id, "reject", null, 400);
    act("site-staff-fr", id, "reject", "{\"reason\": \"  \"}", 400);
    assertThat(status(id)).isEqualTo("SCREENING");
    act("site-staff-fr", id, "reject", "{\"reason\": \"Project not mature yet\"}", 200);
    act("site-staff-fr", id, "screen", "{\"testScore\": 80}", 409);
    for (String action : List.of("accept", "waitlist", "reject", "withdraw")) {
      act("site-staff-fr", id, action, "{\"reason\": \"again\"}", 409);
    }
    assertThat(status(id)).isEqualTo("REJECTED");
    assertThat(events(id)).containsExactly("application-submitted", "application-rejected");
  }

  @Test
  void aStaleIfMatchIs412AndTheCurrentOneWorks() {
    String id = submit("[]");
    String etag =
        Api.as("site-staff-fr").get(APPLICATIONS + "/" + id).then().extract().header("ETag");
    act("site-staff-fr", id, "screen", null, 200);
    Api.as("site-staff-fr")
        .header("If-Match", etag)
        .post(APPLICATIONS + "/" + id + "/waitlist")
        .then()
        .statusCode(412);
    String current =
        Api.as("site-staff-fr").get(APPLICATIONS + "/" + id).then().extract().header("ETag");
    Api.as("site-staff-fr")
        .header("If-Match", current)
        .post(APPLICATIONS + "/" + id + "/waitlist")
        .then()
        .statusCode(200)
        .body("status", equalTo("WAITLISTED"));
  }

  @Test
  void onlyStaffInScopeDecideAndTheLearnerWithdrawsTheirOwn() {
    String id = submit("[]");
    act("site-staff-ma", id, "screen", null, 404);
    act("country-admin-ma", id, "screen", null, 404);
    act("learner-fr", id, "screen", null, 403);
    act("partner-fr", id, "screen", null, 403);
    act("learner-fr", id, "withdraw", null, 404);
    assertThat(status(id)).isEqualTo("SUBMITTED");

    String own = Fixtures.submit("learner-fr", sevran, "FR-SEVRAN");
    act("learner-fr", own, "screen", null, 403);
    act("learner-ma", own, "withdraw", null, 404);
    Api.as("learner-fr")
        .body("{\"reason\": \"I found a job\"}")
        .post(APPLICATIONS + "/" + own + "/withdraw")
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"))
        .body("withdrawalReason", equalTo("I found a job"))
        .body("screening", nullValue());
    assertThat(events(own)).containsExactly("application-submitted", "application-withdrawn");
  }

  @Test
  void cohortServiceSeatsTheAcceptedOrWaitlistsThemThenTheWaitlistMovesWhenASeatFrees()
      throws Exception {
    String seated = accepted("[]", 50);
    seatEvent("learner-enrolled", seated);
    awaitStatus(seated, "ENROLLED");
    assertThat(events(seated)).endsWith("application-accepted", "application-enrolled");

    // Three accepted with no seat left: in the waitlist order, a priority public comes first,
    // then the best score.
    String lowScore = accepted("[]", 40);
    String highScore = accepted("[]", 90);
    String priority = accepted("[\"PRIORITY_NEIGHBOURHOOD\"]", 10);
    for (String id : List.of(lowScore, highScore, priority)) {
      seatEvent("seat-unavailable", id);
    }
    for (String id : List.of(lowScore, highScore, priority)) {
      awaitStatus(id, "WAITLISTED");
    }
    Api.as("site-staff-fr")
        .get("/api/v1/intakes/" + sevran + "/waitlist/entries?size=2")
        .then()
        .statusCode(200)
        .body("items.applicationId", equalTo(List.of(priority, highScore)))
        .body("items.position", equalTo(List.of(1, 2)))
        .body("total", equalTo(3))
        .body("totalIsExact", equalTo(true));
    Api.as("site-staff-fr")
        .get("/api/v1/intakes/" + sevran + "/waitlist/entries?size=2&page=1")
        .then()
        .statusCode(200)
        .body("items.applicationId", equalTo(List.of(lowScore)))
        .body("items.position", equalTo(List.of(3)));
    // The bare array stays until its sunset, saying so and where its successor is.
    Api.as("site-staff-fr")
        .get("/api/v1/intakes/" + sevran + "/waitlist")
        .then()
        .statusCode(200)
        .header("Deprecation", "@1796428800")
        .header("Sunset", "Wed, 30 Jun 2027 23:59:59 GMT")
        .header(
            "Link",
            org.hamcrest.Matchers.endsWith(
                "/api/v1/intakes/" + sevran + "/waitlist/entries>; rel=\"successor-version\""))
        .body("applicationId", equalTo(List.of(priority, highScore, lowScore)))
        .body("position", equalTo(List.of(1, 2, 3)));

    seatEvent("seat-freed", seated);
    awaitStatus(priority, "ACCEPTED");
    assertThat(events(priority)).endsWith("application-waitlisted", "application-accepted");
    assertThat(status(highScore)).isEqualTo("WAITLISTED");

    // A replayed enrolment changes nothing more.
    seatEvent("learner-enrolled", seated);
    seatEvent("learner-enrolled", priority);
    awaitStatus(priority, "ENROLLED");
    assertThat(events(seated)).containsOnlyOnce("application-enrolled");
    assertThat(EventSchemas.assertOutboxValid(dataSource)).isPositive();
  }

  @Test
  void theAcceptAnswerSaysThatEnrolmentFollowsAndWhereItShows() throws Exception {
    String id = submit("[]");
    Api.as("site-staff-fr")
        .body("{\"testScore\": 60}")
        .post(APPLICATIONS + "/" + id + "/screen")
        .then()
        .statusCode(200)
        .body("pendingEnrolment", nullValue());
    String learner = learnerOf(id).toString();
    Api.as("site-staff-fr")
        .post(APPLICATIONS + "/" + id + "/accept")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"))
        .body("pendingEnrolment.application", endsWith("/api/v1/applications/" + id))
        .body(
            "pendingEnrolment.cohortLearner",
            endsWith("/api/v1/cohorts/" + sevran + "/learners/" + learner))
        .body(
            "pendingEnrolment.events",
            hasItems("cohort.events/learner-enrolled", "enrollment.events/application-enrolled"));

    seatEvent("learner-enrolled", id);
    awaitStatus(id, "ENROLLED");
    Api.as("site-staff-fr")
        .get(APPLICATIONS + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("ENROLLED"))
        .body("pendingEnrolment", nullValue());
  }

  private String intakeOf(String id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                entityManager
                    .createNativeQuery(
                        "select intake_id || ' ' || site_code from application where id = ?1")
                    .setParameter(1, UUID.fromString(id))
                    .getSingleResult()
                    .toString());
  }

  @Test
  void aWaitlistedApplicationStaffSeatIsEnrolledAndATransferTakesItToTheNewIntake()
      throws Exception {
    String waitlisted = accepted("[]", 60);
    seatEvent("seat-unavailable", waitlisted);
    awaitStatus(waitlisted, "WAITLISTED");
    // staff enrolled the learner from the waitlist in cohort-service
    seatEvent("learner-enrolled", waitlisted);
    awaitStatus(waitlisted, "ENROLLED");
    assertThat(events(waitlisted)).endsWith("application-waitlisted", "application-enrolled");
    Api.as("site-staff-fr")
        .get("/api/v1/intakes/" + sevran + "/waitlist")
        .then()
        .statusCode(200)
        .body(
            "applicationId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(waitlisted)));

    // staff moved the learner to a cohort at Cergy: the application follows
    UUID cergy = Fixtures.openIntake(entityManager, "FR-CERGY");
    String rejected = submit("[]");
    act("site-staff-fr", rejected, "screen", null, 200);
    act("site-staff-fr", rejected, "reject", "{\"reason\": \"no\"}", 200);
    for (String id : List.of(rejected, waitlisted)) {
      cohortEvent(
          "learner-transferred",
          """
          {"fromCohortId":"%s","toCohortId":"%s","learnerId":"%s","applicationId":"%s",
           "programmeCode":"WEB-DEV","fromSite":"FR-SEVRAN","toSite":"FR-CERGY","country":"FR",
           "transferredAt":"2026-11-23T10:00:00Z"}
          """
              .formatted(sevran, cergy, learnerOf(id), id));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> intakeOf(waitlisted).equals(cergy + " FR-CERGY"));
    assertThat(status(waitlisted)).isEqualTo("ENROLLED");
    assertThat(events(waitlisted)).containsOnlyOnce("application-enrolled");
    // a rejected application stays where it was (the events are applied in order)
    assertThat(intakeOf(rejected)).isEqualTo(sevran + " FR-SEVRAN");
  }

  @Test
  void everyKindOfEventTheServiceEmitsMatchesItsSchema() {
    String rejected = submit("[\"DISABILITY\"]");
    act("site-staff-fr", rejected, "screen", null, 200);
    act("site-staff-fr", rejected, "reject", "{\"reason\": \"no\"}", 200);
    String waitlisted = submit("[]");
    act("site-staff-fr", waitlisted, "screen", null, 200);
    act("site-staff-fr", waitlisted, "waitlist", null, 200);
    act("site-staff-fr", waitlisted, "withdraw", null, 200);
    accepted("[]", null);
    assertThat(events(rejected)).containsExactly("application-submitted", "application-rejected");
    assertThat(events(waitlisted))
        .containsExactly(
            "application-submitted", "application-waitlisted", "application-withdrawn");
    assertThat(EventSchemas.assertOutboxValid(dataSource)).isPositive();
  }
}
