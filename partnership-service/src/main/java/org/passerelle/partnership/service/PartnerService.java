package org.passerelle.partnership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.UUID;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.time.Now;
import org.passerelle.partnership.Partner;
import org.passerelle.partnership.api.PartnerRegistration;
import org.passerelle.partnership.api.PartnerView;
import org.passerelle.partnership.api.RegisterPartnerRequest;
import org.passerelle.partnership.events.PartnerRegistered;
import org.passerelle.partnership.repository.PartnerRepository;
import org.passerelle.problem.ProblemType;

/** Registering and reading partners, within the caller's scope. */
@ApplicationScoped
public class PartnerService {

  private final PartnerRepository partners;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final Now now;

  PartnerService(PartnerRepository partners, Outbox outbox, IdempotencyKeys idempotency, Now now) {
    this.partners = partners;
    this.outbox = outbox;
    this.idempotency = idempotency;
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
   * another operation). An existing id the caller cannot see answers 404, as a read would.
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

  private static boolean sameDetails(Partner partner, RegisterPartnerRequest request) {
    return partner.name.equals(request.name().strip())
        && partner.kind == request.kind()
        && partner.country.equals(request.country())
        && Objects.equals(partner.registrationNumber, request.registrationNumber());
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
    partner.registrationNumber = request.registrationNumber();
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

  /** Staff of the partner's country, or the partner organisation itself. */
  @Transactional
  public PartnerView get(UUID id, AccessScope scope) {
    return partners
        .findByIdOptional(id)
        .filter(
            partner ->
                scope.coversCountry(partner.country) || scope.isPartner(partner.id.toString()))
        .map(PartnerView::of)
        .orElseThrow(() -> ProblemException.notFound("partner"));
  }
}
