package org.passerelle.commons.testing;

import jakarta.enterprise.inject.spi.CDI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.events.KafkaClients;

/**
 * Another service's event as its outbox relay puts it on its topic (binary CloudEvent: data as the
 * value, the envelope in headers), sent through the real broker to the service under test.
 */
public final class BrokerEvents {

  private BrokerEvents() {}

  /**
   * One event of {@code producer} (e.g. {@code cohort}), version 1.
   *
   * @param site the site extension, or null for a country-wide fact
   */
  public static ProducerRecord<String, byte[]> event(
      String producer,
      String name,
      java.util.UUID eventId,
      String key,
      String country,
      String site,
      String data) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(producer + ".events", key, bytes(data));
    record
        .headers()
        .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"))
        .add(CloudEventHeaders.ID, bytes(eventId.toString()))
        .add(CloudEventHeaders.SOURCE, bytes("/" + producer))
        .add(CloudEventHeaders.TYPE, bytes("org.passerelle." + producer + "." + name + ".v1"))
        .add(CloudEventHeaders.SUBJECT, bytes(key))
        .add(CloudEventHeaders.COUNTRY, bytes(country));
    if (site != null) {
      record.headers().add(CloudEventHeaders.SITE, bytes(site));
    }
    return record;
  }

  /** Sends the records in order and waits until the broker has each. */
  @SafeVarargs
  public static void send(ProducerRecord<String, byte[]>... records) {
    KafkaClients kafka = CDI.current().select(KafkaClients.class).get();
    try (KafkaProducer<String, byte[]> producer = kafka.producer("test-events")) {
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
