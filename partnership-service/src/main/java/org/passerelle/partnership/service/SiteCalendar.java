package org.passerelle.partnership.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.passerelle.commons.time.Now;

/**
 * Today's date in a country, for the due days of loans. partnership-service does not learn sites'
 * own zones; each country's schools share one zone.
 */
final class SiteCalendar {

  private static final Map<String, ZoneId> ZONES =
      Map.of("FR", ZoneId.of("Europe/Paris"), "MA", ZoneId.of("Africa/Casablanca"));

  private SiteCalendar() {}

  static LocalDate today(Now now, String country) {
    return now.today(ZONES.getOrDefault(country, ZoneId.of("UTC")));
  }

  static String countryOf(String site) {
    return site.substring(0, 2);
  }
}
