package org.passerelle.commons.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * A value of the wrong JSON type is refused (400 naming the field), never converted: {@code
 * "capacity": "25"}, {@code "capacity": 2.5} or {@code "text": 5} are client bugs that Jackson
 * would otherwise accept silently (DESIGN §6). Dates likewise: {@code "startDate": 20000} is not a
 * date. An enum only by its name: {@code "exitReason": 3} is not the fourth reason.
 *
 * <p>A body is one JSON document: content after it, or a key given twice (which Jackson would
 * silently read as the last one), is malformed JSON. A string holding half of a UTF-16 surrogate
 * pair ({@code "\ud800"}, which JSON's escapes allow but no Unicode text contains) is refused
 * naming the field: PostgreSQL's driver would otherwise store it as {@code ?}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
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
    mapper.registerModule(
        new SimpleModule("passerelle-well-formed-text")
            .addDeserializer(String.class, new WellFormedText()));
  }

  /** Whether every surrogate in the text is half of a pair (that is: it is Unicode text). */
  public static boolean wellFormed(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A JSON string with a lone surrogate. Carries no value: the text stays out of messages and logs.
   */
  public static final class LoneSurrogateException extends InvalidFormatException {

    private static final long serialVersionUID = 1L;

    LoneSurrogateException(JsonParser parser) {
      super(parser, "text holds a lone UTF-16 surrogate", null, String.class);
    }
  }

  /**
   * Reads strings as Jackson does (with the coercion rules above), then checks them. Registered for
   * {@code String}, it also serves the elements of string lists and arrays.
   */
  static final class WellFormedText extends StdScalarDeserializer<String> {

    private static final long serialVersionUID = 1L;

    WellFormedText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      if (text != null && !wellFormed(text)) {
        throw new LoneSurrogateException(parser);
      }
      return text;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }
  }
}
