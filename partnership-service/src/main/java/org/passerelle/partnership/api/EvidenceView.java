package org.passerelle.partnership.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.passerelle.partnership.CommitmentEvidence;
import org.passerelle.partnership.EvidenceSource;

/**
 * One fact behind a commitment's progress. The note and author of a manual entry are shown to the
 * school's staff only.
 */
public record EvidenceView(
    EvidenceSource source,
    String reference,
    BigDecimal amount,
    LocalDate occurredOn,
    String note,
    String author,
    OffsetDateTime recordedAt) {

  public static EvidenceView of(CommitmentEvidence evidence, boolean staff) {
    return new EvidenceView(
        evidence.source,
        evidence.reference,
        evidence.amount,
        evidence.occurredOn,
        staff ? evidence.note : null,
        staff ? evidence.author : null,
        evidence.recordedAt);
  }
}
