package org.passerelle.placement.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.placement.testing.Announced;

/**
 * placement-service learns the partners and sites job offers may name from partnership-service's
 * and cohort-service's events, through the real broker and its inbox: once each, and an offer
 * naming one it has not learned yet is refused, not taken on trust.
 */
@QuarkusTest
class KnownPartnersAndSitesTest {

  static final String OFFERS = "/api/v1/job-offers";

  static String offer(UUID partnerId, String site) {
    return """
        {"partnerId": "%s", "employerName": "Numérique Solidaire", "title": "Data analyst",
         "contractType": "APPRENTICESHIP", "siteCode": "%s", "city": "Fès", "openings": 1}
        """
        .formatted(partnerId, site);
  }

  private static long offersOf(UUID partnerId) {
    return Announced.count("select count(*) from job_offer where partner_id = '" + partnerId + "'");
  }

  @Test
  void anOfferPostedBeforeThePartnerIsKnownIsRefusedAndTheSameRetryPassesOnceItIs() {
    Announced.demoPartnersAndSites();
    UUID partner = UUID.randomUUID();
    String key = "offer-" + UUID.randomUUID();
    Api.as("site-staff-ma")
        .header("Idempotency-Key", key)
        .body(offer(partner, "MA-FES"))
        .post(OFFERS)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("partnerId"));
    assertThat(offersOf(partner)).isZero();

