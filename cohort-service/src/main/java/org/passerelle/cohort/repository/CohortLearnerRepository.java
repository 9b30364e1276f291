package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.LearnerStatus;

@ApplicationScoped
public class CohortLearnerRepository implements PanacheRepositoryBase<CohortLearner, UUID> {

  /**
   * The seats taken in a cohort (learners enrolled or active). Exact only while the caller holds
   * the cohort row's lock, which every change to the seats takes first.
   */
  public long seatsTaken(UUID cohortId) {
    return count("cohortId = ?1 and status in ?2", cohortId, LearnerStatus.holdingSeat());
  }

  public Optional<CohortLearner> findInCohort(UUID cohortId, UUID learnerId) {
    return find("cohortId = ?1 and learnerId = ?2", cohortId, learnerId).firstResultOptional();
  }
}
