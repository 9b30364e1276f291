package org.passerelle.commons.problem;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.passerelle.problem.ProblemType;

/**
 * A request body is read only as a media type its operation declares ({@code @Consumes} on the
 * method, else on the class, else {@code application/json}, the API's format): any other, or a body
 * sent without a Content-Type, answers 415 before anything reads it. JAX-RS itself checks a
 * declared {@code @Consumes} only against a Content-Type that is there, and reads a body without
 * one as the operation's type. An operation that declares {@code *}{@code /*} reads its optional
 * body itself, but still needs to be told what it is.
 */
public class BodyMediaType {

  private static final Set<String> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, "PATCH");
  private static final List<String> DEFAULT = List.of(MediaType.APPLICATION_JSON);

  private final Problems problems;

  BodyMediaType(Problems problems) {
    this.problems = problems;
  }

  @ServerRequestFilter
  public Response check(
      ContainerRequestContext request, HttpHeaders headers, ResourceInfo resource) {
    if (!WITH_BODY.contains(request.getMethod().toUpperCase(Locale.ROOT)) || !hasBody(request)) {
      return null;
    }
    List<String> accepted = accepted(resource);
    MediaType sent = mediaType(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
    if (sent != null && accepted.stream().map(MediaType::valueOf).anyMatch(sent::isCompatible)) {
      return null;
    }
    return problems.response(
        ProblemType.UNSUPPORTED_MEDIA_TYPE,
        Problems.languages(headers),
        "/" + request.getUriInfo().getPath().replaceFirst("^/", ""),
        List.of(),
        "unsupported-media-type.expected",
        String.join(", ", accepted));
  }

  /** The media types the matched operation reads; {@code application/json} when it says none. */
  static List<String> accepted(ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return DEFAULT;
    }
    Consumes consumes = method.getAnnotation(Consumes.class);
    if (consumes == null) {
      consumes = resource.getResourceClass().getAnnotation(Consumes.class);
    }
    if (consumes == null || consumes.value().length == 0) {
      return DEFAULT;
    }
    return Arrays.stream(consumes.value())
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::trim)
        .filter(value -> !value.isEmpty())
        .toList();
  }

  private static boolean hasBody(ContainerRequestContext request) {
    return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
  }

  private static MediaType mediaType(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      MediaType type = MediaType.valueOf(header);
      return type.isWildcardType() || type.isWildcardSubtype() ? null : type;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
