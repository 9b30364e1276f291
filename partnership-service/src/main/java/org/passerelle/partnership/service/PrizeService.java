package org.passerelle.partnership.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Deprecations;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.time.Now;
import org.passerelle.partnership.Commitment;
import org.passerelle.partnership.CommitmentKind;
import org.passerelle.partnership.Partner;
import org.passerelle.partnership.Prize;
import org.passerelle.partnership.PrizeRecipientKind;
import org.passerelle.partnership.api.AwardPrizeRequest;
import org.passerelle.partnership.api.PrizeView;
import org.passerelle.partnership.events.PrizeAwarded;
import org.passerelle.partnership.repository.LearnerAccountRepository;
import org.passerelle.partnership.repository.PartnerRepository;
import org.passerelle.partnership.repository.PrizeRepository;

/**
 * Prizes partners award to learners or educators at a site. Staff of the site (or of its country)
 * record them; the partner reads its own, and learners theirs (through the account enrollment
 * linked to their learnerId). A prize under a prizes commitment counts towards it.
 */
@ApplicationScoped
public class PrizeService {

  /** The list's filters, each optional. */
  public record Filters(UUID partnerId, UUID conventionId, String site, UUID learnerId) {}

  /** What the list sorts by (ADR 0040): newest award first unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "-awardedOn",
          "id",
          "awardedOn",
          "awardedOn",
          "title",
          "title",
          "site",
          "site",
          "country",
          "country",
          "createdAt",
          "createdAt");

  private final PrizeRepository prizes;
  private final PartnerRepository partners;
  private final LearnerAccountRepository accounts;
  private final CommitmentService commitments;
  private final IdempotencyKeys idempotency;
  private final Outbox outbox;
  private final Now now;

  PrizeService(
      PrizeRepository prizes,
      PartnerRepository partners,
      LearnerAccountRepository accounts,
      CommitmentService commitments,
      IdempotencyKeys idempotency,
      Outbox outbox,
      Now now) {
    this.prizes = prizes;
    this.partners = partners;
    this.accounts = accounts;
    this.commitments = commitments;
    this.idempotency = idempotency;
    this.outbox = outbox;
    this.now = now;
  }

  @Transactional
  public IdempotencyKeys.Outcome<PrizeView> award(
      AwardPrizeRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "award-prize",
        request,
        PrizeView.class,
        () -> create(request, scope));
  }

  private PrizeView create(AwardPrizeRequest request, AccessScope scope) {
    String site =
        Deprecations.renamed("siteCode", request.siteCode(), "site", request.site(), true);
    String country = site.substring(0, 2);
    if (!scope.isStaff() || !scope.covers(country, site)) {
      throw ProblemException.outOfScope();
    }
    Partner partner = partners.findById(request.partnerId());
    if (partner == null || !partner.country.equals(country)) {
      throw ProblemException.invalid("partnerId", "invalid-request.prize-partner");
    }
    List<UUID> learners = request.learnerIds() == null ? List.of() : request.learnerIds();
    List<String> educators = request.educators() == null ? List.of() : request.educators();
    boolean toLearners = request.recipientKind() == PrizeRecipientKind.LEARNERS;
    if (toLearners
        ? learners.isEmpty() || !educators.isEmpty()
        : educators.isEmpty() || !learners.isEmpty()) {
      throw ProblemException.invalid("recipientKind", "invalid-request.prize-recipients");
    }
    Prize prize = new Prize();
    prize.id = UUID.randomUUID();
    if (request.commitmentId() != null) {
      Commitment commitment;
      try {
        commitment =
            commitments.reachable(request.commitmentId(), scope, LockModeType.PESSIMISTIC_WRITE);
      } catch (ProblemException e) {
        throw ProblemException.invalid("commitmentId", "invalid-request.prize-commitment");
      }
      if (commitment.kind != CommitmentKind.PRIZES || !commitment.partnerId.equals(partner.id)) {
        throw ProblemException.invalid("commitmentId", "invalid-request.prize-commitment");
      }
      prize.commitmentId = commitment.id;
      prize.conventionId = commitment.conventionId;
      commitments.countPrize(commitment, prize.id, request.awardedOn());
    }
    prize.partnerId = partner.id;
    prize.country = country;
    prize.site = site;
    prize.title = request.title().strip();
    prize.reason = request.reason() == null ? null : request.reason().strip();
    prize.recipientKind = request.recipientKind();
    prize.learnerIds = new ArrayList<>(new LinkedHashSet<>(learners));
    prize.educators = new ArrayList<>(educators.stream().map(String::strip).toList());
    prize.awardedOn = request.awardedOn();
    prize.createdAt = now.timestamp();
    prizes.persistAndFlush(prize);
    outbox.publish(
        DomainEvent.v1(
            PrizeAwarded.NAME, prize.id, prize.country, prize.site, PrizeAwarded.of(prize)));
    return PrizeView.of(prize, true);
  }

  @Transactional
  public PrizeView get(UUID id, AccessScope scope) {
    Prize prize = prizes.findById(id);
    if (prize == null || !reaches(scope, prize)) {
      throw ProblemException.notFound("prize");
    }
    return PrizeView.of(prize, scope.isStaff());
  }

  /** Ordered by award date (newest first), then id. */
  @Transactional
  public Page<PrizeView> list(Filters filters, int page, int size, AccessScope scope) {
    return list(filters, SORTING.parse(null), page, size, scope);
  }

