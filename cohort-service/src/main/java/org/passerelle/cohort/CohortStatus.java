package org.passerelle.cohort;

import java.util.EnumSet;
import java.util.Set;

/** A cohort's life: planned, recruiting, running, completed; cancelled only before it runs. */
public enum CohortStatus {
  PLANNED,
  RECRUITING,
  RUNNING,
  COMPLETED,
  CANCELLED;

  public Set<CohortStatus> next() {
    return switch (this) {
      case PLANNED -> EnumSet.of(RECRUITING, CANCELLED);
      case RECRUITING -> EnumSet.of(RUNNING, CANCELLED);
      case RUNNING -> EnumSet.of(COMPLETED);
      case COMPLETED, CANCELLED -> EnumSet.noneOf(CohortStatus.class);
    };
  }

  public boolean canMoveTo(CohortStatus target) {
    return next().contains(target);
  }
}
