package org.passerelle.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Blanks the notes of the audit trails of a learner's certificates (revocations' reasons). Who
 * acted, when, and the certificates themselves stay: they say nothing about the person beyond the
 * outcome the indicators count.
 */
@ApplicationScoped
public class CertificateTextEraser implements LearnerTextEraser {

  private final EntityManager entityManager;

  CertificateTextEraser(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  @Transactional
  public int erase(UUID learnerId) {
    return entityManager
        .createQuery(
            "update CertificateAudit audit set audit.note = null where audit.note is not null"
                + " and audit.certificateId in"
                + " (select certificate.id from Certificate certificate"
                + " where certificate.learnerId = :learnerId)")
        .setParameter("learnerId", learnerId)
        .executeUpdate();
  }
}
