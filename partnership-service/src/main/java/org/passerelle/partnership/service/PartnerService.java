package org.passerelle.partnership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.partnership.Partner;
import org.passerelle.partnership.events.PartnerRegistered;
import org.passerelle.partnership.repository.PartnerRepository;
import org.passerelle.partnership.rest.PartnerView;
import org.passerelle.partnership.rest.RegisterPartnerRequest;

/** Registering and reading partners, within the caller's scope. */
@ApplicationScoped
public class PartnerService {

  private final PartnerRepository partners;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;

  PartnerService(PartnerRepository partners, Outbox outbox, IdempotencyKeys idempotency) {
    this.partners = partners;
    this.outbox = outbox;
    this.idempotency = idempotency;
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

  private PartnerView create(RegisterPartnerRequest request, AccessScope scope) {
    // Partnerships are signed at country level: site staff read them but do not sign them.
    boolean countryLevel = scope.isPlatformAdmin() || scope.has(Roles.COUNTRY_ADMIN);
    if (!countryLevel || !scope.coversCountry(request.country())) {
      throw ProblemException.outOfScope();
    }
    Partner partner = new Partner();
    partner.id = UUID.randomUUID();
    partner.name = request.name().strip();
    partner.kind = request.kind();
    partner.country = request.country();
    partner.registrationNumber = request.registrationNumber();
    partner.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
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
