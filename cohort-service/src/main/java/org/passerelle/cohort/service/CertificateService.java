package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.cohort.Certificate;
import org.passerelle.cohort.CertificateAudit;
import org.passerelle.cohort.CertificateStatus;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.api.CertificateAuditEntry;
import org.passerelle.cohort.api.CertificateVerification;
import org.passerelle.cohort.api.RevokeCertificateRequest;
import org.passerelle.cohort.events.CertificateRevoked;
import org.passerelle.cohort.repository.CertificateAuditRepository;
import org.passerelle.cohort.repository.CertificateRepository;
import org.passerelle.cohort.repository.CohortRepository;
import org.passerelle.cohort.repository.SiteRepository;
import org.passerelle.commons.events.DomainEvent;
import org.passerelle.commons.outbox.Outbox;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.time.Now;
import org.passerelle.problem.ProblemType;

/**
 * Certificates after their issue: the public verification, revocation and the audit trail. A
 * certificate belongs to its cohort's country and site for staff; a public id that is malformed,
 * unknown or outside the caller's scope is answered the same way, as not found.
 */
@ApplicationScoped
public class CertificateService {

  private final CertificateRepository certificates;
  private final CertificateAuditRepository audits;
  private final CohortRepository cohorts;
  private final SiteRepository sites;
  private final Outbox outbox;
  private final Now now;

  CertificateService(
      CertificateRepository certificates,
      CertificateAuditRepository audits,
      CohortRepository cohorts,
      SiteRepository sites,
      Outbox outbox,
      Now now) {
    this.certificates = certificates;
    this.audits = audits;
    this.cohorts = cohorts;
    this.sites = sites;
    this.outbox = outbox;
    this.now = now;
  }

  /** What anyone holding the public id may read. */
  @Transactional
  public CertificateVerification verify(String publicId) {
    if (!PublicIds.wellFormed(publicId)) {
      throw notFound();
    }
    return certificates
        .findByPublicId(publicId)
        .map(CertificateVerification::of)
        .orElseThrow(CertificateService::notFound);
  }

  /**
   * Revokes a valid certificate, for good: the verification then says REVOKED. The reason goes to
   * the audit trail only; certificate-revoked carries none.
   */
  @Transactional
  public CertificateVerification revoke(
      String publicId, RevokeCertificateRequest request, AccessScope scope) {
    if (!PublicIds.wellFormed(publicId)) {
      throw notFound();
    }
    Certificate certificate =
        certificates.lockByPublicId(publicId).orElseThrow(CertificateService::notFound);
    Cohort cohort = cohortInScope(certificate, scope);
    if (certificate.status == CertificateStatus.REVOKED) {
      throw new ProblemException(
          ProblemType.ILLEGAL_TRANSITION,
          "illegal-transition.certificate-revoked",
          certificate.revokedOn.toString());
    }
    OffsetDateTime revokedAt = now.timestamp();
    certificate.status = CertificateStatus.REVOKED;
    certificate.revokedAt = revokedAt;
    certificate.revokedOn = revokedAt.atZoneSameInstant(sites.zoneOf(cohort)).toLocalDate();

    CertificateAudit revoked = new CertificateAudit();
    revoked.id = UUID.randomUUID();
    revoked.certificateId = certificate.id;
    revoked.action = CertificateAudit.Action.REVOKED;
    revoked.actor = scope.subject();
    revoked.actedAt = revokedAt;
    revoked.note = request.reason().strip();
    audits.persist(revoked);
    certificates.flush();
    outbox.publish(
        DomainEvent.v1(
            CertificateRevoked.NAME,
            cohort.id,
            cohort.country,
            cohort.siteCode,
            CertificateRevoked.of(cohort, certificate)));
    return CertificateVerification.of(certificate);
  }

  /** Who issued and revoked the certificate, oldest first. */
  @Transactional
  public Page<CertificateAuditEntry> audit(String publicId, int page, int size, AccessScope scope) {
    if (!PublicIds.wellFormed(publicId)) {
      throw notFound();
    }
    Certificate certificate =
        certificates.findByPublicId(publicId).orElseThrow(CertificateService::notFound);
    cohortInScope(certificate, scope);
    return Page.of(audits.ofCertificate(certificate.id), page, size, CertificateAuditEntry::of);
  }

  private Cohort cohortInScope(Certificate certificate, AccessScope scope) {
    return cohorts
        .findByIdOptional(certificate.cohortId)
        .filter(cohort -> scope.covers(cohort.country, cohort.siteCode))
        .orElseThrow(CertificateService::notFound);
  }

  private static ProblemException notFound() {
    return ProblemException.notFound("certificate");
  }
}
