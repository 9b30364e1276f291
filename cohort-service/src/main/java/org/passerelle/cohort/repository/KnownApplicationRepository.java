package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.passerelle.cohort.KnownApplication;

@ApplicationScoped
public class KnownApplicationRepository implements PanacheRepositoryBase<KnownApplication, UUID> {

  /**
   * Remembers an application enrollment-service named in an event, or follows it to the cohort and
   * country it names now (an application moves to the intake of the cohort it was seated in). Its
   * learner is the one first heard of: an application never changes hands.
   */
  public void learn(
      UUID applicationId, UUID learnerId, UUID cohortId, String country, OffsetDateTime learnedAt) {
    getEntityManager()
        .createNativeQuery(
            "insert into known_application"
                + " (application_id, learner_id, cohort_id, country, learned_at)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (application_id) do update"
                + " set cohort_id = excluded.cohort_id, country = excluded.country")
        .setParameter(1, applicationId)
        .setParameter(2, learnerId)
        .setParameter(3, cohortId)
        .setParameter(4, country)
        .setParameter(5, learnedAt)
        .executeUpdate();
  }
}
