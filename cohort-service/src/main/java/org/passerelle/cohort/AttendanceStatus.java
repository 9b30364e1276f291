package org.passerelle.cohort;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What a learner's session day was. Present and late count as attended; only an unexcused absence
 * makes a run of absences that can raise the early warning, and anything else ends such a run.
 */
public enum AttendanceStatus {
  PRESENT,
  LATE,
  EXCUSED_ABSENCE,
  UNEXCUSED_ABSENCE;

  /**
   * Read from JSON by name only: Jackson would otherwise take a number as the constant's index, so
   * {@code "status": 3} would record an unexcused absence.
   */
  @JsonCreator
  public static AttendanceStatus of(String name) {
    return valueOf(name);
  }

  /** Whether the learner came to class (on time or late). */
  public boolean attended() {
    return this == PRESENT || this == LATE;
  }
}
