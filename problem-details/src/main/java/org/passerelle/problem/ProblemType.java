package org.passerelle.problem;

/** The kinds of problem the API answers with; their titles are localised in {@code Messages}. */
public enum ProblemType {
  MALFORMED_JSON(400, "malformed-json"),
  INVALID_REQUEST(400, "invalid-request"),
  UNKNOWN_COUNTRY(400, "unknown-country"),
  VALIDATION_FAILED(400, "validation-failed"),
  UNAUTHORIZED(401, "unauthorized"),
  FORBIDDEN(403, "forbidden"),
  NOT_FOUND(404, "not-found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed"),
  NOT_ACCEPTABLE(406, "not-acceptable"),
  REQUEST_TIMEOUT(408, "request-timeout"),
  CONFLICT(409, "conflict"),
  ILLEGAL_TRANSITION(409, "illegal-transition"),
  IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused"),
  PRECONDITION_FAILED(412, "precondition-failed"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large"),
  PRECONDITION_REQUIRED(428, "precondition-required"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
  UNPROCESSABLE(422, "unprocessable"),
  TOO_MANY_REQUESTS(429, "too-many-requests"),
  INTERNAL_ERROR(500, "internal-error"),
  SERVICE_UNAVAILABLE(503, "service-unavailable"),
  GATEWAY_TIMEOUT(504, "gateway-timeout"),
  /** The person is registered at a site outside the caller's; who may file it is named. */
  REGISTERED_AT_ANOTHER_SITE(409, "registered-at-another-site"),
  /** A learner's account has no verified email to identify them by. */
  EMAIL_NOT_VERIFIED(403, "email-not-verified");

  private final int status;
  private final String slug;

  ProblemType(int status, String slug) {
    this.status = status;
    this.slug = slug;
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String uri() {
    return Problem.TYPE_BASE + slug;
  }
}
