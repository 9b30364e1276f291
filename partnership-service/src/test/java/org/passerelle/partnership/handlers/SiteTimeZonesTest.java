package org.passerelle.partnership.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.partnership.testing.Conventions.CONVENTIONS;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.partnership.service.ConventionLifecycleService;
import org.passerelle.partnership.testing.Announced;
import org.passerelle.partnership.testing.Conventions;

/**
 * The conventions job follows each site's own time zone, learnt from cohort-service's real
 * site-registered and site-changed through the broker (ADR 0024): a convention of an overseas site
 * starts on that site's day, one covering sites in several zones once its day began at all of them;
 * an older site version changes nothing.
 */
@QuarkusTest
class SiteTimeZonesTest {

  @Inject EntityManager entityManager;
  @Inject ConventionLifecycleService lifecycle;

  private void sendAndAwait(ProducerRecord<String, byte[]> record, UUID eventId) {
    BrokerEvents.send(record, record);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Api.count(
                        entityManager,
                        "select count(*) from inbox_event where event_id = '" + eventId + "'")
                    == 1);
  }

  private static void assertStatus(String convention, String status) {
    Api.as("country-admin-fr")
        .get(CONVENTIONS + "/" + convention)
        .then()
        .body("status", equalTo(status));
  }

  @Test
  void aConventionStartsOnItsSitesOwnDay() {
    String site = "FR-CAYENNE" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    UUID registered = UUID.randomUUID();
    sendAndAwait(Announced.site(registered, site, "America/Cayenne", 0), registered);
    // an older version of the site (here: a replay of an earlier zone) changes nothing
    UUID changed = UUID.randomUUID();
    sendAndAwait(Announced.site(changed, site, "Pacific/Kiritimati", 2), changed);
    UUID stale = UUID.randomUUID();
    sendAndAwait(Announced.site(stale, site, "Europe/Paris", 1), stale);
    assertThat(
            Api.count(
                entityManager,
                "select count(*) from site where code = '"
                    + site
                    + "' and time_zone = 'Pacific/Kiritimati' and version = 2"))
        .isEqualTo(1);
    UUID back = UUID.randomUUID();
    sendAndAwait(Announced.site(back, site, "America/Cayenne", 3), back);

    String partner = Conventions.partner("FR");
    LocalDate day = LocalDate.of(2032, 6, 1);
    String overseas =
        Conventions.draft(
            "country-admin-fr", partner, "FR", "\"" + site + "\"", day, day.plusYears(1));
    String mainland =
        Conventions.draft(
            "country-admin-fr", partner, "FR", "\"FR-SEVRAN\"", day, day.plusYears(1));
    String both =
        Conventions.draft(
            "country-admin-fr",
            partner,
            "FR",
            "\"FR-SEVRAN\", \"" + site + "\"",
            day,
            day.plusYears(1));
    for (String convention : new String[] {overseas, mainland, both}) {
      Conventions.sign("country-admin-fr", convention, LocalDate.now());
    }

    // 01:00 UTC: 3 a.m. in Sevran, still the day before in Cayenne (UTC-3)
    lifecycle.run("FR", Instant.parse("2032-06-01T01:00:00Z"));
    assertStatus(mainland, "ACTIVE");
    assertStatus(overseas, "SIGNED");
    assertStatus(both, "SIGNED");

    // 04:00 UTC: 1 a.m. in Cayenne, the day began everywhere
    lifecycle.run("FR", Instant.parse("2032-06-01T04:00:00Z"));
    assertStatus(overseas, "ACTIVE");
    assertStatus(both, "ACTIVE");
  }
}
