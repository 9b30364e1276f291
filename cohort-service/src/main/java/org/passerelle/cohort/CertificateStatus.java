package org.passerelle.cohort;

/** A certificate is valid from its issue until staff revoke it; a revocation is final. */
public enum CertificateStatus {
  VALID,
  REVOKED
}
