package org.passerelle.placement.service;

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
import org.passerelle.placement.JobOffer;
import org.passerelle.placement.events.JobOfferPublished;
import org.passerelle.placement.repository.JobOfferRepository;
import org.passerelle.placement.rest.JobOfferView;
import org.passerelle.placement.rest.PublishJobOfferRequest;

/** Publishing and reading job offers, within the caller's scope. */
@ApplicationScoped
public class JobOfferService {

  private final JobOfferRepository offers;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;

  JobOfferService(JobOfferRepository offers, Outbox outbox, IdempotencyKeys idempotency) {
    this.offers = offers;
    this.outbox = outbox;
    this.idempotency = idempotency;
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
    boolean staff = scope.covers(request.country(), request.siteCode());
    boolean ownOffer =
        scope.has(Roles.PARTNER)
            && request.partnerId() != null
            && scope.isPartner(request.partnerId().toString())
            && scope.country().filter(request.country()::equals).isPresent();
    if (!staff && !ownOffer) {
      throw ProblemException.outOfScope();
    }
    JobOffer offer = new JobOffer();
    offer.id = UUID.randomUUID();
    offer.partnerId = request.partnerId();
    offer.employerName = request.employerName().strip();
    offer.title = request.title().strip();
    offer.contractType = request.contractType();
    offer.siteCode = request.siteCode();
    offer.country = request.country();
    offer.city = request.city().strip();
    offer.openings = request.openings();
    offer.publishedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    offers.persistAndFlush(offer);
    outbox.publish(
        DomainEvent.v1(
            JobOfferPublished.NAME,
            offer.id,
            offer.country,
            offer.siteCode,
            JobOfferPublished.of(offer)));
    return JobOfferView.of(offer);
  }

  /** Staff in scope, the offering partner, and learners of the offer's country see it. */
  @Transactional
  public JobOfferView get(UUID id, AccessScope scope) {
    return offers
        .findByIdOptional(id)
        .filter(offer -> visible(offer, scope))
        .map(JobOfferView::of)
        .orElseThrow(() -> ProblemException.notFound("job-offer"));
  }

  private static boolean visible(JobOffer offer, AccessScope scope) {
    return scope.covers(offer.country, offer.siteCode)
        || (offer.partnerId != null && scope.isPartner(offer.partnerId.toString()))
        || (scope.has(Roles.LEARNER) && scope.country().filter(offer.country::equals).isPresent());
  }
}
