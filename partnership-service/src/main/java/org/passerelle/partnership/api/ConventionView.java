package org.passerelle.partnership.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.rest.Deprecations;
import org.passerelle.partnership.Convention;
import org.passerelle.partnership.ConventionStatus;

/** A convention as the API shows it; its version is the ETag. */
public record ConventionView(
    UUID id,
    UUID partnerId,
    String country,
    List<String> countries,
    List<String> sites,
    List<String> programmes,
    List<String> signatories,
    String documentReference,
    LocalDate startsOn,
    LocalDate endsOn,
    LocalDate signedOn,
    ConventionStatus status,
    String terminationReason,
    UUID predecessorId,
    OffsetDateTime expiringNoticeAt,
    OffsetDateTime createdAt,
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "updatedAt")
        OffsetDateTime changedAt,
    long version,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

  public static ConventionView of(Convention convention) {
    return new ConventionView(
        convention.id,
        convention.partnerId,
        convention.country,
        convention.countries.stream().sorted().toList(),
        convention.sites.stream().sorted().toList(),
        List.copyOf(convention.programmes),
        List.copyOf(convention.signatories),
        convention.documentReference,
        convention.startsOn,
        convention.endsOn,
        convention.signedOn,
        convention.status,
        convention.terminationReason,
        convention.predecessorId,
        convention.expiringNoticeAt,
        convention.createdAt,
        convention.changedAt,
        convention.version,
        convention.changedAt);
  }
}
