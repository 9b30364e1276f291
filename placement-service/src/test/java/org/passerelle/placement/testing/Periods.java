package org.passerelle.placement.testing;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Indicator periods for tests: past, and each its own, so that no two tests close the same one. */
public final class Periods {

  /**
   * Periods lie in slots of their own, apart by more than a period, an enrolment before it and a
   * nine-month follow-up after it: random starts let two tests' periods overlap, and a funder's
   * report then counted another test's cohort (a CI failure).
   */
  private static final int SLOT_DAYS = 800;

  private static final AtomicInteger NEXT_SLOT = new AtomicInteger();

  private Periods() {}

  /** A past period [from, to] no other test of this run overlaps. */
  public static LocalDate[] unique() {
    LocalDate from =
        LocalDate.of(1950, 1, 1).plusDays((long) NEXT_SLOT.getAndIncrement() * SLOT_DAYS);
    return new LocalDate[] {from, from.plusDays(ThreadLocalRandom.current().nextInt(30, 400))};
  }

  public static String body(String country, LocalDate[] period) {
    return """
        {"country": "%s", "from": "%s", "to": "%s"}
        """
        .formatted(country, period[0], period[1]);
  }
}
