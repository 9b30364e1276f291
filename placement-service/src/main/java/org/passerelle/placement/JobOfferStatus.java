package org.passerelle.placement;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a job offer is in its life: drafted, published to learners, then over because the employer
 * closed it, its openings were filled, or its closing date passed.
 */
public enum JobOfferStatus {
  DRAFT,
  PUBLISHED,
  CLOSED,
  FILLED,
  EXPIRED;

  /** The states this one may move to. */
  public Set<JobOfferStatus> next() {
    return switch (this) {
      case DRAFT -> EnumSet.of(PUBLISHED);
      case PUBLISHED -> EnumSet.of(CLOSED, FILLED, EXPIRED);
      case CLOSED, FILLED, EXPIRED -> EnumSet.noneOf(JobOfferStatus.class);
    };
  }

  public boolean canMoveTo(JobOfferStatus target) {
    return next().contains(target);
  }

  /** Over: nothing changes it any more. */
  public boolean over() {
    return next().isEmpty();
  }
}
