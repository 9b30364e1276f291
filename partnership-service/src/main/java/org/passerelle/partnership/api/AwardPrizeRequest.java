package org.passerelle.partnership.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.rest.Deprecations;
import org.passerelle.partnership.PrizeRecipientKind;

/**
 * A prize a partner awarded at a site: to learners (learnerIds) or to educators (their names), and,
 * when it honours one, the convention's prizes commitment.
 */
public record AwardPrizeRequest(
    @NotNull UUID partnerId,
    UUID commitmentId,
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "siteCode")
        @Pattern(regexp = CreateConventionRequest.SITE)
        String site,
    @NotBlank @Size(max = 200) String title,
    @Size(max = 500) String reason,
    @NotNull PrizeRecipientKind recipientKind,
    @Size(max = 50) List<@NotNull UUID> learnerIds,
    @Size(max = 20) List<@NotBlank @Size(max = 200) String> educators,
    @NotNull LocalDate awardedOn,
    @Schema(description = "The site where it was awarded, e.g. FR-SEVRAN; required")
        @Pattern(regexp = CreateConventionRequest.SITE)
        String siteCode) {}
