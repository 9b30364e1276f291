package org.passerelle.commons.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.passerelle.problem.ProblemType;

/**
 * Refuses oversize bodies with a problem before anything reads them. Vert.x's own hard limit
 * ({@code quarkus.http.limits.max-body-size}) stays above this one as a backstop. A few paths that
 * take bulk data (imports) get a larger limit of their own: {@code passerelle.http.large-body.path}
 * and {@code passerelle.http.large-body.max-bytes}.
 */
public class BodySizeLimit {

  private final Problems problems;
  private final long maxBytes;
  private final Optional<String> largeBodyPath;
  private final long largeBodyMaxBytes;

  BodySizeLimit(
      Problems problems,
      @ConfigProperty(name = "passerelle.http.max-body-bytes", defaultValue = "1048576")
          long maxBytes,
      @ConfigProperty(name = "passerelle.http.large-body.path") Optional<String> largeBodyPath,
      @ConfigProperty(name = "passerelle.http.large-body.max-bytes", defaultValue = "1048576")
          long largeBodyMaxBytes) {
    this.problems = problems;
    this.maxBytes = maxBytes;
    this.largeBodyPath = largeBodyPath;
    this.largeBodyMaxBytes = largeBodyMaxBytes;
  }

  @ServerRequestFilter(preMatching = true)
  public Response check(ContainerRequestContext request) {
    String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
    long maxBytes =
        largeBodyPath.filter(path::equals).isPresent() ? largeBodyMaxBytes : this.maxBytes;
    if (request.getLength() > maxBytes) {
      return problems.response(
          ProblemType.PAYLOAD_TOO_LARGE,
          languages(request),
          path,
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
