package org.passerelle.partnership;

/**
 * What a partner does for the network; a partner may have several roles (an employer that also
 * donates computers and hosts a school).
 */
public enum PartnerRole {
  EMPLOYER,
  FUNDER,
  DONOR,
  TRAINING_PARTNER,
  PREMISES_HOST,
  PUBLIC_EMPLOYMENT_SERVICE,
  CHAMBER_OF_COMMERCE,
  LOCAL_AUTHORITY,
  ASSOCIATION,
  FOUNDATION,
  SCHOOL;

  /** The role a partner registered with only its kind has (before roles existed). */
  public static PartnerRole of(PartnerKind kind) {
    return switch (kind) {
      case EMPLOYER -> EMPLOYER;
      case FUNDER -> FUNDER;
      case PUBLIC_AGENCY -> PUBLIC_EMPLOYMENT_SERVICE;
      case ASSOCIATION -> ASSOCIATION;
      case TRAINING_PARTNER -> TRAINING_PARTNER;
    };
  }
}
