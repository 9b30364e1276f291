package org.passerelle.partnership;

import java.util.EnumSet;
import java.util.Set;

/**
 * A commitment is open until it is fulfilled (progress reached the target) or missed (due date
 * passed).
 */
public enum CommitmentStatus {
  OPEN,
  FULFILLED,
  MISSED;

  public Set<CommitmentStatus> next() {
    return this == OPEN ? EnumSet.of(FULFILLED, MISSED) : EnumSet.noneOf(CommitmentStatus.class);
  }

  public boolean canMoveTo(CommitmentStatus target) {
    return next().contains(target);
  }
}
