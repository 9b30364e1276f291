package org.passerelle.cohort.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.cohort.AttendanceRecord;
import org.passerelle.cohort.AttendanceStatus;

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

  /** The last session day this learner row came to (present or late), if any. */
  public Optional<LocalDate> lastAttended(UUID cohortLearnerId) {
    return Optional.ofNullable(
        getEntityManager()
            .createQuery(
                "select max(r.sessionDate) from AttendanceRecord r where r.cohortLearnerId = ?1"
                    + " and r.status in ?2",
                LocalDate.class)
            .setParameter(1, cohortLearnerId)
            .setParameter(
                2,
                Arrays.stream(AttendanceStatus.values())
                    .filter(AttendanceStatus::attended)
                    .toList())
            .getSingleResult());
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
