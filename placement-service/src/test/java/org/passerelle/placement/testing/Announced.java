package org.passerelle.placement.testing;

import static org.awaitility.Awaitility.await;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;

/**
 * What partnership-service and cohort-service announce, as their relays put it on their topics:
 * placement-service learns the partners and sites job offers may name only from these events, sent
 * here through the real broker to its real consumer.
 */
public final class Announced {

  public static final String PARTNERSHIP_TOPIC = "partnership.events";
  public static final String COHORT_TOPIC = "cohort.events";
  public static final String PARTNER_REGISTERED =
      "org.passerelle.partnership.partner-registered.v1";
  public static final String PARTNER_CHANGED = "org.passerelle.partnership.partner-changed.v1";
  public static final String SITE_REGISTERED = "org.passerelle.cohort.site-registered.v1";

  /** The demo partner organisations of partner-fr and partner-ma (their tokens' partner_id). */
  public static final UUID PARTNER_FR = UUID.fromString("11111111-1111-4111-8111-111111111111");

  public static final UUID PARTNER_MA = UUID.fromString("22222222-2222-4222-8222-222222222222");

  private static final List<String> SITES = List.of("FR-SEVRAN", "FR-CERGY", "MA-FES");
  private static volatile boolean demoKnown;

  private Announced() {}

  /**
   * The demo partners and the sites the tests use are known to placement-service: announced once
   * per test run (its database starts empty), then awaited.
   */
  public static synchronized void demoPartnersAndSites() {
    if (demoKnown) {
      return;
    }
    BrokerEvents.send(
        partnerRegistered(UUID.randomUUID(), PARTNER_FR, PARTNER_FR, "FR"),
        partnerRegistered(UUID.randomUUID(), PARTNER_MA, PARTNER_MA, "MA"));
    for (String site : SITES) {
      BrokerEvents.send(siteRegistered(UUID.randomUUID(), site));
    }
    awaitPartner(PARTNER_FR);
    awaitPartner(PARTNER_MA);
    SITES.forEach(Announced::awaitSite);
    demoKnown = true;
  }

  /**
   * partner-registered as partnership-service emits it, keyed by {@code key} (the partner's id when
   * it is a real one).
   */
  public static ProducerRecord<String, byte[]> partnerRegistered(
      UUID eventId, UUID key, UUID partnerId, String country) {
    String data =
        """
        {"partnerId":"%s","name":"Atelier Web","kind":"EMPLOYER","country":"%s"}
        """
            .formatted(partnerId, country);
    return record(
        PARTNERSHIP_TOPIC, eventId, PARTNER_REGISTERED, "/partnership", key, country, null, data);
  }

  /** partner-changed as partnership-service emits it: the whole partner, keyed by its id. */
  public static ProducerRecord<String, byte[]> partnerChanged(
      UUID eventId, UUID partnerId, String country, String status, long version) {
    String data =
        """
        {"partnerId":"%s","name":"Atelier Web","kind":"EMPLOYER","roles":["EMPLOYER"],
         "country":"%s","registrationNumber":null,"status":"%s","sector":null,"address":null,
         "sites":[],"version":%d,"changedAt":"2026-12-05T09:00:00Z"}
        """
            .formatted(partnerId, country, status, version);
    return record(
        PARTNERSHIP_TOPIC,
        eventId,
        PARTNER_CHANGED,
        "/partnership",
        partnerId,
        country,
        null,
        data);
  }

  /** site-registered as cohort-service emits it, keyed by the site's name-based UUID. */
  public static ProducerRecord<String, byte[]> siteRegistered(UUID eventId, String code) {
    String country = code.substring(0, 2);
    String data =
        """
        {"site":"%s","name":"École du numérique","city":"Ville","region":"Région",
         "country":"%s","timeZone":"%s","version":0}
        """
            .formatted(code, country, country.equals("FR") ? "Europe/Paris" : "Africa/Casablanca");
    UUID key = UUID.nameUUIDFromBytes(("site:" + code).getBytes(StandardCharsets.UTF_8));
    return record(COHORT_TOPIC, eventId, SITE_REGISTERED, "/cohort", key, country, code, data);
  }

  public static long count(String sql) {
    return Api.count(CDI.current().select(EntityManager.class).get(), sql);
  }

  public static void awaitPartner(UUID partnerId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> count("select count(*) from known_partner where id = '" + partnerId + "'") == 1);
  }

  public static void awaitSite(String code) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> count("select count(*) from known_site where code = '" + code + "'") == 1);
  }

  /** Whether placement-service's consumer applied this event (its inbox row). */
  public static long applied(UUID eventId) {
    return count("select count(*) from inbox_event where event_id = '" + eventId + "'");
  }

  public static UUID eventId(ProducerRecord<String, byte[]> record) {
    return UUID.fromString(
        new String(
            record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8));
  }

  private static ProducerRecord<String, byte[]> record(
      String topic,
      UUID eventId,
      String type,
      String source,
      UUID key,
      String country,
      String site,
      String data) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, key.toString(), data.getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"))
        .add(CloudEventHeaders.ID, bytes(eventId.toString()))
        .add(CloudEventHeaders.SOURCE, bytes(source))
        .add(CloudEventHeaders.TYPE, bytes(type))
        .add(CloudEventHeaders.SUBJECT, bytes(key.toString()))
        .add(CloudEventHeaders.COUNTRY, bytes(country));
    if (site != null) {
      record.headers().add(CloudEventHeaders.SITE, bytes(site));
    }
    return record;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
