package org.passerelle.enrollment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.passerelle.commons.locks.AdvisoryLocks;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.Applicant;
import org.passerelle.enrollment.ApplicationStatus;
import org.passerelle.enrollment.RetentionRun;
import org.passerelle.enrollment.config.EnrollmentConfig;
import org.passerelle.enrollment.repository.ApplicantRepository;
import org.passerelle.enrollment.repository.ApplicationRepository;
import org.passerelle.enrollment.repository.RetentionRunRepository;

/**
 * Retention: applicants who never enrolled are erased once their last activity (their record's or
 * an application's last change) is older than their country's period ({@code
 * passerelle.enrollment.countries.<C>.retention}). Runs on the schedule {@code
 * passerelle.enrollment.retention.schedule} ("off" disables it) or when an administrator asks.
 *
 * <p>One run per country at a time across every instance: a PostgreSQL session advisory lock per
 * country is held for the whole run. Each applicant is erased in a transaction of its own, so one
 * that fails is counted and the others still go. Each run is recorded in {@code retention_run}.
 */
@ApplicationScoped
public class RetentionService {

  private static final Logger LOG = Logger.getLogger(RetentionService.class);

  /** First key of the advisory lock ("RETN"); the second is the country. */
  public static final int LOCK_CLASS = 0x5245544e;

  public static final String SCHEDULE = "SCHEDULE";
  public static final String MANUAL = "MANUAL";
  public static final String RUNNING = "RUNNING";
  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";

  /** Applicants selected at a time; each is still erased in its own transaction. */
  static final int BATCH = 100;

  /** Who erases, in the audit log. */
  static final AccessScope SYSTEM =
      new AccessScope("system:retention", Set.of(), Optional.empty(), Set.of(), Optional.empty());

  private final EnrollmentConfig config;
  private final AdvisoryLocks locks;
  private final EntityManager entityManager;
  private final ApplicantRepository applicants;
  private final ApplicationRepository applications;
  private final RetentionRunRepository runs;
  private final ErasureService erasure;
  private final Now now;

  RetentionService(
      EnrollmentConfig config,
      AdvisoryLocks locks,
      EntityManager entityManager,
      ApplicantRepository applicants,
      ApplicationRepository applications,
      RetentionRunRepository runs,
      ErasureService erasure,
      Now now) {
    this.config = config;
    this.locks = locks;
    this.entityManager = entityManager;
    this.applicants = applicants;
    this.applications = applications;
    this.runs = runs;
    this.erasure = erasure;
    this.now = now;
  }

  @Scheduled(
      identity = "retention",
      cron = "{passerelle.enrollment.retention.schedule}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    for (String country : new TreeSet<>(config.countries().keySet())) {
      try {
        run(country, SCHEDULE)
            .ifPresentOrElse(
                run -> LOG.infof("retention %s: %s, %d erased", country, run.status, run.erased),
                () -> LOG.infof("retention %s: another instance is running it", country));
      } catch (RuntimeException e) {
        LOG.warnf("retention %s could not run: %s", country, e.getClass().getName());
      }
    }
  }

  /**
   * Runs the retention of a configured country now and returns its run once finished; empty when a
   * run of that country is already going on (here or in another instance).
   */
  public Optional<RetentionRun> run(String country, String trigger) {
    Period period =
        config
            .rules(country)
            .orElseThrow(() -> new IllegalArgumentException("no rules for " + country))
            .retention();
    return locks.unlessRunning(LOCK_CLASS, country, () -> runLocked(country, trigger, period));
  }

  /** The second key of a country's lock: its two letters. */
  public static int lockKey(String country) {
    return AdvisoryLocks.countryKey(country);
  }

  private RetentionRun runLocked(String country, String trigger, Period period) {
    OffsetDateTime started = now.timestamp();
    OffsetDateTime cutoff = started.minus(period);
    UUID runId =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  RetentionRun run = new RetentionRun();
                  run.id = UUID.randomUUID();
                  run.country = country;
                  run.trigger = trigger;
                  run.cutoff = cutoff;
                  run.startedAt = started;
                  run.status = RUNNING;
                  runs.persist(run);
                  return run.id;
                });
    int erased = 0;
    int failed = 0;
    List<UUID> skipped = new ArrayList<>();
    String failure = null;
    try {
      List<UUID> due;
      do {
        List<UUID> excluded = List.copyOf(skipped);
        due = QuarkusTransaction.requiringNew().call(() -> due(country, cutoff, excluded));
        for (UUID applicantId : due) {
          try {
            if (QuarkusTransaction.requiringNew().call(() -> eraseIfDue(applicantId, cutoff))) {
              erased++;
            } else {
              skipped.add(applicantId);
            }
          } catch (RuntimeException e) {
            // Messages may quote the data (a constraint's detail): the class names the cause.
            LOG.warnf(
                "retention run %s: applicant %s not erased: %s",
                runId, applicantId, e.getClass().getName());
            LOG.debug("retention erasure failure", e);
            skipped.add(applicantId);
            failed++;
            failure = failure == null ? e.getClass().getSimpleName() : failure;
          }
        }
      } while (!due.isEmpty());
    } catch (RuntimeException e) {
      LOG.warnf("retention run %s stopped: %s", runId, e.getClass().getName());
      LOG.debug("retention run failure", e);
      return finish(runId, erased, "run stopped (" + e.getClass().getSimpleName() + ")");
    }
    return finish(
        runId,
        erased,
        failed == 0 ? null : failed + " applicant(s) could not be erased (" + failure + ")");
  }

  private RetentionRun finish(UUID runId, int erased, String error) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              RetentionRun run = runs.findById(runId);
              run.finishedAt = now.timestamp();
              run.erased = erased;
              run.status = error == null ? SUCCEEDED : FAILED;
              run.error = error == null ? null : error.substring(0, Math.min(500, error.length()));
              return run;
            });
  }

  /** Applicants of the country due for erasure, oldest activity first. */
  private List<UUID> due(String country, OffsetDateTime cutoff, List<UUID> excluded) {
    String query =
        "select p.id from Applicant p where p.country = :country and p.erasedAt is null"
            + " and p.updatedAt < :cutoff and not exists (select 1 from Application a"
            + " where a.applicant = p and (a.status = :enrolled or a.updatedAt >= :cutoff))"
            + (excluded.isEmpty() ? "" : " and p.id not in :excluded")
            + " order by p.updatedAt, p.id";
    var select =
        entityManager
            .createQuery(query, UUID.class)
            .setParameter("country", country)
            .setParameter("cutoff", cutoff)
            .setParameter("enrolled", ApplicationStatus.ENROLLED)
            .setMaxResults(BATCH);
    if (!excluded.isEmpty()) {
      select.setParameter("excluded", excluded);
    }
    return select.getResultList();
  }

  /** Erases the applicant if still due once its row is locked. */
  private boolean eraseIfDue(UUID applicantId, OffsetDateTime cutoff) {
    Applicant applicant =
        applicants.findByIdOptional(applicantId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
    if (applicant == null || applicant.erased() || !applicant.updatedAt.isBefore(cutoff)) {
      return false;
    }
    if (applications.count(
            "applicant = ?1 and (status = ?2 or updatedAt >= ?3)",
            applicant,
            ApplicationStatus.ENROLLED,
            cutoff)
        > 0) {
      return false;
    }
    erasure.erase(applicant, SYSTEM, "retention", now.timestamp());
    return true;
  }
}
