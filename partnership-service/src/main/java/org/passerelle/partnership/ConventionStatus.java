package org.passerelle.partnership;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a convention is in its life: drafted, signed, in force, then over by its end date or ended
 * early. A signed convention whose end date passed before it ever started expires directly.
 */
public enum ConventionStatus {
  DRAFT,
  SIGNED,
  ACTIVE,
  EXPIRED,
  TERMINATED;

  /** The states this one may move to. */
  public Set<ConventionStatus> next() {
    return switch (this) {
      case DRAFT -> EnumSet.of(SIGNED);
      case SIGNED -> EnumSet.of(ACTIVE, EXPIRED, TERMINATED);
      case ACTIVE -> EnumSet.of(EXPIRED, TERMINATED);
      case EXPIRED, TERMINATED -> EnumSet.noneOf(ConventionStatus.class);
    };
  }

  public boolean canMoveTo(ConventionStatus target) {
    return next().contains(target);
  }

  /** Signed and not ended early: its commitments count facts and it may be renewed. */
  public boolean signed() {
    return this == SIGNED || this == ACTIVE || this == EXPIRED;
  }
}
