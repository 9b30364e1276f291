package org.passerelle.partnership.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.Map;

/**
 * The conventions' rules kept as configuration (DESIGN §3): when the job runs, how long before its
 * end a convention is announced as expiring, and each country's time zone, followed by its sites
 * until cohort-service announced their own.
 */
@ConfigMapping(prefix = "passerelle.conventions")
public interface ConventionsConfig {

  /**
   * When the job that activates and expires conventions runs (Quarkus cron), or "off": hourly, so
   * that each site's midnight, in whatever zone, is caught within the hour.
   */
  @WithDefault("0 5 * * * ?")
  String schedule();

  /** convention-expiring is emitted once, this many days before the end date. */
  @WithDefault("60")
  int expiringNoticeDays();

  /**
   * The time zone of each country's sites (IANA id), for a site whose own zone is not known yet: a
   * convention starts and ends at midnight there, e.g. {@code
   * passerelle.conventions.time-zones.MA=Africa/Casablanca}.
   */
  Map<String, ZoneId> timeZones();
}
