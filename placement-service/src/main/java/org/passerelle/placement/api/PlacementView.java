package org.passerelle.placement.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.DismissalReason;
import org.passerelle.placement.EvidenceKind;
import org.passerelle.placement.Placement;
import org.passerelle.placement.PlacementSource;
import org.passerelle.placement.PlacementStatus;
import org.passerelle.placement.SalaryBand;
import org.passerelle.placement.Situation;
import org.passerelle.placement.WorkingTime;

/**
 * A placement as the API shows it; the employer's name and the evidence note only to staff and to
 * the learner themself (integrations read codes), the note of a dismissal only to staff.
 */
public record PlacementView(
    UUID id,
    UUID learnerId,
    String country,
    String siteCode,
    PlacementStatus status,
    Situation situation,
    LocalDate situationOn,
    LocalDate startDate,
    UUID employerPartnerId,
    String employerName,
    ContractType contractType,
    Integer durationMonths,
    WorkingTime workingTime,
    SalaryBand salaryBand,
    Boolean matchesTraining,
    boolean durableEmployment,
    PlacementSource source,
    EvidenceKind evidenceKind,
    String evidenceNote,
    UUID candidacyId,
    UUID followUpId,
    OffsetDateTime recordedAt,
    DismissalReason dismissalReason,
    String dismissalNote,
    OffsetDateTime dismissedAt,
    long version,
    @Schema(description = "When it was created: when it was recorded") OffsetDateTime createdAt,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

  public static PlacementView of(Placement placement, boolean freeText) {
    return of(placement, freeText, freeText);
  }

  public static PlacementView of(Placement placement, boolean freeText, boolean staffNotes) {
    return new PlacementView(
        placement.id,
        placement.learnerId,
        placement.country,
        placement.siteCode,
        placement.status,
        placement.situation,
        placement.situationOn,
        placement.startDate,
        placement.employerPartnerId,
        freeText ? placement.employerName : null,
        placement.contractType,
        placement.durationMonths,
        placement.workingTime,
        placement.salaryBand,
        placement.matchesTraining,
        placement.durableEmployment,
        placement.source,
        placement.evidenceKind,
        freeText ? placement.evidenceNote : null,
        placement.candidacyId,
        placement.followUpId,
        placement.recordedAt,
        placement.dismissalReason,
        staffNotes ? placement.dismissalNote : null,
        placement.dismissedAt,
        placement.version,
        placement.recordedAt,
        placement.updatedAt);
  }
}
