package org.passerelle.commons.problem;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.passerelle.commons.rest.StrictJson;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;

/**
 * Everything wrong with a JSON body, not only the first thing the reader meets: the body is bound
 * again from its tree, each value that does not bind (wrong JSON type, unknown field, a value
 * outside an enum, a badly formatted date) is reported and left out, until the rest binds; what
 * binds is then validated. Each error teaches: an enum's accepted values, a date's format with an
 * example. Used once a request has failed, and by imports, whose rows are reported whole.
 */
@ApplicationScoped
public class BodyProblems {

  /** At most this many problems are reported for one body (a problem holds at most 200). */
  static final int MAX = 100;

  private static final Map<Class<?>, Format> FORMATS =
      Map.of(
          LocalDate.class, new Format("date", "format.date", "2026-09-01"),
          OffsetDateTime.class,
              new Format("date-time", "format.date-time", "2026-09-01T08:30:00+02:00"),
          ZonedDateTime.class,
              new Format("date-time", "format.date-time", "2026-09-01T08:30:00+02:00"),
          Instant.class, new Format("date-time", "format.instant", "2026-09-01T06:30:00Z"),
          LocalDateTime.class,
              new Format("date-time", "format.local-date-time", "2026-09-01T08:30:00"),
          LocalTime.class, new Format("time", "format.time", "08:30"),
          Duration.class, new Format("duration", "format.duration", "PT1H30M"),
          UUID.class, new Format("uuid", "format.uuid", "3fa85f64-5717-4562-b3fc-2c963f66afa6"));

  /**
   * A formatted text a field takes: its OpenAPI format, the message key of how people read it, an
   * example.
   */
  public record Format(String name, String key, String example) {}

  /** The format values of this type are written in, if they have one (dates, durations, ids). */
  public static Optional<Format> format(Class<?> type) {
    return Optional.ofNullable(type == null ? null : FORMATS.get(type));
  }

  /**
   * What a body binds to with its refused values left out (null when even that does not bind), the
   * errors of those values in the order met, and the first one's detail (null when none).
   */
  public record Bound<T>(T value, List<Problem.FieldError> errors, Detail first) {}

  private final ObjectMapper mapper;
  private final Validator validator;

  BodyProblems(ObjectMapper mapper, Validator validator) {
    this.mapper = mapper;
    this.validator = validator;
  }

  /** Binds a body (or an import row) to a type, collecting what does not bind. */
  public <T> Bound<T> bind(JsonNode body, Class<T> type, Locale locale) {
    return bind(body, mapper.constructType(type), locale);
  }

  <T> Bound<T> bind(JsonNode body, JavaType type, Locale locale) {
    JsonNode work = body == null ? NullNode.instance : body.deepCopy();
    ObjectReader reader = mapper.readerFor(type);
    List<Problem.FieldError> errors = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    Detail first = null;
    while (errors.size() < MAX) {
      try {
        T value = reader.readValue(work);
        return new Bound<>(value, List.copyOf(errors), first);
      } catch (JsonMappingException e) {
        if (!reported.add(FieldPaths.of(e))) {
          break;
        }
        first = first == null ? detail(e) : first;
        errors.add(error(e, locale));
        if (!leaveOut(work, e.getPath())) {
          break;
        }
      } catch (IOException | RuntimeException e) {
        break;
      }
    }
    return new Bound<>(null, List.copyOf(errors), first);
  }

  /**
   * Every problem of a request body that failed to bind with {@code first}: what does not bind,
   * then, when the rest binds and the operation validates its body, what does not validate (a field
   * already reported is not reported again as missing). Sorted by field; never empty.
   */
  List<Problem.FieldError> all(
      JsonMappingException first, byte[] body, Type type, boolean validated, Locale locale) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (body != null && type != null) {
      try {
        Bound<Object> bound = bind(mapper.readTree(body), mapper.constructType(type), locale);
        errors.addAll(bound.errors());
        if (!errors.isEmpty() && validated && bound.value() != null) {
          errors.addAll(violations(bound.value(), errors));
        }
      } catch (IOException | RuntimeException e) {
        // Not JSON after all (the reader stopped before the syntax error): the first problem only.
        errors.clear();
      }
    }
    if (errors.isEmpty()) {
      errors.add(error(first, locale));
    }
    errors.sort(Comparator.comparing(Problem.FieldError::field));
    return errors;
  }

  private List<Problem.FieldError> violations(Object value, List<Problem.FieldError> reported) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<Object> violation : validator.validate(value)) {
      String field = FieldPaths.of(violation.getPropertyPath());
      if (reported.stream().noneMatch(error -> within(field, error.field()))) {
        errors.add(new Problem.FieldError(field, violation.getMessage()));
      }
    }
    return errors;
  }

  /** Whether {@code field} is {@code reported} or inside it. */
  private static boolean within(String field, String reported) {
    return field.equals(reported)
        || reported.equals(FieldPaths.BODY)
        || field.startsWith(reported + ".")
        || field.startsWith(reported + "[");
  }

  /** What a problem's detail says of one value that did not bind: a message key, its arguments. */
  public record Detail(String key, Object... arguments) {}

  /** The detail of one value that did not bind, saying what would have been accepted. */
  public Detail detail(JsonMappingException e) {
    String field = FieldPaths.of(e);
    if (e instanceof UnrecognizedPropertyException) {
      return new Detail("invalid-request.unknown-field", field);
    }
    if (e instanceof StrictJson.LoneSurrogateException) {
      return new Detail("invalid-request.lone-surrogate", field);
    }
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (target != null && target.isEnum()) {
      return new Detail("invalid-request.enum", field, String.join(", ", accepted(target)));
    }
    Format format = target == null ? null : FORMATS.get(target);
    if (format != null) {
      return new Detail(
          "invalid-request.format", field, new Messages.Key(format.key()), format.example());
    }
    return new Detail("invalid-request.detail", field);
  }

  /** The field error of one value that did not bind, in this language. */
  public Problem.FieldError error(JsonMappingException e, Locale locale) {
    Detail detail = detail(e);
    String field = FieldPaths.of(e);
    String message = Messages.format(locale, detail.key(), detail.arguments());
    Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
    if (target != null && target.isEnum()) {
      return new Problem.FieldError(field, message, accepted(target), null, null);
    }
    Format format = target == null ? null : FORMATS.get(target);
    return format == null
        ? new Problem.FieldError(field, message)
        : new Problem.FieldError(field, message, null, format.name(), format.example());
  }

  /** An enum's values as JSON writes them. */
  private List<String> accepted(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      names.add(mapper.valueToTree(constant).asText());
    }
    return names;
  }

  /**
   * Removes the value at this path so the rest binds: an object's member goes, an array's element
   * becomes null (the others keep their index). False when there is nothing left to remove.
   */
  private static boolean leaveOut(JsonNode root, List<JsonMappingException.Reference> path) {
    if (path.isEmpty()) {
      return false;
    }
    JsonNode parent = root;
    for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
      parent =
          step.getFieldName() != null
              ? parent.get(step.getFieldName())
              : step.getIndex() >= 0 ? parent.get(step.getIndex()) : null;
      if (parent == null) {
        return false;
      }
    }
    JsonMappingException.Reference last = path.getLast();
    if (last.getFieldName() != null && parent instanceof ObjectNode object) {
      return object.remove(last.getFieldName()) != null;
    }
    if (last.getIndex() >= 0
        && parent instanceof ArrayNode array
        && last.getIndex() < array.size()
        && !array.get(last.getIndex()).isNull()) {
      array.set(last.getIndex(), NullNode.instance);
      return true;
    }
    return false;
  }
}
