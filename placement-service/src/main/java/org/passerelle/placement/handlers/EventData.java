package org.passerelle.placement.handlers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields a handler needs from another service's event data; fields it does not read are
 * ignored (schemas grow compatibly). A missing field fails the event, which is then retried and
 * parked, rather than writing a wrong copy.
 */
final class EventData {

  private EventData() {}

  static String required(JsonNode data, String field, String event) {
    JsonNode value = data == null ? null : data.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(event + " without " + field);
    }
    return value.asText();
  }
}
