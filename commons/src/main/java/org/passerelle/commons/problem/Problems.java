package org.passerelle.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * Renders problems as {@code application/problem+json} responses in the caller's language. Every
 * 503 tells when to retry ({@code Retry-After}).
 */
@ApplicationScoped
public class Problems {

  private static final Logger LOG = Logger.getLogger(Problems.class);

  private final ObjectMapper mapper;
  private final ProblemsConfig config;

  Problems(ObjectMapper mapper, ProblemsConfig config) {
    this.mapper = mapper;
    this.config = config;
  }

  public Response response(
      ProblemType type,
      List<Locale> languages,
      String instance,
      List<Problem.FieldError> errors,
      String detailKey,
      Object... arguments) {
    Locale locale = Messages.pick(languages);
    Problem problem = Problem.of(type, locale, instance, errors, detailKey, arguments);
    Response.ResponseBuilder response =
        Response.status(type.status())
            .type(Problem.MEDIA_TYPE)
            .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
            .entity(json(problem));
    if (type == ProblemType.SERVICE_UNAVAILABLE) {
      response.header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds());
    }
    return response.build();
  }

  /**
   * 503 with {@code Retry-After} when the failure comes from a database that is unreachable or
   * restarting ({@link DatabaseOutage}): not a bug, so one WARN line naming the path and the
   * exception's type and SQLState, without stack trace or message. Empty for any other failure.
   */
  public Optional<Response> databaseUnavailable(Throwable e, HttpHeaders headers, String instance) {
    return DatabaseOutage.in(e)
        .map(
            outage -> {
              LOG.warnf(
                  "database unavailable on %s (%s), answered 503",
                  instance, DatabaseOutage.describe(outage));
              return response(
                  ProblemType.SERVICE_UNAVAILABLE,
                  languages(headers),
                  instance,
                  List.of(),
                  "service-unavailable.database",
                  config.retryAfterSeconds());
            });
  }

  /** The caller's languages; a malformed Accept-Language counts as none. */
  public static List<Locale> languages(HttpHeaders headers) {
    try {
      return headers == null ? List.of() : headers.getAcceptableLanguages();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private String json(Problem problem) {
    try {
      return mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a problem", e);
    }
  }
}
