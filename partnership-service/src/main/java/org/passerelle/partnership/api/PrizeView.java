package org.passerelle.partnership.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.rest.Deprecations;
import org.passerelle.partnership.Prize;
import org.passerelle.partnership.PrizeRecipientKind;

/**
 * A prize as the API shows it; its version is the ETag. Who received it (learnerIds, educators'
 * names) is shown to the school's staff; the partner sees how many.
 */
public record PrizeView(
    UUID id,
    UUID partnerId,
    UUID conventionId,
    UUID commitmentId,
    String country,
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "siteCode") String site,
    String title,
    String reason,
    PrizeRecipientKind recipientKind,
    List<UUID> learnerIds,
    List<String> educators,
    int recipients,
    LocalDate awardedOn,
    OffsetDateTime createdAt,
    long version,
    @Schema(description = "The site's code, e.g. FR-SEVRAN") String siteCode,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

  public static PrizeView of(Prize prize, boolean staff) {
    return new PrizeView(
        prize.id,
        prize.partnerId,
        prize.conventionId,
        prize.commitmentId,
        prize.country,
        prize.site,
        prize.title,
        prize.reason,
        prize.recipientKind,
        staff ? List.copyOf(prize.learnerIds) : null,
        staff ? List.copyOf(prize.educators) : null,
        prize.learnerIds.size() + prize.educators.size(),
        prize.awardedOn,
        prize.createdAt,
        prize.version,
        prize.site,
        prize.updatedAt);
  }
}
