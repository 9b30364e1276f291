package org.passerelle.enrollment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application to an intake, with the applicant's identity and consents. */
public record SubmitApplicationRequest(
    @Schema(description = "The intake (the cohort's id), see /api/v1/intakes") @NotNull
        UUID intakeId,
    @Schema(description = "Optional; if sent it must be the intake's site")
        @Size(max = 64)
        @Pattern(regexp = "[A-Z]{2}-[A-Z0-9-]{1,61}")
        String siteCode,
    @Schema(description = "A regional office's own reference for this application")
        @Size(max = 100)
        @Pattern(regexp = "[A-Za-z0-9._:/-]+")
        String externalRef,
    @NotNull @Valid ApplicantDetails applicant,
    @Schema(description = "APPLICATION_PROCESSING must be granted to apply")
        @NotEmpty
        @Size(max = 3)
        List<@NotNull @Valid ConsentGiven> consents) {}
