package org.passerelle.partnership.testing;

import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.passerelle.commons.testing.BrokerEvents;

/**
 * placement-recorded as placement-service's relay puts it on {@code placement.events} (its schema
 * is published ahead of the issue that emits it), sent through the real broker to this service's
 * real consumer.
 */
public final class Placements {

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
    return BrokerEvents.event(
        "placement", "placement-recorded", eventId, placementId.toString(), country, site, data);
  }
}
