package org.passerelle.placement.testing;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Indicator periods for tests: past, and each its own, so that no two tests close the same one. */
public final class Periods {

  private Periods() {}

  /** A past period [from, to] no other test uses (a random year of days in the last decades). */
  public static LocalDate[] unique() {
    LocalDate from = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000));
    return new LocalDate[] {from, from.plusDays(ThreadLocalRandom.current().nextInt(30, 400))};
  }

  public static String body(String country, LocalDate[] period) {
    return """
        {"country": "%s", "from": "%s", "to": "%s"}
        """
        .formatted(country, period[0], period[1]);
  }
}
