package org.passerelle.placement.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A candidacy to a published offer: staff propose a learner, a learner applies for themself. */
public record CandidacyRequest(
    @NotNull UUID jobOfferId,
    @Schema(description = "The learner staff propose; left out when a learner applies")
        UUID learnerId) {}
