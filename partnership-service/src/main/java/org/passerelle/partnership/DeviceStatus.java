package org.passerelle.partnership;

import java.util.EnumSet;
import java.util.Set;

/**
 * A donated computer's life: received, wiped (with its certificate), ready, lent to a learner, back
 * (and wiped again before another loan), or out of the stock for good: retired, or given to the
 * learner who had it.
 */
public enum DeviceStatus {
  RECEIVED,
  WIPED,
  READY,
  LOANED,
  RETURNED,
  RETIRED,
  GIFTED;

  public Set<DeviceStatus> next() {
    return switch (this) {
      case RECEIVED -> EnumSet.of(WIPED, RETIRED);
      case WIPED -> EnumSet.of(READY, RETIRED);
      case READY -> EnumSet.of(LOANED, RETIRED);
      case LOANED -> EnumSet.of(RETURNED, GIFTED);
      case RETURNED -> EnumSet.of(WIPED, RETIRED);
      case RETIRED, GIFTED -> EnumSet.noneOf(DeviceStatus.class);
    };
  }

  public boolean canMoveTo(DeviceStatus target) {
    return next().contains(target);
  }
}
