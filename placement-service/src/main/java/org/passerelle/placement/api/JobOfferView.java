package org.passerelle.placement.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.JobOffer;

/** A job offer as the API shows it; its version is the ETag. */
public record JobOfferView(
    UUID id,
    UUID partnerId,
    String employerName,
    String title,
    ContractType contractType,
    String siteCode,
    String country,
    String city,
    int openings,
    OffsetDateTime publishedAt,
    long version) {

  public static JobOfferView of(JobOffer offer) {
    return new JobOfferView(
        offer.id,
        offer.partnerId,
        offer.employerName,
        offer.title,
        offer.contractType,
        offer.siteCode,
        offer.country,
        offer.city,
        offer.openings,
        offer.publishedAt,
        offer.version);
  }
}
