package org.passerelle.placement;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a learner's candidacy to a job offer is: proposed by staff or applied for by the learner,
 * then interviews, an offer, and its end: hired, the offer declined by the learner, the candidacy
 * withdrawn by the learner, or the learner not retained by the employer. A proposal the learner
 * takes up becomes an application.
 */
public enum CandidacyStatus {
  PROPOSED,
  APPLIED,
  INTERVIEWING,
  OFFERED,
  HIRED,
  DECLINED,
  WITHDRAWN,
  NOT_RETAINED;

  /** The states this one may move to. */
  public Set<CandidacyStatus> next() {
    return switch (this) {
      case PROPOSED -> EnumSet.of(APPLIED, INTERVIEWING, DECLINED, WITHDRAWN, NOT_RETAINED);
      case APPLIED -> EnumSet.of(INTERVIEWING, WITHDRAWN, NOT_RETAINED);
      case INTERVIEWING -> EnumSet.of(OFFERED, WITHDRAWN, NOT_RETAINED);
      case OFFERED -> EnumSet.of(HIRED, DECLINED, WITHDRAWN, NOT_RETAINED);
      case HIRED, DECLINED, WITHDRAWN, NOT_RETAINED -> EnumSet.noneOf(CandidacyStatus.class);
    };
  }

  public boolean canMoveTo(CandidacyStatus target) {
    return next().contains(target);
  }

  /** The moves the learner makes: taking up a proposal, declining, withdrawing. */
  public boolean learnersMove() {
    return this == APPLIED || this == DECLINED || this == WITHDRAWN;
  }

  /** The moves the employer makes: interviews, an offer, a hire, not retaining. */
  public boolean employersMove() {
    return this == INTERVIEWING || this == OFFERED || this == HIRED || this == NOT_RETAINED;
  }
}
