package org.passerelle.enrollment;

/** Highest education level reached, in the categories funders count (GEN: bac or below). */
public enum EducationLevel {
  NONE,
  BELOW_BAC,
  BAC,
  BAC_PLUS_2,
  BAC_PLUS_3_OR_MORE,
  FOREIGN_DIPLOMA
}
