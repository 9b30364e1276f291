package org.passerelle.cohort.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Learners staff move from this cohort to another cohort of the same programme. */
public record TransferLearnersRequest(
    @Schema(required = true, description = "The cohort the learners move to") @NotNull
        UUID toCohortId,
    @Schema(required = true, minItems = 1, maxItems = 100) @NotNull @Size(min = 1, max = 100)
        List<@NotNull UUID> learnerIds) {}
