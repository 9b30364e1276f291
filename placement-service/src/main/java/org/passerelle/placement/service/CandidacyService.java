package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.security.ScopeQuery;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.Candidacy;
import org.passerelle.placement.CandidacyStatus;
import org.passerelle.placement.JobOffer;
import org.passerelle.placement.JobOfferStatus;
import org.passerelle.placement.Learner;
import org.passerelle.placement.api.CandidacyHired;
import org.passerelle.placement.api.CandidacyMoveRequest;
import org.passerelle.placement.api.CandidacyRequest;
import org.passerelle.placement.api.CandidacyView;
import org.passerelle.placement.events.CandidacyChanged;
import org.passerelle.placement.repository.CandidacyRepository;
import org.passerelle.placement.repository.JobOfferRepository;
import org.passerelle.placement.repository.LearnerRepository;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * Learners' candidacies to published job offers: staff propose a learner of their sites, a learner
 * applies for themself (through their account link), then staff, the employer and the learner move
 * it each by their own steps. The employer partner sees a candidate only while the learner consents
 * to sharing their profile with employers (CV_SHARING, as enrollment last told); without it the
 * candidacy does not exist for them. A hire fires {@link CandidacyHired} in the same transaction,
 * so that its placement is recorded with it.
 */
@ApplicationScoped
public class CandidacyService {

  /** The list's filters, each optional; several statuses mean any of them. */
  public record Filters(UUID jobOfferId, UUID learnerId, Set<CandidacyStatus> statuses) {}

  /** What the list sorts by (ADR 0040): newest first unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "-createdAt",
          "c.id",
          "createdAt",
          "c.createdAt",
          "changedAt",
          "c.changedAt",
          "status",
          "c.status",
          "startDate",
          "c.startDate",
          "site",
          "c.siteCode");

  private final CandidacyRepository candidacies;
  private final JobOfferRepository offers;
  private final LearnerRepository learners;
  private final JobOfferService jobOffers;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final Event<CandidacyHired> hired;
  private final Now now;

  CandidacyService(
      CandidacyRepository candidacies,
      JobOfferRepository offers,
      LearnerRepository learners,
      JobOfferService jobOffers,
      Outbox outbox,
      IdempotencyKeys idempotency,
      Event<CandidacyHired> hired,
      Now now) {
    this.candidacies = candidacies;
    this.offers = offers;
    this.learners = learners;
    this.jobOffers = jobOffers;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.hired = hired;
    this.now = now;
  }

  @Transactional
  public IdempotencyKeys.Outcome<CandidacyView> create(
      CandidacyRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "create-candidacy",
        request,
        CandidacyView.class,
        () -> start(request, scope));
  }

  private CandidacyView start(CandidacyRequest request, AccessScope scope) {
    Learner learner;
    CandidacyStatus origin;
    if (scope.isStaff()) {
      if (request.learnerId() == null) {
        throw ProblemException.invalid("learnerId", "invalid-request.candidacy-learner");
      }
      learner =
          learners
              .findByIdOptional(request.learnerId())
              .filter(known -> known.erasedAt == null && known.siteCode != null)
              .filter(known -> scope.covers(known.country, known.siteCode))
              .orElseThrow(() -> unknownLearner(request.learnerId()));
      origin = CandidacyStatus.PROPOSED;
    } else {
      // A learner is one once a cohort seated them: an account known only by its link has no
      // site whose staff would follow the candidacy, nor one its placement would be counted at.
      learner =
          own(scope)
              .filter(known -> known.siteCode != null)
              .orElseThrow(ProblemException::outOfScope);
      if (request.learnerId() != null && !request.learnerId().equals(learner.learnerId)) {
        throw ProblemException.outOfScope();
      }
      origin = CandidacyStatus.APPLIED;
    }
    JobOffer offer = jobOffers.reachable(request.jobOfferId(), scope, LockModeType.NONE);
    if (offer.status != JobOfferStatus.PUBLISHED) {
      throw new ProblemException(ProblemType.CONFLICT, "conflict.job-offer-not-open", offer.status);
    }
    if (!offer.country.equals(learner.country)) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          List.of(
              new Problem.FieldError(
                  "learnerId",
                  Messages.format(
                      null, "unprocessable.candidacy-country", learner.country, offer.country))),
          "unprocessable.candidacy-references");
    }
    if (candidacies.count("jobOfferId = ?1 and learnerId = ?2", offer.id, learner.learnerId) > 0) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.candidacy-exists", learner.learnerId);
    }
    Candidacy candidacy = new Candidacy();
    candidacy.id = UUID.randomUUID();
    candidacy.jobOfferId = offer.id;
    candidacy.learnerId = learner.learnerId;
    candidacy.employerPartnerId = offer.partnerId;
    candidacy.country = offer.country;
    candidacy.siteCode = learner.siteCode;
    candidacy.offerSiteCode = offer.siteCode;
    candidacy.origin = origin;
    candidacy.status = origin;
    candidacy.createdAt = now.timestamp();
    candidacy.changedAt = candidacy.createdAt;
    candidacies.persistAndFlush(candidacy);
    changed(candidacy, null);
    return CandidacyView.of(candidacy);
  }

  @Transactional
  public CandidacyView get(UUID id, AccessScope scope) {
    return CandidacyView.of(reachable(id, scope, LockModeType.NONE));
  }

  /** Newest first, then by id, so that pages neither skip nor repeat a candidacy. */
  @Transactional
  public Page<CandidacyView> list(Filters filters, int page, int size, AccessScope scope) {
    return list(filters, SORTING.parse(null), page, size, scope);
  }

