package org.passerelle.partnership.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.locks.AdvisoryLocks;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.time.Now;
import org.passerelle.partnership.Commitment;
import org.passerelle.partnership.CommitmentStatus;
import org.passerelle.partnership.Convention;
import org.passerelle.partnership.ConventionStatus;
import org.passerelle.partnership.config.ConventionsConfig;
import org.passerelle.partnership.events.CommitmentClosed;
import org.passerelle.partnership.events.ConventionExpiring;
import org.passerelle.partnership.repository.CommitmentRepository;
import org.passerelle.partnership.repository.ConventionRepository;

/**
 * The conventions' days: signed conventions whose start date came become active, those whose end
 * date passed expire, those ending within the notice period ({@code
 * passerelle.conventions.expiring-notice-days}) are announced once by convention-expiring, and open
 * commitments past their due date are missed. A convention's day is the day at the covered site
 * where it comes last, in each site's own time zone (ADR 0024): it starts once its start date has
 * begun at every site, and ends only once its end date is over at every one. Runs on {@code
 * passerelle.conventions.schedule} ("off" disables it).
 *
 * <p>One run per drafting country at a time across every instance: a PostgreSQL session advisory
 * lock per country is held for the whole run, as for enrollment's retention. A run applied twice at
 * the same moment changes nothing the second time.
 */
@ApplicationScoped
public class ConventionLifecycleService {

  private static final Logger LOG = Logger.getLogger(ConventionLifecycleService.class);

  /** First key of the advisory lock ("CONV"); the second is the country. */
  public static final int LOCK_CLASS = 0x434f4e56;

  /** What one run changed. */
  public record Run(
      String country, LocalDate today, int activated, int expired, int announced, int missed) {}

  private final ConventionsConfig config;
  private final AdvisoryLocks locks;
  private final ConventionRepository conventions;
  private final CommitmentRepository commitments;
  private final SiteService sites;
  private final Outbox outbox;
  private final Now now;

  ConventionLifecycleService(
      ConventionsConfig config,
      AdvisoryLocks locks,
      ConventionRepository conventions,
      CommitmentRepository commitments,
      SiteService sites,
      Outbox outbox,
      Now now) {
    this.config = config;
    this.locks = locks;
    this.conventions = conventions;
    this.commitments = commitments;
    this.sites = sites;
    this.outbox = outbox;
    this.now = now;
  }

