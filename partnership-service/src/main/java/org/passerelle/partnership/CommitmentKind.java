package org.passerelle.partnership;

/**
 * What a partner promised in a convention. Hires and places are counted from placement-service's
 * placements, computers from donations, prizes from prizes awarded; the others are recorded by hand
 * with a note.
 */
public enum CommitmentKind {
  HIRES,
  INTERNSHIP_PLACES,
  APPRENTICESHIP_PLACES,
  MENTORING_HOURS,
  FUNDING,
  COMPUTERS,
  PREMISES,
  PRIZES;

  /** Whether staff record its progress by hand (the others come from facts). */
  public boolean manual() {
    return this == MENTORING_HOURS || this == FUNDING || this == PREMISES;
  }

  /** Whether its target is an amount of money, with a currency. */
  public boolean money() {
    return this == FUNDING;
  }
}
