package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.config.FollowUpsConfig;

/**
 * Days in a country's calendar ({@code passerelle.follow-ups.time-zones}): the day a learner's
 * training ended, and today, where their site is.
 */
@ApplicationScoped
public class FollowUpCalendar {

  private final FollowUpsConfig config;
  private final Now now;

  FollowUpCalendar(FollowUpsConfig config, Now now) {
    this.config = config;
    this.now = now;
  }

  public ZoneId zone(String country) {
    return config.timeZones().getOrDefault(country, ZoneOffset.UTC);
  }

  public LocalDate today(String country) {
    return now.today(zone(country));
  }

  public LocalDate day(String country, OffsetDateTime at) {
    return at.atZoneSameInstant(zone(country)).toLocalDate();
  }
}
