package org.passerelle.partnership.testing;

import jakarta.enterprise.inject.spi.CDI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.KafkaClients;

/**
 * placement-recorded as placement-service's relay puts it on {@code placement.events} (its schema
 * is published ahead of the issue that emits it), sent through the real broker to this service's
 * real consumer.
 */
public final class Placements {

  public static final String TOPIC = "placement.events";
  public static final String TYPE = "org.passerelle.placement.placement-recorded.v1";

  private Placements() {}

  /**
   * A placement of a learner trained at {@code site} with {@code employer} (null: not a partner).
   */
  public static ProducerRecord<String, byte[]> recorded(
      UUID eventId,
      UUID placementId,
      String employer,
      String contractType,
      String site,
      LocalDate startDate) {
    String country = site.substring(0, 2);
    String data =
        """
        {"placementId":"%s","learnerId":"%s","situation":"EMPLOYED","employerPartnerId":%s,
         "contractType":%s,"durationMonths":null,"startDate":"%s","durableEmployment":true,
         "site":"%s","country":"%s","source":"CANDIDACY","occurredAt":"%sT09:00:00Z"}
        """
            .formatted(
                placementId,
                UUID.randomUUID(),
                employer == null ? "null" : "\"" + employer + "\"",
                contractType == null ? "null" : "\"" + contractType + "\"",
                startDate,
                site,
                country,
                startDate);
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(TOPIC, placementId.toString(), data.getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"))
        .add(CloudEventHeaders.ID, bytes(eventId.toString()))
        .add(CloudEventHeaders.SOURCE, bytes("/placement"))
        .add(CloudEventHeaders.TYPE, bytes(TYPE))
        .add(CloudEventHeaders.SUBJECT, bytes(placementId.toString()))
        .add(CloudEventHeaders.COUNTRY, bytes(country))
        .add(CloudEventHeaders.SITE, bytes(site));
    return record;
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

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
