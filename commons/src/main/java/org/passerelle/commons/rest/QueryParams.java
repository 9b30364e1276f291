package org.passerelle.commons.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.passerelle.commons.problem.ParameterProblems;

/**
 * Typed query parameters that answer 400 when they do not convert, saying what would have been
 * accepted ({@link ParameterProblems}). JAX-RS itself answers 404 for a query parameter it cannot
 * convert, which would tell the caller the list does not exist.
 */
public final class QueryParams {

  private QueryParams() {}

  public static UUID uuid(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ParameterProblems.unconverted(name, UUID.class);
    }
  }

  public static LocalDate date(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ParameterProblems.unconverted(name, LocalDate.class);
    }
  }

  public static <E extends Enum<E>> E value(Class<E> type, String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw ParameterProblems.unconverted(name, type);
    }
  }

  /** A repeated parameter, e.g. {@code ?status=A&status=B}; empty when absent. */
  public static <E extends Enum<E>> Set<E> values(Class<E> type, String name, List<String> values) {
    Set<E> converted = EnumSet.noneOf(type);
    if (values != null) {
      for (String value : values) {
        converted.add(value(type, name, value));
      }
    }
    return converted;
  }
}
