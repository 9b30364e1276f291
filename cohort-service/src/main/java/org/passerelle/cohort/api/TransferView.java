package org.passerelle.cohort.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a transfer did. */
public record TransferView(
    UUID fromCohortId,
    UUID toCohortId,
    @Schema(description = "The learners' seats in the target cohort") List<LearnerView> learners,
    @Schema(description = "Free seats left in the target cohort") long seatsLeft) {}
