package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import org.passerelle.cohort.AbsenceAlert;

@ApplicationScoped
public class AbsenceAlertRepository implements PanacheRepositoryBase<AbsenceAlert, UUID> {

  /**
   * Whether an alert was already raised for the run from {@code since} to {@code until}: one whose
   * run started on a day of it. A run keeps its first day however it is re-sent or corrected, and a
   * correction that extends it back still holds that day, so it is the same run.
   */
  public boolean raisedWithin(UUID cohortLearnerId, LocalDate since, LocalDate until) {
    return count(
            "cohortLearnerId = ?1 and runStartedOn between ?2 and ?3",
            cohortLearnerId,
            since,
            until)
        > 0;
  }
}
