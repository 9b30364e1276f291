package org.passerelle.placement;

/** Who told the school about a placement. */
public enum PlacementSource {
  CANDIDACY,
  LEARNER,
  EMPLOYER,
  FOLLOW_UP
}
