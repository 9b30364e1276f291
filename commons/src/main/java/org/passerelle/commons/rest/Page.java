package org.passerelle.commons.rest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list (DESIGN §6): lists are always paginated, with a hard maximum size.
 *
 * @param items the page's items
 * @param page zero-based page index
 * @param size requested page size
 * @param total number of items across all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

  public static final int MAX_SIZE = 100;

  /** Keeps page * size within an int offset. */
  public static final int MAX_PAGE = 1_000_000;

  public static final String DEFAULT_SIZE = "20";

  /** A page of a list already in memory (e.g. read from a topic rather than a table). */
  public static <T> Page<T> slice(List<T> all, int page, int size) {
    int from = (int) Math.min((long) page * size, all.size());
    int to = Math.min(from + size, all.size());
    return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size());
  }

  public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> view) {
    List<T> items = query.page(page, size).list().stream().map(view).toList();
    return new Page<>(items, page, size, query.count());
  }
}
