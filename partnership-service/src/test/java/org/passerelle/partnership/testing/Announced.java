package org.passerelle.partnership.testing;

import jakarta.enterprise.inject.spi.CDI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.KafkaClients;

/**
 * What cohort-service and enrollment-service announce about learners, as their relays put it on
 * their topics, sent through the real broker to partnership-service's real consumers.
 */
public final class Announced {

  private Announced() {}

  public static ProducerRecord<String, byte[]> learnerWithdrew(
      UUID eventId, UUID learnerId, String site) {
    String data =
        """
        {"cohortId":"%s","learnerId":"%s","applicationId":"%s","programmeCode":"WEB-DEV",
         "site":"%s","country":"%s","exitReason":"FOUND_JOB",
         "withdrawnAt":"2026-12-01T10:00:00Z","beforeStart":false}
        """
            .formatted(UUID.randomUUID(), learnerId, UUID.randomUUID(), site, site.substring(0, 2));
    return record("cohort", eventId, "learner-withdrew", learnerId, site, data);
  }

  public static ProducerRecord<String, byte[]> learnerCompleted(
      UUID eventId, UUID learnerId, String site) {
    String data =
        """
        {"cohortId":"%s","learnerId":"%s","applicationId":"%s","programmeCode":"WEB-DEV",
         "site":"%s","country":"%s","completedAt":"2026-12-01T10:00:00Z",
         "certification":{"outcome":"CERTIFIED","framework":"RNCP","code":"RNCP37273","level":5,
          "blocks":["BC01","BC02"],"certifiedOn":"2026-11-30"}}
        """
            .formatted(UUID.randomUUID(), learnerId, UUID.randomUUID(), site, site.substring(0, 2));
    return record("cohort", eventId, "learner-completed", learnerId, site, data);
  }

  public static ProducerRecord<String, byte[]> applicantErased(
      UUID eventId, UUID learnerId, String country) {
    String data =
        """
        {"learnerId":"%s","country":"%s","erasedAt":"2026-12-01T10:00:00Z"}
        """
            .formatted(learnerId, country);
    return record("enrollment", eventId, "applicant-erased", learnerId, country + "-X", data);
  }

  @SafeVarargs
  public static void send(ProducerRecord<String, byte[]>... records) {
    KafkaClients kafka = CDI.current().select(KafkaClients.class).get();
    try (KafkaProducer<String, byte[]> producer = kafka.producer("partnership-test")) {
      for (ProducerRecord<String, byte[]> record : records) {
        producer.send(record).get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the broker refused a test event", e);
    }
  }

  private static ProducerRecord<String, byte[]> record(
      String producer, UUID eventId, String event, UUID key, String site, String data) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            producer + ".events", key.toString(), data.getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"))
        .add(CloudEventHeaders.ID, bytes(eventId.toString()))
        .add(CloudEventHeaders.SOURCE, bytes("/" + producer))
        .add(CloudEventHeaders.TYPE, bytes("org.passerelle." + producer + "." + event + ".v1"))
        .add(CloudEventHeaders.SUBJECT, bytes(key.toString()))
        .add(CloudEventHeaders.COUNTRY, bytes(site.substring(0, 2)));
    if (!site.endsWith("-X")) {
      record.headers().add(CloudEventHeaders.SITE, bytes(site));
    }
    return record;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
