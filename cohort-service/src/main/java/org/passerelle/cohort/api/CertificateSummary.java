package org.passerelle.cohort.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.Certificate;
import org.passerelle.cohort.CertificateStatus;

/** The certificate a result issued, as staff see it next to the result. */
public record CertificateSummary(
    @Schema(description = "The id employers verify it with, at /api/v1/certificates/{publicId}")
        String publicId,
    CertificateStatus status,
    @Schema(description = "The day it was revoked, at the cohort's site; null while valid")
        LocalDate revokedOn) {

  public static CertificateSummary of(Certificate certificate) {
    return new CertificateSummary(certificate.publicId, certificate.status, certificate.revokedOn);
  }
}
