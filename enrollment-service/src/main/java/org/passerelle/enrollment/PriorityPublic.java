package org.passerelle.enrollment;

/**
 * The priority publics funders and labels count. {@link #REFUGEE} and {@link #DISABILITY} are
 * sensitive: only roles that need them read them, and every read is audited.
 */
public enum PriorityPublic {
  /** Resident of a priority neighbourhood (QPV) or rural revitalisation zone (ZRR). */
  PRIORITY_NEIGHBOURHOOD(false),
  /** Refugee or other protected status. */
  REFUGEE(true),
  /** Recognised disability. */
  DISABILITY(true),
  /** Under 26, not in employment, education or training. */
  NEET_UNDER_26(false);

  private final boolean sensitive;

  PriorityPublic(boolean sensitive) {
    this.sensitive = sensitive;
  }

  public boolean sensitive() {
    return sensitive;
  }
}
