package org.passerelle.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
    @Schema(description = "Stable identifier of the kind of problem", maxLength = 200) String type,
    @Schema(description = "Short summary, in the caller's language", maxLength = 200) String title,
    @Schema(description = "HTTP status", minimum = "400", maximum = "599") int status,
    @Schema(description = "What went wrong with this request", maxLength = 2000) String detail,
    @Schema(description = "Path of the request", maxLength = 2000) String instance,
    @Schema(description = "Field errors, for validation problems", maxItems = 200)
        List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://passerelle.org/problems/";

  /** A problem of this type, its title and detail in the given language. */
  public static Problem of(
      ProblemType type,
      Locale locale,
      String instance,
      List<FieldError> errors,
      String detailKey,
      Object... arguments) {
    return new Problem(
        type.uri(),
        Messages.format(locale, type.slug() + ".title"),
        type.status(),
        Messages.format(locale, detailKey, arguments),
        instance,
        errors);
  }

  /**
   * One thing wrong with the request. Besides the message, a field that takes one of a list of
   * values names them ({@code accepted}), and one that takes a formatted text (a date, a duration,
   * an id) names its format with an example, so that a client can show or fix it.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Schema(name = "FieldError", description = "What is wrong with one field of the request")
  public record FieldError(
      @Schema(
              description =
                  "Where: the JSON path of the field in the request body (applicant.birthDate,"
                      + " consents[1].purpose; $ for the body itself), or the name of the query"
                      + " parameter or header",
              maxLength = 300)
          String field,
      @Schema(description = "What is wrong, in the caller's language", maxLength = 1000)
          String message,
      @Schema(
              description = "The values the field accepts, when it takes one of a list",
              maxItems = 200,
              nullable = true)
          List<String> accepted,
      @Schema(
              description =
                  "The format the field expects (as in the OpenAPI document: date, date-time,"
                      + " time, duration, uuid), all ISO 8601 but uuid",
              maxLength = 30,
              nullable = true)
          String format,
      @Schema(description = "A value in the expected format", maxLength = 100, nullable = true)
          String example) {

    public FieldError(String field, String message) {
      this(field, message, null, null, null);
    }

    public FieldError {
      accepted = accepted == null ? null : List.copyOf(accepted);
    }
  }
}
