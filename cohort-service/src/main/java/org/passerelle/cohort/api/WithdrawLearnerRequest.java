package org.passerelle.cohort.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.ExitReason;

/** Why a learner leaves the school: the code funders count, and staff's own words. */
public record WithdrawLearnerRequest(
    @Schema(required = true, description = "The coded exit reason, sent in learner-withdrew")
        @NotNull
        ExitReason exitReason,
    @Schema(
            description =
                "Staff's comment, kept here for staff only; never sent in events, erased with the"
                    + " person",
            maxLength = 1000)
        @Size(max = 1000)
        String comment) {}
