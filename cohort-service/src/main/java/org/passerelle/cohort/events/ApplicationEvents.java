package org.passerelle.cohort.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.passerelle.cohort.repository.KnownApplicationRepository;
import org.passerelle.cohort.service.SeatService;

/**
 * Reads the application enrollment-service's events name. Only the fields cohort-service needs;
 * others are ignored, since schemas grow compatibly. A missing or malformed field fails the event,
 * which is then retried and parked, rather than deciding a seat from a guess.
 */
final class ApplicationEvents {

  static final String TOPIC = "enrollment.events";

  private ApplicationEvents() {}

  static SeatService.Application application(JsonNode data) {
    return new SeatService.Application(
        uuid(data, "applicationId"),
        uuid(data, "learnerId"),
        uuid(data, "cohortId"),
        text(data, "site"),
        text(data, "country"));
  }

  /**
   * Reads the application and remembers it with its learner, so that staff may later seat that
   * learner with it (and only that learner).
   */
  static SeatService.Application learn(JsonNode data, KnownApplicationRepository known) {
    SeatService.Application application = application(data);
    known.learn(
        application.applicationId(),
        application.learnerId(),
        application.cohortId(),
        application.country());
    return application;
  }

  private static UUID uuid(JsonNode data, String field) {
    return UUID.fromString(text(data, field));
  }

  private static String text(JsonNode data, String field) {
    JsonNode value = data == null ? null : data.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("application event without " + field);
    }
    return value.asText();
  }
}
