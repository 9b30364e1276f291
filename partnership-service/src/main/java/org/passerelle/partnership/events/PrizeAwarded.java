package org.passerelle.partnership.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.partnership.Prize;
import org.passerelle.partnership.PrizeRecipientKind;

/**
 * Data of {@code prize-awarded.v1}: who (learnerIds, or how many educators, never their names),
 * where, when and for which convention; the title and reason are staff's text and stay here.
 */
public record PrizeAwarded(
    UUID prizeId,
    UUID partnerId,
    UUID conventionId,
    UUID commitmentId,
    String country,
    String site,
    PrizeRecipientKind recipientKind,
    List<UUID> learnerIds,
    int educators,
    LocalDate awardedOn) {

  public static final String NAME = "prize-awarded";

  public static PrizeAwarded of(Prize prize) {
    return new PrizeAwarded(
        prize.id,
        prize.partnerId,
        prize.conventionId,
        prize.commitmentId,
        prize.country,
        prize.site,
        prize.recipientKind,
        List.copyOf(prize.learnerIds),
        prize.educators.size(),
        prize.awardedOn);
  }
}
