package org.passerelle.partnership.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.partnership.testing.Conventions.COMMITMENTS;
import static org.passerelle.partnership.testing.Conventions.assertEmitted;
import static org.passerelle.partnership.testing.Conventions.commitment;
import static org.passerelle.partnership.testing.Conventions.count;
import static org.passerelle.partnership.testing.Conventions.draft;
import static org.passerelle.partnership.testing.Conventions.sign;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.passerelle.commons.events.CloudEventHeaders;
import org.passerelle.commons.testing.Api;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.partnership.testing.Conventions;
import org.passerelle.partnership.testing.Placements;

/**
 * A hiring commitment fulfilled by placements: real placement-recorded events, sent through the
 * broker to the inbox consumer, each counted once for the commitments of its employer's signed
 * conventions covering its site and start date; the placements are the evidence.
 */
@QuarkusTest
class PlacementRecordedTest {

  private static long inbox(UUID eventId) {
    return count("select count(*) from inbox_event where event_id = '" + eventId + "'");
  }

  private static UUID eventId(ProducerRecord<String, byte[]> record) {
    return UUID.fromString(
        new String(
            record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8));
  }

  @Test
  void placementsWithThePartnerFulfilItsHiringCommitmentOnceEach() {
    String partner = Conventions.partner("FR");
    LocalDate start = LocalDate.now().minusMonths(6);
    String convention =
        draft("country-admin-fr", partner, "FR", "\"FR-SEVRAN\"", start, start.plusYears(2));
    sign("country-admin-fr", convention, start);
    String hires = commitment("country-admin-fr", convention, "HIRES", "2", start.plusYears(1));
    String apprentices =
        commitment(
            "country-admin-fr", convention, "APPRENTICESHIP_PLACES", "5", start.plusYears(1));

    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    UUID firstEvent = UUID.randomUUID();
    UUID lastEvent = UUID.randomUUID();
    var firstPlacement =
        Placements.recorded(firstEvent, first, partner, "CDI", "FR-SEVRAN", start.plusDays(10));
    List<ProducerRecord<String, byte[]>> records =
        List.of(
            firstPlacement,
            // the same event delivered again, and the same placement under another event id
            firstPlacement,
            Placements.recorded(
                UUID.randomUUID(), first, partner, "CDI", "FR-SEVRAN", start.plusDays(10)),
            // not counted: another site, before the convention, no partner employer, freelance
            Placements.recorded(
                UUID.randomUUID(),
                UUID.randomUUID(),
                partner,
                "CDI",
                "FR-CERGY",
                start.plusDays(3)),
            Placements.recorded(
                UUID.randomUUID(),
                UUID.randomUUID(),
                partner,
                "CDD",
                "FR-SEVRAN",
                start.minusDays(3)),
            Placements.recorded(
                UUID.randomUUID(), UUID.randomUUID(), null, "CDI", "FR-SEVRAN", start.plusDays(3)),
            Placements.recorded(
                UUID.randomUUID(),
                UUID.randomUUID(),
                partner,
                "FREELANCE",
                "FR-SEVRAN",
                start.plusDays(3)),
            Placements.recorded(
                UUID.randomUUID(),
                UUID.randomUUID(),
                partner,
                null,
                "FR-SEVRAN",
                start.plusDays(3)),
            // counted towards apprenticeship places, not hires
            Placements.recorded(
                UUID.randomUUID(),
                UUID.randomUUID(),
                partner,
                "PROFESSIONALISATION",
                "FR-SEVRAN",
                start.plusDays(4)),
            Placements.recorded(
                lastEvent, second, partner, "TEMPORARY", "FR-SEVRAN", start.plusDays(20)));
    records.forEach(BrokerEvents::send);
    Set<UUID> eventIds = new HashSet<>();
    records.forEach(record -> eventIds.add(eventId(record)));
    assertThat(eventIds).hasSize(records.size() - 1);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> eventIds.stream().allMatch(id -> inbox(id) == 1));

    Api.as("partner-fr")
        .get(COMMITMENTS + "/" + hires)
        .then()
        .statusCode(404); // partner-fr is another organisation
    Api.as("country-admin-fr")
        .get(COMMITMENTS + "/" + hires)
        .then()
        .statusCode(200)
        .body("status", equalTo("FULFILLED"))
        .body("progress", equalTo(2.0f))
        .body("evidence.source", equalTo(List.of("PLACEMENT", "PLACEMENT")))
        .body("evidence.reference", equalTo(List.of(first.toString(), second.toString())));
    Api.as("site-staff-fr")
        .get(COMMITMENTS + "/" + apprentices)
        .then()
        .statusCode(200)
        .body("status", equalTo("OPEN"))
        .body("progress", equalTo(1.0f));
    assertEmitted("commitment-progressed", hires, 2);
    assertEmitted("commitment-fulfilled", hires, 1);
    assertEmitted("commitment-progressed", apprentices, 1);
    assertThat(
            count("select count(*) from commitment_evidence where commitment_id = '" + hires + "'"))
        .isEqualTo(2);
  }
}
