package org.passerelle.cohort.api;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.passerelle.cohort.CertificateAudit;
import org.passerelle.commons.api.Actor;

/** One line of a certificate's audit trail. */
public record CertificateAuditEntry(
    CertificateAudit.Action action,
    @Schema(
            deprecated = true,
            description =
                "The token subject of the account that acted. Deprecated, removed after"
                    + " 2027-06-30; use actedBy")
        String actor,
    OffsetDateTime at,
    @Schema(description = "Staff's note (a revocation's reason); null once the learner is erased")
        String note,
    @Schema(
            description =
                "The account that acted (PERSON; displayName null: names are not kept here), or"
                    + " a system (SYSTEM)")
        Actor actedBy) {

  public static CertificateAuditEntry of(CertificateAudit audit) {
    return new CertificateAuditEntry(
        audit.action, audit.actor, audit.actedAt, audit.note, Actor.of(audit.actor));
  }
}
