package org.passerelle.enrollment.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * What enrollment reads from cohort-service's seat events: which application, whose (the
 * pseudonymous learner the seat was given to, null when the event does not say), which cohort.
 */
record SeatEvent(UUID applicationId, UUID learnerId, UUID cohortId) {

  static SeatEvent of(JsonNode data) {
    JsonNode learner = data == null ? null : data.get("learnerId");
    return new SeatEvent(
        uuid(data, "applicationId"),
        learner == null || !learner.isTextual() ? null : UUID.fromString(learner.asText()),
        uuid(data, "cohortId"));
  }

  private static UUID uuid(JsonNode data, String field) {
    JsonNode value = data == null ? null : data.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("seat event without " + field);
    }
    return UUID.fromString(value.asText());
  }
}
