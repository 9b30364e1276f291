package org.passerelle.enrollment;

import java.util.EnumSet;
import java.util.Set;

/** Where an application stands; the allowed transitions are the school's selection process. */
public enum ApplicationStatus {
  SUBMITTED,
  SCREENING,
  ACCEPTED,
  WAITLISTED,
  REJECTED,
  WITHDRAWN,
  ENROLLED;

  public Set<ApplicationStatus> next() {
    return switch (this) {
      case SUBMITTED -> EnumSet.of(SCREENING, WITHDRAWN);
      case SCREENING -> EnumSet.of(ACCEPTED, WAITLISTED, REJECTED, WITHDRAWN);
      // cohort-service confirms a seat (ENROLLED) or has none left (WAITLISTED)
      case ACCEPTED -> EnumSet.of(ENROLLED, WAITLISTED, WITHDRAWN);
      // a seat freed before the start promotes the next person; staff may also seat them
      // directly in cohort-service (bulk enrolment), which confirms the seat (ENROLLED)
      case WAITLISTED -> EnumSet.of(ACCEPTED, ENROLLED, WITHDRAWN);
      // staff recorded in cohort-service that the learner left (learner-withdrew)
      case ENROLLED -> EnumSet.of(WITHDRAWN);
      case REJECTED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
    };
  }

  public boolean canMoveTo(ApplicationStatus target) {
    return next().contains(target);
  }

  /**
   * Whether selection is still under way: the person may withdraw it, and erasure withdraws it. An
   * enrolled application is no longer open: it ends only when cohort-service says the learner left.
   */
  public boolean isOpen() {
    return this != ENROLLED && !next().isEmpty();
  }
}
