package org.passerelle.placement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.Map;

/**
 * Job offers' rules kept as configuration (DESIGN §3): when the daily expiry job runs, and the time
 * zone whose days a closing date follows in each country.
 */
@ConfigMapping(prefix = "passerelle.job-offers")
public interface JobOffersConfig {

  /** When the job that expires offers past their closing date runs (Quarkus cron), or "off". */
  @WithDefault("0 15 0 * * ?")
  String schedule();

  /**
   * The time zone of each country's sites (IANA id): an offer closes at the end of its closing date
   * there, e.g. {@code passerelle.job-offers.time-zones.MA=Africa/Casablanca}.
   */
  Map<String, ZoneId> timeZones();
}
