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
      case REJECTED, WITHDRAWN, ENROLLED -> EnumSet.noneOf(ApplicationStatus.class);
    };
  }

  public boolean canMoveTo(ApplicationStatus target) {
    return next().contains(target);
  }

  public boolean isOpen() {
    return !next().isEmpty();
  }
}
