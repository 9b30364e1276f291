package org.passerelle.enrollment;

/** Who sent the applicant to the school. */
public enum ReferralSource {
  MISSION_LOCALE,
  FRANCE_TRAVAIL,
  ANAPEC,
  ASSOCIATION,
  ALUMNI,
  SELF
}
