package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.cohort.CertificationResult;

@ApplicationScoped
public class CertificationResultRepository
    implements PanacheRepositoryBase<CertificationResult, UUID> {

  public Optional<CertificationResult> findInCohort(UUID cohortId, UUID learnerId) {
    return find("cohortId = ?1 and learnerId = ?2", cohortId, learnerId).firstResultOptional();
  }
}
