package org.passerelle.cohort.api;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.CertificateAudit;

/** One line of a certificate's audit trail. */
public record CertificateAuditEntry(
    CertificateAudit.Action action,
    @Schema(description = "The token subject of the account that acted") String actor,
    OffsetDateTime at,
    @Schema(description = "Staff's note (a revocation's reason); null once the learner is erased")
        String note) {

  public static CertificateAuditEntry of(CertificateAudit audit) {
    return new CertificateAuditEntry(audit.action, audit.actor, audit.actedAt, audit.note);
  }
}
