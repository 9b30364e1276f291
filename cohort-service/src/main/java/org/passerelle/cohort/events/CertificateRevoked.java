package org.passerelle.cohort.events;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.cohort.Certificate;
import org.passerelle.cohort.Cohort;

/**
 * Data of {@code certificate-revoked.v1}: staff revoked a learner's certificate. Keyed by the
 * cohort, like every event about its learners. Staff's reason stays in cohort-service's audit, and
 * the certificate's public id, which opens its verification to anyone holding it, is not sent.
 */
public record CertificateRevoked(
    UUID cohortId,
    UUID learnerId,
    String programmeCode,
    String site,
    String country,
    OffsetDateTime revokedAt) {

  public static final String NAME = "certificate-revoked";

  public static CertificateRevoked of(Cohort cohort, Certificate certificate) {
    return new CertificateRevoked(
        cohort.id,
        certificate.learnerId,
        certificate.programmeCode,
        cohort.siteCode,
        cohort.country,
        certificate.revokedAt);
  }
}
