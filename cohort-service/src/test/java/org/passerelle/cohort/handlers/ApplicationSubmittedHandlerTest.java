package org.passerelle.cohort.handlers;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.rest.CohortResourceTest;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.KafkaClients;
import org.passerelle.commons.testing.Tokens;

/** enrollment-service's events, sent through the real broker, counted once per event. */
@QuarkusTest
class ApplicationSubmittedHandlerTest {

  @Inject KafkaClients kafka;

  private static ProducerRecord<String, byte[]> submitted(UUID eventId, UUID cohortId) {
    return submitted(eventId, cohortId, "FR-SEVRAN");
  }

  private static ProducerRecord<String, byte[]> submitted(
      UUID eventId, UUID cohortId, String site) {
    UUID applicationId = UUID.randomUUID();
    String data =
        """
        {"applicationId":"%s","learnerId":"%s","cohortId":"%s","site":"%s","country":"FR",
         "submittedAt":"2026-11-23T10:00:00Z","gender":"FEMALE","ageBand":"18_25"}
        """
            .formatted(applicationId, UUID.randomUUID(), cohortId, site);
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            "enrollment.events", applicationId.toString(), data.getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8))
        .add(CloudEventHeaders.ID, eventId.toString().getBytes(StandardCharsets.UTF_8))
        .add(CloudEventHeaders.SOURCE, "/enrollment".getBytes(StandardCharsets.UTF_8))
        .add(
            CloudEventHeaders.TYPE,
            "org.passerelle.enrollment.application-submitted.v1".getBytes(StandardCharsets.UTF_8));
    return record;
  }

  private static int received(String cohortId) {
    return given()
        .header("Authorization", Tokens.bearer("platform-admin"))
        .get("/api/v1/cohorts/" + cohortId)
        .then()
        .statusCode(200)
        .extract()
        .path("applicationsReceived");
  }

  @Test
  void eachSubmittedApplicationIsCountedOnceEvenWhenRedelivered() throws Exception {
    String cohortId = CohortResourceTest.schedule("site-staff-fr", "FR-SEVRAN");
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    try (KafkaProducer<String, byte[]> producer = kafka.producer("cohort-test")) {
      producer.send(submitted(first, UUID.fromString(cohortId))).get();
      producer.send(submitted(first, UUID.fromString(cohortId))).get(); // a redelivery
      producer.send(submitted(second, UUID.fromString(cohortId))).get();
      producer.send(submitted(UUID.randomUUID(), UUID.randomUUID())).get(); // unknown cohort
      // naming this cohort from another site does not count
      producer.send(submitted(UUID.randomUUID(), UUID.fromString(cohortId), "MA-FES")).get();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> received(cohortId) >= 2);
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
    given()
        .header("Authorization", Tokens.bearer("platform-admin"))
        .get("/api/v1/cohorts/" + cohortId)
        .then()
        .body("applicationsReceived", equalTo(2));
  }
}
