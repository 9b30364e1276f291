package org.passerelle.enrollment.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which country's retention to run now. */
public record StartRetentionRunRequest(
    @Schema(description = "A configured country (ISO 3166-1 alpha-2), e.g. FR")
        @NotNull
        @Pattern(regexp = "[A-Z]{2}")
        String country) {}
