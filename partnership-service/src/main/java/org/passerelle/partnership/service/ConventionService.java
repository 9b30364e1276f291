package org.passerelle.partnership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.partnership.Convention;
import org.passerelle.partnership.ConventionStatus;
import org.passerelle.partnership.Partner;
import org.passerelle.partnership.api.ConventionView;
import org.passerelle.partnership.api.CreateConventionRequest;
import org.passerelle.partnership.api.RenewConventionRequest;
import org.passerelle.partnership.api.SignConventionRequest;
import org.passerelle.partnership.api.TerminateConventionRequest;
import org.passerelle.partnership.config.ConventionsConfig;
import org.passerelle.partnership.repository.ConventionRepository;
import org.passerelle.partnership.repository.PartnerRepository;
import org.passerelle.problem.ProblemType;

/**
 * Drafting, signing, terminating and renewing conventions, and reading them within the caller's
 * scope (activation and expiry are {@link ConventionLifecycleService}'s).
 */
@ApplicationScoped
public class ConventionService {

  /** The list's filters, each optional; several statuses mean any of them. */
  public record Filters(
      UUID partnerId,
      String country,
      String site,
      Set<ConventionStatus> statuses,
      Integer expiringWithinDays) {}

  /** What the list sorts by (ADR 0040): by end date unless asked otherwise. */
  public static final Sorting SORTING =
      Sorting.of(
          "endsOn",
          "c.id",
          "endsOn",
          "c.endsOn",
          "startsOn",
          "c.startsOn",
          "signedOn",
          "c.signedOn",
          "status",
          "c.status",
          "createdAt",
          "c.createdAt");

  private final ConventionRepository conventions;
  private final PartnerRepository partners;
  private final IdempotencyKeys idempotency;
  private final ConventionsConfig config;
  private final Now now;

  ConventionService(
      ConventionRepository conventions,
      PartnerRepository partners,
      IdempotencyKeys idempotency,
      ConventionsConfig config,
      Now now) {
    this.conventions = conventions;
    this.partners = partners;
    this.idempotency = idempotency;
    this.config = config;
    this.now = now;
  }

