package org.passerelle.placement.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.locks.AdvisoryLocks;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.FollowUp;
import org.passerelle.placement.FollowUpStatus;
import org.passerelle.placement.config.FollowUpsConfig;
import org.passerelle.placement.events.FollowUpDue;
import org.passerelle.placement.repository.FollowUpRepository;

/**
 * Each day, in the time zone of the country's sites, announces by follow-up-due the scheduled
 * follow-ups whose due day came, once each. Runs on {@code passerelle.follow-ups.schedule} ("off"
 * disables it).
 *
 * <p>One run per country at a time across every instance: a PostgreSQL session advisory lock per
 * country is held for the whole run, as for partnership's conventions. A second run the same day
 * announces nothing again.
 */
@ApplicationScoped
public class FollowUpDueService {

  private static final Logger LOG = Logger.getLogger(FollowUpDueService.class);

  /** First key of the advisory lock ("FUPD"); the second is the country. */
  public static final int LOCK_CLASS = 0x46555044;

  /** What one run announced. */
  public record Run(String country, LocalDate today, int announced) {}

  private final FollowUpsConfig config;
  private final AdvisoryLocks locks;
  private final FollowUpRepository followUps;
  private final FollowUpCalendar calendar;
  private final Outbox outbox;
  private final Now now;

  FollowUpDueService(
      FollowUpsConfig config,
      AdvisoryLocks locks,
      FollowUpRepository followUps,
      FollowUpCalendar calendar,
      Outbox outbox,
      Now now) {
    this.config = config;
    this.locks = locks;
    this.followUps = followUps;
    this.calendar = calendar;
    this.outbox = outbox;
    this.now = now;
  }

  @Scheduled(
      identity = "follow-ups-due",
      cron = "{passerelle.follow-ups.schedule}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    for (String country : new TreeSet<>(config.timeZones().keySet())) {
      try {
        run(country, calendar.today(country))
            .ifPresentOrElse(
                run -> LOG.infof("follow-ups due %s: %s", country, run),
                () -> LOG.infof("follow-ups due %s: another instance is running it", country));
      } catch (RuntimeException e) {
        LOG.warnf("follow-ups due %s could not run: %s", country, e.getClass().getName());
      }
    }
  }

  /** Announces the country's follow-ups due by this day; empty when a run is already going on. */
  public Optional<Run> run(String country, LocalDate today) {
    return locks.unlessRunning(
        LOCK_CLASS,
        country,
        () -> {
          int announced = QuarkusTransaction.requiringNew().call(() -> announce(country, today));
          return new Run(country, today, announced);
        });
  }

  private int announce(String country, LocalDate today) {
    List<FollowUp> due =
        followUps.list(
            "country = ?1 and status = ?2 and dueAnnouncedAt is null and dueOn <= ?3",
            country,
            FollowUpStatus.SCHEDULED,
            today);
    OffsetDateTime at = now.timestamp();
    for (FollowUp followUp : due) {
      followUp.dueAnnouncedAt = at;
      outbox.publish(
          DomainEvent.v1(
              FollowUpDue.NAME,
              followUp.id,
              followUp.country,
              followUp.siteCode,
              FollowUpDue.of(followUp, at)));
    }
    return due.size();
  }
}
