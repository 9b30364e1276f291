package org.passerelle.cohort.testing;

import static org.awaitility.Awaitility.await;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.inbox.InboxConsumer;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;

/**
 * partnership-service's partner-registered, as its relay puts it on partnership.events:
 * cohort-service learns the partners a cohort's funders may name only from it, sent here through
 * the real broker to its real consumer.
 */
public final class Partners {

  private Partners() {}

  /** A new partner of this country, registered and awaited until cohort-service knows it. */
  public static UUID known(String country) {
    UUID partner = UUID.randomUUID();
    BrokerEvents.send(registered(UUID.randomUUID(), partner, partner, country));
    awaitKnown(partner);
    return partner;
  }

  /**
   * partner-registered as partnership-service emits it, keyed by {@code key} (the partner's id when
   * it is a real one), with a field added later that the consumer ignores.
   */
  public static ProducerRecord<String, byte[]> registered(
      UUID eventId, UUID key, UUID partnerId, String country) {
    String data =
        """
        {"partnerId":"%s","name":"Fondation Numérique","kind":"FUNDER","country":"%s",
         "aFieldAddedLater":{"ignored":true}}
        """
            .formatted(partnerId, country);
    return BrokerEvents.event(
        "partnership", "partner-registered", eventId, key.toString(), country, null, data);
  }

  /**
   * partner-changed as partnership-service emits it (the whole partner), keyed by the partner's id,
   * with a field added later that the consumer ignores.
   */
  public static ProducerRecord<String, byte[]> changed(
      UUID eventId, UUID partnerId, String country, String name, String status, long version) {
    String data =
        """
        {"partnerId":"%s","name":"%s","kind":"FUNDER","roles":["FUNDER"],"country":"%s",
         "registrationNumber":null,"status":"%s","sector":null,"address":null,"sites":[],
         "version":%d,"changedAt":"2026-12-05T10:00:00Z","aFieldAddedLater":{"ignored":true}}
        """
            .formatted(partnerId, name, country, status, version);
    return BrokerEvents.event(
        "partnership", "partner-changed", eventId, partnerId.toString(), country, null, data);
  }

  /** Sends these partner events in order and waits until cohort-service applied the last one. */
  public static void sendAndAwait(List<ProducerRecord<String, byte[]>> records) {
    for (ProducerRecord<String, byte[]> record : records) {
      BrokerEvents.send(record);
    }
    UUID last = eventId(records.getLast());
    await().atMost(Duration.ofSeconds(60)).until(() -> applied(last) == 1);
  }

  public static void awaitKnown(UUID partnerId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> count("select count(*) from known_partner where id = '" + partnerId + "'") == 1);
  }

  /** Whether cohort-service's consumer applied this event (its inbox row). */
  public static long applied(UUID eventId) {
    String consumer = CDI.current().select(InboxConsumer.class).get().consumerName();
    return count(
        "select count(*) from inbox_event where consumer = '"
            + consumer
            + "' and event_id = '"
            + eventId
            + "'");
  }

  public static long count(String sql) {
    return Api.count(CDI.current().select(EntityManager.class).get(), sql);
  }

  public static UUID eventId(ProducerRecord<String, byte[]> record) {
    return UUID.fromString(
        new String(
            record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8));
  }
}
