package org.passerelle.placement.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.placement.CandidacyStatus;

/** The state a candidacy moves to, with the job's first day when it is HIRED. */
public record CandidacyMoveRequest(
    @NotNull CandidacyStatus status,
    @Schema(description = "The job's first day: required for HIRED, refused otherwise")
        LocalDate startDate) {}
