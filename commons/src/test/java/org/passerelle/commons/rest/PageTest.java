package org.passerelle.commons.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A list that grows without bound counts only what it must, and says when it stopped. */
class PageTest {

  /** A list of {@code size} numbers that remembers what was asked of it. */
  private static final class Numbers implements Page.Rows<Long> {
    private final long size;
    final List<Long> counts = new ArrayList<>();

    Numbers(long size) {
      this.size = size;
    }

    @Override
    public List<Long> read(long offset, int limit) {
      return LongStream.range(offset, Math.min(size, offset + limit)).boxed().toList();
    }

    @Override
    public long countUpTo(long limit) {
      counts.add(limit);
      return Math.min(size, limit);
    }
  }

  private static Page<Long> page(Numbers numbers, int page, int countUpTo) {
    return Page.counted(numbers, page, 20, countUpTo, Function.identity());
  }

  @Test
  void aPageThatIsNotFullIsTheLastAndGivesTheTotalWithoutCounting() {
    Numbers numbers = new Numbers(45);
    Page<Long> last = page(numbers, 2, Page.COUNTED_UP_TO);
    assertThat(last.items()).containsExactly(40L, 41L, 42L, 43L, 44L);
    assertThat(last.total()).isEqualTo(45);
    assertThat(last.totalIsExact()).isTrue();
    assertThat(page(new Numbers(0), 0, Page.COUNTED_UP_TO).total()).isZero();
    assertThat(numbers.counts).isEmpty();
  }

  @Test
  void aFullPageCountsUpToTheLimitAndNoFurther() {
    Numbers few = new Numbers(40);
    Page<Long> first = page(few, 0, Page.COUNTED_UP_TO);
    assertThat(first.items()).hasSize(20);
    assertThat(first.total()).isEqualTo(40);
    assertThat(first.totalIsExact()).isTrue();

    Numbers many = new Numbers(1_000_000);
    Page<Long> counted = page(many, 0, Page.COUNTED_UP_TO);
    assertThat(counted.total()).isEqualTo(Page.COUNTED_UP_TO);
    assertThat(counted.totalIsExact()).isFalse();
    assertThat(many.counts).containsExactly(Page.COUNTED_UP_TO + 1L);
  }

  @Test
  void aFullPageBeyondTheLimitOrOfASearchReportsHowFarItReached() {
    Numbers many = new Numbers(1_000_000);
    Page<Long> deep = page(many, 60, Page.COUNTED_UP_TO);
    assertThat(deep.items()).startsWith(1200L);
    assertThat(deep.total()).isEqualTo(1220);
    assertThat(deep.totalIsExact()).isFalse();
    Page<Long> search = page(many, 1, 0);
    assertThat(search.total()).isEqualTo(40);
    assertThat(search.totalIsExact()).isFalse();
    assertThat(many.counts).isEmpty();
  }

  @Test
  void aPageBeyondTheEndCountsToSayWhereTheEndIs() {
    Numbers numbers = new Numbers(30);
    Page<Long> beyond = page(numbers, 5, Page.COUNTED_UP_TO);
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(30);
    assertThat(beyond.totalIsExact()).isTrue();
  }
}
