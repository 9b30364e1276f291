package org.passerelle.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.time.Now;
import org.passerelle.placement.JobOffer;
import org.passerelle.placement.PartnerStatus;
import org.passerelle.placement.api.JobOfferView;
import org.passerelle.placement.api.PublishJobOfferRequest;
import org.passerelle.placement.events.JobOfferPublished;
import org.passerelle.placement.repository.JobOfferRepository;
import org.passerelle.placement.repository.KnownPartnerRepository;
import org.passerelle.placement.repository.KnownSiteRepository;
import org.passerelle.problem.Messages;
import org.passerelle.problem.Problem;
import org.passerelle.problem.ProblemType;

/** Publishing and reading job offers, within the caller's scope. */
@ApplicationScoped
public class JobOfferService {

  private final JobOfferRepository offers;
  private final KnownPartnerRepository partners;
  private final KnownSiteRepository sites;
  private final Outbox outbox;
  private final IdempotencyKeys idempotency;
  private final Now now;

  JobOfferService(
      JobOfferRepository offers,
      KnownPartnerRepository partners,
      KnownSiteRepository sites,
      Outbox outbox,
      IdempotencyKeys idempotency,
      Now now) {
    this.offers = offers;
    this.partners = partners;
    this.sites = sites;
    this.outbox = outbox;
    this.idempotency = idempotency;
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
    boolean staff = scope.covers(request.country(), request.siteCode());
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
    offer.contractType = request.contractType();
    offer.siteCode = request.siteCode();
    offer.country = request.country();
    offer.city = request.city().strip();
    offer.openings = request.openings();
    offer.publishedAt = now.timestamp();
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
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE, errors, "unprocessable.job-offer-references");
    }
  }

  /**
   * Staff in scope, the offering partner (of the offer's country), and learners of the offer's
   * country see it.
   */
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
        || (offer.partnerId != null
            && scope.isPartner(offer.partnerId.toString())
            && scope.country().filter(offer.country::equals).isPresent())
        || (scope.has(Roles.LEARNER) && scope.country().filter(offer.country::equals).isPresent());
  }
}
