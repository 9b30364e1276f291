package org.passerelle.cohort;

/**
 * What a learner's session day was. Present and late count as attended; only an unexcused absence
 * makes a run of absences that can raise the early warning, and anything else ends such a run.
 */
public enum AttendanceStatus {
  PRESENT,
  LATE,
  EXCUSED_ABSENCE,
  UNEXCUSED_ABSENCE;

  /** Whether the learner came to class (on time or late). */
  public boolean attended() {
    return this == PRESENT || this == LATE;
  }
}
