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

  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(maxLength = 300) String field, @Schema(maxLength = 1000) String message) {}
}
