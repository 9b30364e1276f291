package org.passerelle.enrollment;

/** What a person may consent to; a purpose without consent is not used. */
public enum ConsentPurpose {
  /** Processing the application at all: required to apply. */
  APPLICATION_PROCESSING,
  /** Being contacted after the training to learn what became of them. */
  FOLLOW_UP_CONTACT,
  /** Sharing their CV with the school's employer partners. */
  CV_SHARING
}
