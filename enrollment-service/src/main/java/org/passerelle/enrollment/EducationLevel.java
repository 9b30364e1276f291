package org.passerelle.enrollment;

/** Highest education level reached, in the categories funders count (GEN: bac or below). */
public enum EducationLevel {
  NONE,
  BELOW_BAC,
  BAC,
  BAC_PLUS_2,
  BAC_PLUS_3_OR_MORE,
  FOREIGN_DIPLOMA;

  /** The band an erased record keeps (ADR 0012). */
  public static final String BAC_OR_BELOW = "BAC_OR_BELOW";

  public static final String ABOVE_BAC = "ABOVE_BAC";

  /**
   * The level's band for indicators, which is all an erased record keeps of it: the labels count
   * people at bac or below. Null for a foreign diploma, whose level has no French or Moroccan
   * equivalent here.
   */
  public String band() {
    return switch (this) {
      case NONE, BELOW_BAC, BAC -> BAC_OR_BELOW;
      case BAC_PLUS_2, BAC_PLUS_3_OR_MORE -> ABOVE_BAC;
      case FOREIGN_DIPLOMA -> null;
    };
  }
}
