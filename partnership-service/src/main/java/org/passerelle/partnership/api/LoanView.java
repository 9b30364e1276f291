package org.passerelle.partnership.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.commons.rest.Deprecations;
import org.passerelle.partnership.Loan;
import org.passerelle.partnership.LoanOutcome;
import org.passerelle.partnership.RecallReason;

/**
 * A loan as staff see it: learnerId is null once the person was erased (learnerErased). overdue:
 * still open after its expected return day; toRecall: open and flagged for the computer to come
 * back.
 */
public record LoanView(
    UUID id,
    UUID learnerId,
    boolean learnerErased,
    @Schema(deprecated = true, description = Deprecations.REMOVED_AFTER + "siteCode") String site,
    OffsetDateTime lentAt,
    LocalDate expectedReturn,
    LocalDate acceptedOn,
    String acceptanceReference,
    RecallReason recallReason,
    OffsetDateTime recallFlaggedAt,
    boolean overdue,
    boolean toRecall,
    OffsetDateTime endedAt,
    LoanOutcome outcome,
    @Schema(description = "The site's code, e.g. FR-SEVRAN") String siteCode,
    @Schema(description = "When it was created: when the computer was lent")
        OffsetDateTime createdAt,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

  public static LoanView of(Loan loan, LocalDate today) {
    return new LoanView(
        loan.id,
        loan.learnerId,
        loan.learnerErased,
        loan.site,
        loan.lentAt,
        loan.expectedReturn,
        loan.acceptedOn,
        loan.acceptanceReference,
        loan.recallReason,
        loan.recallFlaggedAt,
        loan.open() && loan.expectedReturn.isBefore(today),
        loan.open() && loan.recallReason != null,
        loan.endedAt,
        loan.outcome,
        loan.site,
        loan.lentAt,
        loan.updatedAt);
  }
}
