package org.passerelle.commons.rest;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list (DESIGN §6): lists are always paginated, with a hard maximum size.
 *
 * @param items the page's items
 * @param page zero-based page index
 * @param size requested page size
 * @param total number of items across all pages; when {@code totalIsExact} is false, a lower bound:
 *     more items than this match (ADR 0032)
 * @param totalIsExact false when a list that grows without bound (such as applications) stopped
 *     counting: then more than {@code total} items match
 */
public record Page<T>(
    List<T> items,
    int page,
    int size,
    @Schema(
            description =
                "Number of items across all pages. When totalIsExact is false, more items than"
                    + " this match: a list that grows without bound counts its items only up to"
                    + " 1000 (show \"1000+\"), a search only up to its page, and a page beyond"
                    + " reports how far it reached")
        long total,
    @Schema(description = "Whether total is the exact number of items; false: more match")
        boolean totalIsExact) {

  public static final int MAX_SIZE = 100;

  /** Keeps page * size within an int offset. */
  public static final int MAX_PAGE = 1_000_000;

  public static final String DEFAULT_SIZE = "20";

  /** How many items a list that grows without bound counts at most (ADR 0032). */
  public static final int COUNTED_UP_TO = 1_000;

  /** A page whose total is exact. */
  public Page(List<T> items, int page, int size, long total) {
    this(items, page, size, total, true);
  }

  /** A page of a list already in memory (e.g. read from a topic rather than a table). */
  public static <T> Page<T> slice(List<T> all, int page, int size) {
    int from = (int) Math.min((long) page * size, all.size());
    int to = Math.min(from + size, all.size());
    return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size());
  }

  /**
   * A page of a list that stays small enough to count whole. One more item than the page is read: a
   * page that is not full is the last one, and gives the total without counting.
   */
  public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> view) {
    long offset = (long) page * size;
    List<E> read = query.range((int) offset, (int) offset + size).list();
    List<T> items = read.stream().limit(size).map(view).toList();
    if (read.size() <= size && (!read.isEmpty() || offset == 0)) {
      return new Page<>(items, page, size, offset + read.size());
    }
    return new Page<>(items, page, size, query.count());
  }

  /** How a list that grows without bound reads its rows, in the list's order. */
  public interface Rows<E> {

    /** At most {@code limit} rows, skipping the first {@code offset}. */
    List<E> read(long offset, int limit);

    /** How many rows the list holds, or {@code limit} when it holds at least that many. */
    long countUpTo(long limit);
  }

  /**
   * A page of a list that grows without bound (ADR 0032): the total is counted only up to {@code
   * countUpTo}, and not at all when the page itself tells it (a page that is not full is the last)
   * or when the page lies beyond that count. So a page reads at most about {@code countUpTo} rows
   * of the list, however many it holds (plus those it skips on deep pages). {@code countUpTo} 0:
   * never counted beyond the page.
   */
  public static <E, T> Page<T> counted(
      Rows<E> rows, int page, int size, int countUpTo, Function<E, T> view) {
    long offset = (long) page * size;
    List<E> read = rows.read(offset, size + 1);
    List<T> items = read.stream().limit(size).map(view).toList();
    boolean more = read.size() > size;
    if (!more && (!read.isEmpty() || offset == 0)) {
      return new Page<>(items, page, size, offset + read.size(), true);
    }
    if (more && offset + size >= countUpTo) {
      return new Page<>(items, page, size, offset + size, false);
    }
    long counted = rows.countUpTo(countUpTo + 1L);
    return counted > countUpTo
        ? new Page<>(items, page, size, countUpTo, false)
        : new Page<>(items, page, size, counted, true);
  }
}
