package org.passerelle.cohort.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.ExitReason;

/**
 * Why a learner leaves the school: the code funders count, staff's own words, and the day they left
 * when it was not today.
 */
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
        String comment,
    @Schema(
            description =
                "The day the learner left, when staff record it after the fact: not after today"
                    + " at the cohort's site, not before the start date of a cohort that has"
                    + " started, and after the last day the learner attended. Today when absent.")
        LocalDate withdrawnOn) {}
