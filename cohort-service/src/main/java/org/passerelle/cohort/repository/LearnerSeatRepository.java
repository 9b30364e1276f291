package org.passerelle.cohort.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.ScopeQuery;

/** A learner's seats across cohorts, with their cohorts, within a caller's scope. */
@ApplicationScoped
public class LearnerSeatRepository {

  /** A seat and the cohort it is in. */
  public record SeatInCohort(Cohort cohort, CohortLearner seat) {}

  private final EntityManager entityManager;

  LearnerSeatRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * The learner's seats in the cohorts the scope reaches, by the cohorts' start dates. A learner
   * has a few seats (index on {@code cohort_learner.learner_id}), so they are read whole.
   */
  public List<SeatInCohort> inScope(UUID learnerId, AccessScope scope) {
    Map<String, Object> parameters = new HashMap<>();
    String reach = ScopeQuery.staff(scope, parameters, "c.country", "c.siteCode");
    TypedQuery<Object[]> query =
        entityManager.createQuery(
            "select c, l from CohortLearner l join Cohort c on c.id = l.cohortId"
                + " where l.learnerId = :learnerId and "
                + reach
                + " order by c.startDate, c.id",
            Object[].class);
    query.setParameter("learnerId", learnerId);
    parameters.forEach(query::setParameter);
    return query.getResultList().stream()
        .map(row -> new SeatInCohort((Cohort) row[0], (CohortLearner) row[1]))
        .toList();
  }
}
