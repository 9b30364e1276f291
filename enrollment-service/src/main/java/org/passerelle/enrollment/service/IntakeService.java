package org.passerelle.enrollment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.ScopeQuery;
import org.passerelle.commons.time.Now;
import org.passerelle.enrollment.Intake;
import org.passerelle.enrollment.api.IntakeView;
import org.passerelle.enrollment.repository.IntakeRepository;

/**
 * Intakes, the recruitment side of cohort-service's cohorts: read within the caller's scope, and
 * changed only by cohort-service's events, whose handlers call the methods below. An intake copies
 * the newest version of its cohort seen, so replays and late deliveries never take it back in time.
 */
@ApplicationScoped
public class IntakeService {

  /**
   * A cohort as cohort-service's events describe it, which its intake copies. The recruitment
   * window and the minimum age came later: events from before them leave them null, and the
   * country's defaults apply.
   */
  public interface Cohort {
    UUID cohortId();

    String programmeCode();

    String site();

    String country();

    LocalDate startDate();

    LocalDate endDate();

    int capacity();

    String status();

    /** The cohort's version, comparable across its events; 0 when it was just scheduled. */
    long version();

    LocalDate recruitmentOpensOn();

    LocalDate recruitmentClosesOn();

    Integer minimumAge();
  }

  /**
   * What the list sorts by (ADR 0040); the default, by start date, is the scopes' indexes' order.
   */
  public static final Sorting SORTING =
      Sorting.of(
          "startDate",
          "id",
          "startDate",
          "startDate",
          "endDate",
          "endDate",
          "programme",
          "programmeCode",
          "site",
          "siteCode",
          "country",
          "country",
          "status",
          "cohortStatus",
          "updatedAt",
          "updatedAt");

  private final IntakeRepository intakes;
  private final Now now;

  IntakeService(IntakeRepository intakes, Now now) {
    this.intakes = intakes;
    this.now = now;
  }

  /**
   * The intakes in the caller's scope that pass the filters (each optional); {@code recruiting}:
   * whether they take applications today.
   */
  @Transactional
  public Page<IntakeView> list(
      String country,
      String site,
      String status,
      Boolean recruiting,
      int page,
      int size,
      AccessScope scope) {
    return list(country, site, status, recruiting, SORTING.parse(null), page, size, scope);
  }

  /** The same, in the order asked for, ties broken by id. */
  @Transactional
  public Page<IntakeView> list(
      String country,
      String site,
      String status,
      Boolean recruiting,
      Sorting.Order order,
      int page,
      int size,
      AccessScope scope) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    where.add(ScopeQuery.staff(scope, parameters, "country", "siteCode"));
    if (country != null) {
      where.add("country = :country");
      parameters.put("country", country);
    }
    if (site != null) {
      where.add("siteCode = :site");
      parameters.put("site", site);
    }
    if (status != null) {
      where.add("cohortStatus = :status");
      parameters.put("status", status);
    }
    if (recruiting != null) {
      where.add(
          recruiting ? IntakeRepository.OPEN_ON_TODAY : "not " + IntakeRepository.OPEN_ON_TODAY);
      parameters.put("today", now.timestamp().toLocalDate());
    }
    var query = intakes.find(String.join(" and ", where), order.sort(), parameters);
    return Page.of(query, page, size, IntakeView::of);
  }

  /** The intake if staff-level access reaches it; otherwise it does not exist. */
  @Transactional
  public IntakeView get(UUID id, AccessScope scope) {
    return intakes
        .findByIdOptional(id)
        .filter(intake -> scope.covers(intake.country, intake.siteCode))
        .map(IntakeView::of)
        .orElseThrow(() -> ProblemException.notFound("intake"));
  }

  /**
   * Opens the intake of a cohort cohort-service scheduled. An intake already there is this cohort
   * at version 0 or later (a replay, or a change handled first after this event was parked and
   * replayed): never older than this, so it stays as it is. Returns whether the intake was opened.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean scheduled(Cohort cohort) {
    if (intakes.findByIdOptional(cohort.cohortId()).isPresent()) {
      return false;
    }
    intakes.persist(copy(cohort, new Intake()));
    return true;
  }

  /**
   * Keeps the intake equal to the newest snapshot of its cohort, from any event that carries the
   * whole cohort with its version (cohort-changed, cohort-started, cohort-completed): whichever
   * brings the newest version wins. A snapshot opens the intake if cohort-scheduled is not here
   * yet. Returns false, changing nothing, when the snapshot is not newer than the intake.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean keepNewest(Cohort cohort) {
    // Locked: two instances briefly sharing a partition during a rebalance must not both decide
    // from the same stored version.
    Intake intake =
        intakes.findByIdOptional(cohort.cohortId(), LockModeType.PESSIMISTIC_WRITE).orElse(null);
    if (intake == null) {
      intakes.persist(copy(cohort, new Intake()));
      return true;
    }
    if (cohort.version() <= intake.cohortVersion) {
      return false;
    }
    copy(cohort, intake);
    return true;
  }

  /**
   * A cancelled cohort's intake takes no more applications. Applications already made stay as they
   * are for staff to redirect; the cohort's version keeps older snapshots from reopening it.
   * Returns false, changing nothing, without an intake or when the cancellation is not newer.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean cancelled(UUID cohortId, long version) {
    Intake intake = intakes.findByIdOptional(cohortId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
    if (intake == null || version <= intake.cohortVersion) {
      return false;
    }
    intake.cohortStatus = "CANCELLED";
    intake.cohortVersion = version;
    intake.updatedAt = now.timestamp();
    return true;
  }

  /** Makes the intake this cohort's copy. */
  private Intake copy(Cohort cohort, Intake intake) {
    intake.id = cohort.cohortId();
    intake.programmeCode = cohort.programmeCode();
    intake.siteCode = cohort.site();
    intake.country = cohort.country();
    intake.startDate = cohort.startDate();
    intake.endDate = cohort.endDate();
    intake.capacity = cohort.capacity();
    intake.cohortStatus = cohort.status();
    intake.recruitmentOpensOn = cohort.recruitmentOpensOn();
    intake.recruitmentClosesOn = cohort.recruitmentClosesOn();
    intake.minimumAge = cohort.minimumAge();
    intake.cohortVersion = cohort.version();
    intake.updatedAt = now.timestamp();
    return intake;
  }
}
