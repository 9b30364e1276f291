package org.passerelle.cohort.api;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An active learner whose current run of unexcused absences reaches the threshold. */
public record AtRiskLearnerView(
    UUID learnerId,
    @Schema(description = "Length of the current run of unexcused absences")
        int consecutiveUnexcusedAbsences,
    @Schema(description = "First session day of the run") LocalDate since,
    @Schema(description = "Last session day of the run") LocalDate lastAbsenceOn,
    @Schema(description = "The configured threshold") int threshold) {}
