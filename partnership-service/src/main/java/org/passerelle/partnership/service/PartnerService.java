package org.passerelle.partnership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.locks.AdvisoryLocks;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.time.Now;
import org.passerelle.partnership.Partner;
import org.passerelle.partnership.PartnerRole;
import org.passerelle.partnership.PartnerStatus;
import org.passerelle.partnership.api.ChangePartnerRequest;
import org.passerelle.partnership.api.PartnerAddress;
import org.passerelle.partnership.api.PartnerRegistration;
import org.passerelle.partnership.api.PartnerView;
import org.passerelle.partnership.api.RegisterPartnerRequest;
import org.passerelle.partnership.events.PartnerChanged;
import org.passerelle.partnership.events.PartnerRegistered;
import org.passerelle.partnership.repository.PartnerRepository;
import org.passerelle.problem.ProblemType;

/** Registering, changing and reading partners, within the caller's scope. */
@ApplicationScoped
public class PartnerService {

  private final PartnerRepository partners;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final AdvisoryLocks locks;
  private final Now now;

  PartnerService(
      PartnerRepository partners,
      Outbox outbox,
      IdempotencyKeys idempotency,
      AdvisoryLocks locks,
      Now now) {
    this.partners = partners;
    this.outbox = outbox;
    this.idempotency = idempotency;
    this.locks = locks;
    this.now = now;
  }

