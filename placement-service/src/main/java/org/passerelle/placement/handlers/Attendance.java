package org.passerelle.placement.handlers;

import org.passerelle.placement.service.LearnerService;

/**
 * A learner's attendance in the cohort they left, as cohort-service sends it with learner-completed
 * and learner-withdrew: the session days recorded for them and the days they came.
 */
public record Attendance(int sessionDays, int attendedDays) {

  /** As the learner projection keeps it; null when the event did not carry it. */
  static LearnerService.Attendance of(Attendance attendance) {
    return attendance == null
        ? null
        : new LearnerService.Attendance(attendance.sessionDays(), attendance.attendedDays());
  }
}
