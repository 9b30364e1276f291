package org.passerelle.placement.testing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.passerelle.commons.testing.BrokerEvents;
import org.passerelle.placement.testing.LearnerEvents.Trainee;

/**
 * What enrollment-service and cohort-service announce that the impact indicators count, exactly in
 * their schemas: a learner's declared categories, a certification's blocks, attendance at the exit,
 * cohorts' dates and funders, applications. Sent through the real broker to placement-service's
 * real consumers, like {@link LearnerEvents}.
 */
public final class IndicatorEvents {

  private IndicatorEvents() {}

  /** A person's declared categories, as application-enrolled sends them. */
  public record Categories(
      String gender,
      String ageBand,
      String educationLevel,
      boolean jobSeeker,
      List<String> priorityPublics) {}

  /** A learner's attendance as learner-completed and learner-withdrew send it. */
  public record Attendance(int sessionDays, int attendedDays) {}

  public static ProducerRecord<String, byte[]> applicationEnrolled(
      Trainee trainee, OffsetDateTime at, Categories categories) {
    String data =
        """
        {"applicationId":"%s","learnerId":"%s","cohortId":"%s","site":"%s","country":"%s",
         "occurredAt":"%s","gender":"%s","ageBand":"%s","educationLevel":%s,
         "jobSeeker":%s,"priorityPublics":%s,"consentedPurposes":["FOLLOW_UP_CONTACT"]}
        """
            .formatted(
                UUID.randomUUID(),
                trainee.learnerId(),
                trainee.cohortId(),
                trainee.site(),
                trainee.country(),
                at,
                categories.gender(),
                categories.ageBand(),
                categories.educationLevel() == null
                    ? "null"
                    : "\"" + categories.educationLevel() + "\"",
                categories.jobSeeker(),
                list(categories.priorityPublics()));
    return BrokerEvents.event(
        "enrollment",
        "application-enrolled",
        UUID.randomUUID(),
        trainee.learnerId().toString(),
        trainee.country(),
        trainee.site(),
        data);
  }

  /** learner-completed with this outcome and these blocks; attendance null: an older event's. */
  public static ProducerRecord<String, byte[]> learnerCompleted(
      Trainee trainee,
      OffsetDateTime at,
      String outcome,
      List<String> blocks,
      Attendance attendance) {
    String data =
        """
        {"cohortId":"%s","learnerId":"%s","applicationId":"%s","programmeCode":"DEV-WEB",
         "site":"%s","country":"%s","completedAt":"%s",
         "certification":{"outcome":"%s","framework":"RNCP","code":"RNCP37674",
          "level":5,"blocks":%s,"certifiedOn":"%s"}%s}
        """
            .formatted(
                trainee.cohortId(),
                trainee.learnerId(),
                UUID.randomUUID(),
                trainee.site(),
                trainee.country(),
                at,
                outcome,
                list(blocks),
                at.toLocalDate(),
                attendance(attendance));
    return cohort("learner-completed", trainee.cohortId(), trainee, data);
  }

  public static ProducerRecord<String, byte[]> learnerWithdrew(
      Trainee trainee,
      OffsetDateTime at,
      String reason,
      boolean beforeStart,
      Attendance attendance) {
    String data =
        """
        {"cohortId":"%s","learnerId":"%s","applicationId":"%s","programmeCode":"DEV-WEB",
         "site":"%s","country":"%s","exitReason":"%s","withdrawnAt":"%s","beforeStart":%s%s}
        """
            .formatted(
                trainee.cohortId(),
                trainee.learnerId(),
                UUID.randomUUID(),
                trainee.site(),
                trainee.country(),
                reason,
                at,
                beforeStart,
                attendance(attendance));
    return cohort("learner-withdrew", trainee.cohortId(), trainee, data);
  }

  /** cohort-scheduled of the trainee's cohort (version 0), funded by these partners. */
  public static ProducerRecord<String, byte[]> cohortScheduled(
      Trainee trainee, LocalDate start, LocalDate end, List<UUID> funders) {
    String data =
        """
        {"cohortId":"%s","programmeCode":"DEV-WEB","site":"%s","country":"%s",
         "startDate":"%s","endDate":"%s","capacity":20,"status":"RECRUITING",
         "recruitmentOpensOn":"%s","recruitmentClosesOn":"%s","minimumAge":18,
         "funders":["Région"],"funderPartnerIds":%s}
        """
            .formatted(
                trainee.cohortId(),
                trainee.site(),
                trainee.country(),
                start,
                end,
                start.minusMonths(3),
                start.minusDays(7),
                list(funders.stream().map(UUID::toString).toList()));
    return cohort("cohort-scheduled", trainee.cohortId(), trainee, data);
  }

