package org.passerelle.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/** Renders problems as {@code application/problem+json} responses in the caller's language. */
@ApplicationScoped
public class Problems {

  private final ObjectMapper mapper;

  Problems(ObjectMapper mapper) {
    this.mapper = mapper;
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
    return Response.status(type.status())
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
        .entity(json(problem))
        .build();
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
