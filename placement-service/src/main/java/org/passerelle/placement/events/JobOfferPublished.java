package org.passerelle.placement.events;

import java.time.LocalDate;
import java.util.UUID;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.JobOffer;

/**
 * Data of {@code job-offer-published.v1}. The fields after {@code openings} came with issue 16 and
 * are optional in the schema, so that v1 stays compatible.
 */
public record JobOfferPublished(
    UUID jobOfferId,
    UUID partnerId,
    String title,
    ContractType contractType,
    String site,
    String country,
    int openings,
    Integer durationMonths,
    JobOffer.RemoteMode remoteMode,
    LocalDate closingDate) {

  public static final String NAME = "job-offer-published";

  public static JobOfferPublished of(JobOffer offer) {
    return new JobOfferPublished(
        offer.id,
        offer.partnerId,
        offer.title,
        offer.contractType,
        offer.siteCode,
        offer.country,
        offer.openings,
        offer.durationMonths,
        offer.remoteMode,
        offer.closingDate);
  }
}
