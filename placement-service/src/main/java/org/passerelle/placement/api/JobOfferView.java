package org.passerelle.placement.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.JobOffer;
import org.passerelle.placement.JobOfferStatus;

/**
 * A job offer as the API shows it; its version is the ETag. The moderation note is shown to staff
 * and to the partner who posted it only: {@link #forLearners()} leaves it out.
 */
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
    long version,
    String description,
    List<String> skills,
    Integer durationMonths,
    JobOffer.RemoteMode remoteMode,
    List<String> programmes,
    JobOfferSalary salary,
    LocalDate closingDate,
    JobOfferStatus status,
    JobOffer.Moderation moderation,
    String moderationNote,
    OffsetDateTime createdAt,
    OffsetDateTime closedAt,
    List<String> targetSites,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

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
        offer.version,
        offer.description,
        List.copyOf(offer.skills),
        offer.durationMonths,
        offer.remoteMode,
        List.copyOf(offer.programmes),
        JobOfferSalary.of(offer),
        offer.closingDate,
        offer.status,
        offer.moderation,
        offer.moderationNote,
        offer.createdAt,
        offer.closedAt,
        List.copyOf(offer.targetSites),
        offer.changedAt);
  }

  /** What learners read: not staff's moderation of it. */
  public JobOfferView forLearners() {
    return new JobOfferView(
        id,
        partnerId,
        employerName,
        title,
        contractType,
        siteCode,
        country,
        city,
        openings,
        publishedAt,
        version,
        description,
        skills,
        durationMonths,
        remoteMode,
        programmes,
        salary,
        closingDate,
        status,
        null,
        null,
        createdAt,
        closedAt,
        targetSites,
        updatedAt);
  }
}
