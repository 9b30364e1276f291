package org.passerelle.placement;

import java.util.EnumSet;
import java.util.Set;

/**
 * A placement staff still have to confirm (a learner who left "for a job": the school only knows
 * the reason), one recorded with its details, which placement-recorded announced, or one staff
 * dismissed because the job fell through or never was one, which nothing announced.
 */
public enum PlacementStatus {
  TO_CONFIRM,
  RECORDED,
  DISMISSED;

  public Set<PlacementStatus> next() {
    return this == TO_CONFIRM
        ? EnumSet.of(RECORDED, DISMISSED)
        : EnumSet.noneOf(PlacementStatus.class);
  }

  public boolean canMoveTo(PlacementStatus target) {
    return next().contains(target);
  }
}
