package org.passerelle.placement.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.placement.DismissalReason;

/** Why a placement to confirm is dismissed; the note is required when the reason is OTHER. */
public record DismissPlacementRequest(
    @NotNull DismissalReason reason,
    @Schema(description = "Free text, required for OTHER; blanked when the person is erased")
        @Size(max = 500)
        String note) {}
