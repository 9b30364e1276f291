package org.passerelle.commons.rest;

import io.quarkus.panache.common.Sort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.passerelle.commons.problem.ProblemException;

/**
 * The fields a list sorts by, and how a {@code sort} query parameter ({@code sort=field,-field}: a
 * minus sorts that field descending) orders it (ADR 0040). Each field maps to the expression the
 * list's query sorts by (HQL or SQL); a field the list does not sort by answers 400 naming it and
 * listing those it does. Every order ends with the list's tie-breaker so that pages neither skip
 * nor repeat an item; no {@code sort} is the list's default order, the one its indexes serve (ADR
 * 0032).
 */
public final class Sorting {

  /** The parameter's name, the same on every list. */
  public static final String PARAMETER = "sort";

  /** How the OpenAPI documents of every list describe the parameter, before the list's fields. */
  public static final String SYNTAX =
      "Comma-separated fields, each sorting ascending or, prefixed with -, descending;"
          + " earlier fields first. Ties keep the list's stable order.";

  /** One key of an order: a field's expression, and its direction. */
  public record Key(String field, String expression, boolean descending) {}

  private final Map<String, String> fields;
  private final List<Key> defaultOrder;
  private final String tieBreaker;

  private Sorting(Map<String, String> fields, List<Key> defaultOrder, String tieBreaker) {
    this.fields = fields;
    this.defaultOrder = defaultOrder;
    this.tieBreaker = tieBreaker;
  }

  /**
   * A list's sort fields ({@code name, expression} pairs, in the order they are documented), its
   * default order (as a {@code sort} value) and the expression that breaks ties (ascending, or
   * descending when prefixed with a minus, as lists that read newest first already broke them).
   */
  public static Sorting of(String defaultOrder, String tieBreaker, String... namesAndExpressions) {
    if (namesAndExpressions.length % 2 != 0) {
      throw new IllegalArgumentException("fields come as name, expression pairs");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndExpressions.length; i += 2) {
      fields.put(namesAndExpressions[i], namesAndExpressions[i + 1]);
    }
    Map<String, String> declared = Collections.unmodifiableMap(fields);
    return new Sorting(
        declared,
        new Sorting(declared, List.of(), tieBreaker).parse(defaultOrder).keys(),
        tieBreaker);
  }

  /** The names this list sorts by, in the order they are documented. */
  public List<String> fields() {
    return List.copyOf(fields.keySet());
  }

  /** The names this list sorts by, comma-separated, as the problems and documents list them. */
  public String accepted() {
    return String.join(", ", fields.keySet());
  }

  /**
   * The order a {@code sort} parameter asks for; the default order when it is absent or blank.
   * Unknown, empty or repeated fields answer 400 {@code validation-failed} on {@code sort}.
   */
  public Order parse(String sort) {
    if (sort == null || sort.isBlank()) {
      return new Order(defaultOrder, tieBreaker, true);
    }
    List<Key> keys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String part : sort.split(",", -1)) {
      String item = part.strip();
      boolean descending = item.startsWith("-");
      String name = descending ? item.substring(1) : item;
      String expression = fields.get(name);
      if (expression == null) {
        throw ProblemException.invalid(PARAMETER, "invalid-request.sort-field", item, accepted());
      }
      if (!seen.add(name)) {
        throw ProblemException.invalid(PARAMETER, "invalid-request.sort-field-twice", name);
      }
      keys.add(new Key(name, expression, descending));
    }
    return new Order(List.copyOf(keys), tieBreaker, keys.equals(defaultOrder));
  }

  /**
   * An order to sort a list by.
   *
   * @param isDefault whether it is the list's default order, the one its indexes serve
   */
  public record Order(List<Key> keys, String tieBreaker, boolean isDefault) {

    /** As SQL or HQL after {@code order by}: the keys, then the tie-breaker. */
    public String clause() {
      List<String> parts = new ArrayList<>();
      for (Key key : keys) {
        parts.add(key.expression() + (key.descending() ? " desc" : ""));
      }
      parts.add(tieBreaker.startsWith("-") ? tieBreaker.substring(1) + " desc" : tieBreaker);
      return String.join(", ", parts);
    }

    /** As a Panache sort: the keys, then the tie-breaker. */
    public Sort sort() {
      Sort sort = null;
      for (Key key : keys) {
        sort = then(sort, key.expression(), key.descending());
      }
      boolean descending = tieBreaker.startsWith("-");
      return then(sort, descending ? tieBreaker.substring(1) : tieBreaker, descending);
    }

    private static Sort then(Sort sort, String expression, boolean descending) {
      Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
      return sort == null ? Sort.by(expression, direction) : sort.and(expression, direction);
    }
  }
}
