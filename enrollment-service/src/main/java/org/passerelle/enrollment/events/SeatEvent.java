package org.passerelle.enrollment.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** What enrollment reads from cohort-service's seat events: which application, which cohort. */
record SeatEvent(UUID applicationId, UUID cohortId) {

  static SeatEvent of(JsonNode data) {
    return new SeatEvent(uuid(data, "applicationId"), uuid(data, "cohortId"));
  }

  private static UUID uuid(JsonNode data, String field) {
    JsonNode value = data == null ? null : data.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("seat event without " + field);
    }
    return UUID.fromString(value.asText());
  }
}
