package org.passerelle.commons.rest;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.passerelle.commons.problem.ProblemException;

/**
 * How an operation kept for old clients says so in its answers (ADR 0040): {@code Deprecation} (RFC
 * 9745, since when), {@code Sunset} (RFC 8594, when it goes) and a {@code Link} to the operation
 * that replaces it, so that a client's logs show it before the date.
 */
public final class Deprecations {

  /** The removal date of everything issue 20 deprecated. */
  public static final LocalDate ISSUE_20_SUNSET = LocalDate.of(2027, 6, 30);

  /** When issue 20 deprecated it. */
  public static final LocalDate ISSUE_20_DEPRECATED = LocalDate.of(2026, 12, 5);

  /**
   * What the OpenAPI document says of a field kept beside its new name until {@link
   * #ISSUE_20_SUNSET} (ADR 0043); the description ends with the replacement's name.
   */
  public static final String REMOVED_AFTER = "Deprecated: removed after 2027-06-30; use ";

  private Deprecations() {}

  /**
   * A request field renamed, its old name still accepted until the sunset (ADR 0043): the value
   * given under either name. Both given with different values, or neither when {@code required}, is
   * a 400 naming the new field.
   */
  public static <T> T renamed(
      String field, T value, String deprecatedField, T deprecatedValue, boolean required) {
    if (value != null && deprecatedValue != null && !Objects.equals(value, deprecatedValue)) {
      throw ProblemException.invalid(
          field, "invalid-request.renamed-field-conflict", field, deprecatedField);
    }
    T given = value != null ? value : deprecatedValue;
    if (given == null && required) {
      throw ProblemException.invalid(field, "invalid-request.field-required", field);
    }
    return given;
  }

  /**
   * 200 with the entity, marked deprecated since {@code since} and removed at the end of {@code
   * sunset}, pointing to its successor (a path of the public API).
   */
  public static Response ok(Object entity, LocalDate since, LocalDate sunset, URI successor) {
    return Response.ok(entity)
        .header("Deprecation", "@" + since.atStartOfDay(ZoneOffset.UTC).toEpochSecond())
        .header(
            "Sunset",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(
                sunset.atTime(23, 59, 59).atOffset(ZoneOffset.UTC)))
        .header("Link", "<" + successor + ">; rel=\"successor-version\"")
        .build();
  }
}
