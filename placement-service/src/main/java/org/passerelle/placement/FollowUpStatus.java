package org.passerelle.placement;

import java.util.EnumSet;
import java.util.Set;

/**
 * A follow-up's life: SCHEDULED until its situation is recorded (DONE) or the learner stays
 * unreachable after the configured number of attempts (UNREACHABLE). NO_CONSENT stands for a
 * follow-up the learner did not consent to: counted, never contacted; it is scheduled again if the
 * learner consents before it is closed, and a scheduled one falls back to it when they withdraw
 * their consent.
 */
public enum FollowUpStatus {
  SCHEDULED,
  NO_CONSENT,
  DONE,
  UNREACHABLE;

  public Set<FollowUpStatus> next() {
    return switch (this) {
      case SCHEDULED -> EnumSet.of(NO_CONSENT, DONE, UNREACHABLE);
      case NO_CONSENT -> EnumSet.of(SCHEDULED);
      case DONE, UNREACHABLE -> EnumSet.noneOf(FollowUpStatus.class);
    };
  }

  public boolean canMoveTo(FollowUpStatus target) {
    return next().contains(target);
  }
}
