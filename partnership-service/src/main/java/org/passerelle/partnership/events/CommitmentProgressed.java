package org.passerelle.partnership.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.passerelle.partnership.Commitment;
import org.passerelle.partnership.CommitmentEvidence;
import org.passerelle.partnership.CommitmentKind;
import org.passerelle.partnership.EvidenceSource;

/** Data of {@code commitment-progressed.v1}: a fact added to a commitment, without staff's note. */
public record CommitmentProgressed(
    UUID commitmentId,
    UUID conventionId,
    UUID partnerId,
    String country,
    CommitmentKind kind,
    BigDecimal target,
    String currency,
    BigDecimal progress,
    BigDecimal added,
    EvidenceSource source,
    String reference,
    LocalDate occurredOn) {

  public static final String NAME = "commitment-progressed";

  public static CommitmentProgressed of(Commitment commitment, CommitmentEvidence evidence) {
    return new CommitmentProgressed(
        commitment.id,
        commitment.conventionId,
        commitment.partnerId,
        commitment.country,
        commitment.kind,
        commitment.target,
        commitment.currency,
        commitment.progress,
        evidence.amount,
        evidence.source,
        evidence.source == EvidenceSource.MANUAL ? null : evidence.reference,
        evidence.occurredOn);
  }
}
