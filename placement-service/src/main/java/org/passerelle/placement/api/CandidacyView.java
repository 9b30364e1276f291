package org.passerelle.placement.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.rest.Deprecations;
import org.passerelle.placement.Candidacy;
import org.passerelle.placement.CandidacyStatus;

/** A candidacy as the API shows it; its version is the ETag. */
public record CandidacyView(
    UUID id,
    UUID jobOfferId,
    UUID learnerId,
    UUID employerPartnerId,
    String country,
    String siteCode,
    String offerSiteCode,
    CandidacyStatus origin,
    CandidacyStatus status,
    LocalDate startDate,
    OffsetDateTime createdAt,
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "updatedAt")
        OffsetDateTime changedAt,
    long version,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

  public static CandidacyView of(Candidacy candidacy) {
    return new CandidacyView(
        candidacy.id,
        candidacy.jobOfferId,
        candidacy.learnerId,
        candidacy.employerPartnerId,
        candidacy.country,
        candidacy.siteCode,
        candidacy.offerSiteCode,
        candidacy.origin,
        candidacy.status,
        candidacy.startDate,
        candidacy.createdAt,
        candidacy.changedAt,
        candidacy.version,
        candidacy.changedAt);
  }
}