  @Scheduled(
      identity = "conventions",
      cron = "{passerelle.conventions.schedule}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    for (String country : new TreeSet<>(config.timeZones().keySet())) {
      try {
        run(country, now.instant())
            .ifPresentOrElse(
                run -> LOG.infof("conventions %s: %s", country, run),
                () -> LOG.infof("conventions %s: another instance is running it", country));
      } catch (RuntimeException e) {
        LOG.warnf("conventions %s could not run: %s", country, e.getClass().getName());
      }
    }
  }

  /**
   * Brings the country's conventions and commitments to this day, as if run at noon UTC (the same
   * day in France and Morocco); empty when a run of that country is already going on.
   */
  public Optional<Run> run(String country, LocalDate day) {
    return run(country, day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
  }

  /**
   * Brings the conventions drafted in the country and their commitments to this instant, each at
   * its sites' day; empty when a run of that country is already going on.
   */
  public Optional<Run> run(String country, Instant at) {
    return locks.unlessRunning(LOCK_CLASS, country, () -> runLocked(country, at));
  }

  private Run runLocked(String country, Instant at) {
    Days days = new Days(at);
    int activated = QuarkusTransaction.requiringNew().call(() -> activate(country, days));
    int expired = QuarkusTransaction.requiringNew().call(() -> expire(country, days));
    int announced = QuarkusTransaction.requiringNew().call(() -> announce(country, days));
    int missed = QuarkusTransaction.requiringNew().call(() -> miss(country, days));
    ZoneId zone = config.timeZones().getOrDefault(country, ZoneOffset.UTC);
    return new Run(country, LocalDate.ofInstant(at, zone), activated, expired, announced, missed);
  }

  /**
   * The day of each convention at this instant: the earliest of its sites' days (each site's zone
   * read once per run). {@link #latest} bounds every site's day, to narrow the queries.
   */
  private final class Days {
    private final Instant at;
    private final Map<String, LocalDate> bySite = new HashMap<>();
    private final Map<UUID, LocalDate> byConvention = new HashMap<>();
    final LocalDate latest;

    Days(Instant at) {
      this.at = at;
      this.latest = LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(1);
    }

    LocalDate of(Convention convention) {
      return byConvention.computeIfAbsent(
          convention.id,
          id ->
              convention.sites.stream()
                  .map(
                      site ->
                          bySite.computeIfAbsent(
                              site, code -> LocalDate.ofInstant(at, sites.zoneOf(code))))
                  .min(Comparator.naturalOrder())
                  .orElseGet(
                      () ->
                          LocalDate.ofInstant(
                              at,
                              config
                                  .timeZones()
                                  .getOrDefault(convention.country, ZoneOffset.UTC))));
    }
  }

  private int activate(String country, Days days) {
    List<Convention> due =
        conventions
            .list(
                "country = ?1 and status = ?2 and startsOn <= ?3",
                country,
                ConventionStatus.SIGNED,
                days.latest)
            .stream()
            .filter(
                convention -> {
                  LocalDate today = days.of(convention);
                  return !convention.startsOn.isAfter(today) && !convention.endsOn.isBefore(today);
                })
            .toList();
    due.forEach(convention -> moved(convention, ConventionStatus.ACTIVE));
    return due.size();
  }

  private int expire(String country, Days days) {
    List<Convention> over =
        conventions
            .list(
                "country = ?1 and status in ?2 and endsOn < ?3",
                country,
                List.of(ConventionStatus.SIGNED, ConventionStatus.ACTIVE),
                days.latest)
            .stream()
            .filter(convention -> convention.endsOn.isBefore(days.of(convention)))
            .toList();
    over.forEach(convention -> moved(convention, ConventionStatus.EXPIRED));
    return over.size();
  }

  private void moved(Convention convention, ConventionStatus target) {
    if (convention.status.canMoveTo(target)) {
      convention.status = target;
      convention.changedAt = now.timestamp();
    }
  }

  private int announce(String country, Days days) {
    List<Convention> ending =
        conventions
            .list(
                "country = ?1 and status in ?2 and expiringNoticeAt is null and endsOn <= ?3",
                country,
                List.of(ConventionStatus.SIGNED, ConventionStatus.ACTIVE),
                days.latest.plusDays(config.expiringNoticeDays()))
            .stream()
            .filter(
                convention -> {
                  LocalDate today = days.of(convention);
                  return !convention.endsOn.isBefore(today)
                      && !convention.endsOn.isAfter(today.plusDays(config.expiringNoticeDays()));
                })
            .toList();
    for (Convention convention : ending) {
      LocalDate today = days.of(convention);
      convention.expiringNoticeAt = now.timestamp();
      int daysLeft = (int) ChronoUnit.DAYS.between(today, convention.endsOn);
      outbox.publish(
          DomainEvent.v1(
              ConventionExpiring.NAME,
              convention.id,
              convention.country,
              null,
              ConventionExpiring.of(convention, daysLeft)));
    }
    return ending.size();
  }

  private int miss(String country, Days days) {
    List<Commitment> late =
        commitments
            .list(
                "country = ?1 and status = ?2 and dueOn < ?3",
                country,
                CommitmentStatus.OPEN,
                days.latest)
            .stream()
            .filter(
                commitment ->
                    commitment.dueOn.isBefore(
                        days.of(conventions.findById(commitment.conventionId))))
            .toList();
    for (Commitment commitment : late) {
      commitment.status = CommitmentStatus.MISSED;
      commitment.closedAt = now.timestamp();
      outbox.publish(
          DomainEvent.v1(
              CommitmentClosed.MISSED,
              commitment.id,
              commitment.country,
              null,
              CommitmentClosed.of(commitment)));
    }
    return late.size();
  }
}
