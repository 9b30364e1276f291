package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.commons.api.Actor;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.locks.AdvisoryLocks;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.security.ScopeQuery;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.IndicatorClosure;
import org.passerelle.placement.IndicatorClosureRevision;
import org.passerelle.placement.api.CloseIndicatorPeriodRequest;
import org.passerelle.placement.api.CorrectIndicatorClosureRequest;
import org.passerelle.placement.api.IndicatorClosureView;
import org.passerelle.placement.config.FollowUpsConfig;
import org.passerelle.placement.repository.IndicatorClosureRepository;
import org.passerelle.placement.repository.IndicatorClosureRevisionRepository;
import org.passerelle.problem.ProblemType;

/**
 * Closed indicator periods: a country's admin (or a platform admin) closes a period once it is
 * over, which freezes the facts its figures are computed from (revision 1); a correction freezes
 * them again from the live facts, with its reason, as the next revision. Staff of the country and
 * its integrations read them.
 */
@ApplicationScoped
public class IndicatorClosureService {

  /** What the list sorts by (ADR 0040): newest period first unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "-periodTo,-periodFrom",
          "id",
          "periodTo",
          "periodTo",
          "periodFrom",
          "periodFrom",
          "closedAt",
          "closedAt",
          "country",
          "country");

  private final IndicatorClosureRepository closures;
  private final IndicatorClosureRevisionRepository revisions;
  private final IndicatorFactsService facts;
  private final IdempotencyKeys idempotency;
  private final AdvisoryLocks locks;
  private final FollowUpCalendar calendar;
  private final FollowUpsConfig countries;
  private final Now now;

  IndicatorClosureService(
      IndicatorClosureRepository closures,
      IndicatorClosureRevisionRepository revisions,
      IndicatorFactsService facts,
      IdempotencyKeys idempotency,
      AdvisoryLocks locks,
      FollowUpCalendar calendar,
      FollowUpsConfig countries,
      Now now) {
    this.closures = closures;
    this.revisions = revisions;
    this.facts = facts;
    this.idempotency = idempotency;
    this.locks = locks;
    this.calendar = calendar;
    this.countries = countries;
    this.now = now;
  }

  @Transactional
  public IdempotencyKeys.Outcome<IndicatorClosureView> close(
      CloseIndicatorPeriodRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "close-indicator-period",
        request,
        IndicatorClosureView.class,
        () -> create(request, scope));
  }

  private IndicatorClosureView create(CloseIndicatorPeriodRequest request, AccessScope scope) {
    String country = request.country();
    if (!countries.timeZones().containsKey(country)) {
      throw ProblemException.invalid("country", "invalid-request.unknown-country", country);
    }
    if (request.from().isAfter(request.to())) {
      throw ProblemException.invalid("to", "invalid-request.indicator-period", request.from());
    }
    if (!request.to().isBefore(calendar.today(country))) {
      throw ProblemException.invalid(
          "to", "invalid-request.indicator-period-not-over", request.to());
    }
    if (!closes(scope, country)) {
      throw ProblemException.outOfScope();
    }
    locks.holdUntilCommit(
        "indicator-closure", country, request.from().toString(), request.to().toString());
    closures
        .of(country, request.from(), request.to())
        .ifPresent(
            closed -> {
              throw new ProblemException(
                  ProblemType.CONFLICT,
                  "conflict.indicator-period-closed",
                  country,
                  request.from(),
                  request.to(),
                  closed.id);
            });
    IndicatorClosure closure = new IndicatorClosure();
    closure.id = UUID.randomUUID();
    closure.country = country;
    closure.periodFrom = request.from();
    closure.periodTo = request.to();
    closure.closedBy = scope.subject();
    closure.closedAt = now.timestamp();
    closures.persist(closure);
    freeze(closure, 1, null, scope);
    return view(closure);
  }

  /** A correction: the period's facts frozen again from the live facts, as the next revision. */
  @Transactional
  public IdempotencyKeys.Outcome<IndicatorClosureView> correct(
      UUID id, CorrectIndicatorClosureRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "correct-indicator-closure " + id,
        request,
        IndicatorClosureView.class,
        () -> {
          IndicatorClosure closure =
              closures
                  .findByIdOptional(id)
                  .filter(found -> reads(scope, found.country))
                  .orElseThrow(() -> ProblemException.notFound("indicator-closure"));
          if (!closes(scope, closure.country)) {
            throw ProblemException.forbidden();
          }
          // serialises corrections (each takes the next revision) and moves the closure's ETag
          closures.getEntityManager().lock(closure, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
          int next = revisions.latest(closure.id).map(latest -> latest.revision).orElse(0) + 1;
          freeze(closure, next, request.reason().strip(), scope);
          closures.flush();
          return view(closure);
        });
  }

