package org.passerelle.partnership.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.partnership.PrizeRecipientKind;

/**
 * A prize a partner awarded at a site: to learners (learnerIds) or to educators (their names), and,
 * when it honours one, the convention's prizes commitment.
 */
public record AwardPrizeRequest(
    @NotNull UUID partnerId,
    UUID commitmentId,
    @NotNull @Pattern(regexp = CreateConventionRequest.SITE) String site,
    @NotBlank @Size(max = 200) String title,
    @Size(max = 500) String reason,
    @NotNull PrizeRecipientKind recipientKind,
    @Size(max = 50) List<@NotNull UUID> learnerIds,
    @Size(max = 20) List<@NotBlank @Size(max = 200) String> educators,
    @NotNull LocalDate awardedOn) {}
