package org.passerelle.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.TopicRecords;

/** Traces and parked events across the platform, through the gateway, on the shared broker. */
class EventBackboneTest {

  private static final String BOOTSTRAP =
      System.getenv().getOrDefault("PASSERELLE_KAFKA_BOOTSTRAP", "127.0.0.1:9092");

  private static String gateway;

  @BeforeAll
  static void startPlatform() {
    gateway = Platform.get().gateway();
  }

  private static RequestSpecification as(String user) {
    return Platform.asUser(user);
  }

  @Test
  void theTraceOfARestCallTravelsWithItsEvent() {
    String cohort = Platform.scheduleCohort(as("site-staff-fr"), "FR-SEVRAN");
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String application =
        Platform.submitApplication(
            as("site-staff-fr").header("traceparent", "00-" + traceId + "-1111111111111111-01"),
            cohort,
            "FR-SEVRAN");

    ConsumerRecord<String, byte[]> event = awaitRecord("enrollment.events", application);
    String traceparent = header(event, "traceparent");
    // Same trace, the service's own span: the effect downstream joins the caller's trace.
    assertThat(traceparent).startsWith("00-" + traceId + "-").doesNotContain("1111111111111111");
    assertThat(header(event, "ce_type"))
        .isEqualTo("org.passerelle.enrollment.application-submitted.v1");
  }

  @Test
  void aPoisonEventIsParkedListedForAdminsAndItsRedriveSaysWhyItStillFails() throws Exception {
    UUID eventId = UUID.randomUUID();
    String aggregate = UUID.randomUUID().toString();
    ProducerRecord<String, byte[]> poison =
        new ProducerRecord<>(
            "enrollment.events",
            aggregate,
            ("{\"applicationId\":\""
                    + aggregate
                    + "\",\"learnerId\":\""
                    + UUID.randomUUID()
                    + "\",\"cohortId\":\"not-a-uuid\"}")
                .getBytes(StandardCharsets.UTF_8));
    poison.headers().add("ce_specversion", bytes("1.0"));
    poison.headers().add("ce_id", bytes(eventId.toString()));
    poison.headers().add("ce_source", bytes("/enrollment"));
    poison.headers().add("ce_type", bytes("org.passerelle.enrollment.application-submitted.v1"));
    poison.headers().add("ce_subject", bytes(aggregate));
    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer.send(poison).get();
    }

    String deadLetters = "/api/v1/event-consumers/cohort/dead-letters";
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                as("platform-admin")
                    .get(deadLetters + "?status=PARKED&size=100")
                    .then()
                    .statusCode(200)
                    .body("items.eventId", hasItem(eventId.toString())));
    as("platform-admin")
        .get(deadLetters + "/" + eventId)
        .then()
        .statusCode(200)
        .body("topic", equalTo("enrollment.events"))
        .body("subject", equalTo(aggregate))
        .body("error", containsString("not-a-uuid"))
        .body("data.cohortId", equalTo("not-a-uuid"));
    as("platform-admin")
        .post(deadLetters + "/" + eventId + "/redrive")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("not-a-uuid"));
    as("country-admin-fr").get(deadLetters).then().statusCode(403);
    as("platform-admin").get("/api/v1/event-consumers/nobody/dead-letters").then().statusCode(404);
  }

  @Test
  void everyServiceReportsItsRelayLagInReadiness() {
    for (String service : List.of("enrollment", "cohort", "partnership", "placement")) {
      given()
          .baseUri(Platform.get().service(service))
          .get("/q/health/ready")
          .then()
          .statusCode(200)
          .body(
              "checks.find { it.name == 'Outbox relay' }.data.topic", equalTo(service + ".events"));
      assertThat(
              given()
                  .baseUri(Platform.get().service(service))
                  .get("/q/metrics")
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString())
          .contains("passerelle_outbox_pending_rows{topic=\"" + service + ".events\"}");
    }
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static KafkaProducer<String, byte[]> producer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(config);
  }

  /**
   * The record of this aggregate on the topic. The outbox relay publishes after the service has
   * answered, so it may take a moment to appear.
   */
  private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String aggregate) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                TopicRecords.readAll(BOOTSTRAP, topic, Duration.ofSeconds(10)).stream()
                    .filter(record -> aggregate.equals(record.key()))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }
}
