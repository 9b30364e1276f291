package org.passerelle.partnership.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.partnership.Commitment;
import org.passerelle.partnership.CommitmentKind;
import org.passerelle.partnership.CommitmentStatus;

/** A commitment with its progress and the evidence behind it; its version is the ETag. */
public record CommitmentView(
    UUID id,
    UUID conventionId,
    UUID partnerId,
    String country,
    CommitmentKind kind,
    BigDecimal target,
    String currency,
    BigDecimal progress,
    LocalDate dueOn,
    CommitmentStatus status,
    OffsetDateTime closedAt,
    OffsetDateTime createdAt,
    long version,
    List<EvidenceView> evidence,
    @Schema(description = "When it last changed") OffsetDateTime updatedAt) {

  public static CommitmentView of(Commitment commitment, List<EvidenceView> evidence) {
    return new CommitmentView(
        commitment.id,
        commitment.conventionId,
        commitment.partnerId,
        commitment.country,
        commitment.kind,
        commitment.target,
        commitment.currency,
        commitment.progress,
        commitment.dueOn,
        commitment.status,
        commitment.closedAt,
        commitment.createdAt,
        commitment.version,
        List.copyOf(evidence),
        commitment.updatedAt);
  }
}
