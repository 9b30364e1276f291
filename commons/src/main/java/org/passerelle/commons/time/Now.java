package org.passerelle.commons.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one way a service reads the time. Timestamps are UTC and cut to microseconds, PostgreSQL's
 * precision, so that a value written and read back compares equal (ETags, replays, tests); a site's
 * calendar day is read in the site's own zone. The clock is a bean ({@link Clocks}), so a test can
 * replace it.
 */
@ApplicationScoped
public class Now {

  private final Clock clock;

  public Now(Clock clock) {
    this.clock = clock;
  }

  /**
   * {@link #timestamp()} for code the container does not build: an entity's lifecycle callback that
   * stamps its updatedAt on every write (ADR 0043).
   */
  public static OffsetDateTime stamp() {
    return CDI.current().select(Now.class).get().timestamp();
  }

  /** The current instant as stored in the database: UTC, microseconds. */
  public OffsetDateTime timestamp() {
    return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
  }

  public Instant instant() {
    return clock.instant();
  }

  /** Today's date where the site is, e.g. for "a cohort starts today" in Casablanca. */
  public LocalDate today(ZoneId zone) {
    return LocalDate.now(clock.withZone(zone));
  }

  /**
   * When something staff record as having happened on {@code day} at the site took effect: now when
   * the day is today there, else the start of that day there (UTC, like {@link #timestamp()}), so a
   * departure or a jury recorded after the fact falls on its own day in every service's calendar.
   */
  public OffsetDateTime effectiveOn(LocalDate day, ZoneId zone) {
    return day.equals(today(zone))
        ? timestamp()
        : day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
  }
}