  /**
   * cohort-changed, cohort-started or cohort-completed (per {@code name}) of the trainee's cohort:
   * the whole cohort at this version.
   */
  public static ProducerRecord<String, byte[]> cohortSnapshot(
      String name,
      Trainee trainee,
      LocalDate start,
      LocalDate end,
      String status,
      long version,
      List<UUID> funders) {
    String extra =
        switch (name) {
          case "cohort-started" ->
              ",\"startedAt\":\"" + start + "T08:00:00Z\",\"activeLearners\":1";
          case "cohort-completed" ->
              ",\"completedAt\":\""
                  + end
                  + "T16:00:00Z\",\"learnersByStatus\":{\"ENROLLED\":0,\"ACTIVE\":0,"
                  + "\"COMPLETED\":1,\"WITHDRAWN\":0,\"TRANSFERRED\":0}";
          default -> "";
        };
    String data =
        """
        {"cohortId":"%s","programmeCode":"DEV-WEB","site":"%s","country":"%s",
         "startDate":"%s","endDate":"%s","capacity":20,"status":"%s",
         "recruitmentOpensOn":"%s","recruitmentClosesOn":"%s","minimumAge":18,
         "funders":["Région"],"funderPartnerIds":%s,"version":%d%s}
        """
            .formatted(
                trainee.cohortId(),
                trainee.site(),
                trainee.country(),
                start,
                end,
                status,
                start.minusMonths(3),
                start.minusDays(7),
                list(funders.stream().map(UUID::toString).toList()),
                version,
                extra);
    return cohort(name, trainee.cohortId(), trainee, data);
  }

  public static ProducerRecord<String, byte[]> cohortCancelled(Trainee trainee, long version) {
    String data =
        """
        {"cohortId":"%s","programmeCode":"DEV-WEB","site":"%s","country":"%s",
         "cancelledAt":"2026-01-10T09:00:00Z","version":%d}
        """
            .formatted(trainee.cohortId(), trainee.site(), trainee.country(), version);
    return cohort("cohort-cancelled", trainee.cohortId(), trainee, data);
  }

  public static ProducerRecord<String, byte[]> applicationSubmitted(
      UUID applicationId, Trainee trainee, OffsetDateTime at) {
    String data =
        """
        {"applicationId":"%s","learnerId":"%s","cohortId":"%s","site":"%s","country":"%s",
         "submittedAt":"%s","gender":"MALE","ageBand":"26_34","educationLevel":"BAC",
         "jobSeeker":false,"priorityPublics":[]}
        """
            .formatted(
                applicationId,
                trainee.learnerId(),
                trainee.cohortId(),
                trainee.site(),
                trainee.country(),
                at);
    return application("application-submitted", applicationId, trainee, data);
  }

  public static ProducerRecord<String, byte[]> applicationAccepted(
      UUID applicationId, Trainee trainee, OffsetDateTime at) {
    String data =
        """
        {"applicationId":"%s","learnerId":"%s","cohortId":"%s","site":"%s","country":"%s",
         "occurredAt":"%s","gender":"MALE","ageBand":"26_34","educationLevel":"BAC",
         "jobSeeker":false,"priorityPublics":[],"consentedPurposes":[]}
        """
            .formatted(
                applicationId,
                trainee.learnerId(),
                trainee.cohortId(),
                trainee.site(),
                trainee.country(),
                at);
    return application("application-accepted", applicationId, trainee, data);
  }

  private static String attendance(Attendance attendance) {
    return attendance == null
        ? ""
        : ",\"attendance\":{\"sessionDays\":%d,\"attendedDays\":%d}"
            .formatted(attendance.sessionDays(), attendance.attendedDays());
  }

  private static ProducerRecord<String, byte[]> cohort(
      String name, UUID key, Trainee trainee, String data) {
    return BrokerEvents.event(
        "cohort", name, UUID.randomUUID(), key.toString(), trainee.country(), trainee.site(), data);
  }

  private static ProducerRecord<String, byte[]> application(
      String name, UUID applicationId, Trainee trainee, String data) {
    return BrokerEvents.event(
        "enrollment",
        name,
        UUID.randomUUID(),
        applicationId.toString(),
        trainee.country(),
        trainee.site(),
        data);
  }

  private static String list(List<String> values) {
    return values.stream()
        .map(value -> "\"" + value + "\"")
        .collect(Collectors.joining(",", "[", "]"));
  }
}
