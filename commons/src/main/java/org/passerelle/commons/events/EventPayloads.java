package org.passerelle.commons.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Nullable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds an incoming event's data to the record its consumer declared, and refuses data that lacks a
 * field the record requires. A refusal is an {@link IllegalArgumentException} naming the event and
 * the field (never a value), so the event is retried and then parked, rather than applied from a
 * guess.
 */
public final class EventPayloads {

  private final ObjectMapper mapper;

  public EventPayloads(ObjectMapper mapper) {
    // Fields the record does not name are ignored: producers add optional fields compatibly.
    this.mapper =
        mapper
            .copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  public <T extends Record> T bind(ConsumedEvent<T> event, JsonNode data) {
    if (data == null || !data.isObject()) {
      throw new IllegalArgumentException(
          event.name() + " v" + event.version() + ": data is not a JSON object");
    }
    T payload;
    try {
      payload = mapper.treeToValue(data, event.payload());
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          event.name() + " v" + event.version() + " does not bind: " + firstLine(e), e);
    }
    List<String> missing = missingRequired(payload);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          event.name() + " v" + event.version() + " without " + String.join(", ", missing));
    }
    return payload;
  }

  /** The required components (not {@link Nullable}) that are null, or blank texts. */
  static List<String> missingRequired(Record payload) {
    List<String> missing = new ArrayList<>();
    for (RecordComponent component : payload.getClass().getRecordComponents()) {
      if (component.isAnnotationPresent(Nullable.class)) {
        continue;
      }
      Object value;
      try {
        java.lang.reflect.Method accessor = component.getAccessor();
        // Payload records are usually package-private to their handlers package.
        accessor.setAccessible(true);
        value = accessor.invoke(payload);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
      if (value == null || (value instanceof String text && text.isBlank())) {
        missing.add(component.getName());
      }
    }
    return missing;
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