  @Transactional
  public IdempotencyKeys.Outcome<PartnerView> register(
      RegisterPartnerRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        "register-partner",
        request,
        PartnerView.class,
        () -> create(request, scope));
  }

  /**
   * Registers the partner under the id the caller chose (records migrated with their ids, the demo
   * partners the demo users' tokens name). Idempotent: the same partner sent again changes nothing
   * and emits nothing; other details under an existing id are a conflict (changing a partner is
   * PATCH). An existing id the caller cannot see answers 404, as a read would.
   */
  @Transactional
  public PartnerRegistration registerWithId(
      UUID id, RegisterPartnerRequest request, AccessScope scope) {
    if (!scope.isPlatformAdmin() && !scope.has(Roles.COUNTRY_ADMIN)) {
      throw ProblemException.outOfScope();
    }
    Partner existing = partners.findById(id, LockModeType.PESSIMISTIC_WRITE);
    // An existing partner out of the caller's scope answers 404 before its country is compared,
    // so that the answer says nothing about where that partner is.
    if (existing != null && !scope.coversCountry(existing.country)) {
      throw ProblemException.notFound("partner");
    }
    requireCountryLevel(request.country(), scope);
    if (existing == null) {
      return new PartnerRegistration(create(id, request), true);
    }
    if (!sameDetails(existing, request)) {
      throw new ProblemException(ProblemType.CONFLICT, "conflict.partner-id-taken", id);
    }
    return new PartnerRegistration(PartnerView.of(existing), false);
  }

  /** The details sent match the partner's; the optional ones only when sent. */
  private static boolean sameDetails(Partner partner, RegisterPartnerRequest request) {
    String number =
        LegalIdentifiers.normalised(
            "registrationNumber", request.country(), request.registrationNumber());
    return partner.name.equals(request.name().strip())
        && partner.kind == request.kind()
        && partner.country.equals(request.country())
        && Objects.equals(partner.registrationNumber, number)
        && (request.roles() == null || partner.roleSet().equals(EnumSet.copyOf(request.roles())))
        && (request.sector() == null || request.sector().strip().equals(partner.sector))
        && (request.address() == null
            || request.address().stripped().equals(PartnerAddress.of(partner)))
        && (request.sites() == null
            || new TreeSet<>(request.sites()).equals(Set.copyOf(partner.sites)));
  }

  /** Partnerships are signed at country level: site staff read them but do not sign them. */
  private static void requireCountryLevel(String country, AccessScope scope) {
    boolean countryLevel = scope.isPlatformAdmin() || scope.has(Roles.COUNTRY_ADMIN);
    if (!countryLevel || !scope.coversCountry(country)) {
      throw ProblemException.outOfScope();
    }
  }

  private PartnerView create(RegisterPartnerRequest request, AccessScope scope) {
    requireCountryLevel(request.country(), scope);
    return create(UUID.randomUUID(), request);
  }

  private PartnerView create(UUID id, RegisterPartnerRequest request) {
    Partner partner = new Partner();
    partner.id = id;
    partner.name = request.name().strip();
    partner.kind = request.kind();
    partner.country = request.country();
    partner.registrationNumber =
        uniqueLegalIdentifier(
            "registrationNumber", request.country(), request.registrationNumber(), id);
    partner.roles(
        request.roles() == null || request.roles().isEmpty()
            ? EnumSet.of(PartnerRole.of(request.kind()))
            : EnumSet.copyOf(request.roles()));
    partner.status = PartnerStatus.ACTIVE;
    partner.sector = request.sector() == null ? null : request.sector().strip();
    address(partner, request.address());
    partner.sites = sites(request.country(), request.sites());
    partner.createdAt = now.timestamp();
    partners.persistAndFlush(partner);
    outbox.publish(
        DomainEvent.v1(
            PartnerRegistered.NAME,
            partner.id,
            partner.country,
            null,
            PartnerRegistered.of(partner)));
    return PartnerView.of(partner);
  }

  private String uniqueLegalIdentifier(String field, String country, String value, UUID partner) {
    String number = LegalIdentifiers.normalised(field, country, value);
    if (number == null) {
      return null;
    }
    // Two registrations of one identifier at once: the second waits and sees the first.
    locks.holdUntilCommit("partner-legal-identifier", country, number);
    if (partners.legalIdentifierTaken(country, number, partner)) {
      throw new ProblemException(
          ProblemType.CONFLICT, "conflict.partner-legal-identifier-taken", number, country);
    }
    return number;
  }

  private static void address(Partner partner, PartnerAddress address) {
    PartnerAddress stripped = address == null ? null : address.stripped();
    partner.street = stripped == null ? null : stripped.street();
    partner.postalCode = stripped == null ? null : stripped.postalCode();
    partner.city = stripped == null ? null : stripped.city();
  }

  /** The sites, sorted; each one of the partner's country. */
  private static List<String> sites(String country, Set<String> sites) {
    if (sites == null) {
      return new ArrayList<>();
    }
    for (String site : sites) {
      if (!site.startsWith(country + "-")) {
        throw ProblemException.invalid(
            "sites", "invalid-request.partner-site-country", site, country);
      }
    }
    return new ArrayList<>(new TreeSet<>(sites));
  }

  /**
   * A merge patch of the partner's details and status, by its country's admins (or platform
   * admins). Nothing that changes nothing is written or emitted; otherwise {@code partner-changed}
   * carries the whole partner.
   */
  @Transactional
  public PartnerView change(
      UUID id, ChangePartnerRequest request, LongPredicate ifMatch, AccessScope scope) {
    Partner partner =
        partners
            .findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            .filter(found -> visible(found, scope))
            .orElseThrow(() -> ProblemException.notFound("partner"));
    requireCountryLevel(partner.country, scope);
    if (!ifMatch.test(partner.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    String name = request.name == null ? partner.name : request.name.strip();
    var kind = request.kind == null ? partner.kind : request.kind;
    Set<PartnerRole> roles =
        request.roles == null ? partner.roleSet() : EnumSet.copyOf(request.roles);
    PartnerStatus status = request.status == null ? partner.status : request.status;
    if (status != partner.status && !partner.status.canMoveTo(status)) {
      throw new ProblemException(
          ProblemType.ILLEGAL_TRANSITION, "illegal-transition.detail", partner.status, status);
    }
    String number =
        request.registrationNumber == null
            ? partner.registrationNumber
            : uniqueLegalIdentifier(
                "registrationNumber",
                partner.country,
                request.registrationNumber.orElse(null),
                partner.id);
    String sector =
        request.sector == null ? partner.sector : request.sector.map(String::strip).orElse(null);
    PartnerAddress address =
        request.address == null
            ? PartnerAddress.of(partner)
            : request.address.map(PartnerAddress::stripped).orElse(null);
    List<String> sites =
        request.sites == null ? partner.sites : sites(partner.country, request.sites);
    if (name.equals(partner.name)
        && kind == partner.kind
        && roles.equals(partner.roleSet())
        && status == partner.status
        && Objects.equals(number, partner.registrationNumber)
        && Objects.equals(sector, partner.sector)
        && Objects.equals(address, PartnerAddress.of(partner))
        && sites.equals(partner.sites)) {
      return PartnerView.of(partner);
    }
    partner.name = name;
    partner.kind = kind;
    partner.roles(roles);
    partner.status = status;
    partner.registrationNumber = number;
    partner.sector = sector;
    address(partner, address);
    partner.sites = new ArrayList<>(sites);
    partner.updatedAt = now.timestamp();
    partners.flush(); // the new version, for the ETag and the event
    outbox.publish(
        DomainEvent.v1(
            PartnerChanged.NAME, partner.id, partner.country, null, PartnerChanged.of(partner)));
    return PartnerView.of(partner);
  }

  /** Staff of the partner's country, or the partner organisation itself. */
  static boolean visible(Partner partner, AccessScope scope) {
    return scope.coversCountry(partner.country) || scope.isPartner(partner.id.toString());
  }

  @Transactional
  public PartnerView get(UUID id, AccessScope scope) {
    return partners
        .findByIdOptional(id)
        .filter(partner -> visible(partner, scope))
        .map(PartnerView::of)
        .orElseThrow(() -> ProblemException.notFound("partner"));
  }

  /** The organisation of a partner user's token ({@code partner_id}); 404 when it has none. */
  @Transactional
  public PartnerView mine(AccessScope scope) {
    UUID id;
    try {
      id =
          UUID.fromString(
              scope.partnerId().orElseThrow(() -> ProblemException.notFound("partner")));
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("partner");
    }
    return get(id, scope);
  }
}
