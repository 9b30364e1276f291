package org.passerelle.partnership;

/** What a partner brings to the school. */
public enum PartnerKind {
  EMPLOYER,
  FUNDER,
  PUBLIC_AGENCY,
  ASSOCIATION,
  TRAINING_PARTNER
}
