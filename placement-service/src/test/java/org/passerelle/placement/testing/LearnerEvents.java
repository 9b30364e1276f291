package org.passerelle.placement.testing;

import static org.awaitility.Awaitility.await;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.commons.testing.Tokens;

/**
 * What enrollment-service and cohort-service announce about a learner, exactly in their schemas,
 * sent through the real broker to placement-service's real consumers: the learner projection, the
 * follow-ups and the placements to confirm start from these.
 */
public final class LearnerEvents {

  public static final String FOLLOW_UP = "FOLLOW_UP_CONTACT";
  public static final String CV_SHARING = "CV_SHARING";

  private LearnerEvents() {}

  /** A learner of a site, with the cohort they were seated in. */
  public record Trainee(UUID learnerId, UUID cohortId, String site) {

    public String country() {
      return site.substring(0, 2);
    }

    public static Trainee at(String site) {
      return new Trainee(UUID.randomUUID(), UUID.randomUUID(), site);
    }
  }

  public static ProducerRecord<String, byte[]> applicationEnrolled(
      Trainee trainee, OffsetDateTime at, String... purposes) {
    String data =
        """
        {"applicationId":"%s","learnerId":"%s","cohortId":"%s","site":"%s","country":"%s",
         "occurredAt":"%s","gender":"FEMALE","ageBand":"18_25","educationLevel":"BAC",
         "jobSeeker":true,"priorityPublics":[],"consentedPurposes":%s}
        """
            .formatted(
                UUID.randomUUID(),
                trainee.learnerId(),
                trainee.cohortId(),
                trainee.site(),
                trainee.country(),
                at,
                list(purposes));
    return BrokerEvents.event(
        "enrollment",
        "application-enrolled",
        UUID.randomUUID(),
        trainee.learnerId().toString(),
        trainee.country(),
        trainee.site(),
        data);
  }

  public static ProducerRecord<String, byte[]> learnerEnrolled(Trainee trainee, OffsetDateTime at) {
    String data =
        """
        {"cohortId":"%s","learnerId":"%s","applicationId":"%s","programmeCode":"DEV-WEB",
         "site":"%s","country":"%s","enrolledAt":"%s"}
        """
            .formatted(
                trainee.cohortId(),
                trainee.learnerId(),
                UUID.randomUUID(),
                trainee.site(),
                trainee.country(),
                at);
    return cohort("learner-enrolled", trainee.cohortId(), trainee, data);
  }

  public static ProducerRecord<String, byte[]> learnerTransferred(
      Trainee from, Trainee to, OffsetDateTime at) {
    String data =
        """
        {"fromCohortId":"%s","toCohortId":"%s","learnerId":"%s","applicationId":"%s",
         "programmeCode":"DEV-WEB","fromSite":"%s","toSite":"%s","country":"%s",
         "transferredAt":"%s"}
        """
            .formatted(
                from.cohortId(),
                to.cohortId(),
                from.learnerId(),
                UUID.randomUUID(),
                from.site(),
                to.site(),
                from.country(),
                at);
    return cohort("learner-transferred", from.cohortId(), from, data);
  }

  public static ProducerRecord<String, byte[]> learnerCompleted(
      Trainee trainee, OffsetDateTime at) {
    String data =
        """
        {"cohortId":"%s","learnerId":"%s","applicationId":"%s","programmeCode":"DEV-WEB",
         "site":"%s","country":"%s","completedAt":"%s",
         "certification":{"outcome":"CERTIFIED","framework":"RNCP","code":"RNCP37674",
          "level":5,"blocks":["BC01","BC02"],"certifiedOn":"%s"}}
        """
            .formatted(
                trainee.cohortId(),
                trainee.learnerId(),
                UUID.randomUUID(),
                trainee.site(),
                trainee.country(),
                at,
                at.toLocalDate());
    return cohort("learner-completed", trainee.cohortId(), trainee, data);
  }

