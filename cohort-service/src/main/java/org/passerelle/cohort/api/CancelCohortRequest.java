package org.passerelle.cohort.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a cohort is cancelled; the body, and the reason, may be left out. */
public record CancelCohortRequest(
    @Schema(
            description =
                "Staff's note, kept with the cohort and shown to staff; never sent in events",
            maxLength = 500)
        @Size(max = 500)
        String reason) {}