  @Transactional
  public IdempotencyKeys.Outcome<ConventionView> create(
      CreateConventionRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "create-convention",
        request,
        ConventionView.class,
        () -> draft(request, scope));
  }

  private ConventionView draft(CreateConventionRequest request, AccessScope scope) {
    Set<String> countries = countriesOf(request);
    ConventionAccess.requireCountryLevel(countries, scope);
    Partner partner = partners.findById(request.partnerId());
    if (partner == null || !partner.country.equals(request.country())) {
      throw ProblemException.invalid("partnerId", "invalid-request.convention-partner");
    }
    checkPeriod(request.startsOn(), request.endsOn());
    Convention convention = new Convention();
    convention.id = UUID.randomUUID();
    convention.partnerId = partner.id;
    convention.country = request.country();
    convention.countries = new ArrayList<>(countries);
    convention.sites = sitesOf(countries, request.sites());
    convention.programmes = distinct(request.programmes());
    convention.signatories = stripped(request.signatories());
    convention.documentReference = request.documentReference();
    convention.startsOn = request.startsOn();
    convention.endsOn = request.endsOn();
    convention.status = ConventionStatus.DRAFT;
    convention.createdAt = now.timestamp();
    convention.changedAt = convention.createdAt;
    conventions.persistAndFlush(convention);
    return ConventionView.of(convention);
  }

  @Transactional
  public ConventionView get(UUID id, AccessScope scope) {
    return ConventionView.of(reachable(id, scope, LockModeType.NONE));
  }

  /** Ordered by end date, then id, so that pages neither skip nor repeat a convention. */
  @Transactional
  public Page<ConventionView> list(Filters filters, int page, int size, AccessScope scope) {
    return list(filters, SORTING.parse(null), page, size, scope);
  }

  /** The same, in the order asked for (ADR 0040). */
  @Transactional
  public Page<ConventionView> list(
      Filters filters, Sorting.Order order, int page, int size, AccessScope scope) {
    Map<String, Object> parameters = new HashMap<>();
    List<String> where = new ArrayList<>();
    where.add(ConventionAccess.condition(scope, parameters, "c"));
    if (filters.partnerId() != null) {
      where.add("c.partnerId = :partnerId");
      parameters.put("partnerId", filters.partnerId());
    }
    if (filters.country() != null) {
      where.add("array_contains(c.countries, :country)");
      parameters.put("country", filters.country());
    }
    if (filters.site() != null) {
      where.add(":site member of c.sites");
      parameters.put("site", filters.site());
    }
    if (filters.statuses() != null && !filters.statuses().isEmpty()) {
      where.add("c.status in :statuses");
      parameters.put("statuses", filters.statuses());
    }
    if (filters.expiringWithinDays() != null) {
      LocalDate today = now.today(zoneOf(filters.country(), scope));
      where.add("c.status in :running and c.endsOn >= :today and c.endsOn <= :horizon");
      parameters.put("running", Set.of(ConventionStatus.SIGNED, ConventionStatus.ACTIVE));
      parameters.put("today", today);
      parameters.put("horizon", today.plusDays(filters.expiringWithinDays()));
    }
    var query =
        conventions.find(
            "from Convention c where " + String.join(" and ", where), order.sort(), parameters);
    return Page.of(query, page, size, ConventionView::of);
  }

  @Transactional
  public ConventionView sign(
      UUID id, SignConventionRequest request, LongPredicate ifMatch, AccessScope scope) {
    Convention convention = changeable(id, ifMatch, scope);
    move(convention, ConventionStatus.SIGNED);
    if (request.signedOn().isAfter(now.today(zoneOf(convention.country, scope)))) {
      throw ProblemException.invalid("signedOn", "invalid-request.signed-in-future");
    }
    convention.signedOn = request.signedOn();
    if (request.signatories() != null && !request.signatories().isEmpty()) {
      convention.signatories = stripped(request.signatories());
    }
    if (request.documentReference() != null) {
      convention.documentReference = request.documentReference();
    }
    return saved(convention);
  }

  @Transactional
  public ConventionView terminate(
      UUID id, TerminateConventionRequest request, LongPredicate ifMatch, AccessScope scope) {
    Convention convention = changeable(id, ifMatch, scope);
    move(convention, ConventionStatus.TERMINATED);
    convention.terminationReason = request.reason().strip();
    return saved(convention);
  }

  /**
   * A signed convention (in force or over) is renewed by a draft successor with the same partner,
   * country, sites and programmes; one successor per convention.
   */
  @Transactional
  public IdempotencyKeys.Outcome<ConventionView> renew(
      UUID id, RenewConventionRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "renew-convention:" + id,
        request,
        ConventionView.class,
        () -> successor(id, request, scope));
  }

  private ConventionView successor(UUID id, RenewConventionRequest request, AccessScope scope) {
    Convention predecessor = reachable(id, scope, LockModeType.PESSIMISTIC_WRITE);
    ConventionAccess.requireCountryLevel(predecessor, scope);
    if (!predecessor.status.signed()) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.convention-not-renewable", predecessor.status);
    }
    if (conventions.count("predecessorId", predecessor.id) > 0) {
      throw new ProblemException(ProblemType.CONFLICT, "conflict.convention-renewed", id);
    }
    LocalDate startsOn =
        request.startsOn() != null ? request.startsOn() : predecessor.endsOn.plusDays(1);
    checkPeriod(startsOn, request.endsOn());
    Convention renewed = new Convention();
    renewed.id = UUID.randomUUID();
    renewed.partnerId = predecessor.partnerId;
    renewed.country = predecessor.country;
    renewed.countries = new ArrayList<>(predecessor.countries);
    renewed.sites = new TreeSet<>(predecessor.sites);
    renewed.programmes = new ArrayList<>(predecessor.programmes);
    renewed.signatories = new ArrayList<>();
    renewed.documentReference = request.documentReference();
    renewed.startsOn = startsOn;
    renewed.endsOn = request.endsOn();
    renewed.status = ConventionStatus.DRAFT;
    renewed.predecessorId = predecessor.id;
    renewed.createdAt = now.timestamp();
    renewed.changedAt = renewed.createdAt;
    conventions.persistAndFlush(renewed);
    return ConventionView.of(renewed);
  }

  /** A convention the caller reaches, or 404 as if it did not exist. */
  Convention reachable(UUID id, AccessScope scope, LockModeType lock) {
    Convention convention = conventions.findById(id, lock);
    if (convention == null || !ConventionAccess.reaches(scope, convention)) {
      throw ProblemException.notFound("convention");
    }
    return convention;
  }

  private Convention changeable(UUID id, LongPredicate ifMatch, AccessScope scope) {
    Convention convention = reachable(id, scope, LockModeType.PESSIMISTIC_WRITE);
    ConventionAccess.requireCountryLevel(convention, scope);
    if (!ifMatch.test(convention.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    return convention;
  }

  private static void move(Convention convention, ConventionStatus target) {
    if (!convention.status.canMoveTo(target)) {
      throw new ProblemException(
          ProblemType.ILLEGAL_TRANSITION, "illegal-transition.detail", convention.status, target);
    }
    convention.status = target;
  }

  private ConventionView saved(Convention convention) {
    convention.changedAt = now.timestamp();
    conventions.flush(); // the new version, for the ETag
    return ConventionView.of(convention);
  }

  ZoneId zoneOf(String country, AccessScope scope) {
    String of = country != null ? country : scope.country().orElse(null);
    ZoneId zone = of == null ? null : config.timeZones().get(of);
    return zone == null ? ZoneOffset.UTC : zone;
  }

  private static void checkPeriod(LocalDate startsOn, LocalDate endsOn) {
    if (endsOn.isBefore(startsOn)) {
      throw ProblemException.invalid("endsOn", "invalid-request.convention-period");
    }
  }

  /** The partner's country and any other it covers (ADR 0024). */
  private static Set<String> countriesOf(CreateConventionRequest request) {
    Set<String> countries = new TreeSet<>();
    countries.add(request.country());
    if (request.countries() != null) {
      countries.addAll(request.countries());
    }
    return countries;
  }

  /** Each site is of a country covered, and each country covered has a site. */
  private static Set<String> sitesOf(Set<String> countries, List<String> sites) {
    Set<String> served = new TreeSet<>();
    for (String site : sites) {
      String country = ConventionAccess.countryOf(site);
      if (!countries.contains(country)) {
        throw ProblemException.invalid(
            "sites", "invalid-request.site-country", site, String.join(", ", countries));
      }
      served.add(country);
    }
    if (!served.equals(countries)) {
      throw ProblemException.invalid("countries", "invalid-request.convention-countries");
    }
    return new TreeSet<>(sites);
  }

  private static List<String> distinct(List<String> values) {
    return values == null ? new ArrayList<>() : new ArrayList<>(new TreeSet<>(values));
  }

  private static List<String> stripped(List<String> values) {
    return values == null
        ? new ArrayList<>()
        : new ArrayList<>(values.stream().map(String::strip).toList());
  }
}
