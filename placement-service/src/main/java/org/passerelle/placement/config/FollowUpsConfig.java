package org.passerelle.placement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Follow-ups' rules kept as configuration (DESIGN §3): each country's offsets after an exit, how
 * many failed attempts make a learner unreachable, when a due follow-up becomes overdue, the
 * country's time zone for exit days, and when the daily job announcing due follow-ups runs.
 */
@ConfigMapping(prefix = "passerelle.follow-ups")
public interface FollowUpsConfig {

  /**
   * Months after the exit at which each country follows its learners up, e.g. {@code
   * passerelle.follow-ups.offsets-months.FR=3,6,12}.
   */
  Map<String, List<Integer>> offsetsMonths();

  /** A learner not reached after this many attempts at one follow-up is UNREACHABLE. */
  @WithDefault("3")
  int maxAttempts();

  /** A due follow-up not closed this many days after its due day is overdue. */
  @WithDefault("30")
  int overdueAfterDays();

  /** The time zone of each country's sites (IANA id): the exit day is the day there. */
  Map<String, ZoneId> timeZones();

  /** When the job announcing due follow-ups runs (Quarkus cron), or "off". */
  @WithDefault("0 15 6 * * ?")
  String schedule();
}
