package org.passerelle.cohort.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.testing.Partners;
import org.passerelle.commons.testing.BrokerEvents;

/**
 * cohort-service learns the partners a cohort's funders may name from partnership-service's
 * partner-registered, through the real broker and its inbox: once, with its country, and neither a
 * redelivery nor a second announcement of the same partner changes anything.
 */
@QuarkusTest
class PartnerRegisteredTest {

  private static long known(UUID partner, String country) {
    return Partners.count(
        "select count(*) from known_partner where id = '"
            + partner
            + "' and country = '"
            + country
            + "'");
  }

  @Test
  void aPartnerIsLearnedOnceAndARedeliveryHasNoSecondEffect() {
    UUID first = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    UUID last = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    // One record key, so that they arrive in order on one partition.
    ProducerRecord<String, byte[]> registered = Partners.registered(eventId, first, first, "FR");
    // The same ce_id with other data: only the id says it is a redelivery, and that is enough.
    ProducerRecord<String, byte[]> redelivered = Partners.registered(eventId, first, other, "MA");
    // The same partner announced again under another id (a re-announcement) is no second partner.
    ProducerRecord<String, byte[]> again =
        Partners.registered(UUID.randomUUID(), first, first, "MA");
    ProducerRecord<String, byte[]> next = Partners.registered(UUID.randomUUID(), first, last, "MA");
    BrokerEvents.send(registered, registered, redelivered, again, next);
    UUID nextId = Partners.eventId(next);
    await().atMost(Duration.ofSeconds(60)).until(() -> Partners.applied(nextId) == 1);

    assertThat(Partners.applied(eventId)).isEqualTo(1);
    assertThat(Partners.applied(Partners.eventId(again))).isEqualTo(1);
    assertThat(known(first, "FR")).isEqualTo(1);
    assertThat(Partners.count("select count(*) from known_partner where id = '" + first + "'"))
        .isEqualTo(1);
    assertThat(Partners.count("select count(*) from known_partner where id = '" + other + "'"))
        .isZero();
    assertThat(known(last, "MA")).isEqualTo(1);
  }
}
