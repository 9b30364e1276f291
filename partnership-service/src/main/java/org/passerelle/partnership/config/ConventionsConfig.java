package org.passerelle.partnership.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.Map;

/**
 * The conventions' rules kept as configuration (DESIGN §3): when the daily job runs, how long
 * before its end a convention is announced as expiring, and the time zone whose days it follows.
 */
@ConfigMapping(prefix = "passerelle.conventions")
public interface ConventionsConfig {

  /** When the job that activates and expires conventions runs (Quarkus cron), or "off". */
  @WithDefault("0 5 0 * * ?")
  String schedule();

  /** convention-expiring is emitted once, this many days before the end date. */
  @WithDefault("60")
  int expiringNoticeDays();

  /**
   * The time zone of each country's sites (IANA id): a convention starts and ends at midnight
   * there, e.g. {@code passerelle.conventions.time-zones.MA=Africa/Casablanca}.
   */
  Map<String, ZoneId> timeZones();
}
