package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import org.passerelle.commons.time.Now;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.JobOffer;
import org.passerelle.placement.JobOfferStatus;
import org.passerelle.placement.PartnerStatus;
import org.passerelle.placement.api.ChangeJobOfferRequest;
import org.passerelle.placement.api.CloseJobOfferRequest;
import org.passerelle.placement.api.JobOfferDecisionRequest;
import org.passerelle.placement.api.JobOfferSalary;
import org.passerelle.placement.api.JobOfferView;
import org.passerelle.placement.api.PublishJobOfferRequest;
import org.passerelle.placement.config.JobOffersConfig;
import org.passerelle.placement.events.JobOfferPublished;
import org.passerelle.placement.repository.JobOfferRepository;
import org.passerelle.placement.repository.KnownPartnerRepository;
import org.passerelle.placement.repository.KnownSiteRepository;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/**
 * Posting, moderating, changing, publishing and closing job offers, and reading them within the
 * caller's scope (expiry is {@link JobOfferExpiryService}'s). Staff publish at once; a partner's
 * offer stays a draft until staff approve it, so learners never see what nobody checked.
 */
@ApplicationScoped
public class JobOfferService {

  /** The list's filters, each optional; several statuses mean any of them. */
  public record Filters(
      String country,
      String site,
      String programme,
      ContractType contractType,
      JobOffer.RemoteMode remoteMode,
      Set<JobOfferStatus> statuses,
      UUID partnerId,
      String q) {}

  private final JobOfferRepository offers;
  private final KnownPartnerRepository partners;
  private final KnownSiteRepository sites;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final JobOffersConfig config;
  private final Now now;

  JobOfferService(
      JobOfferRepository offers,
      KnownPartnerRepository partners,
      KnownSiteRepository sites,
      Outbox outbox,
      IdempotencyKeys idempotency,
      JobOffersConfig config,
      Now now) {
    this.offers = offers;
    this.partners = partners;
    this.sites = sites;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.config = config;
    this.now = now;
  }

