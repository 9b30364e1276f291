package org.passerelle.placement.events;

import java.util.UUID;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.JobOffer;

/** Data of {@code job-offer-published.v1}. */
public record JobOfferPublished(
    UUID jobOfferId,
    UUID partnerId,
    String title,
    ContractType contractType,
    String site,
    String country,
    int openings) {

  public static final String NAME = "job-offer-published";

  public static JobOfferPublished of(JobOffer offer) {
    return new JobOfferPublished(
        offer.id,
        offer.partnerId,
        offer.title,
        offer.contractType,
        offer.siteCode,
        offer.country,
        offer.openings);
  }
}
