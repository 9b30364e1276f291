package org.passerelle.commons.rest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import java.util.function.LongPredicate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.passerelle.commons.problem.ProblemException;

/**
 * An optional {@code If-Match} on a state change (DESIGN §6), read and described once: a resource
 * takes it as a {@code @BeanParam} and hands {@link #matches()} to the service, which tests it
 * against the version it holds locked (412 when it names another one). Changes that overwrite
 * fields take {@link Required} instead.
 */
public class IfMatch {

  /** Longer than any ETag this API issues (a version number in quotes). */
  static final int MAX_LENGTH = 100;

  @Parameter(
      description =
          "The ETag of the resource as last read; optional. When sent and the resource changed"
              + " since, 412 and nothing changes")
  @Schema(maxLength = MAX_LENGTH)
  @HeaderParam(HttpHeaders.IF_MATCH)
  String value;

  @Context Request request;

  /** Whether the version the service holds is the one the caller read (true without If-Match). */
  public LongPredicate matches() {
    return matches(value, request);
  }

  static LongPredicate matches(String value, Request request) {
    if (value != null && value.length() > MAX_LENGTH) {
      throw ProblemException.invalid(
          HttpHeaders.IF_MATCH, "invalid-request.parameter", HttpHeaders.IF_MATCH);
    }
    return version -> request.evaluatePreconditions(Responses.etag(version)) == null;
  }

  /**
   * A mandatory {@code If-Match}, for changes that overwrite what another person may just have
   * changed (PATCH, PUT): without it 428, so nobody overwrites what they have not read.
   */
  public static class Required {

    @Parameter(
        required = true,
        description =
            "The ETag of the resource as last read. Required (428 without it); 412 when the"
                + " resource changed since, and nothing changes")
    @Schema(maxLength = MAX_LENGTH)
    @HeaderParam(HttpHeaders.IF_MATCH)
    String value;

    @Context Request request;

    public LongPredicate matches() {
      if (value == null || value.isBlank()) {
        throw new ProblemException(
            org.passerelle.problem.ProblemType.PRECONDITION_REQUIRED,
            "precondition-required.detail");
      }
      return IfMatch.matches(value, request);
    }
  }
}
