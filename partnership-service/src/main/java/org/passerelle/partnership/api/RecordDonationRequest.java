package org.passerelle.partnership.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.rest.Deprecations;

/** A donation's intake: who gave, where it was received, when, its declared value, its items. */
public record RecordDonationRequest(
    @NotNull UUID donorId,
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "siteCode")
        @Pattern(regexp = "(FR|MA)-[A-Z0-9-]{1,61}")
        String site,
    @NotNull LocalDate donatedOn,
    @NotNull @Valid DeclaredValue declaredValue,
    @NotEmpty @Size(max = 200) List<@NotNull @Valid DonatedItem> items,
    @Schema(description = "The site that received it, e.g. FR-SEVRAN; required")
        @Pattern(regexp = "(FR|MA)-[A-Z0-9-]{1,61}")
        String siteCode) {}
