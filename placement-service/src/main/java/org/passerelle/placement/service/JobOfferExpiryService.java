package org.passerelle.placement.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.passerelle.commons.locks.AdvisoryLocks;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.JobOffer;
import org.passerelle.placement.JobOfferStatus;
import org.passerelle.placement.config.JobOffersConfig;
import org.passerelle.placement.repository.JobOfferRepository;

/**
 * Each day, in the time zone of the country's sites, published offers whose closing date passed
 * expire. Runs on {@code passerelle.job-offers.schedule} ("off" disables it).
 *
 * <p>One run per country at a time across every instance: a PostgreSQL session advisory lock per
 * country is held for the whole run, as for partnership's conventions. A run applied twice the same
 * day changes nothing the second time.
 */
@ApplicationScoped
public class JobOfferExpiryService {

  private static final Logger LOG = Logger.getLogger(JobOfferExpiryService.class);

  /** First key of the advisory lock ("JOBX"); the second is the country. */
  public static final int LOCK_CLASS = 0x4a4f4258;

  /** What one run changed. */
  public record Run(String country, LocalDate today, int expired) {}

  private final JobOffersConfig config;
  private final AdvisoryLocks locks;
  private final JobOfferRepository offers;
  private final Now now;

  JobOfferExpiryService(
      JobOffersConfig config, AdvisoryLocks locks, JobOfferRepository offers, Now now) {
    this.config = config;
    this.locks = locks;
    this.offers = offers;
    this.now = now;
  }

  @Scheduled(
      identity = "job-offer-expiry",
      cron = "{passerelle.job-offers.schedule}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    for (String country : new TreeSet<>(config.timeZones().keySet())) {
      try {
        LocalDate today = now.today(config.timeZones().get(country));
        run(country, today)
            .ifPresentOrElse(
                run -> LOG.infof("job offers %s: %s", country, run),
                () -> LOG.infof("job offers %s: another instance is running it", country));
      } catch (RuntimeException e) {
        LOG.warnf("job offers %s could not expire: %s", country, e.getClass().getName());
      }
    }
  }

  /**
   * Expires the country's published offers whose closing date is before this day (the day in the
   * sites' zone); empty when a run of that country is already going on.
   */
  public Optional<Run> run(String country, LocalDate today) {
    return locks.unlessRunning(
        LOCK_CLASS,
        country,
        () -> {
          int expired = QuarkusTransaction.requiringNew().call(() -> expire(country, today));
          return new Run(country, today, expired);
        });
  }

  private int expire(String country, LocalDate today) {
    List<JobOffer> over =
        offers.list(
            "country = ?1 and status = ?2 and closingDate < ?3",
            country,
            JobOfferStatus.PUBLISHED,
            today);
    for (JobOffer offer : over) {
      offer.status = JobOfferStatus.EXPIRED;
      offer.closedAt = now.timestamp();
      offer.changedAt = offer.closedAt;
    }
    return over.size();
  }
}