  public static ProducerRecord<String, byte[]> learnerWithdrew(
      Trainee trainee, OffsetDateTime at, String reason, boolean beforeStart) {
    String data =
        """
        {"cohortId":"%s","learnerId":"%s","applicationId":"%s","programmeCode":"DEV-WEB",
         "site":"%s","country":"%s","exitReason":"%s","withdrawnAt":"%s","beforeStart":%s}
        """
            .formatted(
                trainee.cohortId(),
                trainee.learnerId(),
                UUID.randomUUID(),
                trainee.site(),
                trainee.country(),
                reason,
                at,
                beforeStart);
    return cohort("learner-withdrew", trainee.cohortId(), trainee, data);
  }

  public static ProducerRecord<String, byte[]> consentChanged(
      Trainee trainee, OffsetDateTime at, String... purposes) {
    String data =
        """
        {"learnerId":"%s","country":"%s","consentedPurposes":%s,"occurredAt":"%s"}
        """
            .formatted(trainee.learnerId(), trainee.country(), list(purposes), at);
    return enrollment("consent-changed", trainee, data);
  }

  public static ProducerRecord<String, byte[]> accountLinked(Trainee trainee, String subject) {
    // now: later than the links enrollment's own tests published earlier in the run
    return accountLinked(trainee, subject, OffsetDateTime.now().toString());
  }

  public static ProducerRecord<String, byte[]> accountLinked(
      Trainee trainee, String subject, String linkedAt) {
    String data =
        """
        {"learnerId":"%s","accountSubject":"%s","country":"%s","linkedAt":"%s"}
        """
            .formatted(trainee.learnerId(), subject, trainee.country(), linkedAt);
    return enrollment("learner-account-linked", trainee, data);
  }

  public static ProducerRecord<String, byte[]> applicantErased(Trainee trainee) {
    String data =
        """
        {"learnerId":"%s","country":"%s","erasedAt":"2026-12-02T09:00:00Z"}
        """
            .formatted(trainee.learnerId(), trainee.country());
    return enrollment("applicant-erased", trainee, data);
  }

  /**
   * A learner enrolled at the trainee's site with these consents, their account (if a demo user is
   * named, e.g. learner-fr) linked, all applied.
   */
  public static void enrolled(Trainee trainee, String accountUser, String... purposes) {
    OffsetDateTime at = OffsetDateTime.parse("2026-01-05T09:00:00Z");
    BrokerEvents.send(learnerEnrolled(trainee, at), applicationEnrolled(trainee, at, purposes));
    if (accountUser != null) {
      BrokerEvents.send(accountLinked(trainee, Tokens.subject(accountUser)));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  Announced.count(
                          "select count(*) from learner where learner_id = '"
                              + trainee.learnerId()
                              + "' and account_subject = '"
                              + Tokens.subject(accountUser)
                              + "' and consents_as_of is not null and programme_code is not null")
                      == 1);
    } else {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  Announced.count(
                          "select count(*) from learner where learner_id = '"
                              + trainee.learnerId()
                              + "' and consents_as_of is not null and programme_code is not null")
                      == 1);
    }
  }

  /** The first column of a query's rows, as text. */
  public static List<String> rows(String sql) {
    EntityManager entityManager = CDI.current().select(EntityManager.class).get();
    List<?> rows = entityManager.createNativeQuery(sql).getResultList();
    return rows.stream().map(String::valueOf).toList();
  }

  /** Waits until the consumer applied this event (its inbox row). */
  public static void applied(ProducerRecord<String, byte[]> record) {
    UUID id = Announced.eventId(record);
    await().atMost(Duration.ofSeconds(60)).until(() -> Announced.applied(id) >= 1);
  }

  private static ProducerRecord<String, byte[]> cohort(
      String name, UUID key, Trainee trainee, String data) {
    return BrokerEvents.event(
        "cohort", name, UUID.randomUUID(), key.toString(), trainee.country(), trainee.site(), data);
  }

  private static ProducerRecord<String, byte[]> enrollment(
      String name, Trainee trainee, String data) {
    return BrokerEvents.event(
        "enrollment",
        name,
        UUID.randomUUID(),
        trainee.learnerId().toString(),
        trainee.country(),
        null,
        data);
  }

  private static String list(String... values) {
    return List.of(values).stream()
        .map(value -> "\"" + value + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