    BrokerEvents.send(Announced.partnerRegistered(UUID.randomUUID(), partner, partner, "MA"));
    Announced.awaitPartner(partner);
    assertThat(
            Announced.count(
                "select count(*) from known_partner where id = '"
                    + partner
                    + "'"
                    + " and country = 'MA' and status = 'ACTIVE'"))
        .isEqualTo(1);
    // the refused attempt left its key free: the client's retry runs for real
    Api.as("site-staff-ma")
        .header("Idempotency-Key", key)
        .body(offer(partner, "MA-FES"))
        .post(OFFERS)
        .then()
        .statusCode(201)
        .body("partnerId", equalTo(partner.toString()));
    assertThat(offersOf(partner)).isEqualTo(1);
  }

  @Test
  void aRedeliveredPartnerRegisteredHasNoSecondEffect() {
    UUID first = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    UUID last = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    // One record key, so the three arrive in order on one partition.
    ProducerRecord<String, byte[]> registered =
        Announced.partnerRegistered(eventId, first, first, "FR");
    // The same ce_id with other data: only the id says it is a redelivery, and that is enough.
    ProducerRecord<String, byte[]> redelivered =
        Announced.partnerRegistered(eventId, first, other, "MA");
    ProducerRecord<String, byte[]> next =
        Announced.partnerRegistered(UUID.randomUUID(), first, last, "FR");
    BrokerEvents.send(registered, registered, redelivered, next);
    UUID nextId = Announced.eventId(next);
    await().atMost(Duration.ofSeconds(60)).until(() -> Announced.applied(nextId) == 1);

    assertThat(Announced.applied(eventId)).isEqualTo(1);
    assertThat(
            Announced.count(
                "select count(*) from known_partner where id = '"
                    + first
                    + "'"
                    + " and country = 'FR'"))
        .isEqualTo(1);
    assertThat(Announced.count("select count(*) from known_partner where id = '" + other + "'"))
        .isZero();
    assertThat(Announced.count("select count(*) from known_partner where id = '" + last + "'"))
        .isEqualTo(1);
  }

  @Test
  void aSiteIsKnownOnceAnnouncedAndItsRedeliveryChangesNothing() {
    Announced.demoPartnersAndSites();
    String site = "MA-T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    Api.as("country-admin-ma")
        .body(offer(Announced.PARTNER_MA, site))
        .post(OFFERS)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("siteCode"));

    ProducerRecord<String, byte[]> registered = Announced.siteRegistered(UUID.randomUUID(), site);
    BrokerEvents.send(registered, registered);
    // The same site announced again under another id (e.g. a re-announcement) is no second site.
    ProducerRecord<String, byte[]> again = Announced.siteRegistered(UUID.randomUUID(), site);
    BrokerEvents.send(again);
    UUID againId = Announced.eventId(again);
    await().atMost(Duration.ofSeconds(60)).until(() -> Announced.applied(againId) == 1);
    assertThat(Announced.applied(Announced.eventId(registered))).isEqualTo(1);
    assertThat(
            Announced.count(
                "select count(*) from known_site where code = '" + site + "' and country = 'MA'"))
        .isEqualTo(1);

    Api.as("country-admin-ma")
        .body(offer(Announced.PARTNER_MA, site))
        .post(OFFERS)
        .then()
        .statusCode(201)
        .body("siteCode", equalTo(site));
  }

  private static long partnersWhere(UUID partnerId, String condition) {
    return Announced.count(
        "select count(*) from known_partner where id = '" + partnerId + "' and " + condition);
  }

  @Test
  void anInactivePartnerIsRefusedUntilItIsActiveAgainAndAnOlderChangeNeverTakesItBack() {
    Announced.demoPartnersAndSites();
    UUID partner = UUID.randomUUID();
    BrokerEvents.send(Announced.partnerRegistered(UUID.randomUUID(), partner, partner, "MA"));
    ProducerRecord<String, byte[]> inactive =
        Announced.partnerChanged(UUID.randomUUID(), partner, "MA", "INACTIVE", 1);
    BrokerEvents.send(inactive);
    UUID inactiveId = Announced.eventId(inactive);
    await().atMost(Duration.ofSeconds(60)).until(() -> Announced.applied(inactiveId) == 1);
    assertThat(partnersWhere(partner, "status = 'INACTIVE' and version = 1")).isEqualTo(1);

    Api.as("site-staff-ma")
        .body(offer(partner, "MA-FES"))
        .post(OFFERS)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("partnerId"));
    assertThat(offersOf(partner)).isZero();

    // Active again at version 2, then the version-1 change redelivered (same id) and replayed
    // (another id): neither takes the partner back to INACTIVE.
    ProducerRecord<String, byte[]> active =
        Announced.partnerChanged(UUID.randomUUID(), partner, "MA", "ACTIVE", 2);
    ProducerRecord<String, byte[]> replayed =
        Announced.partnerChanged(UUID.randomUUID(), partner, "MA", "INACTIVE", 1);
    ProducerRecord<String, byte[]> sameVersion =
        Announced.partnerChanged(UUID.randomUUID(), partner, "MA", "INACTIVE", 2);
    BrokerEvents.send(active, inactive, replayed, sameVersion);
    UUID lastId = Announced.eventId(sameVersion);
    await().atMost(Duration.ofSeconds(60)).until(() -> Announced.applied(lastId) == 1);
    assertThat(Announced.applied(Announced.eventId(replayed))).isEqualTo(1);
    assertThat(Announced.applied(inactiveId)).isEqualTo(1);
    assertThat(partnersWhere(partner, "status = 'ACTIVE' and version = 2")).isEqualTo(1);

    Api.as("site-staff-ma")
        .body(offer(partner, "MA-FES"))
        .post(OFFERS)
        .then()
        .statusCode(201)
        .body("partnerId", equalTo(partner.toString()));
    assertThat(offersOf(partner)).isEqualTo(1);
  }

  @Test
  void aPartnerNeverRegisteredHereIsLearnedFromItsChangeAndALateRegistrationChangesNothing() {
    UUID partner = UUID.randomUUID();
    ProducerRecord<String, byte[]> inactive =
        Announced.partnerChanged(UUID.randomUUID(), partner, "FR", "INACTIVE", 3);
    ProducerRecord<String, byte[]> registered =
        Announced.partnerRegistered(UUID.randomUUID(), partner, partner, "FR");
    BrokerEvents.send(inactive, registered);
    UUID registeredId = Announced.eventId(registered);
    await().atMost(Duration.ofSeconds(60)).until(() -> Announced.applied(registeredId) == 1);
    assertThat(partnersWhere(partner, "country = 'FR' and status = 'INACTIVE' and version = 3"))
        .isEqualTo(1);
  }
}
