package org.passerelle.commons.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses oversize bodies with a problem before anything reads them. Vert.x's own hard limit
 * ({@code quarkus.http.limits.max-body-size}) stays above this one as a backstop.
 */
public class BodySizeLimit {

  private final Problems problems;
  private final long maxBytes;

  BodySizeLimit(
      Problems problems,
      @ConfigProperty(name = "passerelle.http.max-body-bytes", defaultValue = "1048576")
          long maxBytes) {
    this.problems = problems;
    this.maxBytes = maxBytes;
  }

  @ServerRequestFilter(preMatching = true)
  public Response check(ContainerRequestContext request) {
    if (request.getLength() > maxBytes) {
      return problems.response(
          ProblemType.PAYLOAD_TOO_LARGE,
          languages(request),
          "/" + request.getUriInfo().getPath().replaceFirst("^/", ""),
          List.of(),
          "payload-too-large.detail",
          maxBytes);
    }
    return null;
  }

  private static List<Locale> languages(ContainerRequestContext request) {
    try {
      return request.getAcceptableLanguages();
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
