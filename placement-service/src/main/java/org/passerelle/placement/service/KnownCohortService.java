package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.KnownCohort;
import org.passerelle.placement.repository.KnownCohortRepository;

/**
 * The cohorts as cohort-service announced them (issue 17): this service's copy, written only from
 * cohort-service's events, that the impact indicators attribute learners by (start and end dates,
 * programme, funders). The newest cohort version wins, whichever event brought it.
 */
@ApplicationScoped
public class KnownCohortService {

  /** The whole cohort as cohort-scheduled, -changed, -started and -completed describe it. */
  public interface Cohort {
    UUID cohortId();

    String programmeCode();

    String site();

    String country();

    LocalDate startDate();

    LocalDate endDate();

    String status();

    /** Null when the event predates funders as partners: the funders held stay. */
    List<UUID> funderPartnerIds();

    long version();
  }

  private final KnownCohortRepository cohorts;
  private final Now now;

  KnownCohortService(KnownCohortRepository cohorts, Now now) {
    this.cohorts = cohorts;
    this.now = now;
  }

  /** Keeps the cohort unless the copy here is as new or newer; false when nothing changed. */
  @Transactional
  public boolean keepNewest(Cohort cohort) {
    // Locked: two instances briefly sharing a partition during a rebalance must not both decide
    // from the same stored version.
    KnownCohort known =
        cohorts.findByIdOptional(cohort.cohortId(), LockModeType.PESSIMISTIC_WRITE).orElse(null);
    boolean isNew = known == null;
    if (isNew) {
      known = learned(cohort.cohortId(), cohort.country());
    } else if (cohort.version() <= known.version) {
      return false;
    }
    known.siteCode = cohort.site();
    known.programmeCode = cohort.programmeCode();
    known.startDate = cohort.startDate();
    known.endDate = cohort.endDate();
    known.status = cohort.status();
    if (cohort.funderPartnerIds() != null) {
      known.funderPartnerIds = List.copyOf(cohort.funderPartnerIds());
    }
    known.version = cohort.version();
    if (isNew) {
      cohorts.persist(known);
    }
    return true;
  }

  /**
   * A cancelled cohort keeps its dates and funders; a cohort first heard of by its cancellation is
   * kept without dates. False when the copy here is as new or newer.
   */
  @Transactional
  public boolean cancelled(
      UUID cohortId, String country, String site, String programme, long version) {
    KnownCohort known =
        cohorts.findByIdOptional(cohortId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
    if (known == null) {
      known = learned(cohortId, country);
      known.siteCode = site;
      known.programmeCode = programme;
      known.status = "CANCELLED";
      known.version = version;
      cohorts.persist(known);
      return true;
    }
    if (version <= known.version) {
      return false;
    }
    known.status = "CANCELLED";
    known.version = version;
    return true;
  }

  /** A cohort heard of for the first time, to persist once its fields are set. */
  private KnownCohort learned(UUID cohortId, String country) {
    KnownCohort known = new KnownCohort();
    known.cohortId = cohortId;
    known.country = country;
    known.learnedAt = now.timestamp();
    return known;
  }
}
