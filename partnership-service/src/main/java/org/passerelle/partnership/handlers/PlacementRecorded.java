package org.passerelle.partnership.handlers;

import jakarta.annotation.Nullable;
import java.time.LocalDate;
import java.util.UUID;

/** What partnership-service reads of placement-service's {@code placement-recorded.v1}. */
public record PlacementRecorded(
    UUID placementId,
    @Nullable UUID employerPartnerId,
    @Nullable String contractType,
    LocalDate startDate,
    String site,
    String country) {}