  private void freeze(IndicatorClosure closure, int revision, String reason, AccessScope scope) {
    IndicatorFactsService.Facts live =
        facts.live(closure.country, closure.periodFrom, closure.periodTo);
    IndicatorClosureRevision frozen = new IndicatorClosureRevision();
    frozen.closureId = closure.id;
    frozen.revision = revision;
    frozen.reason = reason;
    frozen.recordedBy = scope.subject();
    frozen.recordedAt = now.timestamp();
    frozen.learnerCount = live.learners().size();
    frozen.applicationCount = live.applications().size();
    frozen.learners = facts.json(live.learners());
    frozen.applications = facts.json(live.applications());
    revisions.persist(frozen);
    revisions.flush();
  }

  @Transactional
  public IndicatorClosureView get(UUID id, AccessScope scope) {
    return closures
        .findByIdOptional(id)
        .filter(found -> reads(scope, found.country))
        .map(this::view)
        .orElseThrow(() -> ProblemException.notFound("indicator-closure"));
  }

  /** The closed periods in the caller's scope, newest period first. */
  @Transactional
  public Page<IndicatorClosureView> list(String country, int page, int size, AccessScope scope) {
    return list(country, SORTING.parse(null), page, size, scope);
  }

  /** The same, in the order asked for (ADR 0040). */
  @Transactional
  public Page<IndicatorClosureView> list(
      String country, Sorting.Order order, int page, int size, AccessScope scope) {
    Map<String, Object> parameters = new HashMap<>();
    List<String> where = new ArrayList<>();
    where.add(ScopeQuery.staff(scope, parameters, "country", null));
    if (country != null) {
      where.add("country = :country");
      parameters.put("country", country);
    }
    var query = closures.find(String.join(" and ", where), order.sort(), parameters);
    Page<IndicatorClosure> found = Page.of(query, page, size, closure -> closure);
    Map<UUID, List<IndicatorClosureRevisionRepository.Summary>> byClosure =
        revisions.summaries(found.items().stream().map(closure -> closure.id).toList()).stream()
            .collect(Collectors.groupingBy(IndicatorClosureRevisionRepository.Summary::closureId));
    return new Page<>(
        found.items().stream()
            .map(closure -> view(closure, byClosure.getOrDefault(closure.id, List.of())))
            .toList(),
        found.page(),
        found.size(),
        found.total());
  }

  private IndicatorClosureView view(IndicatorClosure closure) {
    return view(closure, revisions.summaries(List.of(closure.id)));
  }

  private static IndicatorClosureView view(
      IndicatorClosure closure, List<IndicatorClosureRevisionRepository.Summary> summaries) {
    List<IndicatorClosureView.Revision> list =
        summaries.stream()
            .map(
                summary ->
                    new IndicatorClosureView.Revision(
                        summary.revision(),
                        summary.reason(),
                        summary.recordedBy(),
                        summary.recordedAt(),
                        summary.learnerCount(),
                        summary.applicationCount(),
                        Actor.of(summary.recordedBy())))
            .toList();
    return new IndicatorClosureView(
        closure.id,
        closure.country,
        closure.periodFrom,
        closure.periodTo,
        closure.closedBy,
        closure.closedAt,
        list.isEmpty() ? 0 : list.getLast().revision(),
        list,
        closure.version,
        Actor.of(closure.closedBy),
        closure.closedAt,
        list.isEmpty() ? closure.closedAt : list.getLast().recordedAt());
  }

  /** Who closes and corrects a country's periods: its country admins and platform admins. */
  static boolean closes(AccessScope scope, String country) {
    return scope.isPlatformAdmin()
        || (scope.has(Roles.COUNTRY_ADMIN)
            && scope.country().isPresent()
            && scope.country().get().equals(country));
  }

  /** Who reads a country's closed periods: its staff and integrations, and platform admins. */
  static boolean reads(AccessScope scope, String country) {
    return scope.coversCountry(country);
  }
}