  /** The same, in the order asked for (ADR 0040). */
  @Transactional
  public Page<CandidacyView> list(
      Filters filters, Sorting.Order order, int page, int size, AccessScope scope) {
    Map<String, Object> parameters = new HashMap<>();
    List<String> where = new ArrayList<>();
    where.add(condition(scope, parameters));
    if (filters.jobOfferId() != null) {
      where.add("c.jobOfferId = :jobOfferId");
      parameters.put("jobOfferId", filters.jobOfferId());
    }
    if (filters.learnerId() != null) {
      where.add("c.learnerId = :learnerId");
      parameters.put("learnerId", filters.learnerId());
    }
    if (filters.statuses() != null && !filters.statuses().isEmpty()) {
      where.add("c.status in :statuses");
      parameters.put("statuses", filters.statuses());
    }
    var query =
        candidacies.find(
            "from Candidacy c where " + String.join(" and ", where), order.sort(), parameters);
    return Page.of(query, page, size, CandidacyView::of);
  }

  /**
   * Moves a candidacy by the state machine, each party by its own steps: the learner takes up a
   * proposal, declines or withdraws; the employer partner interviews, offers, hires or does not
   * retain; staff of either site do any step. A hire needs the job's first day.
   */
  @Transactional
  public CandidacyView move(
      UUID id, CandidacyMoveRequest request, LongPredicate ifMatch, AccessScope scope) {
    Candidacy candidacy = reachable(id, scope, LockModeType.PESSIMISTIC_WRITE);
    CandidacyStatus target = request.status();
    boolean allowed =
        staffReach(candidacy, scope)
            || (target.learnersMove() && learners(candidacy, scope))
            || (target.employersMove() && employers(candidacy, scope));
    if (!allowed) {
      throw ProblemException.forbidden();
    }
    if (!ifMatch.test(candidacy.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    if (!candidacy.status.canMoveTo(target)) {
      throw new ProblemException(
          ProblemType.ILLEGAL_TRANSITION, "illegal-transition.detail", candidacy.status, target);
    }
    if ((target == CandidacyStatus.HIRED) != (request.startDate() != null)) {
      throw ProblemException.invalid("startDate", "invalid-request.candidacy-start-date");
    }
    CandidacyStatus previous = candidacy.status;
    candidacy.status = target;
    candidacy.startDate = request.startDate();
    candidacy.changedAt = now.timestamp();
    candidacies.flush(); // the new version, for the ETag
    changed(candidacy, previous);
    if (target == CandidacyStatus.HIRED) {
      JobOffer offer = offers.findById(candidacy.jobOfferId, LockModeType.PESSIMISTIC_WRITE);
      hired.fire(
          new CandidacyHired(
              candidacy.id,
              candidacy.learnerId,
              offer.id,
              offer.partnerId,
              offer.employerName,
              offer.contractType,
              offer.durationMonths,
              candidacy.startDate,
              scope.subject()));
      jobOffers.filledIfAllHired(offer, candidacies.hiredFor(offer.id));
    }
    return CandidacyView.of(candidacy);
  }

  private void changed(Candidacy candidacy, CandidacyStatus previous) {
    outbox.publish(
        DomainEvent.v1(
            CandidacyChanged.NAME,
            candidacy.id,
            candidacy.country,
            candidacy.siteCode != null ? candidacy.siteCode : candidacy.offerSiteCode,
            CandidacyChanged.of(candidacy, previous)));
  }

  /** A candidacy the caller reaches, or 404 as if it did not exist. */
  private Candidacy reachable(UUID id, AccessScope scope, LockModeType lock) {
    Candidacy candidacy = candidacies.findById(id, lock);
    if (candidacy == null
        || !(staffReach(candidacy, scope)
            || learners(candidacy, scope)
            || employers(candidacy, scope))) {
      throw ProblemException.notFound("candidacy");
    }
    return candidacy;
  }

  /** Staff of the learner's site or of the offer's site (integrations read them too). */
  private static boolean staffReach(Candidacy candidacy, AccessScope scope) {
    return scope.covers(candidacy.country, candidacy.siteCode)
        || scope.covers(candidacy.country, candidacy.offerSiteCode);
  }

  private boolean learners(Candidacy candidacy, AccessScope scope) {
    return scope.has(Roles.LEARNER)
        && own(scope).filter(me -> me.learnerId.equals(candidacy.learnerId)).isPresent();
  }

  /** The employer partner, while the learner consents to sharing their profile with employers. */
  private boolean employers(Candidacy candidacy, AccessScope scope) {
    return candidacy.employerPartnerId != null
        && scope.isPartner(candidacy.employerPartnerId.toString())
        && scope.country().filter(candidacy.country::equals).isPresent()
        && learners
            .findByIdOptional(candidacy.learnerId)
            .filter(learner -> learner.cvSharingConsent && learner.erasedAt == null)
            .isPresent();
  }

  private Optional<Learner> own(AccessScope scope) {
    return scope.has(Roles.LEARNER) && scope.subject() != null
        ? learners.byAccount(scope.subject())
        : Optional.empty();
  }

  /** The three reaches above as one query condition on the alias c. */
  private String condition(AccessScope scope, Map<String, Object> parameters) {
    List<String> reach = new ArrayList<>();
    String learnerSite = ScopeQuery.staff(scope, parameters, "c.country", "c.siteCode");
    if (ScopeQuery.EVERYTHING.equals(learnerSite)) {
      return learnerSite;
    }
    if (!ScopeQuery.NOTHING.equals(learnerSite)) {
      reach.add(learnerSite);
      reach.add(ScopeQuery.staff(scope, parameters, "c.country", "c.offerSiteCode"));
    }
    UUID partner = scope.has(Roles.PARTNER) ? JobOfferAccess.partnerOf(scope) : null;
    if (partner != null && scope.country().isPresent()) {
      reach.add(
          "(c.employerPartnerId = :myPartner and c.country = :myCountry and c.learnerId in"
              + " (select l.learnerId from Learner l where l.cvSharingConsent = true"
              + " and l.erasedAt is null))");
      parameters.put("myPartner", partner);
      parameters.put("myCountry", scope.country().get());
    }
    Optional<Learner> me = own(scope);
    if (me.isPresent()) {
      reach.add("c.learnerId = :me");
      parameters.put("me", me.get().learnerId);
    }
    return reach.isEmpty() ? ScopeQuery.NOTHING : "(" + String.join(" or ", reach) + ")";
  }

  private static ProblemException unknownLearner(UUID learnerId) {
    return new ProblemException(
        ProblemType.UNPROCESSABLE,
        List.of(
            new Problem.FieldError(
                "learnerId", Messages.format(null, "unprocessable.learner-not-known", learnerId))),
        "unprocessable.candidacy-references");
  }
}
