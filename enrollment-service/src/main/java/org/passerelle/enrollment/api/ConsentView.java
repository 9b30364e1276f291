package org.passerelle.enrollment.api;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.enrollment.Consent;
import org.passerelle.enrollment.ConsentPurpose;

/** One consent record: a grant or a withdrawal for one purpose, under a regime and text. */
public record ConsentView(
    UUID id,
    ConsentPurpose purpose,
    boolean granted,
    @Schema(description = "Data-protection regime: GDPR (France) or LAW_09_08 (Morocco)")
        String regime,
    @Schema(description = "Version of the information text the person was shown")
        String textVersion,
    OffsetDateTime recordedAt,
    @Schema(description = "Whether the person recorded it themself (else staff on their behalf)")
        boolean recordedBySelf,
    @Schema(description = "When it was recorded, as recordedAt") OffsetDateTime createdAt,
    @Schema(
            description =
                "As createdAt: a consent record is never changed, a newer one replaces it")
        OffsetDateTime updatedAt) {

  public static ConsentView of(Consent consent, String personSubject) {
    return new ConsentView(
        consent.id,
        consent.purpose,
        consent.granted,
        consent.regime,
        consent.textVersion,
        consent.recordedAt,
        personSubject != null && personSubject.equals(consent.recordedBy),
        consent.recordedAt,
        consent.recordedAt);
  }
}
