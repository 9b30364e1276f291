package org.passerelle.placement;

import java.util.EnumSet;
import java.util.Set;

/**
 * A placement staff still have to confirm (a learner who left "for a job": the school only knows
 * the reason), or one recorded with its details, which placement-recorded announced.
 */
public enum PlacementStatus {
  TO_CONFIRM,
  RECORDED;

  public Set<PlacementStatus> next() {
    return this == TO_CONFIRM ? EnumSet.of(RECORDED) : EnumSet.noneOf(PlacementStatus.class);
  }

  public boolean canMoveTo(PlacementStatus target) {
    return next().contains(target);
  }
}
