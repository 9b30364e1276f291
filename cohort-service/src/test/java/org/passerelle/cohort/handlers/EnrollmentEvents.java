package org.passerelle.cohort.handlers;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.passerelle.commons.events.CloudEventHeaders;

/** enrollment-service's application events, as it puts them on enrollment.events. */
final class EnrollmentEvents {

  static final String TOPIC = "enrollment.events";
  static final String ACCEPTED = "org.passerelle.enrollment.application-accepted.v1";
  static final String WITHDRAWN = "org.passerelle.enrollment.application-withdrawn.v1";
  static final String ERASED = "org.passerelle.enrollment.applicant-erased.v1";

  private EnrollmentEvents() {}

  /** An application of a learner to a cohort. */
  record Application(UUID applicationId, UUID learnerId, String cohortId, String site) {

    static Application of(String cohortId) {
      return new Application(UUID.randomUUID(), UUID.randomUUID(), cohortId, "FR-SEVRAN");
    }

    String country() {
      return site.substring(0, 2);
    }
  }

  static ProducerRecord<String, byte[]> accepted(UUID eventId, Application application) {
    String data =
        """
        {"applicationId":"%s","learnerId":"%s","cohortId":"%s","site":"%s","country":"%s",
         "occurredAt":"2026-11-23T10:00:00Z","gender":"FEMALE","ageBand":"18_25",
         "educationLevel":"BAC","jobSeeker":true,"priorityPublics":["PRIORITY_NEIGHBOURHOOD"],
         "aFieldAddedLater":{"ignored":true}}
        """
            .formatted(
                application.applicationId(),
                application.learnerId(),
                application.cohortId(),
                application.site(),
                application.country());
    return record(eventId, ACCEPTED, application, data);
  }

  static ProducerRecord<String, byte[]> withdrawn(UUID eventId, Application application) {
    String data =
        """
        {"applicationId":"%s","learnerId":"%s","cohortId":"%s","site":"%s","country":"%s",
         "occurredAt":"2026-11-24T10:00:00Z","gender":"FEMALE","ageBand":"18_25"}
        """
            .formatted(
                application.applicationId(),
                application.learnerId(),
                application.cohortId(),
                application.site(),
                application.country());
    return record(eventId, WITHDRAWN, application, data);
  }

  /** The person behind the learner was erased; keyed by the learner, as enrollment does. */
  static ProducerRecord<String, byte[]> erased(UUID eventId, UUID learnerId, String country) {
    String data =
        """
        {"learnerId":"%s","country":"%s","erasedAt":"2026-11-25T10:00:00Z"}
        """
            .formatted(learnerId, country);
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(TOPIC, learnerId.toString(), data.getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"))
        .add(CloudEventHeaders.ID, bytes(eventId.toString()))
        .add(CloudEventHeaders.SOURCE, bytes("/enrollment"))
        .add(CloudEventHeaders.SUBJECT, bytes(learnerId.toString()))
        .add(CloudEventHeaders.COUNTRY, bytes(country))
        .add(CloudEventHeaders.TYPE, bytes(ERASED));
    return record;
  }

  /** Keyed by the application, as enrollment keys its events: they spread over the partitions. */
  private static ProducerRecord<String, byte[]> record(
      UUID eventId, String type, Application application, String data) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            TOPIC, application.applicationId().toString(), data.getBytes(StandardCharsets.UTF_8));
    record
        .headers()
        .add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"))
        .add(CloudEventHeaders.ID, bytes(eventId.toString()))
        .add(CloudEventHeaders.SOURCE, bytes("/enrollment"))
        .add(CloudEventHeaders.SUBJECT, bytes(application.applicationId().toString()))
        .add(CloudEventHeaders.COUNTRY, bytes(application.country()))
        .add(CloudEventHeaders.SITE, bytes(application.site()))
        .add(CloudEventHeaders.TYPE, bytes(type));
    return record;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
