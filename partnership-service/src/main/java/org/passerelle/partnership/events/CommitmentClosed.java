package org.passerelle.partnership.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.partnership.Commitment;
import org.passerelle.partnership.CommitmentKind;
import org.passerelle.partnership.CommitmentStatus;

/**
 * Data of {@code commitment-fulfilled.v1} and {@code commitment-missed.v1}: the two share their
 * shape, the commitment as it was closed.
 */
public record CommitmentClosed(
    UUID commitmentId,
    UUID conventionId,
    UUID partnerId,
    String country,
    CommitmentKind kind,
    BigDecimal target,
    String currency,
    BigDecimal progress,
    LocalDate dueOn,
    OffsetDateTime closedAt) {

  public static final String FULFILLED = "commitment-fulfilled";
  public static final String MISSED = "commitment-missed";

  public static String name(CommitmentStatus status) {
    return switch (status) {
      case FULFILLED -> FULFILLED;
      case MISSED -> MISSED;
      case OPEN -> throw new IllegalArgumentException("an open commitment is not closed");
    };
  }

  public static CommitmentClosed of(Commitment commitment) {
    return new CommitmentClosed(
        commitment.id,
        commitment.conventionId,
        commitment.partnerId,
        commitment.country,
        commitment.kind,
        commitment.target,
        commitment.currency,
        commitment.progress,
        commitment.dueOn,
        commitment.closedAt);
  }
}