  /** The same, in the order asked for (ADR 0040). */
  @Transactional
  public Page<PrizeView> list(
      Filters filters, Sorting.Order order, int page, int size, AccessScope scope) {
    Map<String, Object> parameters = new HashMap<>();
    List<String> where = new ArrayList<>();
    where.add(condition(scope, parameters));
    if (filters.partnerId() != null) {
      where.add("partnerId = :partnerId");
      parameters.put("partnerId", filters.partnerId());
    }
    if (filters.conventionId() != null) {
      where.add("conventionId = :conventionId");
      parameters.put("conventionId", filters.conventionId());
    }
    if (filters.site() != null) {
      where.add("site = :site");
      parameters.put("site", filters.site());
    }
    if (filters.learnerId() != null) {
      if (!scope.isStaff()) {
        // who received a prize is the staff's to know; a partner may not probe it by learnerId
        throw ProblemException.forbidden();
      }
      where.add("array_contains(learnerIds, :learnerId)");
      parameters.put("learnerId", filters.learnerId());
    }
    var query = prizes.find(String.join(" and ", where), order.sort(), parameters);
    return Page.of(query, page, size, prize -> PrizeView.of(prize, scope.isStaff()));
  }

  /**
   * The prizes awarded to the calling learner, newest first, as partners see them (how many
   * recipients, not who). No account link yet: an empty list.
   */
  @Transactional
  public Page<PrizeView> mine(int page, int size, AccessScope scope) {
    if (!scope.has(Roles.LEARNER)) {
      throw ProblemException.forbidden();
    }
    return accounts
        .learnerOf(scope.subject())
        .map(
            learner ->
                Page.of(
                    prizes.find(
                        "array_contains(learnerIds, ?1)",
                        Sort.by("awardedOn", Sort.Direction.Descending).and("id"),
                        learner),
                    page,
                    size,
                    prize -> PrizeView.of(prize, false)))
        .orElseGet(() -> new Page<>(List.of(), page, size, 0));
  }

  private static boolean reaches(AccessScope scope, Prize prize) {
    return scope.covers(prize.country, prize.site) || scope.isPartner(prize.partnerId.toString());
  }

  private static String condition(AccessScope scope, Map<String, Object> parameters) {
    if (scope.isPlatformAdmin()) {
      return "1 = 1";
    }
    List<String> reach = new ArrayList<>();
    if (scope.country().isPresent()) {
      if (scope.has(Roles.COUNTRY_ADMIN) || scope.has(Roles.INTEGRATION)) {
        reach.add("country = :scopeCountry");
        parameters.put("scopeCountry", scope.country().get());
      } else if (scope.has(Roles.SITE_STAFF) && !scope.sites().isEmpty()) {
        reach.add("(country = :scopeCountry and site in :scopeSites)");
        parameters.put("scopeCountry", scope.country().get());
        parameters.put("scopeSites", scope.sites());
      }
    }
    ConventionAccess.partnerOf(scope)
        .ifPresent(
            partner -> {
              reach.add("partnerId = :scopePartner");
              parameters.put("scopePartner", partner);
            });
    return reach.isEmpty() ? "1 = 0" : "(" + String.join(" or ", reach) + ")";
  }
}
