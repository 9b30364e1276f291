package org.passerelle.placement.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.placement.ContractType;
import org.passerelle.placement.Placement;
import org.passerelle.placement.PlacementSource;
import org.passerelle.placement.Situation;

/** Data of {@code placement-recorded.v1}: categories only, never the employer's name or notes. */
public record PlacementRecorded(
    UUID placementId,
    UUID learnerId,
    Situation situation,
    UUID employerPartnerId,
    ContractType contractType,
    Integer durationMonths,
    LocalDate startDate,
    boolean durableEmployment,
    String site,
    String country,
    PlacementSource source,
    OffsetDateTime occurredAt) {

  public static final String NAME = "placement-recorded";

  public static PlacementRecorded of(Placement placement) {
    return new PlacementRecorded(
        placement.id,
        placement.learnerId,
        placement.situation,
        placement.employerPartnerId,
        placement.contractType,
        placement.durationMonths,
        placement.startDate,
        placement.durableEmployment,
        placement.siteCode,
        placement.country,
        placement.source,
        placement.recordedAt);
  }
}
