package org.passerelle.cohort.events;

import java.util.List;
import org.passerelle.cohort.AttendanceRecord;

/**
 * A learner's attendance in the cohort they leave, sent with learner-completed and learner-withdrew
 * for the impact indicators' attendance rate: the session days recorded for them and, of those, the
 * days they came (present or late). Counts only; staff's comments stay in cohort-service.
 */
public record LearnerAttendance(int sessionDays, int attendedDays) {

  /** Counts these records of one learner in one cohort. */
  public static LearnerAttendance of(List<AttendanceRecord> records) {
    int attended = (int) records.stream().filter(record -> record.status.attended()).count();
    return new LearnerAttendance(records.size(), attended);
  }
}