  @Transactional
  public IdempotencyKeys.Outcome<JobOfferView> publish(
      PublishJobOfferRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "publish-job-offer",
        request,
        JobOfferView.class,
        () -> create(request, scope));
  }

  private JobOfferView create(PublishJobOfferRequest request, AccessScope scope) {
    boolean staff = scope.isStaff() && scope.covers(request.country(), request.siteCode());
    boolean ownOffer =
        scope.has(Roles.PARTNER)
            && request.partnerId() != null
            && scope.isPartner(request.partnerId().toString())
            && scope.country().filter(request.country()::equals).isPresent();
    if (!staff && !ownOffer) {
      throw ProblemException.outOfScope();
    }
    checkKnown(request);
    JobOffer offer = new JobOffer();
    offer.id = UUID.randomUUID();
    offer.partnerId = request.partnerId();
    offer.employerName = request.employerName().strip();
    offer.title = request.title().strip();
    offer.description = stripped(request.description());
    offer.skills = strippedAll(request.skills());
    offer.contractType = request.contractType();
    offer.durationMonths = request.durationMonths();
    offer.remoteMode =
        request.remoteMode() == null ? JobOffer.RemoteMode.ON_SITE : request.remoteMode();
    offer.siteCode = request.siteCode();
    offer.country = request.country();
    offer.city = request.city().strip();
    offer.programmes = distinct(request.programmes());
    offer.targetSites = targets(request.targetSites(), offer.siteCode);
    salary(offer, request.salary());
    offer.openings = request.openings();
    offer.closingDate = closingDate(request.closingDate(), offer.country);
    offer.createdAt = now.timestamp();
    offer.changedAt = offer.createdAt;
    boolean draft = Boolean.TRUE.equals(request.draft());
    if (staff && !draft) {
      offer.status = JobOfferStatus.PUBLISHED;
      offer.publishedAt = offer.createdAt;
    } else {
      offer.status = JobOfferStatus.DRAFT;
      offer.moderation = staff || draft ? null : JobOffer.Moderation.PENDING;
    }
    offers.persistAndFlush(offer);
    if (offer.status == JobOfferStatus.PUBLISHED) {
      published(offer);
    }
    return JobOfferView.of(offer);
  }

  /**
   * The partner and the site must be ones partnership-service and cohort-service announced, in the
   * offer's country (ADR 0015). This service only knows them from their events: one registered a
   * moment ago may not be known yet, and is refused (422) rather than taken on trust; the caller
   * retries.
   */
  private void checkKnown(PublishJobOfferRequest request) {
    String country = request.country();
    List<Problem.FieldError> errors = new ArrayList<>();
    if (request.partnerId() != null) {
      boolean known =
          partners
              .findByIdOptional(request.partnerId())
              .filter(partner -> partner.country.equals(country))
              .filter(partner -> partner.status == PartnerStatus.ACTIVE)
              .isPresent();
      if (!known) {
        errors.add(
            new Problem.FieldError(
                "partnerId",
                Messages.format(
                    null, "unprocessable.partner-not-known", request.partnerId(), country)));
      }
    }
    boolean siteKnown =
        sites
            .findByIdOptional(request.siteCode())
            .filter(site -> site.country.equals(country))
            .isPresent();
    if (!siteKnown) {
      errors.add(
          new Problem.FieldError(
              "siteCode",
              Messages.format(null, "unprocessable.site-not-known", request.siteCode(), country)));
    }
    unknownTargets(request.targetSites(), country).ifPresent(errors::add);
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE, errors, "unprocessable.job-offer-references");
    }
  }

  /** Targeted sites must be sites of the offer's country cohort-service announced, like its own. */
  private Optional<Problem.FieldError> unknownTargets(List<String> targets, String country) {
    if (targets == null) {
      return Optional.empty();
    }
    return targets.stream()
        .filter(
            code ->
                sites.findByIdOptional(code).filter(site -> site.country.equals(country)).isEmpty())
        .findFirst()
        .map(
            code ->
                new Problem.FieldError(
                    "targetSites",
                    Messages.format(null, "unprocessable.site-not-known", code, country)));
  }

  private static List<String> targets(List<String> targets, String relayingSite) {
    return targets == null
        ? new ArrayList<>()
        : new ArrayList<>(
            targets.stream().filter(code -> !code.equals(relayingSite)).distinct().toList());
  }

  @Transactional
  public JobOfferView get(UUID id, AccessScope scope) {
    return view(reachable(id, scope, LockModeType.NONE), scope);
  }

  /**
   * What the list sorts by (ADR 0040). The default, newest first, is the order of the scopes'
   * indexes (ADR 0032); another order sorts the caller's scope.
   */
  public static final Sorting SORTING =
      Sorting.of(
          "-createdAt",
          "o.id",
          "createdAt",
          "o.createdAt",
          "publishedAt",
          "o.publishedAt",
          "closingDate",
          "o.closingDate",
          "title",
          "o.title",
          "employerName",
          "o.employerName",
          "site",
          "o.siteCode",
          "status",
          "o.status");

  /** Newest first, then by id, so that pages neither skip nor repeat an offer. */
  @Transactional
  public Page<JobOfferView> list(Filters filters, int page, int size, AccessScope scope) {
    return list(filters, SORTING.parse(null), page, size, scope);
  }

  /** In the order asked for, ties broken by id so that pages neither skip nor repeat an offer. */
  @Transactional
  public Page<JobOfferView> list(
      Filters filters, Sorting.Order order, int page, int size, AccessScope scope) {
    Map<String, Object> parameters = new HashMap<>();
    List<String> where = new ArrayList<>();
    where.add(JobOfferAccess.condition(scope, parameters));
    if (filters.country() != null) {
      where.add("o.country = :country");
      parameters.put("country", filters.country());
    }
    if (filters.site() != null) {
      where.add("(o.siteCode = :site or array_contains(o.targetSites, :site))");
      parameters.put("site", filters.site());
    }
    if (filters.programme() != null) {
      // An offer targeting no programme in particular is open to every programme.
      where.add("(array_length(o.programmes) = 0 or array_contains(o.programmes, :programme))");
      parameters.put("programme", filters.programme());
    }
    if (filters.contractType() != null) {
      where.add("o.contractType = :contractType");
      parameters.put("contractType", filters.contractType());
    }
    if (filters.remoteMode() != null) {
      where.add("o.remoteMode = :remoteMode");
      parameters.put("remoteMode", filters.remoteMode());
    }
    if (filters.statuses() != null && !filters.statuses().isEmpty()) {
      where.add("o.status in :statuses");
      parameters.put("statuses", filters.statuses());
    }
    if (filters.partnerId() != null) {
      where.add("o.partnerId = :partnerId");
      parameters.put("partnerId", filters.partnerId());
    }
    if (filters.q() != null && !filters.q().isBlank()) {
      where.add(
          "(lower(o.title) like :q escape '\\' or lower(o.employerName) like :q escape '\\'"
              + " or lower(coalesce(o.description, '')) like :q escape '\\')");
      parameters.put("q", "%" + likeEscaped(filters.q().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    var query =
        offers.find(
            "from JobOffer o where " + String.join(" and ", where), order.sort(), parameters);
    return Page.of(query, page, size, offer -> view(offer, scope));
  }

  /**
   * A merge patch of a draft or published offer: staff who handle it, or the partner offering it
   * while it is a draft (a published offer changed by its partner would skip moderation). A
   * rejected draft the partner corrects goes back to moderation.
   */
  @Transactional
  public JobOfferView change(
      UUID id, ChangeJobOfferRequest request, LongPredicate ifMatch, AccessScope scope) {
    JobOffer offer = changeable(id, ifMatch, scope);
    boolean staff = JobOfferAccess.manages(offer, scope);
    if (offer.status.over()) {
      throw new ProblemException(ProblemType.CONFLICT, "conflict.job-offer-over", offer.status);
    }
    if (!staff && offer.status != JobOfferStatus.DRAFT) {
      throw new ProblemException(ProblemType.CONFLICT, "conflict.job-offer-published-by-staff");
    }
    if (request.employerName != null) {
      offer.employerName = request.employerName.strip();
    }
    if (request.title != null) {
      offer.title = request.title.strip();
    }
    if (request.contractType != null) {
      offer.contractType = request.contractType;
    }
    if (request.remoteMode != null) {
      offer.remoteMode = request.remoteMode;
    }
    if (request.city != null) {
      offer.city = request.city.strip();
    }
    if (request.openings != null) {
      offer.openings = request.openings;
    }
    if (request.skills != null) {
      offer.skills = strippedAll(request.skills);
    }
    if (request.programmes != null) {
      offer.programmes = distinct(request.programmes);
    }
    if (request.targetSites != null) {
      unknownTargets(request.targetSites, offer.country)
          .ifPresent(
              error -> {
                throw new ProblemException(
                    ProblemType.UNPROCESSABLE,
                    List.of(error),
                    "unprocessable.job-offer-references");
              });
      offer.targetSites = targets(request.targetSites, offer.siteCode);
    }
    if (request.description != null) {
      offer.description = stripped(request.description.orElse(null));
    }
    if (request.durationMonths != null) {
      offer.durationMonths = request.durationMonths.orElse(null);
    }
    if (request.salary != null) {
      salary(offer, request.salary.orElse(null));
    }
    if (request.closingDate != null) {
      offer.closingDate = closingDate(request.closingDate.orElse(null), offer.country);
    }
    if (!staff && offer.moderation == JobOffer.Moderation.REJECTED) {
      offer.moderation = JobOffer.Moderation.PENDING;
    }
    return saved(offer, scope);
  }

  /**
   * Staff who handle the offer publish a draft (approving it when a partner posted it); the partner
   * offering it sends its draft to their moderation.
   */
  @Transactional
  public JobOfferView publishDraft(UUID id, LongPredicate ifMatch, AccessScope scope) {
    JobOffer offer = changeable(id, ifMatch, scope);
    if (!JobOfferAccess.manages(offer, scope)) {
      if (offer.status != JobOfferStatus.DRAFT) {
        throw illegal(offer, JobOfferStatus.PUBLISHED);
      }
      offer.moderation = JobOffer.Moderation.PENDING;
      return saved(offer, scope);
    }
    move(offer, JobOfferStatus.PUBLISHED);
    LocalDate today = now.today(zoneOf(offer.country));
    if (offer.closingDate != null && offer.closingDate.isBefore(today)) {
      throw ProblemException.invalid(
          "closingDate", "invalid-request.job-offer-closing-date", offer.closingDate);
    }
    if (offer.moderation != null) {
      offer.moderation = JobOffer.Moderation.APPROVED;
      offer.moderationNote = null;
    }
    offer.publishedAt = now.timestamp();
    JobOfferView view = saved(offer, scope);
    published(offer);
    return view;
  }

  /** Staff send a partner's draft back with the reason; it stays a draft the partner corrects. */
  @Transactional
  public JobOfferView reject(
      UUID id, JobOfferDecisionRequest request, LongPredicate ifMatch, AccessScope scope) {
    JobOffer offer = changeable(id, ifMatch, scope);
    if (!JobOfferAccess.manages(offer, scope)) {
      throw ProblemException.forbidden();
    }
    if (offer.status != JobOfferStatus.DRAFT || offer.moderation != JobOffer.Moderation.PENDING) {
      throw new ProblemException(ProblemType.CONFLICT, "conflict.job-offer-not-pending");
    }
    offer.moderation = JobOffer.Moderation.REJECTED;
    offer.moderationNote = request.reason().strip();
    return saved(offer, scope);
  }

  /** A published offer closed, or filled, before its closing date: staff or its partner. */
  @Transactional
  public JobOfferView close(
      UUID id, CloseJobOfferRequest request, LongPredicate ifMatch, AccessScope scope) {
    JobOfferStatus outcome = request.outcome();
    if (outcome != JobOfferStatus.CLOSED && outcome != JobOfferStatus.FILLED) {
      throw ProblemException.invalid("outcome", "invalid-request.job-offer-close-outcome");
    }
    JobOffer offer = changeable(id, ifMatch, scope);
    move(offer, outcome);
    offer.closedAt = now.timestamp();
    return saved(offer, scope);
  }

  /** An offer whose hires reached its openings is filled (a candidacy moved to HIRED). */
  void filledIfAllHired(JobOffer offer, long hired) {
    if (hired >= offer.openings && offer.status.canMoveTo(JobOfferStatus.FILLED)) {
      offer.status = JobOfferStatus.FILLED;
      offer.closedAt = now.timestamp();
      offer.changedAt = offer.closedAt;
    }
  }

  /** An offer the caller reaches, or 404 as if it did not exist. */
  JobOffer reachable(UUID id, AccessScope scope, LockModeType lock) {
    JobOffer offer = offers.findById(id, lock);
    if (offer == null || !JobOfferAccess.visible(offer, scope)) {
      throw ProblemException.notFound("job-offer");
    }
    return offer;
  }

  /** Reached, changed only by its staff or its partner (403 otherwise), at the version read. */
  private JobOffer changeable(UUID id, LongPredicate ifMatch, AccessScope scope) {
    JobOffer offer = reachable(id, scope, LockModeType.PESSIMISTIC_WRITE);
    if (!JobOfferAccess.manages(offer, scope) && !JobOfferAccess.owns(offer, scope)) {
      throw ProblemException.forbidden();
    }
    if (!ifMatch.test(offer.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    return offer;
  }

  private static void move(JobOffer offer, JobOfferStatus target) {
    if (!offer.status.canMoveTo(target)) {
      throw illegal(offer, target);
    }
    offer.status = target;
  }

  private static ProblemException illegal(JobOffer offer, JobOfferStatus target) {
    return new ProblemException(
        ProblemType.ILLEGAL_TRANSITION, "illegal-transition.detail", offer.status, target);
  }

  private JobOfferView saved(JobOffer offer, AccessScope scope) {
    offer.changedAt = now.timestamp();
    offers.flush(); // the new version, for the ETag
    return view(offer, scope);
  }

  private void published(JobOffer offer) {
    outbox.publish(
        DomainEvent.v1(
            JobOfferPublished.NAME,
            offer.id,
            offer.country,
            offer.siteCode,
            JobOfferPublished.of(offer)));
  }

  /** Learners and integrations do not read staff's moderation of the offer. */
  private static JobOfferView view(JobOffer offer, AccessScope scope) {
    JobOfferView view = JobOfferView.of(offer);
    return scope.isStaff() || JobOfferAccess.owns(offer, scope) ? view : view.forLearners();
  }

  private LocalDate closingDate(LocalDate closingDate, String country) {
    if (closingDate != null && closingDate.isBefore(now.today(zoneOf(country)))) {
      throw ProblemException.invalid(
          "closingDate", "invalid-request.job-offer-closing-date", closingDate);
    }
    return closingDate;
  }

  ZoneId zoneOf(String country) {
    ZoneId zone = config.timeZones().get(country);
    return zone == null ? ZoneOffset.UTC : zone;
  }

  private static void salary(JobOffer offer, JobOfferSalary salary) {
    if (salary != null && salary.max() != null && salary.max().compareTo(salary.min()) < 0) {
      throw ProblemException.invalid("salary.max", "invalid-request.job-offer-salary");
    }
    offer.salaryMin = salary == null ? null : salary.min();
    offer.salaryMax = salary == null ? null : salary.max();
    offer.salaryCurrency = salary == null ? null : salary.currency();
    offer.salaryPeriod = salary == null ? null : salary.period();
  }

  private static String stripped(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static List<String> strippedAll(List<String> values) {
    return values == null
        ? new ArrayList<>()
        : new ArrayList<>(values.stream().map(String::strip).distinct().toList());
  }

  private static List<String> distinct(List<String> values) {
    return values == null
        ? new ArrayList<>()
        : new ArrayList<>(values.stream().distinct().toList());
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
