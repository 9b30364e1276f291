package org.passerelle.commons.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * A query or header parameter whose value does not convert to what the operation reads: 400 {@code
 * validation-failed} naming the parameter as the URL does, and saying what would have been accepted
 * (ADR 0041): an enum's values, a date's or an id's format with an example, a whole number. The one
 * way for parameters converted by JAX-RS ({@code ProblemMappers}) and by the services ({@code
 * QueryParams}).
 */
public final class ParameterProblems {

  private static final BodyProblems.Format INT32 =
      new BodyProblems.Format("int32", "format.int32", "1");
  private static final BodyProblems.Format INT64 =
      new BodyProblems.Format("int64", "format.int64", "1");

  private static final Map<Class<?>, BodyProblems.Format> NUMBERS =
      Map.of(
          int.class, INT32,
          Integer.class, INT32,
          short.class, INT32,
          Short.class, INT32,
          long.class, INT64,
          Long.class, INT64);

  private ParameterProblems() {}

  /** The problem of a value of parameter {@code name} that is not a {@code type}. */
  public static ProblemException unconverted(String name, Class<?> type) {
    List<String> accepted = accepted(type);
    if (!accepted.isEmpty()) {
      String key = "invalid-request.parameter-values";
      Object[] arguments = {name, String.join(", ", accepted)};
      return problem(
          key,
          arguments,
          new Problem.FieldError(
              name, Messages.format(null, key, arguments), accepted, null, null));
    }
    Optional<BodyProblems.Format> format =
        BodyProblems.format(type).or(() -> Optional.ofNullable(NUMBERS.get(type)));
    if (format.isPresent()) {
      String key = "invalid-request.parameter-format";
      Object[] arguments = {name, new Messages.Key(format.get().key()), format.get().example()};
      return problem(
          key,
          arguments,
          new Problem.FieldError(
              name,
              Messages.format(null, key, arguments),
              null,
              format.get().name(),
              format.get().example()));
    }
    return ProblemException.invalid(name, "invalid-request.parameter", name);
  }

  /**
   * The values a parameter of this type takes when it takes one of a list, as the URL writes them.
   */
  private static List<String> accepted(Class<?> type) {
    List<String> names = new ArrayList<>();
    if (type != null && type.isEnum()) {
      for (Object constant : type.getEnumConstants()) {
        names.add(((Enum<?>) constant).name());
      }
    } else if (type == boolean.class || type == Boolean.class) {
      names.add("true");
      names.add("false");
    }
    return names;
  }

  private static ProblemException problem(
      String key, Object[] arguments, Problem.FieldError error) {
    return new ProblemException(ProblemType.VALIDATION_FAILED, List.of(error), key, arguments);
  }
}
