package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.Programme;
import org.passerelle.cohort.Site;
import org.passerelle.cohort.events.CohortChanged;
import org.passerelle.cohort.events.CohortScheduled;
import org.passerelle.cohort.repository.CohortRepository;
import org.passerelle.cohort.repository.ProgrammeRepository;
import org.passerelle.cohort.repository.SiteRepository;
import org.passerelle.cohort.rest.ChangeCohortRequest;
import org.passerelle.cohort.rest.CohortView;
import org.passerelle.cohort.rest.ScheduleCohortRequest;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.problem.ProblemType;
import org.passerelle.commons.security.AccessScope;

/** Scheduling, changing and reading cohorts, within the caller's scope. */
@ApplicationScoped
public class CohortService {

  private final CohortRepository cohorts;
  private final SiteRepository sites;
  private final ProgrammeRepository programmes;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;

  CohortService(
      CohortRepository cohorts,
      SiteRepository sites,
      ProgrammeRepository programmes,
      Outbox outbox,
      IdempotencyKeys idempotency) {
    this.cohorts = cohorts;
    this.sites = sites;
    this.programmes = programmes;
    this.outbox = outbox;
    this.idempotency = idempotency;
  }

  @Transactional
  public IdempotencyKeys.Outcome<CohortView> schedule(
      ScheduleCohortRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "schedule-cohort",
        request,
        CohortView.class,
        () -> create(request, scope));
  }

  private CohortView create(ScheduleCohortRequest request, AccessScope scope) {
    Site site =
        sites
            .findByIdOptional(request.siteCode())
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.UNPROCESSABLE,
                        "unprocessable.unknown-site",
                        request.siteCode()));
    if (!scope.covers(site.country, site.code)) {
      throw ProblemException.outOfScope();
    }
    Programme programme =
        programmes
            .findByIdOptional(request.programmeCode())
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.UNPROCESSABLE,
                        "unprocessable.unknown-programme",
                        request.programmeCode()));
    if (!request.endDate().isAfter(request.startDate())) {
      throw ProblemException.invalid("endDate", "unprocessable.dates");
    }
    Cohort cohort = new Cohort();
    cohort.id = UUID.randomUUID();
    cohort.programmeCode = programme.code;
    cohort.siteCode = site.code;
    cohort.country = site.country;
    cohort.startDate = request.startDate();
    cohort.endDate = request.endDate();
    cohort.capacity = request.capacity();
    cohort.status = CohortStatus.PLANNED;
    cohort.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    cohorts.persistAndFlush(cohort);
    outbox.publish(
        DomainEvent.v1(
            CohortScheduled.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            CohortScheduled.of(cohort)));
    return CohortView.of(cohort);
  }

  /**
   * Changes a cohort's dates or capacity while it is planned or recruiting. {@code ifMatch} tells
   * whether the caller's If-Match names a version; the event carries the version the change
   * produced, the one a read then shows. A change that changes nothing emits nothing.
   */
  @Transactional
  public CohortView change(
      UUID id, ChangeCohortRequest request, LongPredicate ifMatch, AccessScope scope) {
    // Locked so that no other change (e.g. an application counted) slips in between the If-Match
    // check and the update: the version checked is the version changed.
    Cohort cohort =
        cohorts
            .findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            .filter(found -> scope.covers(found.country, found.siteCode))
            .orElseThrow(() -> ProblemException.notFound("cohort"));
    if (!ifMatch.test(cohort.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    if (cohort.status != CohortStatus.PLANNED && cohort.status != CohortStatus.RECRUITING) {
      throw new ProblemException(ProblemType.CONFLICT, "conflict.cohort-started");
    }
    LocalDate startDate = request.startDate == null ? cohort.startDate : request.startDate;
    LocalDate endDate = request.endDate == null ? cohort.endDate : request.endDate;
    int capacity = request.capacity == null ? cohort.capacity : request.capacity;
    if (!endDate.isAfter(startDate)) {
      throw ProblemException.invalid(
          request.endDate == null ? "startDate" : "endDate", "unprocessable.dates");
    }
    if (startDate.equals(cohort.startDate)
        && endDate.equals(cohort.endDate)
        && capacity == cohort.capacity) {
      return CohortView.of(cohort);
    }
    cohort.startDate = startDate;
    cohort.endDate = endDate;
    cohort.capacity = capacity;
    cohorts.flush();
    outbox.publish(
        DomainEvent.v1(
            CohortChanged.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            CohortChanged.of(cohort)));
    return CohortView.of(cohort);
  }

  /** The cohort if staff-level access reaches it; otherwise it does not exist. */
  @Transactional
  public CohortView get(UUID id, AccessScope scope) {
    return cohorts
        .findByIdOptional(id)
        .filter(cohort -> scope.covers(cohort.country, cohort.siteCode))
        .map(CohortView::of)
        .orElseThrow(() -> ProblemException.notFound("cohort"));
  }
}
