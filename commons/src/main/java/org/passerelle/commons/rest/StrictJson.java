package org.passerelle.commons.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * A value of the wrong JSON type is refused (400 naming the field), never converted: {@code
 * "capacity": "25"}, {@code "capacity": 2.5} or {@code "text": 5} are client bugs that Jackson
 * would otherwise accept silently (DESIGN §6). Dates likewise: {@code "startDate": 20000} is not a
 * date. An enum only by its name: {@code "exitReason": 3} is not the fourth reason.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
      mapper
          .coercionConfigFor(number)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    // Dates and instants only as ISO-8601 text: a number would be read as an epoch day or second.
    for (Class<?> temporal :
        new Class<?>[] {
          LocalDate.class, OffsetDateTime.class, Instant.class, LocalDateTime.class
        }) {
      mapper.configOverride(temporal).setFormat(JsonFormat.Value.forLeniency(false));
    }
  }
}
