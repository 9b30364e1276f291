package org.passerelle.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.StaleStateException;
import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/** Turns every error path into RFC 9457 problem details; nothing leaks a stack trace. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  /** A regular expression that only lists values: {@code FR|MA}. */
  private static final java.util.regex.Pattern LITERALS =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)+");

  private final Problems problems;
  private final BodyProblems bodies;

  ProblemMappers(Problems problems, BodyProblems bodies) {
    this.problems = problems;
    this.bodies = bodies;
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
    List<Locale> languages = Problems.languages(headers);
    Locale locale = Messages.pick(languages);
    String made = Messages.format(null, e.detailKey(), e.arguments());
    List<Problem.FieldError> errors = new ArrayList<>();
    for (Problem.FieldError error : e.errors()) {
      // A field error made from the problem's own message (ProblemException.invalid) is made in
      // the default language: it is told in the caller's, like the detail.
      errors.add(
          made.equals(error.message())
              ? new Problem.FieldError(
                  error.field(),
                  Messages.format(locale, e.detailKey(), e.arguments()),
                  error.accepted(),
                  error.format(),
                  error.example())
              : error);
    }
    return problems.response(e.type(), languages, path(uri), errors, e.detailKey(), e.arguments());
  }

  @ServerExceptionMapper
  public Response validation(
      ConstraintViolationException e, HttpHeaders headers, UriInfo uri, ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      errors.add(
          new Problem.FieldError(
              FieldPaths.of(violation.getPropertyPath(), method),
              violation.getMessage(),
              accepted(violation),
              null,
              null));
    }
    errors.sort(Comparator.comparing(Problem.FieldError::field));
    return problems.response(
        ProblemType.VALIDATION_FAILED,
        Problems.languages(headers),
        path(uri),
        errors,
        "validation-failed.detail");
  }

  /**
   * The values a pattern that is a plain list of them accepts ({@code RUNNING|SUCCEEDED|FAILED}),
   * as an enum's would be listed; null for any other constraint.
   */
  private static List<String> accepted(ConstraintViolation<?> violation) {
    if (violation.getConstraintDescriptor() != null
        && violation.getConstraintDescriptor().getAnnotation()
            instanceof jakarta.validation.constraints.Pattern pattern
        && LITERALS.matcher(pattern.regexp()).matches()) {
      return List.of(pattern.regexp().split("\\|"));
    }
    return null;
  }

  @ServerExceptionMapper
  public Response json(
      JsonProcessingException e,
      HttpHeaders headers,
      UriInfo uri,
      ContainerRequestContext request,
      ResourceInfo resource) {
    return jsonProblem(e, headers, uri, request, resource);
  }

  /** Quarkus maps this one itself with a plain JSON body: ours takes precedence. */
  @ServerExceptionMapper
  public Response mismatchedInput(
      MismatchedInputException e,
      HttpHeaders headers,
      UriInfo uri,
      ContainerRequestContext request,
      ResourceInfo resource) {
    return jsonProblem(e, headers, uri, request, resource);
  }

  @ServerExceptionMapper
  public Response webApplication(
      WebApplicationException e,
      HttpHeaders headers,
      UriInfo uri,
      ContainerRequestContext request,
      ResourceInfo resource) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return jsonProblem(json, headers, uri, request, resource);
    }
    String path = path(uri);
    if (e.getResponse().getStatus() >= 500) {
      Optional<Response> outage = problems.databaseUnavailable(e, headers, path);
      if (outage.isPresent()) {
        return outage.get();
      }
    }
    Optional<ParameterConversion.Failure> parameter = unconverted(e, headers, uri, resource);
    if (parameter.isPresent()) {
      // JAX-RS answers 404 for a query parameter it cannot convert, as if the list did not
      // exist; a path parameter (a malformed id) stays 404, like an unknown one.
      return problem(
          ParameterProblems.unconverted(parameter.get().name(), parameter.get().type()),
          headers,
          uri);
    }
    return switch (e) {
      case NotFoundException ignored ->
          problems.response(
              ProblemType.NOT_FOUND,
              Problems.languages(headers),
              path,
              List.of(),
              "not-found.path");
      case NotAllowedException ignored ->
          problems.response(
              ProblemType.METHOD_NOT_ALLOWED,
              Problems.languages(headers),
              path,
              List.of(),
              "method-not-allowed.detail");
      case NotSupportedException ignored -> unsupportedMediaType(headers, path, resource);
      case NotAcceptableException ignored ->
          problems.response(
              ProblemType.NOT_ACCEPTABLE,
              Problems.languages(headers),
              path,
              List.of(),
              "not-acceptable.detail");
      default -> byStatus(e.getResponse().getStatus(), headers, path);
    };
  }

  /** The query or header parameter whose value JAX-RS could not convert, if that is what failed. */
  private static Optional<ParameterConversion.Failure> unconverted(
      WebApplicationException e, HttpHeaders headers, UriInfo uri, ResourceInfo resource) {
    boolean conversion =
        e.getCause() != null
            && (e instanceof NotFoundException || e instanceof BadRequestException);
    Method method = conversion && resource != null ? resource.getResourceMethod() : null;
    if (method == null) {
      return Optional.empty();
    }
    return ParameterConversion.find(method, uri, headers)
        .filter(failure -> failure.source() != ParameterConversion.Source.PATH);
  }

  private Response unsupportedMediaType(HttpHeaders headers, String path, ResourceInfo resource) {
    if (resource == null || resource.getResourceMethod() == null) {
      // Refused while routing, before an operation was chosen: its media types are unknown.
      return problems.response(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          Problems.languages(headers),
          path,
          List.of(),
          "unsupported-media-type.detail");
    }
    return problems.response(
        ProblemType.UNSUPPORTED_MEDIA_TYPE,
        Problems.languages(headers),
        path,
        List.of(),
        "unsupported-media-type.expected",
        String.join(", ", BodyMediaType.accepted(resource)));
  }

  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public Response unauthorized(RuntimeException e, HttpHeaders headers, UriInfo uri) {
    Response response =
        problems.response(
            ProblemType.UNAUTHORIZED,
            Problems.languages(headers),
            path(uri),
            List.of(),
            "unauthorized.detail");
    return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
    return problems.response(
        ProblemType.FORBIDDEN,
        Problems.languages(headers),
        path(uri),
        List.of(),
        "forbidden.detail");
  }

  @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
  public Response concurrentChange(RuntimeException e, HttpHeaders headers, UriInfo uri) {
    return problems.response(
        ProblemType.CONFLICT, Problems.languages(headers), path(uri), List.of(), "conflict.detail");
  }

  /** A value PostgreSQL refuses (e.g. a NUL character): the caller's input, not our fault. */
  @ServerExceptionMapper
  public Response refusedData(DataException e, HttpHeaders headers, UriInfo uri) {
    return problems.response(
        ProblemType.INVALID_REQUEST,
        Problems.languages(headers),
        path(uri),
        List.of(),
        "invalid-request.data");
  }

  /** A uniqueness or reference rule of the database: the request conflicts with the data. */
  @ServerExceptionMapper
  public Response refusedByConstraint(
      org.hibernate.exception.ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
    return problems.response(
        ProblemType.CONFLICT, Problems.languages(headers), path(uri), List.of(), "conflict.detail");
  }

  /** Any other failure is a bug (500, logged with its stack trace), unless the database is out. */
  @ServerExceptionMapper
  public Response unexpected(Exception e, HttpHeaders headers, UriInfo uri) {
    Optional<Response> outage = problems.databaseUnavailable(e, headers, path(uri));
    if (outage.isPresent()) {
      return outage.get();
    }
    LOG.errorf(e, "unexpected error on %s", path(uri));
    return problems.response(
        ProblemType.INTERNAL_ERROR,
        Problems.languages(headers),
        path(uri),
        List.of(),
        "internal-error.detail");
  }

  private Response jsonProblem(
      JsonProcessingException e,
      HttpHeaders headers,
      UriInfo uri,
      ContainerRequestContext request,
      ResourceInfo resource) {
    // Writing a response can load data, and fail because the database is out, not the caller.
    Optional<Response> outage = problems.databaseUnavailable(e, headers, path(uri));
    if (outage.isPresent()) {
      return outage.get();
    }
    JsonParseException parse = parseFailure(e);
    if (parse != null || !(e instanceof JsonMappingException mapping)) {
      String duplicate = duplicateField(parse);
      if (duplicate != null) {
        String key = "malformed-json.duplicate-field";
        return problems.response(
            ProblemType.MALFORMED_JSON,
            Problems.languages(headers),
            path(uri),
            List.of(
                new Problem.FieldError(
                    duplicate,
                    Messages.format(Messages.pick(Problems.languages(headers)), key, duplicate))),
            key,
            duplicate);
      }
      return problems.response(
          ProblemType.MALFORMED_JSON,
          Problems.languages(headers),
          path(uri),
          List.of(),
          "malformed-json.detail");
    }
    if (trailingContent(mapping)) {
      return problems.response(
          ProblemType.MALFORMED_JSON,
          Problems.languages(headers),
          path(uri),
          List.of(),
          "malformed-json.trailing");
    }
    // Every problem of the body, not only the first the reader met, each saying what would do.
    List<Locale> languages = Problems.languages(headers);
    Optional<BodyCopy.Body> body = BodyCopy.body(resource);
    List<Problem.FieldError> errors =
        bodies.all(
            mapping,
            BodyCopy.of(request),
            body.map(BodyCopy.Body::type).orElse(null),
            body.map(BodyCopy.Body::validated).orElse(false),
            Messages.pick(languages));
    if (errors.size() > 1) {
      return problems.response(
          ProblemType.INVALID_REQUEST,
          languages,
          path(uri),
          errors,
          "invalid-request.several",
          errors.size());
    }
    BodyProblems.Detail detail = bodies.detail(mapping);
    return problems.response(
        ProblemType.INVALID_REQUEST,
        languages,
        path(uri),
        errors,
        detail.key(),
        detail.arguments());
  }

  /** The parser's own refusal (bad syntax, a duplicate key, bad UTF-8), however wrapped. */
  private static JsonParseException parseFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonParseException parse) {
        return parse;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  /**
   * The key given twice ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}), with its path, or
   * null when the parser refused something else.
   */
  private static String duplicateField(JsonParseException e) {
    if (e == null
        || e.getOriginalMessage() == null
        || !e.getOriginalMessage().startsWith("Duplicate field ")
        || !(e.getProcessor() instanceof JsonParser parser)) {
      return null;
    }
    Deque<JsonStreamContext> contexts = new ArrayDeque<>();
    for (JsonStreamContext context = parser.getParsingContext();
        context != null && !context.inRoot();
        context = context.getParent()) {
      contexts.push(context);
    }
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext context : contexts) {
      if (context.inArray()) {
        path.append('[').append(Math.max(context.getCurrentIndex(), 0)).append(']');
      } else if (context.getCurrentName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(context.getCurrentName());
      }
    }
    return path.isEmpty() ? "$" : path.toString();
  }

  /** {@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS}: something after the document. */
  private static boolean trailingContent(JsonMappingException e) {
    return e instanceof MismatchedInputException
        && e.getOriginalMessage() != null
        && e.getOriginalMessage().startsWith("Trailing token");
  }

  private Response byStatus(int status, HttpHeaders headers, String path) {
    ProblemType type =
        switch (status) {
          case 401 -> ProblemType.UNAUTHORIZED;
          case 403 -> ProblemType.FORBIDDEN;
          case 404 -> ProblemType.NOT_FOUND;
          case 405 -> ProblemType.METHOD_NOT_ALLOWED;
          case 406 -> ProblemType.NOT_ACCEPTABLE;
          case 409 -> ProblemType.CONFLICT;
          case 412 -> ProblemType.PRECONDITION_FAILED;
          case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
          case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
          case 422 -> ProblemType.UNPROCESSABLE;
          case 428 -> ProblemType.PRECONDITION_REQUIRED;
          case 429 -> ProblemType.TOO_MANY_REQUESTS;
          case 503 -> ProblemType.SERVICE_UNAVAILABLE;
          default -> status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.INVALID_REQUEST;
        };
    String detail =
        switch (type) {
          case INVALID_REQUEST -> "invalid-request.parameter";
          case NOT_FOUND -> "not-found.path";
          case UNPROCESSABLE -> "unprocessable.title";
          default -> type.slug() + ".detail";
        };
    return problems.response(type, Problems.languages(headers), path, List.of(), detail, "?");
  }

  /** Where in a JSON body a mapping failed, e.g. {@code applicant.address.city} or {@code $}. */
  public static String jsonPath(JsonMappingException e) {
    return FieldPaths.of(e);
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
  }
}
