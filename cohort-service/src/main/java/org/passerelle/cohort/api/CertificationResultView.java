package org.passerelle.cohort.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.Certificate;
import org.passerelle.cohort.CertificationOutcome;
import org.passerelle.cohort.CertificationResult;
import org.passerelle.cohort.CertifiedBlock;

/**
 * A learner's certification result, as staff see it or, without the jury's reference, integrations.
 */
public record CertificationResultView(
    UUID cohortId,
    UUID learnerId,
    CertificationOutcome outcome,
    @Schema(
            description =
                "Codes of the blocks obtained: all of the programme's for a full certification,"
                    + " those validated for a partial one, none otherwise")
        List<String> blocks,
    LocalDate certifiedOn,
    @Schema(
            description =
                "The jury's reference (e.g. its minutes): staff's free text about a learner, shown"
                    + " to staff only (always null for integrations), never sent in events, erased"
                    + " (null) when the person is erased",
            maxLength = 100)
        String juryReference,
    OffsetDateTime recordedAt,
    @Schema(description = "The certificate issued; null when not certified")
        CertificateSummary certificate,
    long version) {

  /**
   * The result with the certificate it issued, or null; as staff see it ({@code staff}) or as an
   * integration does, without the jury's reference.
   */
  public static CertificationResultView of(
      CertificationResult result, Certificate certificate, boolean staff) {
    return new CertificationResultView(
        result.cohortId,
        result.learnerId,
        result.outcome,
        certificate == null ? List.of() : codes(certificate.blocks),
        result.certifiedOn,
        staff ? result.juryReference : null,
        result.recordedAt,
        certificate == null ? null : CertificateSummary.of(certificate),
        result.version);
  }

  /** The codes of these blocks, in order. */
  public static List<String> codes(List<CertifiedBlock> blocks) {
    return blocks.stream().map(block -> block.code).toList();
  }
}
