package org.passerelle.placement.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a closed period's facts are frozen again from the live facts. */
public record CorrectIndicatorClosureRequest(
    @Schema(description = "What was wrong, e.g. a jury result entered late; no personal data")
        @NotBlank
        @Size(max = 500)
        String reason) {}
