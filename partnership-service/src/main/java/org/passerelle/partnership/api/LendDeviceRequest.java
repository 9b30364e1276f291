package org.passerelle.partnership.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.rest.Deprecations;

/**
 * Lending a ready computer to a learner: by learnerId only, the day they signed the loan agreement
 * and its reference, when it should come back, and the site that hands it over (the computer's own
 * site when absent; another site of the caller's moves it there).
 */
public record LendDeviceRequest(
    @NotNull UUID learnerId,
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "siteCode")
        @Pattern(regexp = "(FR|MA)-[A-Z0-9-]{1,61}")
        String site,
    @NotNull LocalDate expectedReturn,
    @NotNull LocalDate acceptedOn,
    @NotBlank @Size(max = 100) String acceptanceReference,
    @Schema(description = "The site that hands it over; the computer's own site when absent")
        @Pattern(regexp = "(FR|MA)-[A-Z0-9-]{1,61}")
        String siteCode) {}
