package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * The cohort where this application holds a seat (enrolled or active), whichever it is. A scalar
   * read, so that no row is loaded before the caller locks that cohort and reads it again.
   */
  public Optional<UUID> cohortSeating(UUID applicationId) {
    return getEntityManager()
        .createQuery(
            "select l.cohortId from CohortLearner l"
                + " where l.applicationId = :application and l.status in :statuses",
            UUID.class)
        .setParameter("application", applicationId)
        .setParameter("statuses", LearnerStatus.holdingSeat())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The seat (enrolled or active) this application holds in the cohort, if any. */
  public Optional<CohortLearner> seatOf(UUID cohortId, UUID applicationId) {
    return find(
            "cohortId = ?1 and applicationId = ?2 and status in ?3",
            cohortId,
            applicationId,
            LearnerStatus.holdingSeat())
        .firstResultOptional();
  }

  /**
   * Another cohort of the programme where the learner holds a seat (enrolled or active), if any: a
   * learner follows one training of a programme at a time.
   */
  public Optional<UUID> otherCohortSeating(UUID learnerId, String programmeCode, UUID cohortId) {
    return getEntityManager()
        .createQuery(
            "select l.cohortId from CohortLearner l where l.learnerId = :learner"
                + " and l.status in :statuses and l.cohortId <> :cohort and l.cohortId in"
                + " (select c.id from Cohort c where c.programmeCode = :programme)",
            UUID.class)
        .setParameter("learner", learnerId)
        .setParameter("statuses", LearnerStatus.holdingSeat())
        .setParameter("cohort", cohortId)
        .setParameter("programme", programmeCode)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Seats taken per cohort, for a page of cohorts; cohorts without any are left out. */
  public Map<UUID, Long> seatsTaken(Collection<UUID> cohortIds) {
    Map<UUID, Long> taken = new HashMap<>();
    if (cohortIds.isEmpty()) {
      return taken;
    }
    getEntityManager()
        .createQuery(
            "select l.cohortId, count(l) from CohortLearner l"
                + " where l.cohortId in :cohorts and l.status in :statuses group by l.cohortId",
            Object[].class)
        .setParameter("cohorts", cohortIds)
        .setParameter("statuses", LearnerStatus.holdingSeat())
        .getResultList()
        .forEach(row -> taken.put((UUID) row[0], ((Number) row[1]).longValue()));
    return taken;
  }

  /** The cohort's learners in this status. */
  public List<CohortLearner> inStatus(UUID cohortId, LearnerStatus status) {
    return list("cohortId = ?1 and status = ?2", cohortId, status);
  }

  /** How many of the cohort's learners are in each status, every status named. */
  public Map<LearnerStatus, Long> countByStatus(UUID cohortId) {
    Map<LearnerStatus, Long> counts = new EnumMap<>(LearnerStatus.class);
    for (LearnerStatus status : LearnerStatus.values()) {
      counts.put(status, 0L);
    }
    getEntityManager()
        .createQuery(
            "select l.status, count(l) from CohortLearner l where l.cohortId = :cohort"
                + " group by l.status",
            Object[].class)
        .setParameter("cohort", cohortId)
        .getResultList()
        .forEach(row -> counts.put((LearnerStatus) row[0], ((Number) row[1]).longValue()));
    return counts;
  }
}
