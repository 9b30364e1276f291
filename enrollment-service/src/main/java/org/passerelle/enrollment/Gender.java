package org.passerelle.enrollment;

/** Gender as the person declared it; declaring is optional. */
public enum Gender {
  FEMALE,
  MALE,
  NON_BINARY,
  NOT_DECLARED
}
