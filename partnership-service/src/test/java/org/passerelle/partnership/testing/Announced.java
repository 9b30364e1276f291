package org.passerelle.partnership.testing;

import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.passerelle.commons.testing.BrokerEvents;

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

  public static ProducerRecord<String, byte[]> learnerAccountLinked(
      UUID eventId, UUID learnerId, String accountSubject, String country, String linkedAt) {
    String data =
        """
        {"learnerId":"%s","accountSubject":"%s","country":"%s","linkedAt":"%s"}
        """
            .formatted(learnerId, accountSubject, country, linkedAt);
    return record("enrollment", eventId, "learner-account-linked", learnerId, country + "-X", data);
  }

  /** cohort-service's site-registered ({@code version} 0) or site-changed (a later version). */
  public static ProducerRecord<String, byte[]> site(
      UUID eventId, String site, String timeZone, long version) {
    String data =
        """
        {"site":"%s","name":"Site %s","city":"Ville","region":"Région","country":"%s",
         "timeZone":"%s","version":%d}
        """
            .formatted(site, site, site.substring(0, 2), timeZone, version);
    return BrokerEvents.event(
        "cohort",
        version == 0 ? "site-registered" : "site-changed",
        eventId,
        site,
        site.substring(0, 2),
        site,
        data);
  }

  private static ProducerRecord<String, byte[]> record(
      String producer, UUID eventId, String event, UUID key, String site, String data) {
    return BrokerEvents.event(
        producer,
        event,
        eventId,
        key.toString(),
        site.substring(0, 2),
        site.endsWith("-X") ? null : site,
        data);
  }
}
