package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.passerelle.cohort.AttendanceRecord;

@ApplicationScoped
public class AttendanceRepository implements PanacheRepositoryBase<AttendanceRecord, UUID> {

  /** The records of these learner rows on this day. */
  public List<AttendanceRecord> onDay(Collection<UUID> cohortLearnerIds, LocalDate date) {
    if (cohortLearnerIds.isEmpty()) {
      return List.of();
    }
    return list("cohortLearnerId in ?1 and sessionDate = ?2", cohortLearnerIds, date);
  }

  /** Every record of these learner rows, in date order. */
  public List<AttendanceRecord> ofLearners(Collection<UUID> cohortLearnerIds) {
    if (cohortLearnerIds.isEmpty()) {
      return List.of();
    }
    return list("cohortLearnerId in ?1 order by sessionDate", cohortLearnerIds);
  }

  /** Removes these learner rows' records of this day, at once (before the day is written again). */
  public long deleteDay(Collection<UUID> cohortLearnerIds, LocalDate date) {
    if (cohortLearnerIds.isEmpty()) {
      return 0;
    }
    return delete("cohortLearnerId in ?1 and sessionDate = ?2", cohortLearnerIds, date);
  }

  /** Blanks the comments on every record of this learner, in any cohort. */
  public int eraseComments(UUID learnerId) {
    return update(
        "comment = null where comment is not null and cohortLearnerId in"
            + " (select l.id from CohortLearner l where l.learnerId = ?1)",
        learnerId);
  }
}
